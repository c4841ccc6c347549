// Reading a Blob into buffers used again (web/src/blob-chunks.js): every byte of any range, in
// chunks of any size, from an in-memory Blob and from a file-backed one (fs.openAsBlob, whose
// stream gives a large file in several pieces); the slices read as before where a runtime's
// Blobs have no stream; a stream whose BYOB reads never resolve (Chromium 156, now and then)
// is read whole all the same; a caller that stops early has the stream cancelled; and a file
// read from a Blob in small chunks gives the same report as from its bytes.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, openAsBlob, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEngineModule, root, webDir } from './helpers.mjs';

const { blobBytes, blobChunks } = await import(pathToFileURL(path.join(webDir, 'src/blob-chunks.js')));
const { createEngine } = await loadEngineModule();

// 600 KB of bytes that differ from their neighbours (a misplaced piece would show).
const data = new Uint8Array(600_001).map((_, i) => (i * 7919 + (i >> 8)) & 0xff);
const dir = mkdtempSync(path.join(os.tmpdir(), 'basketlift-blob-chunks-'));
const file = path.join(dir, 'data.bin');
writeFileSync(file, data);
const fileBlob = await openAsBlob(file);
after(() => rmSync(dir, { recursive: true, force: true }));  // the Blob reads the file as it goes

// A Blob without streams (as in runtimes older than Blob.stream()).
class NoStreamBlob extends Blob {
  slice(...args) {
    const part = super.slice(...args);
    part.stream = undefined;
    return part;
  }
}

// A Blob class whose slices' stream readers go through wrap(reader, options, blob) first.
function blobWithReaders(wrap) {
  return class extends Blob {
    slice(...args) {
      const part = super.slice(...args);
      const stream = part.stream.bind(part);
      part.stream = () => {
        const readable = stream();
        const getReader = readable.getReader.bind(readable);
        readable.getReader = (options) => wrap(getReader(options), options, this);
        return readable;
      };
      return part;
    }
  };
}

// A Blob whose streams' BYOB readers never answer a read, as Chromium 156's now and then did
// for a dropped File (the drop hung); their default readers work.
const StallingByobBlob = blobWithReaders((reader, options) => {
  if (options?.mode === 'byob') reader.read = () => new Promise(() => {});
  return reader;
});

const RANGES = [[0, data.length], [1, data.length - 1], [65_535, 200_003], [300_000, 300_001], [5, 5]];
const CHUNKS = [1 << 20, 65_536, 100_000, 4_096];

async function chunksOf(blob, start, end, chunkBytes) {
  const pieces = [];
  for await (const chunk of blobChunks(blob, start, end, chunkBytes)) {
    assert.ok(chunk.length <= chunkBytes && chunk.length > 0, `a chunk of ${chunk.length} bytes`);
    pieces.push(Buffer.from(chunk));  // copied: the next chunk refills the same buffer
  }
  return { bytes: Buffer.concat(pieces), count: pieces.length };
}

for (const [label, blob] of [['in memory', new Blob([data])], ['file-backed', fileBlob], ['without streams', new NoStreamBlob([data])]]) {
  test(`${label}: every range comes back whole, in chunks of any size and in one piece`, async () => {
    for (const [start, end] of RANGES) {
      const want = Buffer.from(data.subarray(start, end));
      for (const chunkBytes of CHUNKS) {
        const { bytes, count } = await chunksOf(blob, start, end, chunkBytes);
        assert.ok(bytes.equals(want), `[${start}, ${end}) in chunks of ${chunkBytes}`);
        assert.equal(count, Math.ceil((end - start) / chunkBytes), `[${start}, ${end}) in chunks of ${chunkBytes}: chunks`);
      }
      assert.ok(Buffer.from(await blobBytes(blob, start, end)).equals(want), `[${start}, ${end}) in one piece`);
      const spare = new ArrayBuffer(end - start + 10);
      assert.ok(Buffer.from(await blobBytes(blob, start, end, spare)).equals(want), `[${start}, ${end}) into a spare buffer`);
      assert.ok(Buffer.from(await blobBytes(blob, start, end, new ArrayBuffer(1))).equals(want), `[${start}, ${end}) with a spare too small`);
    }
  });
}

// A Blob counting the stream readers of its slices that were cancelled.
class CancelCountingBlob extends blobWithReaders((reader, options, blob) => {
  const cancel = reader.cancel.bind(reader);
  reader.cancel = (reason) => {
    blob.cancelled += 1;
    return cancel(reason);
  };
  return reader;
}) {
  cancelled = 0;
}

test('a stream whose BYOB reads never resolve is read whole, not waited on for ever', async () => {
  const blob = new StallingByobBlob([data]);
  const read = Promise.all([chunksOf(blob, 0, data.length, 65_536), blobBytes(blob, 0, data.length)]);
  let timer;
  const stalled = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('the read stalled')), 5_000)));
  const [chunked, whole] = await Promise.race([read, stalled]).finally(() => clearTimeout(timer));
  assert.ok(chunked.bytes.equals(Buffer.from(data)));
  assert.ok(Buffer.from(whole).equals(Buffer.from(data)));
});

test('a caller that stops early has the stream cancelled, and the Blob reads in full again', async () => {
  const blob = new CancelCountingBlob([data]);
  for await (const chunk of blobChunks(blob, 0, data.length, 4_096)) {
    assert.equal(chunk[0], data[0]);
    break;
  }
  assert.equal(blob.cancelled, 1);
  assert.ok((await chunksOf(blob, 0, data.length, 65_536)).bytes.equals(Buffer.from(data)));
});

test('a file read from a file-backed Blob in small chunks gives the report its bytes give', async () => {
  const sample = ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'].map((name) => path.join(root, 'web/sample', name));
  const reportOf = async (source) => {
    const engine = await createEngine({ workers: 1 });
    try {
      for (const name of sample) await engine.addFile(await source(name), { name: path.basename(name), chunkBytes: 10_000 });
      return engine.analyze();
    } finally {
      engine.dispose();
    }
  };
  const fromBytes = await reportOf((name) => new Uint8Array(readFileSync(name)));
  const fromBlob = await reportOf((name) => openAsBlob(name));
  assert.ok(fromBytes.summary.orders > 0);
  assert.deepEqual(fromBlob, fromBytes);
});

// Reading a Blob into buffers used again (web/src/blob-chunks.js): every byte of any range, in
// chunks of any size, from an in-memory Blob and from a file-backed one (fs.openAsBlob, whose
// stream gives a large file in several pieces), read by the streams' BYOB readers; the slices
// read as before where a runtime's Blobs have no stream; a stream whose BYOB reads stop being
// answered (Chromium 156, now and then), at once or in the middle of a chunk, is read whole all
// the same, by its default reader after the time limit; a Blob shorter than it says gives the
// bytes it has; a caller that stops early has the stream cancelled; and a file read from a Blob
// in small chunks gives the same report as from its bytes.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, openAsBlob, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEngineModule, root, webDir } from './helpers.mjs';

const blobChunksUrl = pathToFileURL(path.join(webDir, 'src/blob-chunks.js'));
const { blobBytes, blobChunks } = await import(blobChunksUrl);
// A BYOB read left unanswered makes a realm read by default readers from then on: the tests that
// leave reads unanswered each load a module instance of their own (another URL).
const freshBlobChunks = (name) => import(`${blobChunksUrl}?${name}`);
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

// A Blob whose streams' BYOB readers answer `answered` reads with at most 1,000 bytes each
// (as a file-backed stream answers with what it has), then never another, as Chromium 156's now
// and then did for a dropped File (the drop hung); their default readers work. Counts the
// readers of each kind it gave.
function stallingByobBlob(answered) {
  return class extends blobWithReaders((reader, options, blob) => {
    blob.readers[options?.mode ?? 'default'] += 1;
    if (options?.mode === 'byob') {
      const read = reader.read.bind(reader);
      let left = answered;
      reader.read = (view) => (left-- > 0 ? read(new Uint8Array(view.buffer, view.byteOffset, Math.min(view.byteLength, 1_000))) : new Promise(() => {}));
    }
    return reader;
  }) {
    readers = { byob: 0, default: 0 };
  };
}

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
      // A new buffer with room for a longer range next (the range readers keep theirs).
      const roomy = await blobBytes(blob, start, end, null, undefined, 64);
      assert.ok(Buffer.from(roomy).equals(want), `[${start}, ${end}) into a new buffer with room`);
      if (label !== 'without streams') assert.equal(roomy.buffer.byteLength, end - start + 64, `[${start}, ${end}): the room kept`);
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

// A Blob that says it is longer than it is (a file that shrank while it was read).
const claimingMore = (Base) => class extends Base {
  get size() {
    return super.size + 100_000;
  }
};

test('a Blob shorter than it says gives the bytes it has, with or without streams', async () => {
  for (const Base of [Blob, NoStreamBlob]) {
    const blob = new (claimingMore(Base))([data]);
    for (const chunkBytes of [65_536, 4_096, 1 << 20]) {
      const { bytes } = await chunksOf(blob, 0, blob.size, chunkBytes);
      assert.ok(bytes.equals(Buffer.from(data)), `${Base.name} in chunks of ${chunkBytes}`);
    }
  }
});

test('a Blob that has BYOB readers is read by them alone', async () => {
  const blob = new (stallingByobBlob(Infinity))([data]);
  assert.ok((await chunksOf(blob, 0, data.length, 65_536)).bytes.equals(Buffer.from(data)));
  assert.ok(Buffer.from(await blobBytes(blob, 1, data.length)).equals(Buffer.from(data.subarray(1))));
  assert.deepEqual(blob.readers, { byob: 2, default: 0 });
});

// Reads [0, data.length) in chunks and whole with a module instance of its own, failing after 5 s.
async function readAllWithin5s(blob, name) {
  const fresh = await freshBlobChunks(name);
  const chunks = async () => {
    const pieces = [];
    for await (const chunk of fresh.blobChunks(blob, 0, data.length, 65_536, 50)) pieces.push(Buffer.from(chunk));
    return Buffer.concat(pieces);
  };
  const read = Promise.all([chunks(), fresh.blobBytes(blob, 0, data.length, null, 50)]);
  let timer;
  const stalled = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('the read stalled')), 5_000)));
  const [chunked, whole] = await Promise.race([read, stalled]).finally(() => clearTimeout(timer));
  return { chunked, whole, fresh };
}

test('a stream whose BYOB reads are never answered is read whole, not waited on for ever', async () => {
  const blob = new (stallingByobBlob(0))([data]);
  const { chunked, whole, fresh } = await readAllWithin5s(blob, 'never');
  assert.ok(chunked.equals(Buffer.from(data)));
  assert.ok(Buffer.from(whole).equals(Buffer.from(data)));
  // Each of the two reads gave up its BYOB reader for a default one.
  assert.deepEqual(blob.readers, { byob: 2, default: 2 });
  // From then on this realm reads by default readers alone: no BYOB reader is opened again.
  assert.ok(Buffer.from(await fresh.blobBytes(blob, 0, data.length, null, 2_000)).equals(Buffer.from(data)));
  assert.deepEqual(blob.readers, { byob: 2, default: 3 });
});

test('a stream whose BYOB reads stop being answered in the middle of a chunk is read whole', async () => {
  // 3 answers leave the first chunk of 65,536 bytes part filled; 100 stop in the second.
  for (const answered of [3, 100]) {
    const blob = new (stallingByobBlob(answered))([data]);
    const { chunked, whole } = await readAllWithin5s(blob, `after-${answered}`);
    assert.ok(chunked.equals(Buffer.from(data)), `${answered} reads answered: in chunks`);
    assert.ok(Buffer.from(whole).equals(Buffer.from(data)), `${answered} reads answered: whole`);
  }
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

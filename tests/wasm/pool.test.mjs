// The pool of range readers (web/src/pool.js, parallel.js): a file read by 2, 3 or 7 threads
// gives the same report as one thread, from bytes and from a Blob; progress reaches the end;
// a cancel stops it and leaves the engine usable; a range's buffers (its bytes, and its serialised
// form once merged) come back for the next ones;
// a range no reader has started can be taken back. (The C++ suite checks the same on every
// fixture and on files built to defeat the cuts; this checks the JavaScript plumbing.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openAsBlob, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadEngineModule, root, webDir } from './helpers.mjs';

const { createEngine } = await loadEngineModule();

const dir = mkdtempSync(path.join(os.tmpdir(), 'basketlift-pool-'));
execFileSync(path.join(root, 'build/bin/basketlift-generate'), ['--orders', '4000', '--seed', '5', '--format', 'csv', '--out', dir]);
const TABLES = ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'];
const files = TABLES.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) }));
rmSync(dir, { recursive: true, force: true });

// Small ranges, and the pool used whatever the size, so that these files are cut many times.
const POOL = { parallelFrom: 1 << 15, rangeBytes: 1 << 16 };

async function reportWith(workers, asBlob = false) {
  const engine = await createEngine({ workers, ...POOL });
  try {
    for (const { name, bytes } of files) await engine.addFile(asBlob ? new Blob([bytes]) : bytes, { name });
    return engine.analyze();
  } finally {
    engine.dispose();
  }
}

const withoutSize = (report) => JSON.stringify({ ...report, store_bytes: undefined });

test('the same report with 1, 2, 3 and 7 threads, from bytes and from a Blob', async () => {
  const single = withoutSize(await reportWith(1));
  for (const workers of [2, 3, 7]) {
    assert.equal(withoutSize(await reportWith(workers)), single, `${workers} threads`);
  }
  assert.equal(withoutSize(await reportWith(3, true)), single, '3 threads from a Blob');
});

test("Node's file-backed Blobs (fs.openAsBlob) are read by the readers too, to the same report", async () => {
  const single = withoutSize(await reportWith(1));
  const folder = mkdtempSync(path.join(os.tmpdir(), 'basketlift-blob-'));
  const engine = await createEngine({ workers: 3, ...POOL });
  try {
    for (const { name, bytes } of files) {
      writeFileSync(path.join(folder, name), bytes);
      await engine.addFile(await openAsBlob(path.join(folder, name)), { name });
    }
    assert.equal(withoutSize(engine.analyze()), single);
    // Such a Blob cannot be posted to a worker: without its bytes sliced for them the readers
    // would get nothing and the engine would read every range itself.
    assert.ok(engine.memory().poolBytes > 0, 'the readers read ranges');
  } finally {
    engine.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
});

test("Node's FileHandles are read from their start, with one thread and with the pool, to the same report; left open", async () => {
  const single = withoutSize(await reportWith(1));
  const folder = mkdtempSync(path.join(os.tmpdir(), 'basketlift-handle-'));
  try {
    for (const name of TABLES) writeFileSync(path.join(folder, name), files.find((f) => f.name === name).bytes);
    // chunkBytes 1000: a record cut by nearly every chunk of the one-thread read.
    for (const [workers, options] of [[1, { chunkBytes: 1000 }], [3, {}]]) {
      const engine = await createEngine({ workers, ...POOL });
      const handles = [];
      const outcomes = [];  // what became of the readers' ranges: merged only when read from the file's bytes
      const mergeRange = engine.mergeRange.bind(engine);
      engine.mergeRange = (...args) => {
        outcomes.push(mergeRange(...args));
        return outcomes.at(-1);
      };
      try {
        for (const name of TABLES) {
          const handle = await open(path.join(folder, name));
          handles.push(handle);
          await handle.read(new Uint8Array(100), 0, 100, null);  // its own position moved: not where the engine starts
          await engine.addFile(handle, { name, ...options });
        }
        assert.equal(withoutSize(engine.analyze()), single, `${workers} threads`);
        if (workers > 1) assert.ok(outcomes.filter((outcome) => outcome === 'merged').length > 0, `readers' ranges merged: ${outcomes}`);
        for (const handle of handles) assert.equal((await handle.stat()).size > 0, true, 'the handle is still open');
      } finally {
        engine.dispose();
        for (const handle of handles) await handle.close();
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('progress reaches the end with the pool', async () => {
  const engine = await createEngine({ workers: 3, ...POOL });
  const seen = [];
  const offers = files[2];
  await engine.addFile(offers.bytes, { name: offers.name, onProgress: (p) => seen.push(p.loaded) });
  assert.ok(seen.length > 3);
  assert.deepEqual([...seen].sort((a, b) => a - b), seen, 'progress only grows');
  assert.equal(seen.at(-1), offers.bytes.length);
  engine.dispose();
});

test("progress moves while readers read their ranges, not only when a range is merged", async () => {
  // Ranges of 2 MiB, each read by a reader in two 1 MiB pieces; the engine's own pieces 1 MiB.
  const folder = mkdtempSync(path.join(os.tmpdir(), 'basketlift-progress-'));
  execFileSync(path.join(root, 'build/bin/basketlift-generate'), ['--orders', '15000', '--seed', '5', '--format', 'csv', '--out', folder]);
  const offers = new Uint8Array(readFileSync(path.join(folder, 'offers.csv')));
  rmSync(folder, { recursive: true, force: true });
  const engine = await createEngine({ workers: 3, parallelFrom: 1 << 15, rangeBytes: 2 << 20 });
  const seen = [0];
  await engine.addFile(offers, { name: 'offers.csv', chunkBytes: 1 << 20, onProgress: (p) => seen.push(p.loaded) });
  assert.ok(offers.length > 6 << 20, 'several ranges');
  assert.ok(engine.memory().poolBytes > 0, 'the readers read ranges');
  const steps = seen.slice(1).map((loaded, k) => loaded - seen[k]);
  assert.ok(Math.min(...steps) >= 0, 'progress only grows');
  assert.ok(Math.max(...steps) <= 1 << 20, `no step above a piece (largest ${Math.max(...steps)} bytes)`);
  assert.equal(seen.at(-1), offers.length);
  engine.dispose();
});

test('records longer than the short window past a cut: starts found in the whole window, same report', async () => {
  // Lines of ~150 KB (a long product name): no whole record in a cut's first 64 KiB.
  const name = 'x'.repeat(150_000);
  const lines = ['order_id,product_id,product_name,quantity,unit_price'];
  for (let k = 0; k < 48; k++) lines.push(`O${k},P${k % 7},${name}${k},${1 + (k % 3)},${(10 + k).toFixed(2)}`);
  const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
  const report = async (workers) => {
    const engine = await createEngine({ workers, parallelFrom: 1 << 15, rangeBytes: 1 << 20 });
    await engine.addFile(bytes, { name: 'orders.csv' });
    const result = { report: withoutSize(engine.analyze()), poolBytes: engine.memory().poolBytes };
    engine.dispose();
    return result;
  };
  const single = await report(1);
  const pooled = await report(3);
  assert.equal(pooled.report, single.report);
  assert.ok(pooled.poolBytes > 0, 'the readers read ranges');
  assert.equal(JSON.parse(single.report).summary.orders, 48);
});

test('the analysis ends the readers (their memory stays counted); a later large file starts new ones', async () => {
  const single = withoutSize(await reportWith(1));
  const engine = await createEngine({ workers: 3, ...POOL });
  try {
    for (const { name, bytes } of files.slice(0, 2)) await engine.addFile(bytes, { name });
    assert.equal(engine.readers, 2, 'kept from one file to the next');
    engine.analyze();
    assert.equal(engine.readers, 0, 'ended by the analysis');
    const held = engine.memory().poolBytes;
    assert.ok(held > 0, 'what they held is still counted');
    for (const { name, bytes } of files.slice(2)) await engine.addFile(bytes, { name });
    assert.equal(engine.readers, 2, 'started again for the next large file');
    assert.equal(withoutSize(engine.analyze()), single, 'the report of one thread');
    assert.ok(engine.memory().poolBytes >= held);
  } finally {
    engine.dispose();
  }
});

test('readers start once the warm-up is done, and read each file with the settings of the moment', async () => {
  // Day-first slash dates: a reader still on the default (month first) would read its ranges'
  // dates otherwise, and the report would differ.
  const text = new TextDecoder().decode(files[1].bytes);
  const slashed = text.replace(/(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})[^,\n]*/g, '$3/$2/$1 $4');
  assert.notEqual(slashed, text);
  const bytes = new TextEncoder().encode(slashed);
  const settings = { slash_date_order: 'day_first' };
  const alone = async (configured) => {
    const engine = await createEngine({ workers: 1, warmUp: false });
    try {
      if (configured) engine.configure(configured);
      await engine.addFile(bytes, { name: 'orders.csv' });
      return withoutSize(engine.analyze());
    } finally {
      engine.dispose();
    }
  };
  const expected = await alone(settings);
  assert.notEqual(expected, await alone(null), 'the setting changes this report');
  const engine = await createEngine({ workers: 3, ...POOL });
  const outcomes = [];
  const mergeRange = engine.mergeRange.bind(engine);
  engine.mergeRange = (...args) => {
    outcomes.push(mergeRange(...args));
    return outcomes.at(-1);
  };
  try {
    assert.equal(await engine.warmedUp, true);
    assert.equal(engine.readers, 2, 'started before any file');
    engine.configure(settings);  // after the readers started
    await engine.addFile(bytes, { name: 'orders.csv' });
    assert.equal(engine.readers, 2, 'the same readers');
    assert.ok(outcomes.includes('merged'), 'the readers read ranges');
    assert.equal(withoutSize(engine.analyze()), expected);
  } finally {
    engine.dispose();
  }
});

test('a file given during the warm-up stops it before the readers start; a large file starts them', async () => {
  const engine = await createEngine({ workers: 3, ...POOL });
  try {
    await engine.addFile(files[0].bytes.subarray(0, 200), { name: 'products.csv' });  // below parallelFrom
    assert.equal(await engine.warmedUp, false);
    assert.equal(engine.readers, 0, 'none started for the warm-up that stopped');
    await engine.addFile(files[1].bytes, { name: 'orders.csv' });
    assert.equal(engine.readers, 2, 'started by the large file');
  } finally {
    engine.dispose();
  }
});

test('an engine disposed while its readers start ends them', async () => {
  const { RangePool } = await import(path.join(webDir, 'src/pool.js'));
  const terminated = [];
  const terminate = RangePool.prototype.terminate;
  RangePool.prototype.terminate = function () {
    terminated.push(this);
    return terminate.call(this);
  };
  try {
    const engine = await createEngine({ workers: 3, ...POOL });
    const read = engine.addFile(files[1].bytes, { name: 'orders.csv' }).catch((error) => error);
    engine.dispose();  // the pool is still being spawned
    const error = await read;
    assert.ok(error instanceof Error, 'the read fails rather than running on a disposed engine');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok(terminated.length >= 1, 'the pool that was starting is ended');
    assert.equal(engine.readers, 0);
  } finally {
    RangePool.prototype.terminate = terminate;
  }
});

test('a cancel stops a pooled read; the engine reads again afterwards', async () => {
  const engine = await createEngine({ workers: 3, ...POOL });
  const controller = new AbortController();
  const offers = files[2];
  const failure = await engine
    .addFile(offers.bytes, { name: offers.name, signal: controller.signal, onProgress: () => controller.abort() })
    .catch((error) => error);
  assert.equal(failure.name, 'AbortError');
  engine.reset();
  await engine.addFile(files[1].bytes, { name: 'orders.csv' });
  assert.equal(engine.analyze().summary.orders, 4000);
  engine.dispose();
});

test('a cancel stops a FileHandle read, at 1 and 3 threads; the handle closes at once, nothing is left failing', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'basketlift-handle-cancel-'));
  const stray = [];  // a read ahead left failing after the cancel would land here
  const onStray = (error) => stray.push(error);
  process.on('unhandledRejection', onStray);
  try {
    const offers = path.join(folder, files[2].name);
    writeFileSync(offers, files[2].bytes);
    for (const [workers, options] of [[1, { chunkBytes: 4096 }], [3, {}]]) {
      const engine = await createEngine({ workers, ...POOL });
      const handle = await open(offers);
      const controller = new AbortController();
      const failure = await engine
        .addFile(handle, { name: files[2].name, ...options, signal: controller.signal, onProgress: () => controller.abort() })
        .catch((error) => error);
      assert.equal(failure.name, 'AbortError', `${workers} threads`);
      await handle.close();  // while a read ahead may still be on its way
      engine.reset();
      await engine.addFile(files[1].bytes, { name: 'orders.csv' });
      assert.equal(engine.analyze().summary.orders, 4000, `${workers} threads: read again after the cancel`);
      engine.dispose();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(stray, []);
  } finally {
    process.off('unhandledRejection', onStray);
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a reader that fails a range rejects that read only; the pool goes on; buffers come back', async () => {
  const { RangePool } = await import(path.join(webDir, 'src/pool.js'));
  const pool = await RangePool.create(2);
  const bad = await pool.read({ spec: '{"not": "a spec"}', head: new Uint8Array(), bytes: new Uint8Array([1, 2]) }).catch((error) => error);
  assert.equal(bad.code, 'bad_usage');
  const engine = await createEngine({ workers: 1 });
  engine.beginFile('orders.csv', { size: files[1].bytes.length });
  engine.feed(files[1].bytes.subarray(0, 8192));
  const { spec, head } = engine.rangeSpec();
  const range = await pool.read({ spec, head, bytes: files[1].bytes.slice(8192) });
  assert.ok(range.length > 0);
  // A range's buffer comes back with its answer and is handed out again for the next range.
  const spare = pool.takeBuffer(1);
  assert.equal(spare.byteLength, files[1].bytes.length - 8192, 'the bytes the reader sent back');
  assert.equal(pool.takeBuffer(1).byteLength, 1, 'none left: a new one');
  const bytes = new Uint8Array(spare);
  bytes.set(files[1].bytes.subarray(8192));
  assert.deepEqual(await pool.read({ spec, head, bytes }), range, 'the same range from a reused buffer');
  // A merged range's buffer given back: the reader writes its next range into it when it fits.
  const roomy = new ArrayBuffer(range.length + 123);
  pool.giveBack(roomy);
  const written = await pool.read({ spec, head, bytes: files[1].bytes.slice(8192) });
  assert.equal(roomy.byteLength, 0, 'transferred to the reader');
  assert.equal(written.buffer.byteLength, range.length + 123, 'written into the buffer given back');
  assert.deepEqual(written, range);
  pool.giveBack(new ArrayBuffer(range.length - 1));
  const fresh = await pool.read({ spec, head, bytes: files[1].bytes.slice(8192) });
  assert.equal(fresh.buffer.byteLength, range.length + (1 << 20), 'too small: a new buffer with room');
  assert.deepEqual(fresh, range);
  pool.terminate();
  engine.dispose();
});

test("the engine gives merged ranges' buffers back: readers write later ranges into them", async () => {
  const engine = await createEngine({ workers: 2, ...POOL });
  try {
    const merged = [];
    const mergeRange = engine.mergeRange.bind(engine);
    engine.mergeRange = (range, last) => {
      merged.push({ length: range.length, capacity: range.buffer.byteLength });
      return mergeRange(range, last);
    };
    await engine.addFile(files[2].bytes, { name: files[2].name });
    assert.ok(merged.length >= 4, `ranges merged: ${merged.length}`);
    // A range in a buffer of its own has 1 MiB to spare; one in a buffer given back, an earlier
    // range's room.
    const reused = merged.filter(({ length, capacity }) => capacity !== length + (1 << 20));
    assert.ok(reused.length > 0, `ranges written into a buffer given back: ${JSON.stringify(merged)}`);
  } finally {
    engine.dispose();
  }
});

test('a range no reader has started can be taken back; one being read cannot', async () => {
  const { RangePool } = await import(path.join(webDir, 'src/pool.js'));
  const pool = await RangePool.create(1);
  const engine = await createEngine({ workers: 1 });
  engine.beginFile('orders.csv', { size: files[1].bytes.length });
  engine.feed(files[1].bytes.subarray(0, 8192));
  const { spec, head } = engine.rangeSpec();
  const running = { spec, head, bytes: files[1].bytes.slice(8192) };
  const queued = { spec, head, bytes: files[1].bytes.slice(8192) };
  const first = pool.read(running);
  const second = pool.read(queued).catch((error) => error);
  assert.equal(pool.withdraw(queued), true);
  assert.equal(pool.withdraw(queued), false, 'already taken back');
  assert.equal(pool.withdraw(running), false, 'a reader has it');
  assert.equal((await second).code, 'withdrawn');
  assert.ok((await first).length > 0);
  pool.terminate();
  engine.dispose();
});

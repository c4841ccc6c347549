// Memory in the wasm module: a file beyond the engine's cap stops with a clear message and
// leaves the engine usable; repeated ingest + report + reset does not grow the heap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fixture, loadEngineModule, webDir } from './helpers.mjs';

const { createEngine, BasketliftError } = await loadEngineModule();
const { EngineHost } = await import(path.join(webDir, 'src/worker-host.js'));
const sample = (name) => new Uint8Array(fixture(path.join('..', '..', 'web', 'sample', name)));

test('a file too large for the cap: clear message, then the engine reads again', async () => {
  const engine = await createEngine({ memoryLimit: 3e5 });
  const offers = sample('offers.csv');
  const failure = await engine.addFile(offers, { name: 'offers.csv', chunkBytes: 64 << 10 }).catch((e) => e);
  assert.ok(failure instanceof BasketliftError);
  assert.equal(failure.code, 'too_large');
  const size = (offers.length / 1e6).toFixed(1).replace('.', '\\.');
  assert.match(failure.message, new RegExp(`^file too large for this browser tab: [\\d.]+ MB read of ${size} MB \\('offers\\.csv': the data read so far needs`));
  const listed = engine.analyze().inputs[0];
  assert.equal(listed.rows_read, listed.rows_used + listed.rows_rejected);
  engine.reset();
  await engine.addFile(fixture('ingest/orders_nested.ndjson'), { name: 'orders.ndjson' });
  assert.equal(engine.analyze().summary.orders, 5);
  engine.dispose();
});

test('in the worker a too-large file leaves no rows behind and the other files stay', async () => {
  const host = new EngineHost({ memoryLimit: 3e5 });
  const replies = [];
  const post = (message) => replies.push(message);
  await host.handle({ id: 1, type: 'addFile', source: sample('products.csv'), options: { name: 'products.csv' } }, post);
  await host.handle({ id: 2, type: 'addFile', source: sample('offers.csv'), options: { name: 'offers.csv', chunkBytes: 64 << 10 } }, post);
  assert.equal(replies.find((r) => r.id === 2 && r.type === 'error').error.code, 'too_large');
  await host.handle({ id: 3, type: 'analyze' }, post);
  const report = JSON.parse(replies.find((r) => r.id === 3).result);
  assert.deepEqual(report.inputs.map((i) => i.file), ['products.csv']);
});

test('ingest + report + reset, many times over: the heap stays flat', async () => {
  const engine = await createEngine();
  const files = ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'].map((name) => ({ name, bytes: sample(name) }));
  const heap = [], memory = [];
  for (let round = 0; round < 25; round++) {
    for (const { name, bytes } of files) await engine.addFile(bytes, { name });
    const report = engine.analyze();
    assert.equal(report.summary.orders, 2500);
    engine.simulate(report, { all: { acceptance: { relative: -0.1 } } });
    engine.reset();
    const { engineBytes, heapBytes, wasmBytes } = engine.memory();
    assert.ok(engineBytes < 64 << 10, `after reset the engine holds ${engineBytes} bytes`);
    heap.push(heapBytes);
    memory.push(wasmBytes);
  }
  // Every byte allocated in a round is freed by reset (the first rounds set up caches).
  assert.equal(heap.at(-1), heap[2], `the C heap grew: ${heap.join(', ')}`);
  // The linear memory may grow once or twice as the allocator's free space fragments, never
  // round after round.
  assert.ok(new Set(memory.slice(2)).size <= 3, `wasm memory grew: ${memory.join(', ')}`);
  engine.dispose();
});

test('the analysis first frees the buffer the chunks were copied into, for its own use', async () => {
  const engine = await createEngine();
  const chunkBytes = 4 << 20;
  const orders = sample('orders.csv');
  assert.ok(orders.length < chunkBytes, 'the sample is read in one chunk');
  // A chunk as large as chunkBytes: the buffer it is copied into stays allocated for the next.
  const padded = new Uint8Array(chunkBytes);
  padded.set(orders);
  padded.fill(0x0a, orders.length);  // blank lines after the rows
  await engine.addFile(padded, { name: 'orders.csv', chunkBytes });
  const before = engine.memory().heapBytes;
  assert.equal(engine.analyze().summary.orders, 2500);
  const after = engine.memory().heapBytes;
  assert.ok(after < before - chunkBytes / 2, `the C heap held ${before} bytes before the analysis and ${after} after`);
  // The next file allocates its buffer again.
  await engine.addFile(sample('products.csv'), { name: 'products.csv' });
  assert.equal(engine.analyze().summary.orders, 2500);
  engine.dispose();
});

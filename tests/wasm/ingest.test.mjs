// Every ingestion fixture through the wasm module gives exactly the native CLI's report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEngineModule, fixture, nativeReport, comparable, assertSameReport, root } from './helpers.mjs';

const { createEngine } = await loadEngineModule();

const CASES = [
  { name: 'NDJSON with nested items', files: ['ingest/orders_nested.ndjson'] },
  { name: 'JSON array', files: ['ingest/orders_nested.json'] },
  { name: 'CSV with CRLF', files: ['ingest/orders_lines.csv'] },
  { name: 'semicolon CSV, decimal comma, BOM', files: ['ingest/orders_semicolon.csv'] },
  { name: 'bad rows of every kind', files: ['ingest/orders_with_bad_rows.ndjson'] },
  // Strings and numbers ending at many offsets of a 16-byte block, escapes, multi-byte
  // characters, a control byte and a lone UTF-8 byte: wasm's simdjson stage 1 skips plain bytes
  // 16 at a time (simd128); native's runs simdjson's own SIMD kernel.
  { name: 'JSON strings and numbers across 16-byte blocks', files: ['ingest/orders_json_strings.ndjson'] },
  { name: 'Shopify orders export', files: ['shopify/orders_export.csv'] },
  { name: 'Shopify products + orders', files: ['shopify/products_export.csv', 'shopify/orders_export.csv'] },
  { name: 'WooCommerce products', files: ['woocommerce/products_export.csv'] },
  {
    name: 'user column mapping',
    files: ['ingest/orders_german.csv'],
    mapping: 'ingest/orders_german.map.json',
  },
];

async function wasmReport(files, { mapping = null, chunkBytes } = {}) {
  const engine = await createEngine();
  try {
    for (const file of files) {
      await engine.addFile(fixture(file), { name: path.join(root, 'tests/fixtures', file), mapping, chunkBytes });
    }
    return engine.analyze();
  } finally {
    engine.dispose();
  }
}

for (const { name, files, mapping } of CASES) {
  test(`wasm = native: ${name}`, async () => {
    const mappingObject = mapping ? JSON.parse(readFileSync(path.join(root, 'tests/fixtures', mapping), 'utf8')) : null;
    const native = nativeReport(files, mapping ? ['--map', path.join(root, 'tests/fixtures', mapping)] : []);
    const wasm = await wasmReport(files, { mapping: mappingObject });
    assertSameReport(comparable(wasm), comparable(native));
    for (const input of wasm.inputs) {
      assert.equal(input.rows_read, input.rows_used + input.rows_rejected, input.file);
      assert.equal(input.error, undefined, input.file);
    }
    // Chunks of 7 bytes cut every record somewhere.
    assert.deepEqual(comparable(await wasmReport(files, { mapping: mappingObject, chunkBytes: 7 })), comparable(wasm));
  });
}

test('the user mapping reaches the engine through the JS option', async () => {
  const mapping = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/ingest/orders_german.map.json'), 'utf8'));
  const report = await wasmReport(['ingest/orders_german.csv'], { mapping });
  const [input] = report.inputs;
  assert.equal(input.table, 'orders');
  assert.equal(input.columns.Beleg, 'order_id');
  assert.equal(input.columns.Filiale, 'ignore');
  assert.equal(input.rejected_by_reason.invalid_number, 1);
  assert.equal(report.summary.revenue, 2 * 4.5 + 1.19 + 4.5);
});

test('streams and iterables are accepted as sources', async () => {
  const engine = await createEngine();
  const bytes = fixture('ingest/orders_lines.csv');
  async function* pieces() {
    for (let at = 0; at < bytes.length; at += 100) yield bytes.subarray(at, at + 100);
  }
  await engine.addFile(pieces(), { name: 'orders_lines.csv' });
  await engine.addFile(new Blob([fixture('ingest/orders_nested.json')]), { name: 'orders.json' });
  const report = engine.analyze();
  assert.equal(report.inputs[0].rows_used, 7);
  assert.equal(report.inputs[1].format, 'json');
  engine.dispose();
});

test('a stream with its size given has its columns sized once, as the same bytes whole', async () => {
  // 20,000 order lines: with no size the engine grows its columns as it reads (capacity to spare);
  // with `size` it sizes them once, as it does for a Uint8Array or a Blob.
  let text = 'order_id,timestamp,customer_id,variant,product_id,quantity,unit_price\n';
  for (let k = 0; k < 20000; k++) {
    const o = k >> 1;  // two lines an order, which agree on the order's fields
    text += `O${o},2024-03-0${1 + (o % 9)}T10:00:00Z,C${o % 700},${o % 2 ? 'control' : 'treatment'},P${k % 50},1,${(5 + (k % 40)).toFixed(2)}\n`;
  }
  const bytes = new TextEncoder().encode(text);
  async function* pieces() {
    for (let at = 0; at < bytes.length; at += 65536) yield bytes.subarray(at, at + 65536);
  }
  const storeBytes = async (source, options) => {
    const engine = await createEngine({ workers: 1, warmUp: false });
    let total;
    await engine.addFile(source, { name: 'orders.csv', ...options, onProgress: (p) => (total = p.total) });
    const result = { store: engine.memory().engineBytes, total, report: comparable(engine.analyze()) };
    engine.dispose();
    return result;
  };
  const whole = await storeBytes(bytes, {});
  const sized = await storeBytes(pieces(), { size: bytes.length });
  const unsized = await storeBytes(pieces(), {});
  assert.equal(sized.total, bytes.length, 'progress tells the total');
  assert.equal(unsized.total, null);
  // Sized from the size and the first piece's bytes per row, as a Uint8Array is from its first
  // chunk: not equal to it, but without the spare capacity of growing.
  assert.ok(sized.store < unsized.store, `sized ${sized.store} against unsized ${unsized.store}`);
  assert.ok(sized.store <= 1.1 * whole.store, `sized ${sized.store} against whole ${whole.store}`);
  assertSameReport(sized.report, whole.report);
  assertSameReport(unsized.report, whole.report);
});

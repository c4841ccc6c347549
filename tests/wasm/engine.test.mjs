// The wasm module under Node: same inputs → same report as the native CLI; errors as JS Errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadEngineModule, fixture, nativeReport, comparable, assertSameReport, root } from './helpers.mjs';

const { createEngine, BasketliftError } = await loadEngineModule();

async function wasmReport(files, chunkBytes) {
  const engine = await createEngine();
  try {
    for (const file of files) {
      await engine.addFile(fixture(file), { name: path.join(root, 'tests/fixtures', file), chunkBytes });
    }
    return engine.analyze();
  } finally {
    engine.dispose();
  }
}

const skeletonFiles = ['ingest/orders_nested.ndjson', 'ingest/orders_with_bad_rows.ndjson'];

test('wasm and native CLI give the same report for the same files', async () => {
  const native = nativeReport(skeletonFiles);
  const wasm = await wasmReport(skeletonFiles);
  assertSameReport(comparable(wasm), comparable(native));
  assert.equal(wasm.summary.orders, 7);
  assert.equal(wasm.summary.aov, native.summary.aov);
});

test('the report does not depend on chunk size', async () => {
  const whole = await wasmReport(skeletonFiles);
  for (const chunkBytes of [1, 3, 64, 1000]) {
    assert.deepEqual(comparable(await wasmReport(skeletonFiles, chunkBytes)), comparable(whole), `chunks of ${chunkBytes}`);
  }
});

test('rows read = rows used + rows rejected, with reasons', async () => {
  const report = await wasmReport(['ingest/orders_with_bad_rows.ndjson']);
  const [input] = report.inputs;
  assert.equal(input.rows_read, 7);
  assert.equal(input.rows_used, 2);
  assert.equal(input.rows_read, input.rows_used + input.rows_rejected);
  assert.deepEqual(input.rejected_by_reason, {
    invalid_json: 1,
    missing_required_field: 1,
    invalid_number: 1,
    negative_number: 1,
    non_positive_quantity: 1,
  });
});

test('failures reach JavaScript as BasketliftError with a code', async () => {
  const engine = await createEngine();
  assert.throws(() => engine.feed(new Uint8Array([1, 2, 3])), (error) => {
    assert.ok(error instanceof BasketliftError);
    assert.ok(error instanceof Error);
    assert.equal(error.code, 'bad_usage');
    return true;
  });
  await assert.rejects(engine.addFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0]), { name: 'book.xlsx' }), (error) => {
    assert.equal(error.code, 'unreadable_file');
    assert.match(error.message, /book\.xlsx/);
    return true;
  });
  // The engine stays usable after a failed file.
  await engine.addFile(fixture('ingest/orders_nested.ndjson'), { name: 'orders.ndjson' });
  const report = engine.analyze();
  assert.equal(report.summary.orders, 5);
  assert.equal(report.inputs[0].error, 'the file holds binary data (NUL bytes), not CSV, JSON or NDJSON text; if it is a spreadsheet, export it as CSV UTF-8');
  engine.dispose();
});

test('progress reports bytes read of the total', async () => {
  const engine = await createEngine();
  const bytes = fixture('ingest/orders_nested.ndjson');
  const seen = [];
  await engine.addFile(bytes, { name: 'o.ndjson', chunkBytes: 256, onProgress: (p) => seen.push(p) });
  assert.equal(seen.length, Math.ceil(bytes.length / 256));
  assert.deepEqual(seen.at(-1), { loaded: bytes.length, total: bytes.length, rows: 0 }, 'under 4 KiB: read at the end');
  const input = engine.analyze().inputs[0];
  assert.equal(input.rows_used + input.rows_rejected, 7);
  // A bigger file: rows are counted while it streams in.
  const products = fixture('../../web/sample/products.csv');
  const rows = [];
  await engine.addFile(products, { name: 'products.csv', chunkBytes: 1024, onProgress: (p) => rows.push(p.rows) });
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i] >= rows[i - 1], 'row counts only grow');
  assert.ok(rows.at(-1) > 100);
  engine.dispose();
});

test('inspect names the columns of an unknown header, and a mapping makes it known', async () => {
  const engine = await createEngine();
  const bytes = fixture('ingest/orders_german.csv');
  const unknown = await engine.inspect(bytes);
  assert.equal(unknown.table, null);
  assert.match(unknown.error, /./);
  assert.deepEqual(unknown.columns.map((c) => c.name), ['Beleg', 'Artikel', 'Menge', 'Preis', 'Datum', 'Filiale']);
  const mapping = JSON.parse(fixture('ingest/orders_german.map.json').toString());
  const known = await engine.inspect(bytes, mapping);
  assert.equal(known.table, 'orders');
  assert.equal(known.columns.find((c) => c.name === 'Preis').field, 'unit_price');
  await assert.rejects(engine.inspect(bytes, { Beleg: 'no_such_field' }), BasketliftError);
  engine.dispose();
});

test('one version everywhere: package.json, the CLI, the wasm engine and the report', async () => {
  const { readFileSync } = await import('node:fs');
  const { execFileSync } = await import('node:child_process');
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.match(version, /^\d+\.\d+\.\d+$/);
  assert.equal(execFileSync(path.join(root, 'build/bin/basketlift'), ['--version'], { encoding: 'utf8' }), `basketlift ${version}\n`);
  const engine = await createEngine();
  await engine.addFile(fixture('ingest/orders_nested.ndjson'), { name: 'o.ndjson' });
  assert.equal(engine.version, version);
  assert.equal(engine.analyze().engine_version, version);
  engine.dispose();
});

test('an aggregates file from a warehouse gives the native report; settings that contradict its query are refused', async () => {
  const file = 'aggregates/sample_postgres.csv';
  const native = nativeReport([file]);
  const wasm = await wasmReport([file], 100);
  assertSameReport(comparable(wasm), comparable(native));
  assert.equal(wasm.summary.orders, 2500);
  assert.deepEqual(wasm.inputs.map((i) => i.table), ['offers', 'orders', 'products', 'sessions']);
  assert.equal(wasm.offers.available, true);
  assert.ok(wasm.retire.offers.length > 0);
  assert.equal(wasm.dimensions.available, true);
  assert.equal(wasm.basket.available, true);
  assert.ok(wasm.basket.candidates.length > 0);
  assert.equal(wasm.ltv.available, true);
  assert.equal(wasm.trends.available, true);
  assert.ok(wasm.trends.periods.length > 1 && wasm.trends.offers.length > 0 && wasm.trends.experiment.available);

  const engine = await createEngine({ settings: { basket_min_support: 0.01 } });
  try {
    await engine.addFile(fixture(file), { name: file });
    assert.throws(() => engine.analyze(), (e) => e instanceof BasketliftError && e.code === 'bad_config' && /basket_min_support/.test(e.message));
  } finally {
    engine.dispose();
  }
});

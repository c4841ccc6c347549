// createEngine's warm-up (web/src/warm-up.js): a made-up store and its aggregates file
// (warm-up-aggregates.csv) analysed once so that the first real analysis runs in V8's optimised
// code. Each must exercise every section, and leave nothing behind that a later report could show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixture, loadEngineModule, webDir } from './helpers.mjs';

const { createEngine } = await loadEngineModule();
const { warmUpTables } = await import(path.join(webDir, 'src/warm-up.js'));
const warmUpAggregates = new Uint8Array(readFileSync(path.join(webDir, 'src/warm-up-aggregates.csv')));

test('the warm-up store is read whole and gives every section something to compute', async () => {
  const engine = await createEngine({ workers: 1, warmUp: false });
  for (const { name, text } of warmUpTables()) await engine.addFile(new TextEncoder().encode(text), { name });
  const report = engine.analyze();
  assert.deepEqual(report.inputs.map((file) => file.rows_rejected), [0, 0, 0, 0]);
  assert.ok(report.summary.orders > 1000);
  for (const section of ['dimensions', 'experiment', 'offers', 'ltv', 'basket', 'trends']) {
    assert.equal(report[section].available, true, section);
  }
  assert.ok(report.offers.offers.length >= 6, 'offers of each type');
  const units = report.experiment.arms.map((arm) => arm.units);
  assert.equal(units.length, 2);
  assert.ok(Math.min(...units) > 0.4 * (units[0] + units[1]), `two arms of about equal size: ${units}`);
  assert.deepEqual(report.data_gaps.checks, [], 'nothing for the gap checks to stop at');
  assert.deepEqual(warmUpTables(), warmUpTables(), 'the same store every time');
  engine.dispose();
});

test('the warm-up aggregates file is read whole and gives every section something to compute', async () => {
  const engine = await createEngine({ workers: 1, warmUp: false });
  await engine.addFile(warmUpAggregates, { name: 'aggregates.csv' });
  const report = engine.analyze();
  assert.deepEqual(report.inputs.map((input) => [input.table, input.rows_rejected]),
                   [['offers', 0], ['orders', 0], ['products', 0], ['sessions', 0]]);
  for (const section of ['dimensions', 'experiment', 'offers', 'ltv', 'basket', 'trends']) {
    assert.equal(report[section].available, true, section);
  }
  assert.deepEqual(report.data_gaps.checks, []);
  engine.dispose();
});

test('an engine that warmed up gives the report of one that did not, byte for byte', async () => {
  const sample = (name) => new Uint8Array(readFileSync(path.join(webDir, 'sample', name)));
  const aggregates = new Uint8Array(fixture('aggregates/sample_postgres.csv'));
  for (const files of [['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'].map((name) => [name, sample(name)]),
                       [['aggregates.csv', aggregates]]]) {
    const reports = [];
    for (const warmUp of [true, false]) {
      const engine = await createEngine({ workers: 1, warmUp });
      assert.equal(await engine.warmedUp, warmUp, 'the warm-up ran to its end (or there was none)');
      for (const [name, bytes] of files) await engine.addFile(bytes, { name });
      engine.analyze();
      reports.push(engine.reportJson().replace(/"store_bytes":\d+/, ''));
      engine.dispose();
    }
    assert.equal(reports[0], reports[1], files[0][0]);
  }
});

test('work given at once stops the warm-up before its next step', async () => {
  const sample = (name) => new Uint8Array(readFileSync(path.join(webDir, 'sample', name)));
  const engine = await createEngine({ workers: 1 });
  const warmedUp = engine.warmedUp;
  await engine.addFile(sample('orders.csv'), { name: 'orders.csv' });
  assert.equal(await warmedUp, false, 'stopped: the file came first');
  const report = engine.analyze();
  assert.deepEqual(report.inputs.map((input) => input.file), ['orders.csv'], 'only the real file');
  engine.dispose();

  // Disposing an engine stops its warm-up too (the module is left alone).
  const idle = await createEngine({ workers: 1 });
  const pending = idle.warmedUp;
  idle.dispose();
  assert.equal(await pending, false);
});

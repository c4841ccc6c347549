// Every report the engine writes validates against the strict JSON Schema (closed objects, every
// field required or named optional), and every alert's evidence pointer leads to a place in the
// report. (helpers.mjs validates every other test's reports too.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEngineModule, root, validateReport } from './helpers.mjs';

const { createEngine } = await loadEngineModule();

const store = mkdtempSync(path.join(os.tmpdir(), 'basketlift-schema-'));
execFileSync(path.join(root, 'build/bin/basketlift-generate'), ['--orders', '3000', '--seed', '11', '--format', 'csv', '--out', store]);
process.on('exit', () => rmSync(store, { recursive: true, force: true }));
const generated = (names) => names.map((name) => path.join(store, name));

const SAMPLE = ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'].map((name) => path.join(root, 'web/sample', name));
const CASES = {
  'the bundled sample store': [SAMPLE],
  'a generated store with every table': [generated(['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'])],
  'a generated store without sessions': [generated(['products.csv', 'orders.csv', 'offers.csv'])],
  'orders alone': [generated(['orders.csv'])],
  'capping, a set split, 90% confidence, triples': [
    generated(['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv']),
    { confidence: 0.9, capping: 'two_sided', expected_split: { control: 1, optimized: 1 }, basket_triples: true },
  ],
  'offers tested for changes (acceptance and margin), the experiment by week': [
    generated(['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv']),
    { change_window_days: 60, min_impressions_for_verdict: 30, trend_grain: 'week', sequential: true },
  ],
  'one section asked for': [generated(['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv']), { sections: ['offers'] }],
  'bare baskets (no money, no sessions)': [[path.join(root, 'tests/data/groceries/orders.csv')]],
  'Shopify exports': [['shopify/products_export.csv', 'shopify/orders_export.csv'].map((f) => path.join(root, 'tests/fixtures', f))],
  'bad rows of every kind': [[path.join(root, 'tests/fixtures/ingest/orders_with_bad_rows.ndjson')]],
  'a products file alone': [[path.join(root, 'tests/fixtures/woocommerce/products_export.csv')]],
};

function pointer(document, at) {
  return at.split('/').slice(1).reduce((node, key) => (node === undefined ? undefined : node[key]), document);
}

async function reportOf(files, settings) {
  const engine = await createEngine({ settings });
  for (const file of files) await engine.addFile(readFileSync(file), { name: path.basename(file) });
  const report = engine.analyze(); // validated by helpers.mjs
  engine.dispose();
  return report;
}

for (const [name, [files, settings]] of Object.entries(CASES)) {
  test(`report validates against the schema: ${name}`, async () => {
    const report = await reportOf(files, settings);
    assert.ok(validateReport(report));
    for (const alert of report.alerts.alerts) {
      assert.notEqual(pointer(report, alert.evidence), undefined, `alert evidence ${alert.evidence}`);
    }
  });
}

test('the native CLI writes reports of the same schema', () => {
  const files = readdirSync(store).filter((f) => f.endsWith('.csv')).map((f) => path.join(store, f));
  const report = JSON.parse(execFileSync(path.join(root, 'build/bin/basketlift'), ['analyze', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  assert.ok(validateReport(report), JSON.stringify(validateReport.errors?.slice(0, 3)));
});

test('the schema is closed: an unknown key, a missing field or a wrong type anywhere fails', async () => {
  const report = await reportOf(SAMPLE);
  const broken = [
    (r) => { r.extra = 1; },
    (r) => { r.summary.orders_typo = 1; },
    (r) => { delete r.summary.money_orders; },
    (r) => { r.offers.offers[0].verdict = 'great'; },
    (r) => { r.offers.offers[0].by_segment[0].surprise = true; },
    (r) => { delete r.offers.offers[0].by_segment[0].segment; },
    (r) => { r.experiment.comparisons[0].metrics[0].result.extra = 0; },
    (r) => { r.basket.product_pairs[0].a_to_b.support = 0.1; },
    (r) => { r.settings.unknown_option = true; },
    (r) => { delete r.settings.confidence; },
    (r) => { r.data_gaps.checks.push({ id: 'x' }); },
  ];
  for (const breakIt of broken) {
    const copy = structuredClone(report);
    breakIt(copy);
    assert.equal(validateReport(copy), false, breakIt.toString());
  }
  assert.ok(validateReport(report));
});

test('the schema case for changes holds what it is meant to check', async () => {
  const [files, settings] = CASES['offers tested for changes (acceptance and margin), the experiment by week'];
  const report = await reportOf(files, settings);
  assert.ok(report.trends.changes.offers.length > 0);
  assert.ok(report.trends.changes.offers.every((c) => c.margin !== null && typeof c.margin.before === 'number'));
  assert.ok(report.trends.experiment.available);
  assert.equal(report.trends.experiment.periods.length, report.trends.periods.length);
});

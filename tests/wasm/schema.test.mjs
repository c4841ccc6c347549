// Every report the engine writes validates against the documented JSON Schema, and every
// alert's evidence pointer leads to a place in the report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { loadEngineModule, root } from './helpers.mjs';

const { createEngine } = await loadEngineModule();
const schema = JSON.parse(readFileSync(path.join(root, 'core/report/report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const SAMPLE = ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'].map((name) => path.join(root, 'web/sample', name));
const CASES = {
  'the bundled sample store': SAMPLE,
  'bare baskets (no money, no sessions)': [path.join(root, 'tests/data/groceries/orders.csv')],
  'Shopify exports': ['shopify/products_export.csv', 'shopify/orders_export.csv'].map((f) => path.join(root, 'tests/fixtures', f)),
  'bad rows of every kind': [path.join(root, 'tests/fixtures/ingest/orders_with_bad_rows.ndjson')],
};

function pointer(document, at) {
  return at.split('/').slice(1).reduce((node, key) => (node === undefined ? undefined : node[key]), document);
}

for (const [name, files] of Object.entries(CASES)) {
  test(`report validates against the schema: ${name}`, async () => {
    const engine = await createEngine();
    for (const file of files) await engine.addFile(readFileSync(file), { name: path.basename(file) });
    const report = engine.analyze();
    engine.dispose();
    assert.ok(validate(report), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
    for (const alert of report.alerts.alerts) {
      assert.notEqual(pointer(report, alert.evidence), undefined, `alert evidence ${alert.evidence}`);
    }
  });
}

test('the schema rejects a report that breaks it', () => {
  const engineLess = { schema_version: '1.1', inputs: [], summary: {} };
  assert.equal(validate(engineLess), false);
});

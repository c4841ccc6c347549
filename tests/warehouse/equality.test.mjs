// The report from a warehouse's aggregates equals the report from the raw files: the query of
// `basketlift sql` run on real PostgreSQL and DuckDB over generated stores (all-text tables, as
// COPY loads an export, and typed ones), every figure to 1e-9 relative: the summary, the
// experiment (capped or not; sessions, sessions named by orders), the tables' row accounts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertValidReport, cli, root } from '../wasm/helpers.mjs';
import { hasPostgres, openDuckDb, startPostgres } from './warehouses.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'basketlift-warehouse-'));
after(() => rmSync(work, { recursive: true, force: true }));

const ALL_TABLES = ['orders', 'products', 'sessions'];
// Stores: seeds with the generator's planted data gaps (rejected rows, other currencies), one
// clean, and the bundled sample store; capped experiments; and without a sessions table, where
// the sessions orders name (or the orders themselves) are the experiment's units.
const STORES = [
  { name: 'seed 11', args: ['--orders', '3000', '--seed', '11'] },
  { name: 'seed 12, capped at the 95th percentile', args: ['--orders', '2000', '--seed', '12'],
    config: { capping: 'upper', capping_percentile: 0.95 } },
  { name: 'clean seed 13, capped on both sides', args: ['--orders', '2000', '--seed', '13', '--clean'],
    config: { capping: 'two_sided', capping_percentile: 0.9 } },
  { name: 'seed 14 without sessions', args: ['--orders', '2000', '--seed', '14'], tables: ['orders', 'products'] },
  { name: 'sample store', dir: path.join(root, 'web/sample') },
];

function storeDir(store) {
  if (store.dir) return store.dir;
  const dir = path.join(work, store.name.replace(/\W+/g, '-'));
  execFileSync(path.join(root, 'build/bin/basketlift-generate'), [...store.args, '--format', 'csv', '--out', dir]);
  return dir;
}

const run = (args) => execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
function configArgs(store) {
  if (!store.config) return [];
  const file = path.join(work, `${store.name.replace(/\W+/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(store.config));
  return ['--config', file];
}
const tablesOf = (store) => store.tables ?? ALL_TABLES;
const query = (dialect, store) =>
  run(['sql', '--dialect', dialect, ...configArgs(store), ...tablesOf(store).flatMap((t) => [`--${t}`, t])]);
const rawReport = (dir, store) =>
  JSON.parse(run(['analyze', ...configArgs(store), ...tablesOf(store).flatMap((t) => [`--${t}`, path.join(dir, `${t}.csv`)])]));
function aggregatesReport(csv, name) {
  const file = path.join(work, name);
  writeFileSync(file, csv);
  return assertValidReport(JSON.parse(run(['analyze', '--aggregates', file])));
}

// The experiment with its arms and comparisons in one order: the raw report lists arms and
// slices as they first appear in the files, the aggregates report by name (a warehouse table
// has no row order).
function sortedExperiment(experiment) {
  const key = (c) => [c.slice_kind, c.slice, c.arm].join('\u0000');
  const byKey = (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const byArm = (a, b) => (a.arm < b.arm ? -1 : a.arm > b.arm ? 1 : 0);
  return { ...experiment, arms: [...(experiment.arms ?? [])].sort(byArm), comparisons: [...(experiment.comparisons ?? [])].sort(byKey) };
}

// Numbers equal to 1e-9 relative (sums in the warehouse are exact, the engine's in double);
// everything else equal.
function assertClose(actual, expected, where) {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(Math.abs(expected), Math.abs(actual), 1e-300);
    assert.ok(Math.abs(actual - expected) <= 1e-9 * scale, `${where}: ${actual} against ${expected}`);
  } else if (expected && typeof expected === 'object') {
    assert.equal(typeof actual, 'object', `${where}: ${JSON.stringify(actual)}`);
    assert.deepEqual(Object.keys(actual ?? {}).sort(), Object.keys(expected).sort(), `${where}: keys`);
    for (const key of Object.keys(expected)) assertClose(actual[key], expected[key], `${where}.${key}`);
  } else {
    assert.equal(actual, expected, where);
  }
}

// What the aggregates report must share with the raw one: the summary, the experiment, and per
// table the rows read, used and rejected by reason.
function assertSameAnswers(fromAggregates, raw, tables) {
  assertClose(fromAggregates.summary, raw.summary, 'summary');
  assertClose(sortedExperiment(fromAggregates.experiment), sortedExperiment(raw.experiment), 'experiment');
  assert.equal(fromAggregates.settings.capping, raw.settings.capping);
  assert.equal(raw.experiment.available, true, 'the store has an experiment to compare');
  assert.equal(raw.experiment.unit, tables.includes('sessions') ? 'session' : 'order_session');
  assert.equal(raw.experiment.capping.on, raw.settings.capping !== 'off');
  for (const table of tables) {
    const a = fromAggregates.inputs.find((i) => i.table === table);
    const r = raw.inputs.find((i) => i.table === table);
    assert.ok(a, `the aggregates report accounts for the ${table} table`);
    for (const key of ['rows_read', 'rows_used', 'rows_rejected', 'rejected_by_reason'])
      assert.deepEqual(a[key], r[key], `${table}.${key}`);
  }
  assert.deepEqual(
    fromAggregates.data_gaps.checks.map((c) => [c.id, c.count]),
    raw.data_gaps.checks.filter((c) => c.id === 'invalid_values' || c.id === 'rejected_rows').map((c) => [c.id, c.count]),
    'data gaps from the rejected rows');
  for (const section of ['dimensions', 'offers', 'ltv', 'basket'])
    assert.equal(fromAggregates[section].available, false, `${section} says it is not in the file`);
}

describe('aggregates from DuckDB equal the raw report', () => {
  for (const store of STORES) {
    for (const typed of [false, true]) {
      test(`${store.name}, ${typed ? 'typed' : 'text'} columns`, async () => {
        const dir = storeDir(store);
        const duck = await openDuckDb();
        for (const t of tablesOf(store)) await duck.load(t, path.join(dir, `${t}.csv`), { typed });
        const csv = await duck.csv(query('duckdb', store), path.join(work, 'duck-out.csv'));
        assertSameAnswers(aggregatesReport(csv, 'duckdb.csv'), rawReport(dir, store), tablesOf(store));
      });
    }
  }
});

describe('aggregates from PostgreSQL equal the raw report', { skip: !hasPostgres() && 'PostgreSQL 15 is not installed' }, () => {
  let pg;
  before(() => { pg = startPostgres(); });
  after(() => pg?.stop());
  STORES.forEach((store, k) => {
    test(`${store.name}, text columns`, () => {
      const dir = storeDir(store);
      const db = `shop${k}`;
      pg.createDatabase(db);
      for (const t of tablesOf(store)) pg.loadText(db, t, path.join(dir, `${t}.csv`));
      const csv = pg.csv(db, query('postgres', store));
      assertSameAnswers(aggregatesReport(csv, `postgres-${k}.csv`), rawReport(dir, store), tablesOf(store));
    });
  });
});

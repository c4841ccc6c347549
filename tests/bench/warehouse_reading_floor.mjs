// What reading a store costs DuckDB before any analysis: the warehouse query's own reading steps
// (every value as text, trimmed and checked against the engine's grammar, the impressions' time
// parsed) against a floor, the same tables' columns read as the typed values DuckDB holds (text
// trimmed, times as microseconds, nothing checked). Both keep every column (materialized, each
// column counted, so that DuckDB computes all of them) and take turns, RUNS each, in one DuckDB
// (@duckdb/node-api, in memory) that loads the store typed as warehouse_aggregates.mjs does.
// It prints each run's time and the process's processor time.
//
//   node tests/bench/warehouse_reading_floor.mjs DIR [RUNS]
//
// DIR holds orders.csv, products.csv, offers.csv and sessions.csv (e.g. build/bench/1000000/csv).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDuckDb } from '../warehouse/warehouses.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [dir, runsArg = '2'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node tests/bench/warehouse_reading_floor.mjs DIR [RUNS]');
  process.exit(2);
}
const TABLES = ['orders', 'products', 'offers', 'sessions'];
const CHECKED = { orders: 'order_checked', offers: 'offer_checked', sessions: 'session_checked' };

const duck = await openDuckDb();
for (const t of TABLES) await duck.load(t, path.join(dir, `${t}.csv`), { typed: true });
const rows = (sql) => duck.rows(sql);

// The query's steps up to the impressions' checks, each checked table's columns counted.
const query = execFileSync(path.join(root, 'build/bin/basketlift'),
  ['sql', '--dialect', 'duckdb', ...TABLES.flatMap((t) => [`--${t}`, t])], { encoding: 'utf8' });
const start = query.indexOf('WITH\n');
const end = query.indexOf('\n-- ', query.indexOf('\noffer_checked AS '));
if (start < 0 || end < 0) throw new Error('the query has no offer_checked step to stop after');
// One row: every column's count of values, each step's side by side.
const counted = (steps) => `SELECT * FROM ${steps.map((s) => `(SELECT COUNT(COLUMNS(*)) FROM ${s})`).join(', ')}`;
const checkedSql = `${query.slice(start, end).replace(/,\s*$/, '')}\n${counted(Object.values(CHECKED))}`;

// The floor: each table's columns as DuckDB holds them, text trimmed, times as microseconds.
const floorStep = async (table) => {
  const columns = (await rows(`DESCRIBE ${table}`)).map(([name, type]) => {
    const c = `"${name}"`;
    // Trimmed as the query trims (only a value that needs it: DuckDB's trim is slow).
    if (type === 'VARCHAR') {
      return `NULLIF(CASE WHEN starts_with(${c}, ' ') OR ends_with(${c}, ' ') OR contains(${c}, chr(9)) ` +
        `THEN trim(${c}, ' ' || chr(9)) ELSE ${c} END, '') AS ${c}`;
    }
    if (/^(TIMESTAMP|DATE)/.test(type)) return `epoch_us(${c}) AS ${c}`;
    return c;
  });
  return `${table}_typed AS MATERIALIZED (SELECT ${columns.join(', ')} FROM ${table})`;
};
const floorSql = `WITH ${(await Promise.all(Object.keys(CHECKED).map(floorStep))).join(',\n')}\n` +
  counted(Object.keys(CHECKED).map((t) => `${t}_typed`));

console.log('| reading | run | s | processor s | values counted |');
console.log('|---|---:|---:|---:|---:|');
for (let run = 1; run <= Number(runsArg); ++run) {
  for (const [name, sql] of [['the query\'s checked steps', checkedSql], ['typed values (the floor)', floorSql]]) {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const values = (await rows(sql))[0].reduce((sum, n) => sum + Number(n), 0);
    const used = process.cpuUsage(cpu);
    console.log(`| ${name} | ${run} | ${((performance.now() - t0) / 1000).toFixed(2)} | ${((used.user + used.system) / 1e6).toFixed(2)} | ${values} |`);
  }
}
duck.close();

// The warehouse path's speed: how long DuckDB (in-memory, @duckdb/node-api) and PostgreSQL 15
// (a throwaway cluster, work_mem 64MB) take to compute the aggregates of a generated store with
// the query of `basketlift sql`, and how large the aggregates file is.
//
//   node tests/bench/warehouse_aggregates.mjs DIR [duckdb|postgres ...]
//
// DUCKDB_MEMORY_LIMIT=4GB caps DuckDB's memory (its default is 80% of the machine's); what does
// not fit spills to a temporary directory, removed afterwards.
//
// DIR holds orders.csv, products.csv, offers.csv and sessions.csv (e.g. build/bench/1000000/csv, written by
// scripts/bench.sh, or scripts/generate.sh). Tables are loaded typed (DuckDB's own detection) in
// DuckDB and as text columns (COPY) in PostgreSQL; only the query is timed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDuckDb, startPostgres } from '../warehouse/warehouses.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [dir, ...engines] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node tests/bench/warehouse_aggregates.mjs DIR [duckdb|postgres ...]');
  process.exit(2);
}
const TABLES = ['orders', 'products', 'offers', 'sessions'];
const query = (dialect) => execFileSync(path.join(root, 'build/bin/basketlift'),
  ['sql', '--dialect', dialect, ...TABLES.flatMap((t) => [`--${t}`, t])], { encoding: 'utf8' });
const lines = Number(execFileSync('wc', ['-l', path.join(dir, 'orders.csv')], { encoding: 'utf8' }).split(' ')[0]) - 1;
const seconds = (start) => ((performance.now() - start) / 1000).toFixed(1);
console.log(`| engine | order lines | load s | query s | aggregates file |`);
console.log(`|---|---:|---:|---:|---:|`);

for (const engine of engines.length ? engines : ['duckdb', 'postgres']) {
  if (engine === 'duckdb') {
    const work = mkdtempSync(path.join(tmpdir(), 'basketlift-bench-'));
    const memoryLimit = process.env.DUCKDB_MEMORY_LIMIT ?? '';
    // A spill directory even without a limit: DuckDB spills within its default one too (to .tmp
    // in the working directory, left there, at 1,000,000 orders).
    const duck = await openDuckDb({ memoryLimit, spillDir: path.join(work, 'spill') });
    let start = performance.now();
    for (const t of TABLES) await duck.load(t, path.join(dir, `${t}.csv`), { typed: true });
    const load = seconds(start);
    start = performance.now();
    const csv = await duck.csv(query('duckdb'), path.join(work, 'aggregates.csv'));
    console.log(`| DuckDB (node-api, in memory${memoryLimit ? `, memory_limit ${memoryLimit}` : ''}) | ${lines} | ${load} | ${seconds(start)} | ${csv.length} bytes |`);
    rmSync(path.join(work, 'spill'), { recursive: true, force: true });
    if (process.env.KEEP) console.log(path.join(work, "aggregates.csv")); else rmSync(work, { recursive: true, force: true });
  } else if (engine === 'postgres') {
    const pg = startPostgres();
    try {
      pg.createDatabase('shop');
      let start = performance.now();
      for (const t of TABLES) pg.loadText('shop', t, path.join(dir, `${t}.csv`));
      const load = seconds(start);
      start = performance.now();
      const csv = pg.csv('shop', query('postgres'));
      console.log(`| PostgreSQL 15 (text columns, work_mem 64MB) | ${lines} | ${load} | ${seconds(start)} | ${csv.length} bytes |`);
    } finally {
      pg.stop();
    }
  }
}

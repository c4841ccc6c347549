// Two (or more) versions of the warehouse query on PostgreSQL 15, taking turns on one throwaway
// cluster (tests/warehouse/warehouses.mjs; work_mem 64MB) that loads the store as text columns
// once: each run's seconds, its file's size, and whether its rows (sorted) are the first
// version's. The DuckDB counterpart, with memory, is warehouse_query_ab.mjs.
//
//   node tests/bench/postgres_query_ab.mjs DIR RUNS A.sql B.sql ...
//
// Write each version with `basketlift sql --dialect postgres --orders orders --products products
// --offers offers --sessions sessions > A.sql`, built from the commit to compare.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startPostgres } from '../warehouse/warehouses.mjs';

const [dir, runsText, ...queries] = process.argv.slice(2);
if (!dir || !(Number(runsText) > 0) || queries.length < 1) {
  console.error('usage: node tests/bench/postgres_query_ab.mjs DIR RUNS A.sql B.sql ...');
  process.exit(2);
}
const pg = startPostgres();
try {
  pg.createDatabase('shop');
  for (const t of ['orders', 'products', 'offers', 'sessions']) pg.loadText('shop', t, path.join(dir, `${t}.csv`));
  console.log('| query | run | query s | aggregates file | same rows as the first |');
  console.log('|---|---:|---:|---:|---|');
  let first = null;
  for (let run = 1; run <= Number(runsText); ++run) {
    for (const query of queries) {
      const start = performance.now();
      const csv = pg.csv('shop', readFileSync(query, 'utf8'));
      const seconds = (performance.now() - start) / 1000;
      const rows = csv.split('\n').sort().join('\n');
      first ??= rows;
      console.log(`| ${query} | ${run} | ${seconds.toFixed(1)} | ${csv.length} bytes | ${rows === first ? 'yes' : 'NO'} |`);
    }
  }
} finally {
  pg.stop();
}

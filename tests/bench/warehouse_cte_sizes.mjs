// What each step of the warehouse query holds: the DuckDB query of `basketlift sql` run one CTE
// at a time, each made a table in an in-memory DuckDB (@duckdb/node-api), with its rows,
// columns, the memory its table took (duckdb_memory()) and its seconds: which steps to make
// narrower when the query's memory (not its arithmetic) limits how large a store it can take.
//
//   node tests/bench/warehouse_cte_sizes.mjs DIR [TOP]
//
// DIR holds orders.csv, products.csv, offers.csv and sessions.csv (e.g. build/bench/100000/csv),
// loaded typed as tests/bench/warehouse_aggregates.mjs loads them; TOP rows are listed (20).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [dir, topText] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node tests/bench/warehouse_cte_sizes.mjs DIR [TOP]');
  process.exit(2);
}
const TABLES = ['orders', 'products', 'offers', 'sessions'];
const sql = execFileSync(path.join(root, 'build/bin/basketlift'),
  ['sql', '--dialect', 'duckdb', ...TABLES.flatMap((t) => [`--${t}`, t])], { encoding: 'utf8' });

// The CTEs in query order: a line `name AS (`, `name AS MATERIALIZED (` or `name AS NOT
// MATERIALIZED (` opens one, a line `),` or `)` at the start closes it (the layout `basketlift
// sql` writes). One NOT MATERIALIZED is made a view: its readers compute it, as in the query.
const ctes = [];
let open = null;
for (const line of sql.split('\n')) {
  const start = !open && /^([a-z_0-9]+) AS (MATERIALIZED |NOT MATERIALIZED )?\($/.exec(line);
  if (start) {
    open = { name: start[1], materialized: start[2] === 'MATERIALIZED ',
             view: start[2] === 'NOT MATERIALIZED ', body: [] };
  }
  else if (open && /^\),?$/.test(line)) {
    ctes.push(open);
    open = null;
  }
  else if (open) open.body.push(line);
}

const { DuckDBInstance } = await import('@duckdb/node-api');
const connection = await (await DuckDBInstance.create(':memory:')).connect();
const value = async (query) => Number((await connection.runAndReadAll(query)).getRows()[0][0]);
const tableBytes = () => value(`SELECT COALESCE(SUM(memory_usage_bytes), 0) FROM duckdb_memory() WHERE tag = 'IN_MEMORY_TABLE'`);
for (const t of TABLES) await connection.run(`CREATE TABLE ${t} AS SELECT * FROM read_csv('${path.join(dir, `${t}.csv`)}', header = true)`);

const rows = [];
let before = await tableBytes();
for (const { name, materialized, view, body } of ctes) {
  const start = performance.now();
  await connection.run(`CREATE ${view ? 'VIEW' : 'TABLE'} ${name} AS ${body.join('\n')}`);
  const seconds = (performance.now() - start) / 1000;
  const after = await tableBytes();
  rows.push({ name, materialized, seconds, bytes: after - before,
              count: await value(`SELECT COUNT(*) FROM ${name}`),
              columns: await value(`SELECT COUNT(*) FROM duckdb_columns() WHERE table_name = '${name}'`) });
  before = after;
}

const mb = (bytes) => (bytes / 1e6).toFixed(1);
const held = rows.filter((r) => r.materialized).reduce((sum, r) => sum + r.bytes, 0);
console.log(`${ctes.length} CTEs; the ${rows.filter((r) => r.materialized).length} materialized hold ${mb(held)} MB together`);
console.log('| CTE | materialized | rows | columns | MB | s |');
console.log('|---|---|---:|---:|---:|---:|');
for (const r of rows.sort((a, b) => b.bytes - a.bytes).slice(0, Number(topText ?? 20))) {
  console.log(`| ${r.name} | ${r.materialized ? 'yes' : 'no'} | ${r.count} | ${r.columns} | ${mb(r.bytes)} | ${r.seconds.toFixed(2)} |`);
}

// Writes tests/fixtures/aggregates/sample_postgres.csv: the aggregates PostgreSQL 15 computes
// with the query of `basketlift sql --dialect postgres` over the bundled sample store (web/sample,
// all four tables loaded as text columns), which core/aggregates_test.cpp reads without a
// database. Run it after changing the query or the format:
//
//   node tests/warehouse/make_fixture.mjs
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from './warehouses.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TABLES = ['orders', 'products', 'offers', 'sessions'];
const sql = execFileSync(path.join(root, 'build/bin/basketlift'),
  ['sql', '--dialect', 'postgres', ...TABLES.flatMap((t) => [`--${t}`, t])], { encoding: 'utf8' });
const pg = startPostgres();
try {
  pg.createDatabase('sample');
  for (const t of TABLES) pg.loadText('sample', t, path.join(root, 'web/sample', `${t}.csv`));
  const out = path.join(root, 'tests/fixtures/aggregates/sample_postgres.csv');
  writeFileSync(out, pg.csv('sample', sql));
  console.log(`wrote ${path.relative(root, out)}`);
} finally {
  pg.stop();
}

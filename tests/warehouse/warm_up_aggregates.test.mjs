// The warm-up's aggregates file (web/src/warm-up-aggregates.csv) is what the query of
// `basketlift sql --dialect duckdb` gives on DuckDB over the warm-up's own store (warm-up.js),
// rows sorted: when the query, the format or the store change, it fails until the file is
// written again (BASKETLIFT_UPDATE_GOLDEN=1 node --test tests/warehouse/warm_up_aggregates.test.mjs).
// DuckDB returns rows, and the entries of a packed value, in no fixed order: the two are compared
// as sorted rows of sorted space-separated pieces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cli, root } from '../wasm/helpers.mjs';
import { openDuckDb } from './warehouses.mjs';

const golden = path.join(root, 'web/src/warm-up-aggregates.csv');
const TABLES = ['products', 'orders', 'offers', 'sessions'];

// The header line first, then the data rows in sorted order (DuckDB returns them in no fixed order).
const sortedRows = (csv) => {
  const [header, ...rows] = csv.trimEnd().split('\n');
  return [header, ...rows.sort()].join('\n') + '\n';
};
// The rows as sets: the space-separated pieces of each comma-separated part sorted, then the rows.
const comparable = (csv) => csv.trimEnd().split('\n')
  .map((row) => row.split(',').map((part) => part.split(' ').sort().join(' ')).join(',')).sort();

test('the warm-up aggregates are the query\'s result on the warm-up store', async () => {
  const { warmUpTables } = await import(pathToFileURL(path.join(root, 'web/src/warm-up.js')));
  const work = mkdtempSync(path.join(tmpdir(), 'basketlift-warm-up-'));
  try {
    for (const { name, text } of warmUpTables()) writeFileSync(path.join(work, name), text);
    const duck = await openDuckDb();
    for (const table of TABLES) await duck.load(table, path.join(work, `${table}.csv`));
    const sql = execFileSync(cli, ['sql', '--dialect', 'duckdb', ...TABLES.flatMap((t) => [`--${t}`, t])], { encoding: 'utf8' });
    const expected = sortedRows(await duck.csv(sql, path.join(work, 'aggregates.csv')));
    duck.close();
    if (process.env.BASKETLIFT_UPDATE_GOLDEN) writeFileSync(golden, expected);
    assert.deepEqual(comparable(readFileSync(golden, 'utf8')), comparable(expected),
                     `${path.relative(root, golden)} is stale (BASKETLIFT_UPDATE_GOLDEN=1 rewrites it)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

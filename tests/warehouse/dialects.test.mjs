// The BigQuery and Snowflake queries of `basketlift sql`, which no warehouse here can run: each is
// compared with its golden file (tests/fixtures/sql; BASKETLIFT_UPDATE_GOLDEN=1 rewrites them
// after a reviewed change), parsed with Debian's sqlglot in its dialect and checked for the
// constructs the dialect lacks (check_sql.py), and built of the same CTEs and output rows as the
// DuckDB query that the equality tests run, so that no part is left out of a dialect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli, root } from '../wasm/helpers.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'basketlift-dialects-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const goldens = path.join(root, 'tests/fixtures/sql');
const configFile = (name, settings) => {
  const file = path.join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify(settings));
  return file;
};

// Requests: every table; the Shopify export alone over a period, capped, without examples; an
// arm name that needs escaping in a string literal.
const CASES = [
  { name: 'all_tables', golden: true,
    args: ['--orders', 'shop.orders', '--products', 'shop.products', '--offers', 'shop.offers', '--sessions', 'shop.sessions'] },
  { name: 'shopify_period', golden: true,
    args: ['--orders', 'shop.orders_export', '--map', 'shopify', '--from', '2024-03-01', '--to', '2024-05-31', '--examples', '0',
      '--config', configFile('capped', { capping: 'two_sided', capping_percentile: 0.95 })] },
  { name: 'quoted_arm',
    args: ['--orders', 'o', '--offers', 'f', '--config', configFile('quoted', { control_arm: "o'brien \\ co" })] },
  // Trends on a calendar other than UTC's (each dialect's own zone conversion).
  { name: 'berlin_days',
    args: ['--orders', 'o', '--offers', 'f', '--sessions', 's', '--config', configFile('berlin', { timezone: 'Europe/Berlin' })] },
  // Google Analytics 4's export over a period: BigQuery only (a wildcard table, read by suffix).
  { name: 'ga4_period', golden: true, dialects: ['bigquery'],
    args: ['--source', 'ga4', '--events', '`my-project.analytics_123456.events_*`', '--products', 'shop.products',
      '--from', '2024-03-01', '--to', '2024-03-31', '--ga4-variant-param', 'exp_variant',
      '--ga4-lists', configFile('lists', { pdp_upsell: 'upsell', cart_cross_sell: 'cross_sell' })] },
];

const sql = (dialect, args) => execFileSync(cli, ['sql', '--dialect', dialect, ...args], { encoding: 'utf8' });
// The query's CTE names and output row kinds, in order: its structure without the dialect.
const structure = (query) => ({
  ctes: [...query.matchAll(/^(\w+) AS (?:NOT MATERIALIZED |MATERIALIZED )?\($/gm)].map((m) => m[1]),
  rows: [...query.matchAll(/^(?:UNION ALL )?SELECT '(\w+)'/gm)].map((m) => m[1]),
});

for (const dialect of ['bigquery', 'snowflake']) {
  for (const c of CASES.filter((c) => (c.dialects ?? [dialect]).includes(dialect))) {
    test(`${dialect}: ${c.name}`, () => {
      const query = sql(dialect, c.args);
      const file = path.join(work, `${dialect}_${c.name}.sql`);
      writeFileSync(file, query);
      const check = spawnSync('/usr/bin/python3', [path.join(root, 'tests/warehouse/check_sql.py'), dialect, file], { encoding: 'utf8' });
      assert.equal(check.status, 0, `check_sql.py ${dialect}:\n${check.stdout}${check.stderr}`);
      const duckdb = structure(sql('duckdb', c.args));
      // DuckDB reads GA4's JSON in two steps of its own: the rows, their parameters pivoted.
      duckdb.ctes = duckdb.ctes.filter((name) => name !== 'ga4_rows' && name !== 'ga4_params');
      assert.ok(duckdb.ctes.length > 20 && duckdb.rows.length > 20);
      assert.deepEqual(structure(query), duckdb);
      if (c.golden) {
        const golden = path.join(goldens, `${dialect}_${c.name}.sql`);
        if (process.env.BASKETLIFT_UPDATE_GOLDEN) writeFileSync(golden, query);
        assert.equal(query, readFileSync(golden, 'utf8'), `${golden} differs (BASKETLIFT_UPDATE_GOLDEN=1 rewrites it)`);
      }
      if (c.name === 'ga4_period') {
        // Only the export's daily tables of the period (and a margin) are billed.
        assert.match(query, /_TABLE_SUFFIX >= '20240228' AND _TABLE_SUFFIX <= '20240403'/);
      }
      if (c.name === 'berlin_days') {
        assert.match(query, dialect === 'bigquery' ? /DATE\(TIMESTAMP_SECONDS\(\(shown_at\)\), 'Europe\/Berlin'\)/ : /CONVERT_TIMEZONE\('UTC', 'Europe\/Berlin', TO_TIMESTAMP_NTZ\(\(shown_at\)\)\)/);
      }
      if (c.name === 'quoted_arm') {
        // Both read backslash escapes in literals; BigQuery would not read a doubled quote.
        assert.ok(query.includes(String.raw`"control_arm":"o\'brien \\\\ co"`), 'the arm escaped in the settings literal');
      }
    });
  }
}

// The CTEs computed again by each of their readers (QueryBuilder::Use::inlined).
const INLINED = ['line_values', 'scoped_orders', 'dimension_order_rows'];

// DuckDB and PostgreSQL are told of every CTE whether to keep it, and not keeping one is meant:
// left to decide, both kept the tables' rows as text (read, and counted), 13% of DuckDB's memory
// at 100,000 orders.
for (const dialect of ['duckdb', 'postgres']) {
  test(`${dialect}: every CTE says whether it is kept`, () => {
    for (const c of CASES.filter((c) => !c.dialects)) {
      const query = sql(dialect, c.args);
      assert.deepEqual([...query.matchAll(/^(\w+) AS \($/gm)].map((m) => m[1]), [], c.name);
      for (const name of ['order_rows', 'order_text'])
        assert.match(query, new RegExp(`^${name} AS NOT MATERIALIZED \\($`, 'm'), `${c.name}: ${name}`);
      // A CTE not kept is read once, but for those computed again by each reader on purpose:
      // one read twice by mistake is computed twice.
      for (const [, name] of query.matchAll(/^(\w+) AS NOT MATERIALIZED \($/gm)) {
        const reads = query.match(new RegExp(`\\b(?:FROM|JOIN) ${name}\\b`, 'g'))?.length ?? 0;
        if (!INLINED.includes(name)) assert.equal(reads, 1, `${c.name}: ${name} is read ${reads} times`);
      }
    }
  });
}

// DuckDB runs all that follows an OFFSET in one thread (with the fences the impressions' checks
// took nearly twice as long on two cores), and computes a subquery's expressions once without
// one. Its query stops filters with OFFSET 0 only where a filter would otherwise be pushed below
// a subquery and compute its expressions again: the checked rows' main readers, and the rows'
// test of a --from/--to period. PostgreSQL keeps every fence (it copies a subquery's
// expressions into its reader).
test('duckdb: OFFSET 0 only where it stops a filter', () => {
  for (const c of CASES.filter((c) => !c.dialects)) {
    const duckdb = sql('duckdb', c.args);
    const fences = [...duckdb.matchAll(/^.*OFFSET 0.*$/gm)].map((m) => m[0].trim());
    const period = c.args.includes('--from');
    const expected = (line) => /^FROM \(SELECT \* FROM (order|product|session|offer)_checked OFFSET 0\) AS c WHERE rejection IS NULL/.test(line) ||
      (period && /^\) AS t OFFSET 0\) AS p\) AS d$/.test(line));
    assert.deepEqual(fences.filter((line) => !expected(line)), [], c.name);
    assert.ok(fences.length >= 2, `${c.name}: the checked rows' readers are fenced`);
    if (period) assert.ok(fences.some((line) => line.startsWith(') AS t')), `${c.name}: the period's test is fenced`);
    const postgres = sql('postgres', c.args);
    assert.ok((postgres.match(/OFFSET 0/g) ?? []).length > fences.length, `${c.name}: PostgreSQL keeps its fences`);
  }
});

test('the checker refuses what BigQuery and Snowflake cannot run (the PostgreSQL query)', () => {
  const file = path.join(work, 'postgres.sql');
  writeFileSync(file, sql('postgres', CASES[0].args));
  for (const dialect of ['bigquery', 'snowflake']) {
    const check = spawnSync('/usr/bin/python3', [path.join(root, 'tests/warehouse/check_sql.py'), dialect, file], { encoding: 'utf8' });
    assert.equal(check.status, 1);
    const constructs = ['FILTER', 'MATERIALIZED', 'bool_or', "PostgreSQL's match operator"];
    // A timestamp's parts are read at their place, the zone found by strpos.
    if (dialect === 'snowflake') constructs.push('no strpos');
    for (const construct of constructs)
      assert.match(check.stdout, new RegExp(construct), `${dialect} flags ${construct}`);
  }
});

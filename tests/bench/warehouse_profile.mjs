// Where the warehouse query's processor time goes on DuckDB: each version of the query run once
// in turns, each in a fresh Node process (@duckdb/node-api, in memory, the store loaded typed as
// tests/bench/warehouse_aggregates.mjs loads it) with DuckDB's profiling on; per run the
// query's time and processor time, and the processor time of each CTE's operators (what the
// step itself computes, its readers not counted), largest first.
//
//   node tests/bench/warehouse_profile.mjs DIR RUNS [TOP] A.sql [B.sql ...]
//
// Write each version with `basketlift sql --dialect duckdb --orders orders --products products
// --offers offers --sessions sessions > A.sql`. TOP CTEs are listed (12).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TABLES = ['orders', 'products', 'offers', 'sessions'];

/** The processor time of each CTE of DuckDB's JSON profile `node`, summed into `byCte`. */
function cteTimes(node, cte, byCte) {
  const name = node.operator_type ?? node.operator_name;
  const children = node.children ?? [];
  if (name === 'CTE') {
    // A CTE operator's first child computes the step; the rest is the query that reads it.
    const step = node.extra_info?.['CTE Name'] ?? '?';
    byCte.set(step, (byCte.get(step) ?? 0) + (node.operator_timing ?? 0));
    if (children[0]) cteTimes(children[0], step, byCte);
    for (const child of children.slice(1)) cteTimes(child, cte, byCte);
    return byCte;
  }
  byCte.set(cte, (byCte.get(cte) ?? 0) + (node.operator_timing ?? 0));
  for (const child of children) cteTimes(child, cte, byCte);
  return byCte;
}

if (process.env.BASKETLIFT_PROFILE_CHILD) {
  // One run: load the store, profile the query into BASKETLIFT_PROFILE_CHILD.
  const [dir, sqlFile] = process.argv.slice(2);
  const { openDuckDb } = await import('../warehouse/warehouses.mjs');
  const work = path.dirname(process.env.BASKETLIFT_PROFILE_CHILD);
  const duck = await openDuckDb({ spillDir: path.join(work, 'spill') });
  for (const t of TABLES) await duck.load(t, path.join(dir, `${t}.csv`), { typed: true });
  await duck.profileTo(process.env.BASKETLIFT_PROFILE_CHILD);
  await duck.csv(readFileSync(sqlFile, 'utf8'), path.join(work, 'aggregates.csv'));
  process.exit(0);
}

const [dir, runsText, ...rest] = process.argv.slice(2);
const top = rest.length > 1 && /^[0-9]+$/.test(rest[0]) ? Number(rest.shift()) : 12;
const runs = Number(runsText);
if (!dir || !(runs > 0) || rest.length === 0) {
  console.error('usage: node tests/bench/warehouse_profile.mjs DIR RUNS [TOP] A.sql [B.sql ...]');
  process.exit(2);
}
const self = fileURLToPath(import.meta.url);
for (let run = 1; run <= runs; ++run) {
  for (const sqlFile of rest) {
    const work = mkdtempSync(path.join(tmpdir(), 'basketlift-profile-'));
    const profile = path.join(work, 'profile.json');
    const child = spawnSync(process.execPath, [self, dir, sqlFile], {
      env: { ...process.env, BASKETLIFT_PROFILE_CHILD: profile }, stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`${sqlFile}: the run failed (${child.status})`);
    const p = JSON.parse(readFileSync(profile, 'utf8'));
    rmSync(work, { recursive: true, force: true });
    const byCte = [...cteTimes(p, '(the final SELECT)', new Map())].sort((a, b) => b[1] - a[1]);
    console.log(`${sqlFile}, run ${run}: ${p.latency.toFixed(2)} s, processor ${p.cpu_time.toFixed(2)} s`);
    for (const [step, seconds] of byCte.slice(0, top))
      console.log(`  ${seconds.toFixed(2).padStart(7)} s  ${step}`);
  }
}

// Two (or more) versions of the warehouse query on DuckDB, taking turns: each run a fresh Node
// process (@duckdb/node-api, in memory) that loads the store typed, as
// tests/bench/warehouse_aggregates.mjs does, and times the query alone; with its peak resident
// size, the peak of DuckDB's buffer memory (duckdb_memory(), sampled every 250 ms) and when in
// the query it came, the peak of DuckDB's spill directory (sampled every second), and
// whether every version's aggregates hold the same rows (sorted; a query may give them in
// another order).
//
//   node tests/bench/warehouse_query_ab.mjs DIR RUNS A.sql B.sql ...
//
// Write each version with `basketlift sql --dialect duckdb --orders orders --products products
// --offers offers --sessions sessions > A.sql`, built from the commit to compare.
// DUCKDB_MEMORY_LIMIT=4GB caps DuckDB's memory; what does not fit spills to a temporary directory.
// TIMELINE=1 prints each sample of the buffer memory (seconds into the query, GB) as it comes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [dir, runsText, ...queries] = process.argv.slice(2);
const memoryLimit = process.env.DUCKDB_MEMORY_LIMIT ?? '';

if (process.env.BASKETLIFT_AB_CHILD) {
  // One run: load, time the query, write its aggregates to BASKETLIFT_AB_CHILD.
  const { openDuckDb } = await import('../warehouse/warehouses.mjs');
  // DuckDB spills even within its default limit (to .tmp in the working directory, left there
  // after a run: seen at 1,000,000 orders); here always to a temporary directory, measured.
  const spillDir = mkdtempSync(path.join(tmpdir(), 'basketlift-spill-'));
  const duck = await openDuckDb({ memoryLimit, spillDir });
  for (const t of ['orders', 'products', 'offers', 'sessions']) {
    await duck.load(t, path.join(dir, `${t}.csv`), { typed: true });
  }
  let spillPeak = 0;
  const du = () => Number(execFileSync('du', ['-sb', spillDir], { encoding: 'utf8' }).split('\t')[0]);
  setInterval(() => { spillPeak = Math.max(spillPeak, du()); }, 1000).unref();
  // DuckDB's buffer memory, sampled every 250 ms: its peak and when it came.
  const start = performance.now();
  let bufferPeak = 0, bufferPeakAt = 0, querying = true;
  const sample = async () => {
    while (querying) {
      const bytes = await duck.memoryBytes();
      if (bytes > bufferPeak) [bufferPeak, bufferPeakAt] = [bytes, performance.now() - start];
      if (process.env.TIMELINE) console.error(`${((performance.now() - start) / 1000).toFixed(2)} s ${(bytes / 1e9).toFixed(3)} GB`);
      await new Promise((done) => setTimeout(done, 250));
    }
  };
  const sampling = sample();
  await duck.csv(readFileSync(queries[0], 'utf8'), process.env.BASKETLIFT_AB_CHILD);
  const ms = performance.now() - start;
  querying = false;
  await sampling;
  console.log(JSON.stringify({ seconds: ms / 1000, spillPeak, bufferPeak, bufferPeakShare: bufferPeakAt / ms }));
  rmSync(spillDir, { recursive: true, force: true });
  process.exit(0);
}

if (!dir || !(Number(runsText) > 0) || queries.length < 1) {
  console.error('usage: node tests/bench/warehouse_query_ab.mjs DIR RUNS A.sql B.sql ...');
  process.exit(2);
}
const work = mkdtempSync(path.join(tmpdir(), 'basketlift-ab-'));
const self = fileURLToPath(import.meta.url);
const sortedRows = (file) => readFileSync(file, 'utf8').split('\n').sort().join('\n');
console.log(`| query | run | query s | peak resident GB | DuckDB's buffers' peak GB (at % of the query) | spill peak GB${memoryLimit ? ` (memory_limit ${memoryLimit})` : ''} | same rows as the first |`);
console.log('|---|---:|---:|---:|---:|---:|---|');
for (let run = 1; run <= Number(runsText); ++run) {
  let first = null;
  queries.forEach((query, i) => {
    const out = path.join(work, `${i}.csv`);
    const child = spawnSync('/usr/bin/time', ['-f', 'peak_kb=%M', process.execPath, self, dir, '1', query],
      { encoding: 'utf8', env: { ...process.env, BASKETLIFT_AB_CHILD: out } });
    if (child.status !== 0) throw new Error(`${query}: ${child.stderr}`);
    const { seconds, spillPeak, bufferPeak, bufferPeakShare } = JSON.parse(child.stdout.trim().split('\n').pop());
    const peakKb = Number(/peak_kb=(\d+)/.exec(child.stderr)[1]);
    const rows = sortedRows(out);
    first ??= rows;
    console.log(`| ${query} | ${run} | ${seconds.toFixed(2)} | ${(peakKb / 1e6).toFixed(2)} | ${(bufferPeak / 1e9).toFixed(2)} (${Math.round(bufferPeakShare * 100)}%) | ${(spillPeak / 1e9).toFixed(2)} | ${rows === first ? 'yes' : 'NO'} |`);
  });
}
rmSync(work, { recursive: true, force: true });

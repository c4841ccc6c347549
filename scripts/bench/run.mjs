// Runs every workload with Basketlift and its peers in fresh processes (one warm-up, then
// RUNS measured runs each), checks that the tools agree on the figures, and prints a Markdown
// table. Usage (scripts/bench.sh does the setup): node scripts/bench/run.mjs SIZE RUNS DATA_DIR
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const [size, runs] = [Number(process.argv[2] ?? 1e6), Number(process.argv[3] ?? 3)];
const dataDir = path.resolve(process.argv[4] ?? path.join(root, 'build/bench', String(size)));

const WORKLOADS = [
  { id: 'ndjson', title: '1. NDJSON orders → AOV per variant, revenue per product', files: ['ndjson/orders.ndjson'],
    tools: ['basketlift-wasm', 'basketlift-native', 'JSON.parse+JS'] },
  { id: 'csv', title: '2. CSV order lines → the same figures', files: ['csv/orders.csv'],
    tools: ['basketlift-wasm', 'basketlift-native', 'Papa Parse+JS', 'DuckDB-WASM', 'DuckDB native'] },
  { id: 'report', title: '3. Full report from the four tables (CSV)', files: ['csv/products.csv', 'csv/orders.csv', 'csv/offers.csv', 'csv/sessions.csv'],
    tools: ['basketlift-wasm', 'basketlift-native'] },
  { id: 'ingest', title: '3b. Ingestion alone of the four tables (for the ratio of 3)', files: ['csv/products.csv', 'csv/orders.csv', 'csv/offers.csv', 'csv/sessions.csv'],
    tools: ['basketlift-wasm', 'basketlift-native'] },
  { id: 'pairs', title: '4. Pair mining on the orders (CSV)', files: ['csv/orders.csv'], tools: ['basketlift-wasm', 'basketlift-native', 'JS Map of pairs'] },
];
// Where each workload reads its data (workloads.mjs takes one folder).
const FOLDER = { ndjson: 'ndjson', csv: 'csv', report: 'csv', ingest: 'csv', pairs: 'csv' };

function generate() {
  for (const format of ['csv', 'ndjson']) {
    const out = path.join(dataDir, format);
    if (existsSync(path.join(out, `orders.${format}`))) continue;
    mkdirSync(out, { recursive: true });
    execFileSync(path.join(root, 'build/bin/basketlift-generate'), ['--orders', String(size), '--seed', '11', '--clean', '--format', format, '--out', out], { stdio: 'inherit' });
  }
}

function runOnce(tool, workload) {
  const out = execFileSync(process.execPath, ['--max-old-space-size=16384', path.join(here, 'workloads.mjs'), tool, workload, path.join(dataDir, FOLDER[workload])],
    { encoding: 'utf8', maxBuffer: 1 << 24, cwd: here });
  return JSON.parse(out.trim().split('\n').at(-1));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

// Differences between a tool's figures and Basketlift's (revenue to 0.01%, AOV to a cent).
function disagreement(check, reference) {
  if (!check || !reference) return '';
  if (reference.baskets !== undefined) return check.baskets === reference.baskets ? '' : `${check.baskets} baskets vs ${reference.baskets}`;
  if (check.revenue === undefined) return '';
  const problems = [];
  if (Math.abs(check.revenue - reference.revenue) > 1e-4 * Math.abs(reference.revenue)) problems.push(`revenue ${check.revenue} vs ${reference.revenue}`);
  if (check.products !== reference.products) problems.push(`${check.products} products vs ${reference.products}`);
  for (const [variant, aov] of Object.entries(reference.aov ?? {})) {
    if (Math.abs((check.aov?.[variant] ?? NaN) - aov) > 0.011) problems.push(`AOV ${variant} ${check.aov?.[variant]} vs ${aov}`);
  }
  return problems.join('; ');
}

// "after reading 0.52 s": the median time a tool spent once the rows were in memory.
function analysisNote(results) {
  if (results.some((r) => r.analysis_seconds === undefined)) return '';
  const seconds = median(results.map((r) => r.analysis_seconds));
  return seconds < 0.005 ? '' : `after reading ${seconds.toFixed(2)} s`;
}

function measure() {
  const rows = [];
  for (const w of WORKLOADS) {
    const bytes = w.files.reduce((sum, f) => sum + statSync(path.join(dataDir, f)).size, 0);
    let reference = null, wasmMedian = null;
    for (const tool of w.tools) {
      process.stderr.write(`${w.id} / ${tool}: `);
      runOnce(tool, w.id);  // warm-up: page cache, JIT
      const results = Array.from({ length: runs }, () => {
        const r = runOnce(tool, w.id);
        process.stderr.write(`${r.seconds.toFixed(2)} s `);
        return r;
      });
      process.stderr.write('\n');
      const seconds = median(results.map((r) => r.seconds));
      if (tool === 'basketlift-wasm') {
        wasmMedian = seconds;
        reference = results[0].check;
      }
      rows.push({ workload: w.title, tool, seconds, mbps: bytes / 1e6 / seconds, peak: Math.max(...results.map((r) => r.peak_bytes)),
                  peakKind: results[0].peak_kind, ratio: seconds / wasmMedian,
                  note: [analysisNote(results), tool === 'basketlift-wasm' ? '' : disagreement(results[0].check, reference)].filter(Boolean).join('; ') });
    }
  }
  return rows;
}

function simulatorAndStartup() {
  const sim = JSON.parse(execFileSync(process.execPath, [path.join(root, 'tests/bench/simulator_latency.mjs'), '1000', '20000'], { encoding: 'utf8' }));
  const startup = median(Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['--input-type=module', '-e',
    `const { createEngine } = await import(${JSON.stringify(path.join(root, 'build/web/src/engine.js'))}); const t = performance.now(); await createEngine(); console.log(performance.now() - t);`],
    { encoding: 'utf8' }))));
  const wasm = readFileSync(path.join(root, 'build/web/engine/basketlift.wasm'));
  return { sim, startup, raw: wasm.length, gzip: gzipSync(wasm, { level: 9 }).length };
}

generate();
const rows = measure();
const extra = simulatorAndStartup();
const cpu = (os.cpus()[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ');
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu} (${os.cpus().length} cores), Node ${process.versions.node}; ` +
    `${size.toLocaleString('en')} generated orders (\`scripts/bench.sh --size ${size}\`), median of ${runs} runs after a warm-up, each in a fresh process.`,
  '',
  '| workload | tool | median s | MB/s | peak memory | × Basketlift wasm | note |',
  '|---|---|---:|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.workload} | ${r.tool} | ${r.seconds.toFixed(2)} | ${r.mbps.toFixed(0)} | ${mib(r.peak)} (${r.peakKind}) | ${r.ratio.toFixed(2)} | ${r.note} |`),
  `| 5. Simulator, one slider move over 1,000 offer groups | basketlift-wasm | ${(extra.sim.median_ms / 1000).toFixed(6)} | | | | median ${extra.sim.median_ms.toFixed(4)} ms, p99 ${extra.sim.p99_ms.toFixed(4)} ms |`,
  `| 6. Start-up: instantiate the module | basketlift-wasm | ${(extra.startup / 1000).toFixed(3)} | | | | basketlift.wasm ${(extra.raw / 1024).toFixed(0)} KiB raw, ${(extra.gzip / 1024).toFixed(0)} KiB gzipped |`,
];
const table = lines.join('\n');
mkdirSync(path.join(root, 'build'), { recursive: true });
writeFileSync(path.join(root, 'build/bench-results.md'), `${table}\n`);
console.log(table);

// Runs every workload with Basketlift and its peers in fresh processes (one warm-up, then
// RUNS measured runs each, the tools taking turns run by run), checks that the tools agree on
// the figures, and prints two Markdown tables: the measurements, and the targets of the
// speed-and-memory issue met or missed.
// Usage (scripts/bench.sh does the setup): node scripts/bench/run.mjs SIZE RUNS DATA_DIR [SCALE]
// SCALE (orders, 0 = skip) adds the scale row: a store of that size, full report in wasm.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const [size, runs, scale] = [Number(process.argv[2] ?? 1e6), Number(process.argv[3] ?? 3), Number(process.argv[5] ?? 0)];
const dataDir = path.resolve(process.argv[4] ?? path.join(root, 'build/bench', String(size)));

const POOLS = ['basketlift-wasm-pool', 'basketlift-native-pool'];
// Native rows that tell the platform's share of wasm's gap from the build's (tests/bench/wasm_native.mjs).
const TOOL_NOTES = {
  'basketlift-native-clang': 'clang, the compiler em++ wraps, at the baseline instruction set: its own loops at 16-byte vectors as wasm\'s (preset native-clang-bench)',
  'basketlift-native-clang-scalar-json': 'the same, with simdjson\'s scalar kernel, the one wasm runs',
};
const cores = os.availableParallelism?.() ?? os.cpus().length;
const WORKLOADS = [
  { id: 'ndjson', title: '1. NDJSON orders → AOV per variant, revenue per product', folder: 'ndjson', files: ['orders.ndjson'],
    tools: ['basketlift-wasm', 'basketlift-wasm-pool', 'basketlift-native', 'basketlift-native-pool', 'basketlift-native-clang',
            'basketlift-native-clang-scalar-json', 'JSON.parse+JS'] },
  { id: 'csv', title: '2. CSV order lines → the same figures', folder: 'csv', files: ['orders.csv'],
    tools: ['basketlift-wasm', 'basketlift-wasm-pool', 'basketlift-native', 'basketlift-native-pool', 'basketlift-native-clang', 'Papa Parse+JS',
            'DuckDB-WASM', 'DuckDB native'] },
  { id: 'report', title: '3. Full report from the four tables (CSV)', folder: 'csv', files: ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'],
    tools: ['basketlift-wasm', 'basketlift-wasm-pool', 'basketlift-native', 'basketlift-native-pool'] },
  { id: 'ingest', title: '3b. Reading alone of the four tables', folder: 'csv', files: ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'],
    tools: ['basketlift-wasm', 'basketlift-wasm-pool', 'basketlift-native'] },
  { id: 'load', title: '3c. DuckDB-WASM loading the four tables', folder: 'csv', files: ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'],
    tools: ['DuckDB-WASM'] },
  { id: 'pairs', title: '4. Pair mining on the orders (CSV)', folder: 'csv', files: ['orders.csv'],
    tools: ['basketlift-wasm', 'basketlift-wasm-pool', 'basketlift-native', 'JS Map of pairs'] },
  { id: 'ingest3', title: '3d. Reading products, orders and sessions (3b without impressions)', folder: 'csv', files: ['products.csv', 'orders.csv', 'sessions.csv'],
    tools: ['basketlift-wasm'] },
];

function generate(orders, out) {
  for (const format of ['csv', 'ndjson']) {
    const folder = path.join(out, format);
    if (existsSync(path.join(folder, `orders.${format}`))) continue;
    mkdirSync(folder, { recursive: true });
    execFileSync(path.join(root, 'build/bin/basketlift-generate'), ['--orders', String(orders), '--seed', '11', '--clean', '--format', format, '--out', folder], { stdio: 'inherit' });
  }
}

function runOnce(tool, workload, folder) {
  const out = execFileSync(process.execPath, ['--max-old-space-size=16384', path.join(here, 'workloads.mjs'), tool, workload, folder],
    { encoding: 'utf8', maxBuffer: 1 << 24, cwd: here });
  return JSON.parse(out.trim().split('\n').at(-1));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const ratio = (x) => `${x.toFixed(2)}×`;

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

// This machine's own ceiling for a pool: how much faster two native readers of the orders CSV
// finish at once than one after the other (2× on two free cores with memory to spare), and two
// wasm engines in worker threads of one process.
function parallelism() {
  const reader = `"${path.join(root, 'build/native-bench/bin/bench_ingest')}" --ingest-only "${path.join(dataDir, 'csv/orders.csv')}" > /dev/null`;
  const time = (command) => {
    const start = performance.now();
    execFileSync('/bin/sh', ['-c', command]);
    return performance.now() - start;
  };
  const alone = median([0, 1, 2].map(() => time(reader)));
  const together = median([0, 1, 2].map(() => time(`${reader} & ${reader} & wait`)));
  // The same for two wasm engines in two worker threads of one Node process, as a pool's are.
  const wasm = JSON.parse(execFileSync(process.execPath, [path.join(root, 'tests/bench/two_readers.mjs'), path.join(dataDir, 'csv/orders.csv'), '3'], { encoding: 'utf8' }));
  return { native: (2 * alone) / together, wasm: wasm.ratio };
}

function measure() {
  const rows = [];
  for (const w of WORKLOADS) {
    const folder = path.join(dataDir, w.folder);
    const bytes = w.files.reduce((sum, f) => sum + statSync(path.join(folder, f)).size, 0);
    let reference = null, wasmMedian = null;
    const single = {};
    // The tools take turns run by run, so a slow spell of the shared machine falls on all of them.
    process.stderr.write(`${w.id}: ${w.tools.length} tools, a warm-up and ${runs} runs each, in turns\n`);
    for (const tool of w.tools) runOnce(tool, w.id, folder);  // warm-up: page cache, JIT
    const byTool = new Map(w.tools.map((tool) => [tool, []]));
    for (let run = 0; run < runs; ++run) {
      for (const tool of w.tools) byTool.get(tool).push(runOnce(tool, w.id, folder));
    }
    for (const tool of w.tools) {
      const results = byTool.get(tool);
      process.stderr.write(`${w.id} / ${tool}: ${results.map((r) => `${r.seconds.toFixed(2)} s`).join(' ')}\n`);
      const seconds = median(results.map((r) => r.seconds));
      const analysis = results.every((r) => r.analysis_seconds !== undefined) ? median(results.map((r) => r.analysis_seconds)) : null;
      // Cores kept busy: the process's processor time over its time, run by run.
      const busy = results.every((r) => r.cpu_seconds !== undefined) ? median(results.map((r) => r.cpu_seconds / r.seconds)) : null;
      if (tool === 'basketlift-wasm') {
        wasmMedian = seconds;
        reference = results[0].check;
      }
      if (!POOLS.includes(tool)) single[tool] = { seconds, busy };
      const notes = [];
      if (analysis !== null && analysis >= 0.005) notes.push(`after reading ${analysis.toFixed(2)} s`);
      if (TOOL_NOTES[tool]) notes.push(TOOL_NOTES[tool]);
      if (busy !== null) notes.push(`${busy.toFixed(2)} cores busy`);
      if (POOLS.includes(tool)) {
        const one = single[tool.replace('-pool', '')];
        // The pool does at least one worker's work: it cannot beat cores ÷ one worker's busy cores.
        const most = one.busy ? `, at most ${ratio(cores / one.busy)} on ${cores} cores` : '';
        notes.push(`${results[0].threads} threads, ${ratio(one.seconds / seconds)} over one${most}`);
      }
      if (tool !== 'basketlift-wasm') notes.push(disagreement(results[0].check, reference));
      rows.push({ workload: w.id, title: w.title, tool, seconds, analysis, bytes, mbps: bytes / 1e6 / seconds,
                  busy, peak: Math.max(...results.map((r) => r.peak_bytes)), peakKind: results[0].peak_kind,
                  ratio: wasmMedian ? seconds / wasmMedian : null, store: results[0].store_bytes, note: notes.filter(Boolean).join('; ') });
    }
  }
  return rows;
}

function simulatorAndStartup() {
  const sim = JSON.parse(execFileSync(process.execPath, [path.join(root, 'tests/bench/simulator_latency.mjs'), '1000', '20000'], { encoding: 'utf8' }));
  // createEngine as the workloads call it (with its warm-up), and without the warm-up.
  const startupWith = (warmUp) => median(Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['--input-type=module', '-e',
    `const { createEngine } = await import(${JSON.stringify(path.join(root, 'build/web/src/engine.js'))}); const t = performance.now(); await (await createEngine({ workers: 1, warmUp: ${warmUp} })).warmedUp; console.log(performance.now() - t);`],
    { encoding: 'utf8' }))));
  const wasm = readFileSync(path.join(root, 'build/web/engine/basketlift.wasm'));
  return { sim, startup: startupWith(true), bare: startupWith(false), raw: wasm.length, gzip: gzipSync(wasm, { level: 9 }).length };
}

// The scale row: a store of `orders` orders (four tables), its full report in wasm.
function scaleRow(orders) {
  const dir = path.join(root, 'build/bench', String(orders));
  generate(orders, dir);
  const folder = path.join(dir, 'csv');
  const bytes = ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'].reduce((sum, f) => sum + statSync(path.join(folder, f)).size, 0);
  const r = runOnce('basketlift-wasm-pool', 'report', folder);
  return { orders, bytes, seconds: r.seconds, peak: r.peak_bytes };
}

const row = (rows, workload, tool) => rows.find((r) => r.workload === workload && r.tool === tool);

function targets(rows, extra) {
  const t = [];
  const faster = (label, workload, tool, peer, goal) => {
    const a = row(rows, workload, tool), b = row(rows, workload, peer);
    if (!a || !b) return;
    const x = b.seconds / a.seconds;
    t.push([label, x >= goal, `${ratio(x)} (${a.seconds.toFixed(2)} s against ${b.seconds.toFixed(2)} s)`]);
    return t.at(-1);
  };
  faster('CSV: wasm one worker ≥ 3× faster than DuckDB-WASM', 'csv', 'basketlift-wasm', 'DuckDB-WASM', 3);
  faster('CSV: wasm one worker ≥ 10× faster than Papa Parse + JS', 'csv', 'basketlift-wasm', 'Papa Parse+JS', 10);
  // A pool's target missed: what it needed over one worker, against what this machine allows.
  const poolLimit = (target, workload, peer, goal) => {
    const one = row(rows, workload, 'basketlift-wasm'), pool = row(rows, workload, 'basketlift-wasm-pool'), b = row(rows, workload, peer);
    if (!target || target[1] || !one?.busy || !pool?.busy) return;
    target[2] += `; it needed ${ratio((goal * one.seconds) / b.seconds)} over one worker: two wasm engines reading at once ran ${ratio(extra.calibration.wasm)} here, ` +
               `and one worker keeps ${one.busy.toFixed(2)} cores busy (a pool doing no more work could not pass ${ratio(cores / one.busy)} on ${cores} cores); this pool kept ${pool.busy.toFixed(2)} busy`;
  };
  poolLimit(faster('CSV: wasm pool ≥ 5× faster than DuckDB-WASM', 'csv', 'basketlift-wasm-pool', 'DuckDB-WASM', 5), 'csv', 'DuckDB-WASM', 5);
  faster('NDJSON: wasm one worker ≥ 2.5× faster than JSON.parse + JS', 'ndjson', 'basketlift-wasm', 'JSON.parse+JS', 2.5);
  poolLimit(faster('NDJSON: wasm pool ≥ 4× faster than JSON.parse + JS', 'ndjson', 'basketlift-wasm-pool', 'JSON.parse+JS', 4), 'ndjson', 'JSON.parse+JS', 4);
  for (const w of ['ndjson', 'csv']) {
    const r = row(rows, w, 'basketlift-wasm');
    const reading = r.seconds - r.analysis;
    t.push([`${w === 'csv' ? 'CSV' : 'NDJSON'}: analysis after reading ≤ ¼ of reading (wasm)`, r.analysis <= reading / 4, `${ratio(r.analysis / reading)} of reading (${r.analysis.toFixed(2)} s after ${reading.toFixed(2)} s)`]);
  }
  for (const w of ['ndjson', 'csv']) {
    const a = row(rows, w, 'basketlift-wasm'), b = row(rows, w, 'basketlift-native');
    let detail = ratio(a.seconds / b.seconds);
    // A miss: what is left against the same code built as wasm is (compiler, vector width, simdjson's kernel).
    const same = row(rows, w, 'basketlift-native-clang'), scalarJson = row(rows, w, 'basketlift-native-clang-scalar-json');
    if (a.seconds / b.seconds > 1.3 && same) {
      detail += `; against the same code by em++'s compiler at wasm's vector width ${ratio(a.seconds / same.seconds)}`;
      if (scalarJson) detail += `, and with simdjson's scalar kernel (wasm's) ${ratio(a.seconds / scalarJson.seconds)}`;
    }
    t.push([`${w === 'csv' ? 'CSV' : 'NDJSON'}: wasm one worker within 1.3× of native one thread`, a.seconds / b.seconds <= 1.3, detail]);
  }
  const pool = row(rows, 'csv', 'basketlift-native-pool'), duck = row(rows, 'csv', 'DuckDB native');
  t.push(['CSV: native with threads within 1.2× of native DuckDB', pool.seconds / duck.seconds <= 1.2, `${ratio(pool.seconds / duck.seconds)} (${pool.seconds.toFixed(2)} s against ${duck.seconds.toFixed(2)} s)`]);
  const full = row(rows, 'report', 'basketlift-wasm-pool'), load = row(rows, 'load', 'DuckDB-WASM');
  t.push(['Full report, wasm pool, faster than DuckDB-WASM loading the four files', full.seconds < load.seconds, `${full.seconds.toFixed(2)} s against ${load.seconds.toFixed(2)} s`]);
  for (const w of ['ndjson', 'csv']) {
    const r = row(rows, w, 'basketlift-wasm-pool');
    t.push([`${w === 'csv' ? 'CSV' : 'NDJSON'}: peak wasm memory (all instances) ≤ 1.0× the input`, r.peak <= r.bytes, `${ratio(r.peak / r.bytes)} (${mib(r.peak)} for ${(r.bytes / 1e6).toFixed(0)} MB)`]);
  }
  const report = row(rows, 'report', 'basketlift-wasm-pool');
  t.push(['Full report: peak wasm memory (all instances) ≤ 0.8× the input', report.peak <= 0.8 * report.bytes, `${ratio(report.peak / report.bytes)} (${mib(report.peak)} for ${(report.bytes / 1e6).toFixed(0)} MB)`]);
  t.push(['Store ≤ 40 bytes per order line', extra.perLine <= 40, `${extra.perLine.toFixed(1)} bytes (orders CSV alone)`]);
  t.push(['Store ≤ 24 bytes per impression', extra.perImpression <= 24, `${extra.perImpression.toFixed(1)} bytes (what the offers CSV adds to the other three)`]);
  const mine = row(rows, 'pairs', 'basketlift-wasm'), js = row(rows, 'pairs', 'JS Map of pairs');
  t.push(['Pair mining: the part after reading ≥ 5× faster than the JS Map\'s', js.analysis / mine.analysis >= 5, `${ratio(js.analysis / mine.analysis)} (${mine.analysis.toFixed(2)} s against ${js.analysis.toFixed(2)} s)`]);
  poolLimit(faster('Pair mining: overall ≥ 3× with the pool', 'pairs', 'basketlift-wasm-pool', 'JS Map of pairs', 3), 'pairs', 'JS Map of pairs', 3);
  if (extra.scale) t.push(['Scale: the full report of ≥ 3M orders in Node\'s wasm, no instance above 4 GiB', extra.scale.orders >= 3e6 && extra.scale.peak < 4 * 2 ** 30, `${extra.scale.orders.toLocaleString('en')} orders`]);
  t.push(['Simulator: median < 0.1 ms a call', extra.sim.median_ms < 0.1, `${extra.sim.median_ms.toFixed(4)} ms`]);
  t.push(['wasm module ≤ 400 KB gzipped', extra.gzip <= 400e3, `${(extra.gzip / 1024).toFixed(0)} KiB`]);
  return t;
}

generate(size, dataDir);
const calibration = parallelism();
const rows = measure();
const extra = { ...simulatorAndStartup(), calibration };
const lines = readFileSync(path.join(dataDir, 'csv/orders.csv'), 'utf8').split('\n').length - 2;
const impressions = readFileSync(path.join(dataDir, 'csv/offers.csv'), 'utf8').split('\n').length - 2;
extra.perLine = row(rows, 'csv', 'basketlift-wasm').store / lines;
// What the impressions add to the store: 3b's store less 3d's.
extra.perImpression = (row(rows, 'ingest', 'basketlift-wasm').store - row(rows, 'ingest3', 'basketlift-wasm').store) / impressions;
if (scale > 0) extra.scale = scaleRow(scale);
const cpu = (os.cpus()[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ');
const out = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu} (${os.cpus().length} cores), Node ${process.versions.node}; ` +
    `${size.toLocaleString('en')} generated orders (\`scripts/bench.sh --size ${size}\`), median of ${runs} runs after a warm-up, each in a fresh process, the tools of a workload taking turns run by run. ` +
    `Two native readers of the orders CSV run here ${ratio(calibration.native)} as fast at once as one after the other, two wasm engines in two worker threads of one Node process ` +
    `${ratio(calibration.wasm)} (\`node tests/bench/two_readers.mjs\`): the ceilings of any pool on this machine (2× on two free cores), before the pool's own work of merging what its readers read.`,
  '',
  '| workload | tool | median s | MB/s | peak memory | × Basketlift wasm | note |',
  '|---|---|---:|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.title} | ${r.tool} | ${r.seconds.toFixed(2)} | ${r.mbps.toFixed(0)} | ${mib(r.peak)} (${r.peakKind}) | ${r.ratio === null ? '' : r.ratio.toFixed(2)} | ${r.note} |`),
  `| 5. Simulator, one slider move over 1,000 offer groups | basketlift-wasm | ${(extra.sim.median_ms / 1000).toFixed(6)} | | | | median ${extra.sim.median_ms.toFixed(4)} ms, p99 ${extra.sim.p99_ms.toFixed(4)} ms |`,
  `| 6. Start-up: createEngine, with its warm-up | basketlift-wasm | ${(extra.startup / 1000).toFixed(3)} | | | | ${(extra.bare / 1000).toFixed(3)} s without the warm-up; basketlift.wasm ${(extra.raw / 1024).toFixed(0)} KiB raw, ${(extra.gzip / 1024).toFixed(0)} KiB gzipped |`,
  `| 7. Store size | basketlift | | | | | ${extra.perLine.toFixed(1)} bytes per order line, ${extra.perImpression.toFixed(1)} bytes per impression |`,
  ...(extra.scale ? [`| 8. Scale: full report of ${extra.scale.orders.toLocaleString('en')} orders, four tables (CSV) | basketlift-wasm-pool | ${extra.scale.seconds.toFixed(2)} | ${(extra.scale.bytes / 1e6 / extra.scale.seconds).toFixed(0)} | ${mib(extra.scale.peak)} (wasm memory, all instances) | | ${(extra.scale.bytes / 1e9).toFixed(2)} GB of CSV |`] : []),
  '',
  '| target | result |',
  '|---|---|',
  ...targets(rows, extra).map(([label, met, detail]) => `| ${label} | ${met ? 'met' : '**missed**'}: ${detail} |`),
];
const table = out.join('\n');
mkdirSync(path.join(root, 'build'), { recursive: true });
writeFileSync(path.join(root, 'build/bench-results.md'), `${table}\n`);
console.log(table);

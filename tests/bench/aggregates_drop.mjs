// Benchmark: an aggregates file (a warehouse's result of `basketlift sql`) dropped on the
// dashboard in headless Chromium. Measures the time from the drop to the full dashboard (every
// panel drawn: the basketlift-report event), in fresh tabs, and prints the median.
//
//   node tests/bench/aggregates_drop.mjs FILE [RUNS]     (default 5 runs; needs the wasm build)
//
// FILE is an aggregates file, e.g. the one `KEEP=1 node tests/bench/warehouse_aggregates.mjs DIR
// duckdb` keeps, or tests/fixtures/aggregates/sample_postgres.csv.
import { stat } from 'node:fs/promises';
import { openDashboard } from '../web/browser.mjs';

const [file, runsText] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/bench/aggregates_drop.mjs FILE [RUNS]');
  process.exit(2);
}
const runs = Number(runsText ?? 5);
const bytes = (await stat(file)).size;

const seconds = [];
let rows = '';
for (let run = 0; run < runs; ++run) {
  const dashboard = await openDashboard();
  try {
    const { page } = dashboard;
    await page.evaluate(() => {
      window.benchDone = null;
      document.addEventListener('basketlift-report', () => (window.benchDone = performance.now()));
    });
    const started = await page.evaluate(() => performance.now());
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction(() => window.benchDone !== null, null, { timeout: 120000, polling: 10 });
    seconds.push((await page.evaluate(() => window.benchDone) - started) / 1000);
    rows = await page.textContent('.file-status');
    if (dashboard.consoleErrors.length) throw new Error(dashboard.consoleErrors.join('\n'));
  } finally {
    await dashboard.close();
  }
}
seconds.sort((a, b) => a - b);
console.log(`| aggregates file | ${(bytes / 1e6).toFixed(2)} MB (${rows}) |`);
console.log(`| drop → full dashboard | median ${seconds[Math.floor(runs / 2)].toFixed(2)} s of ${runs} (${seconds.map((s) => s.toFixed(2)).join(', ')}) |`);

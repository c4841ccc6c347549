// Benchmark: an aggregates file (a warehouse's result of `basketlift sql`) dropped on the
// dashboard in headless Chromium. Measures the time from the drop (the page's `change` event
// with the file) to the full dashboard (every panel drawn: the basketlift-report event), in fresh
// tabs, and prints the median: on a page open for two seconds (the engine it starts on opening
// is ready, as it is for anyone who then chooses a file), and — for comparison — with the file
// dropped the moment the page has loaded (the engine's start included).
//
//   node tests/bench/aggregates_drop.mjs FILE [RUNS] [SITE_DIR ...]   (default 5 runs)
//
// FILE is an aggregates file, e.g. the one `KEEP=1 node tests/bench/warehouse_aggregates.mjs DIR
// duckdb` keeps, or tests/fixtures/aggregates/sample_postgres.csv. SITE_DIR is a built dashboard
// site (default: the wasm build's). With several, the sites take turns drop by drop on the page
// open for two seconds, so the machine's slow spells fall on all of them: one median per site,
// and in how many runs the last site beat the first (differences of a few hundredths are below
// what separate runs of this script can show).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { openDashboard } from '../web/browser.mjs';
import { inTurns, lastFaster, median } from './turns.mjs';

const [file, runsText, ...siteArgs] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/bench/aggregates_drop.mjs FILE [RUNS] [SITE_DIR ...]');
  process.exit(2);
}
const runs = Number(runsText ?? 5);
const bytes = (await stat(file)).size;
const sites = siteArgs.map((s) => path.resolve(s));

// Seconds from the drop to the full dashboard in a fresh tab of `site` (undefined: the wasm
// build's), after `waitMs` on the open page.
async function dropOnce(waitMs, site = undefined) {
  const dashboard = await openDashboard({ dir: site });
  try {
    const { page } = dashboard;
    await page.evaluate(() => {
      window.benchDropped = window.benchDone = null;
      document.addEventListener('change', () => (window.benchDropped ??= performance.now()), true);
      document.addEventListener('basketlift-report', () => (window.benchDone = performance.now()));
    });
    if (waitMs) await page.waitForTimeout(waitMs);
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction(() => window.benchDone !== null, null, { timeout: 120000, polling: 10 });
    if (dashboard.consoleErrors.length) throw new Error(dashboard.consoleErrors.join('\n'));
    return {
      seconds: (await page.evaluate(() => window.benchDone - window.benchDropped)) / 1000,
      rows: await page.textContent('.file-status'),
    };
  } finally {
    await dashboard.close();
  }
}

const list = (values) => values.map((s) => s.toFixed(2)).join(', ');

if (sites.length) {
  let rows = '';
  const seconds = await inTurns(sites, runs, async (site) => {
    const result = await dropOnce(2000, site);
    rows = result.rows;
    return result.seconds;
  });
  console.log(`| aggregates file | ${(bytes / 1e6).toFixed(2)} MB (${rows}) |`);
  console.log('| site | drop → full dashboard (page open 2 s) |');
  console.log('|---|---|');
  for (const [k, site] of sites.entries()) console.log(`| ${site} | median ${median(seconds[k]).toFixed(2)} s of ${runs} (${list(seconds[k])}) |`);
  if (sites.length > 1) console.log(`the last site was faster in ${lastFaster(seconds)} of ${runs} runs`);
  process.exit(0);
}

let rows = '';
for (const [label, waitMs] of [['drop → full dashboard (page open 2 s)', 2000], ['drop at page load → full dashboard (engine start included)', 0]]) {
  const seconds = [];
  for (let run = 0; run < runs; ++run) {
    const result = await dropOnce(waitMs);
    seconds.push(result.seconds);
    rows = result.rows;
  }
  seconds.sort((a, b) => a - b);
  if (label.includes('2 s')) console.log(`| aggregates file | ${(bytes / 1e6).toFixed(2)} MB (${rows}) |`);
  console.log(`| ${label} | median ${median(seconds).toFixed(2)} s of ${runs} (${list(seconds)}) |`);
}

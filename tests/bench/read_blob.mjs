// Benchmark: one file read as a `File` (what a page gets from a drop or a file input) by a
// wasm engine created on the page's main thread in headless Chromium (not in the dashboard's
// worker), with `workers` as given (default 'auto'), from addFile to its end. The page is
// served from each SITE_DIR in turn, run by run, so the machine's slow spells fall on all.
//
//   node tests/bench/read_blob.mjs FILE [RUNS] [WORKERS] [SITE_DIR ...]
//
// SITE_DIR is a built dashboard site (default: the wasm build's).
import path from 'node:path';
import { openDashboard } from '../web/browser.mjs';
import { inTurns, lastFaster, median } from './turns.mjs';

const [file, runsText, workersText, ...siteArgs] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/bench/read_blob.mjs FILE [RUNS] [WORKERS] [SITE_DIR ...]');
  process.exit(2);
}
const runs = Number(runsText ?? 5);
const workers = workersText === undefined || workersText === 'auto' ? 'auto' : Number(workersText);
const sites = siteArgs.length ? siteArgs.map((s) => path.resolve(s)) : [undefined];

// Seconds to read `file` in a fresh tab of `site`, once the engine has warmed up.
async function readOnce(site) {
  const dashboard = await openDashboard({ dir: site });
  try {
    const { page } = dashboard;
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<input type="file" id="bench-file">'));
    await page.setInputFiles('#bench-file', file);
    const seconds = await page.evaluate(async (workers) => {
      const { createEngine } = await import('./src/engine.js');
      const engine = await createEngine({ workers, settings: { sections: ['dimensions'] } });
      await engine.warmedUp;
      const source = document.getElementById('bench-file').files[0];
      const start = performance.now();
      await engine.addFile(source, { name: source.name });
      const end = performance.now();
      engine.dispose();
      return (end - start) / 1000;
    }, workers);
    if (dashboard.consoleErrors.length) throw new Error(dashboard.consoleErrors.join('\n'));
    return seconds;
  } finally {
    await dashboard.close();
  }
}

const seconds = await inTurns(sites, runs, readOnce);
console.log(`| site | ${path.basename(file)} read as a File, workers ${workers} (median of ${runs}) | runs |`);
console.log('|---|---:|---|');
for (const [k, site] of sites.entries()) {
  console.log(`| ${site ?? 'build/web'} | ${median(seconds[k]).toFixed(2)} s | ${seconds[k].map((s) => s.toFixed(2)).join(', ')} |`);
}
if (sites.length > 1) {
  console.log(`the last site was faster in ${lastFaster(seconds)} of ${runs} runs`);
}

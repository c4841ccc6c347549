// Benchmark: a 1M-order NDJSON file dropped on the dashboard in headless Chromium. Measures
// the time from the drop to the full dashboard (every panel drawn: the basketlift-report event), the tab's peak memory
// (renderer processes, which hold the workers and their wasm heaps: resident size, and the
// private footprint Chromium's task manager shows), how often progress reached the page, and
// the page's longest main-thread task while reading. IDLE_MS=N drops the file N ms after the
// page opened (default 0: at once, while the page still starts up). RETURN_VISIT=S first leaves
// the page open S seconds and reloads it in the same browser profile: a merchant's second visit,
// with the site (and whatever compiled code the browser kept) in its caches.
//
//   [IDLE_MS=N] [RETURN_VISIT=S] node tests/bench/dashboard_1m.mjs [ORDERS]      (default 1000000; needs the wasm build)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { openDashboard } from '../web/browser.mjs';
import { rendererFiles } from './renderers.mjs';
import { cli, root } from '../wasm/helpers.mjs';

const orders = Number(process.argv[2] ?? 1_000_000);
// The orders file is generated once and kept as build/bench/dashboard-ORDERS.ndjson.
const file = path.join(root, 'build/bench', `dashboard-${orders}.ndjson`);
if (!existsSync(file)) {
  await mkdir(path.dirname(file), { recursive: true });
  const store = await mkdtemp(path.join(path.dirname(file), '.dashboard-'));
  try {
    execFileSync(path.join(path.dirname(cli), 'basketlift-generate'), ['--orders', String(orders), '--seed', '7', '--format', 'ndjson', '--out', store]);
    await rename(path.join(store, 'orders.ndjson'), file);
  } finally {
    await rm(store, { recursive: true, force: true });
  }
}
const bytes = (await stat(file)).size;

// Memory of this profile's page renderers (the tab and its workers), in bytes: `resident` (RSS,
// which counts the pages of Chromium's own binary that every renderer maps) and `private`
// (RssAnon + VmSwap: what Chromium calls a process's private memory footprint, the "Memory
// footprint" of its task manager).
async function rendererBytes(profile) {
  const statuses = await rendererFiles(profile, 'status');
  const total = (field) => statuses.reduce((sum, status) => sum + Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024, 0);
  return { resident: total('VmRSS'), private: total('RssAnon') + total('VmSwap') };
}

const dashboard = await openDashboard();
try {
  const { page } = dashboard;
  if (process.env.RETURN_VISIT) {
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.RETURN_VISIT) * 1000));
    await page.reload();
  }
  // Progress reaching the page, and long main-thread tasks, recorded inside the page.
  await page.evaluate(() => {
    window.bench = { progress: [], longest: 0, done: null };
    // A progress update is a new "N rows read" text of a file's status.
    document.addEventListener('basketlift-report', () => (window.bench.done = performance.now()));
    new MutationObserver(() => {
      if (/rows read$/.test(document.querySelector('.file-status')?.textContent ?? '')) window.bench.progress.push(performance.now());
    }).observe(document.querySelector('.file-list'), { subtree: true, childList: true, characterData: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.bench.longest = Math.max(window.bench.longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.IDLE_MS ?? 0)));
  const before = await rendererBytes(dashboard.profile);
  const peak = { ...before };
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const now = await rendererBytes(dashboard.profile);
      peak.resident = Math.max(peak.resident, now.resident);
      peak.private = Math.max(peak.private, now.private);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const started = await page.evaluate(() => performance.now());
  await page.setInputFiles('#file-input', file);
  // A drop that stops reading (as one whose File reads never resolved did) fails in minutes,
  // saying where it stood, instead of looking like a slow machine.
  try {
    await page.waitForFunction(() => window.bench.done !== null, null, { timeout: 180000, polling: 250 });
  } catch (error) {
    const status = await page.evaluate(() => document.querySelector('.file-status')?.textContent);
    throw new Error(`the drop did not finish within 180 s (file status: ${status})`, { cause: error });
  }
  const wall = (await page.evaluate(() => window.bench.done) - started) / 1000;
  sampling = false;
  await sampler;
  const result = await page.evaluate((started) => {
    const times = window.bench.progress.filter((t) => t >= started);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    return { updates: times.length, maxGap: Math.max(0, ...gaps), longest: window.bench.longest,
             firstProgress: times[0] - started, reading: times.at(-1) - times[0], after: window.bench.done - times.at(-1) };
  }, started);
  const readEnd = await page.evaluate(() => document.querySelector('.file-status').textContent);
  console.log(`| file | ${(bytes / 1e6).toFixed(0)} MB NDJSON, ${orders.toLocaleString('en')} orders (${readEnd}) |`);
  console.log(`| drop → full dashboard | ${wall.toFixed(1)} s (${(bytes / 1e6 / wall).toFixed(0)} MB/s end to end) |`);
  const mib = (n) => `${(n / 2 ** 20).toFixed(0)} MiB`;
  console.log(`| tab peak memory (renderer RSS) | ${mib(peak.resident)} (${mib(before.resident)} before the drop) |`);
  console.log(`| tab peak private footprint (renderer RssAnon + VmSwap) | ${mib(peak.private)} (${mib(before.private)} before the drop) |`);
  console.log(`| of which: to first progress, reading, analysis + drawing | ${(result.firstProgress / 1000).toFixed(1)} s, ${(result.reading / 1000).toFixed(1)} s, ${(result.after / 1000).toFixed(1)} s |`);
  console.log(`| progress updates while reading | ${result.updates}, longest gap ${result.maxGap.toFixed(0)} ms |`);
  console.log(`| longest main-thread task | ${result.longest.toFixed(0)} ms |`);
} finally {
  await dashboard.close();
}

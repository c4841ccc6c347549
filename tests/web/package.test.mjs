// The npm package as an embedder gets it: scripts/pack.mjs packs the built site into
// build/basketlift-VERSION.tgz; a temporary project installs the tarball, (a) analyses a file in
// Node through `import { createEngine } from 'basketlift'`, and (b) builds a page with Vite
// (pinned in package.json) that imports the engine and the <basketlift-dashboard> element; in
// headless Chromium the engine runs and a file dropped on the element gives the report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDashboard } from './browser.mjs';
import { root } from '../wasm/helpers.mjs';

const project = mkdtempSync(path.join(os.tmpdir(), 'basketlift-embedder-'));
const run = (command, args, options = {}) => execFileSync(command, args, { cwd: project, encoding: 'utf8', ...options });
const SAMPLE_ORDERS = path.join(root, 'web/sample/orders.csv');
let tarball;
const cliReport = (file) => JSON.parse(execFileSync(path.join(root, 'build/bin/basketlift'), ['analyze', file], { encoding: 'utf8', maxBuffer: 1 << 28 }));

before(() => {
  tarball = execFileSync('node', [path.join(root, 'scripts/pack.mjs')], { encoding: 'utf8' }).trim();
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'embedder', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball]);
});

after(() => rmSync(project, { recursive: true, force: true }));

test('the tarball holds the engine, the worker, the dashboard, types and licences, and no test data', () => {
  const files = run('tar', ['tzf', tarball]).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
  for (const file of ['package.json', 'src/engine.js', 'src/engine.d.ts', 'src/report.d.ts', 'src/worker-client.js', 'src/worker.js',
    'engine/basketlift.wasm', 'engine/scalar/basketlift.wasm', 'app/element.js', 'app/dashboard.d.ts',
    'LICENSES/basketlift-Apache-2.0.txt', 'LICENSES/simdjson-Apache-2.0.txt', 'LICENSES/chart.js-MIT.md']) {
    assert.ok(files.includes(file), file);
  }
  assert.deepEqual(files.filter((f) => /groceries|online-retail|tests\//i.test(f)), []);
  const manifest = JSON.parse(readFileSync(path.join(project, 'node_modules/basketlift/package.json'), 'utf8'));
  assert.equal(manifest.version, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  assert.deepEqual(Object.keys(manifest.exports), ['.', './worker', './dashboard', './dashboard/mount', './package.json']);
  assert.ok(manifest.sideEffects.includes('./app/element.js'));
});

test('Node: `import { createEngine } from "basketlift"` analyses a file', () => {
  writeFileSync(path.join(project, 'analyse.mjs'), `
import { readFileSync } from 'node:fs';
import { createEngine } from 'basketlift';
const engine = await createEngine();
await engine.addFile(readFileSync(process.argv[2]), { name: 'orders.csv' });
const report = engine.analyze();
console.log(JSON.stringify({ version: engine.version, orders: report.summary.orders, revenue: report.summary.revenue }));
engine.dispose();
`);
  const out = JSON.parse(run('node', ['analyse.mjs', SAMPLE_ORDERS]));
  const expected = cliReport(SAMPLE_ORDERS);
  assert.equal(out.orders, expected.summary.orders);
  assert.equal(out.revenue, expected.summary.revenue);
  assert.equal(out.version, expected.engine_version);
});

test('Vite: a page importing the engine and the element builds, runs, and a dropped file gives the report', async () => {
  writeFileSync(path.join(project, 'index.html'), `<!doctype html>
<html><head><meta charset="utf-8"><title>Shop admin</title><link rel="icon" href="data:,"></head>
<body><basketlift-dashboard></basketlift-dashboard><script type="module" src="./main.js"></script></body></html>
`);
  writeFileSync(path.join(project, 'main.js'), `
import { createEngine } from 'basketlift';
import 'basketlift/dashboard';
document.querySelector('basketlift-dashboard').addEventListener('basketlift-report', (event) => { window.elementReport = event.detail; });
window.engineCheck = (async () => {
  const engine = await createEngine({ workers: 1 });
  await engine.addFile(new TextEncoder().encode('order_id,product_id,quantity,unit_price\\nA,x,1,10\\nB,y,2,5\\n'), { name: 'orders.csv' });
  const report = engine.analyze();
  engine.dispose();
  return { orders: report.summary.orders, revenue: report.summary.revenue };
})();
// The warm-up reads its aggregates file, an asset of the bundle, to the end.
window.warmUpCheck = createEngine({ workers: 1 }).then((engine) => engine.warmedUp);
`);
  run('node', [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error']);
  const assets = readdirSync(path.join(project, 'dist/assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), 'the .wasm files are emitted as assets');
  assert.ok(assets.some((f) => /^worker-.*\.js$/.test(f)), 'the engine worker is bundled');
  assert.ok(assets.some((f) => /^warm-up-aggregates-.*\.csv$/.test(f)), 'the warm-up\'s aggregates file is an asset');

  const browser = await openDashboard({ dir: path.join(project, 'dist') });
  try {
    const { page } = browser;
    assert.deepEqual(await page.evaluate(() => window.engineCheck), { orders: 2, revenue: 20 });
    assert.equal(await page.evaluate(() => window.warmUpCheck), true, 'the warm-up ran to its end');
    await page.setInputFiles('basketlift-dashboard #file-input', [SAMPLE_ORDERS]);
    await page.waitForFunction(() => window.elementReport, null, { timeout: 60000 });
    const report = await page.evaluate(() => window.elementReport);
    const expected = cliReport(SAMPLE_ORDERS);
    assert.equal(report.summary.orders, expected.summary.orders);
    assert.equal(report.summary.revenue, expected.summary.revenue);
    assert.equal(await page.locator('basketlift-dashboard #summary').count(), 1);
    assert.deepEqual(browser.consoleErrors, []);
    assert.deepEqual(browser.foreignRequests(), []);
  } finally {
    await browser.close();
  }
});

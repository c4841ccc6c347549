// Benchmark: one file read by the wasm engine in Node with one worker (`addFile` of bytes
// already in memory, their pages touched, so the file system is not timed), then its first
// `analyze()` and a second one (dimensions only, or the sections named in SECTIONS, e.g.
// SECTIONS=basket; SECTIONS=all for the whole report, as for an aggregates file), with the wasm
// memory the first one grew. IDLE_MS=N leaves the engine idle N ms after its warm-up before the
// file (as on a page open for a moment: V8 finishes optimising what the warm-up made hot). Each
// run is a fresh Node process; with several site directories the builds take turns run by run,
// so the machine's slow spells fall on all of them, and the medians are printed side by side.
//
//   [SECTIONS=a,b|all] [IDLE_MS=N] node tests/bench/read_file.mjs FILE [RUNS] [SITE_DIR ...]
//
// SITE_DIR is a built dashboard site (default build/web; e.g. a copy of it from another commit).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inTurns, median } from './turns.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

if (process.env.READ_FILE_CHILD) {
  const [file, site] = process.argv.slice(2);
  const { createEngine } = await import(pathToFileURL(path.join(site, 'src/engine.js')));
  const bytes = new Uint8Array(readFileSync(file));
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = bytes[i];  // fault the pages in now
  const sections = (process.env.SECTIONS || 'dimensions').split(',');
  const engine = await createEngine({ workers: 1, ...(sections[0] === 'all' ? {} : { settings: { sections } }) });
  await engine.warmedUp;
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.IDLE_MS ?? 0)));
  const start = performance.now();
  await engine.addFile(bytes, { name: path.basename(file) });
  const read = performance.now();
  const before = engine.memory().wasmBytes;
  engine.analyze();
  const analyzed = performance.now();
  const grown = (engine.memory().wasmBytes - before) / 2 ** 20;
  engine.analyze();
  console.log(JSON.stringify({ read: read - start, analyze: analyzed - read, again: performance.now() - analyzed, grown }));
  process.exit(0);
}

const [file, runsText, ...siteArgs] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/bench/read_file.mjs FILE [RUNS] [SITE_DIR ...]');
  process.exit(2);
}
const runs = Number(runsText ?? 5);
const sites = (siteArgs.length ? siteArgs : [path.join(root, 'build/web')]).map((s) => path.resolve(s));
const results = await inTurns(sites, runs, (site) => {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), file, site], {
    env: { ...process.env, READ_FILE_CHILD: '1' }, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop());
});
const times = results.map((site) => Object.fromEntries(['read', 'analyze', 'again', 'grown'].map((key) => [key, site.map((r) => r[key])])));
const list = (values) => values.map((v) => v.toFixed(0)).join(', ');
console.log(`| site | read ms (median of ${runs}) | runs | first analyze ms (median) | runs | second analyze ms (median) | wasm memory the first grew, MiB |`);
console.log('|---|---:|---|---:|---|---:|---:|');
sites.forEach((site, k) => console.log(
  `| ${path.relative(root, site) || site} | ${median(times[k].read).toFixed(0)} | ${list(times[k].read)} | ${median(times[k].analyze).toFixed(0)} | ` +
  `${list(times[k].analyze)} | ${median(times[k].again).toFixed(0)} | ${median(times[k].grown).toFixed(0)} |`));

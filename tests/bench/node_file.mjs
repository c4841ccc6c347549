// Benchmark: a file on disk read by the wasm engine in Node (one worker), four ways taking
// turns, each run in a fresh Node process: `whole` (readFileSync, then addFile of the buffer),
// `stream` (fs.createReadStream in 4 MiB pieces), `sized` (the same stream with its size
// given, so the engine sizes its columns once), `blob` (fs.openAsBlob: a file-backed Blob,
// read as a page reads a dropped File) and `handle` (fs.promises.open: a FileHandle, read into
// one buffer used again). Prints the median time from opening the file to its rows read, the
// wasm memory after it and the process's peak resident memory. WORKERS=N reads with N threads
// (default 1; the pool takes bytes, Blobs and FileHandles, not streams); WAYS=a,b measures only
// those ways. Given SITE_DIRs (built dashboard sites, e.g. a copy of build/web from another
// commit), every way is measured with each site's engine, the sites taking turns run by run.
//
//   [WORKERS=N] [WAYS=a,b] node tests/bench/node_file.mjs FILE [RUNS] [SITE_DIR ...]
import { execFileSync } from 'node:child_process';
import { createReadStream, openAsBlob, readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inTurns, lastFaster, median } from './turns.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WAYS = (process.env.WAYS ?? 'whole,stream,sized,blob,handle').split(',');

if (process.env.NODE_FILE_CHILD) {
  const [file, way, site] = process.argv.slice(2);
  const { createEngine } = await import(pathToFileURL(path.join(site, 'src/engine.js')));
  const engine = await createEngine({ workers: Number(process.env.WORKERS ?? 1) });
  await engine.warmedUp;
  const name = path.basename(file);
  const start = performance.now();
  if (way === 'whole') await engine.addFile(readFileSync(file), { name });
  else if (way === 'blob') await engine.addFile(await openAsBlob(file), { name });
  else if (way === 'handle') {
    const handle = await open(file);
    await engine.addFile(handle, { name });
    await handle.close();
  } else {
    const stream = createReadStream(file, { highWaterMark: 4 << 20 });
    await engine.addFile(stream, { name, ...(way === 'sized' ? { size: statSync(file).size } : {}) });
  }
  const ms = performance.now() - start;
  const { wasmBytes, poolBytes } = engine.memory();
  console.log(JSON.stringify({ ms, wasm: wasmBytes + poolBytes, rss: process.resourceUsage().maxRSS * 1024 }));
  process.exit(0);
}

const [file, runsText, ...siteArgs] = process.argv.slice(2);
if (!file) {
  console.error('usage: [WORKERS=N] [WAYS=a,b] node tests/bench/node_file.mjs FILE [RUNS] [SITE_DIR ...]');
  process.exit(2);
}
const runs = Number(runsText ?? 3);
const sites = siteArgs.length ? siteArgs.map((site) => path.resolve(site)) : [path.join(root, 'build/web')];
const cases = sites.flatMap((site) => WAYS.map((way) => ({ site, way })));
const results = await inTurns(cases, runs, ({ site, way }) => {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), file, way, site], {
    env: { ...process.env, NODE_FILE_CHILD: '1' }, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop());
});
console.log(`| site | way | read ms (median of ${runs}) | runs | wasm memory after, MB | peak resident, MB |`);
console.log('|---|---|---:|---|---:|---:|');
cases.forEach(({ site, way }, k) => console.log(
  `| ${path.relative(root, site) || site} | ${way} | ${median(results[k].map((r) => r.ms)).toFixed(0)} | ${results[k].map((r) => r.ms.toFixed(0)).join(', ')} | ` +
  `${(median(results[k].map((r) => r.wasm)) / 1e6).toFixed(0)} | ${(median(results[k].map((r) => r.rss)) / 1e6).toFixed(0)} |`));
if (sites.length > 1) {
  WAYS.forEach((way, w) => {
    const bySite = sites.map((_, s) => results[s * WAYS.length + w].map((r) => r.ms));
    console.log(`${way}: the last site was faster in ${lastFaster(bySite)} of ${runs} runs`);
  });
}

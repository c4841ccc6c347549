// Benchmark: a file on disk read by the wasm engine in Node (one worker), four ways taking
// turns, each run in a fresh Node process: `whole` (readFileSync, then addFile of the buffer),
// `stream` (fs.createReadStream in 4 MiB pieces), `sized` (the same stream with its size
// given, so the engine sizes its columns once), `blob` (fs.openAsBlob: a file-backed Blob,
// read as a page reads a dropped File) and `handle` (fs.promises.open: a FileHandle, read into
// one buffer used again). Prints the median time from opening the file to its rows read, the
// wasm memory after it and the process's peak resident memory. WORKERS=N reads with N threads
// (default 1; the pool takes bytes, Blobs and FileHandles, not streams).
//
//   [WORKERS=N] node tests/bench/node_file.mjs FILE [RUNS]
import { execFileSync } from 'node:child_process';
import { createReadStream, openAsBlob, readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inTurns, median } from './turns.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WAYS = ['whole', 'stream', 'sized', 'blob', 'handle'];

if (process.env.NODE_FILE_CHILD) {
  const [file, way] = process.argv.slice(2);
  const { createEngine } = await import(pathToFileURL(path.join(root, 'build/web/src/engine.js')));
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

const [file, runsText] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/bench/node_file.mjs FILE [RUNS]');
  process.exit(2);
}
const runs = Number(runsText ?? 3);
const results = await inTurns(WAYS, runs, (way) => {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), file, way], {
    env: { ...process.env, NODE_FILE_CHILD: '1' }, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop());
});
console.log(`| way | read ms (median of ${runs}) | runs | wasm memory after, MB | peak resident, MB |`);
console.log('|---|---:|---|---:|---:|');
WAYS.forEach((way, k) => console.log(
  `| ${way} | ${median(results[k].map((r) => r.ms)).toFixed(0)} | ${results[k].map((r) => r.ms.toFixed(0)).join(', ')} | ` +
  `${(median(results[k].map((r) => r.wasm)) / 1e6).toFixed(0)} | ${(median(results[k].map((r) => r.rss)) / 1e6).toFixed(0)} |`));

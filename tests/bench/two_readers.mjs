// Benchmark: how much faster two wasm engines read a file at once than one after the other, each
// in its own worker thread of one Node process (as the pool's threads are) with one worker each.
// This is what this machine allows any wasm pool: 2× on two free cores; the pool also merges.
// Each engine is created and warmed up first; only the read (a FileHandle, as addFile reads it)
// is timed. Prints one JSON line: {alone_ms, together_ms, ratio} (medians of RUNS).
//
//   node tests/bench/two_readers.mjs FILE [RUNS]      (default 3 runs; needs the wasm build)
import { open } from 'node:fs/promises';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

if (isMainThread) {
  const [file, runsText] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node tests/bench/two_readers.mjs FILE [RUNS]');
    process.exit(2);
  }
  const { webDir } = await import('../wasm/helpers.mjs');
  const { median } = await import('./turns.mjs');
  // An engine in a new thread, ready to read when told: resolves to its read's function.
  const reader = () => new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { file, webDir } });
    worker.once('error', reject);
    worker.once('message', () => resolve(() => new Promise((done) => {
      worker.once('message', () => {
        done();
        worker.terminate();
      });
      worker.postMessage('read');
    })));
  });
  const timed = async (count) => {
    const reads = await Promise.all(Array.from({ length: count }, reader));
    const start = performance.now();
    await Promise.all(reads.map((read) => read()));
    return performance.now() - start;
  };
  await timed(1);  // page cache
  const alone = [], together = [];
  for (let run = 0; run < Number(runsText ?? 3); ++run) {
    alone.push(await timed(1));
    together.push(await timed(2));
  }
  const [a, t] = [median(alone), median(together)];
  console.log(JSON.stringify({ alone_ms: Math.round(a), together_ms: Math.round(t), ratio: (2 * a) / t }));
} else {
  const { createEngine } = await import(path.join(workerData.webDir, 'src/engine.js'));
  const engine = await createEngine({ workers: 1 });
  await engine.warmedUp;
  parentPort.once('message', async () => {
    const handle = await open(workerData.file);
    await engine.addFile(handle, { name: path.basename(workerData.file) });
    await handle.close();
    parentPort.postMessage('done');
  });
  parentPort.postMessage('ready');
}

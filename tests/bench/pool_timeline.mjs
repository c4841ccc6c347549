// Benchmark: where the pool's engine spends a large file's read (web/src/parallel.js), against
// one worker reading it alone. Each run is a fresh Node process that creates an engine, waits for
// its warm-up, and reads FILE through a FileHandle, the engine's feed() and mergeRange() timed
// (the readers run in their own threads, so this is the engine's side only). One worker and the
// pool take turns, run by run. (To compare the pools of two builds: WAYS=handle WORKERS=2
// node tests/bench/node_file.mjs FILE RUNS OLD_SITE build/web.)
//
//   node tests/bench/pool_timeline.mjs FILE [RUNS]      (WORKERS=N for the pool, default 2)
import { execFileSync } from 'node:child_process';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { webDir } from '../wasm/helpers.mjs';
import { inTurns } from './turns.mjs';

const self = fileURLToPath(import.meta.url);
const PIECE = 16 << 20;  // one worker's time is given per this many bytes, as the pool's ranges

// One run in this process: the engine's calls, in order, as [kind, start ms, end ms, bytes].
async function runOnce(file, workers) {
  const { createEngine } = await import(path.join(webDir, 'src/engine.js'));
  const engine = await createEngine({ workers });
  await engine.warmedUp;
  const calls = [];
  for (const kind of ['feed', 'mergeRange']) {
    const call = engine[kind].bind(engine);
    engine[kind] = (bytes, ...rest) => {
      const start = performance.now();
      const result = call(bytes, ...rest);
      calls.push([kind, start, performance.now(), bytes.length]);
      return result;
    };
  }
  const handle = await open(file);
  const start = performance.now();
  const cpu = process.cpuUsage();
  await engine.addFile(handle, { name: path.basename(file) });
  const used = process.cpuUsage(cpu);
  const end = performance.now();
  await handle.close();
  return { ms: end - start, cpuMs: (used.user + used.system) / 1e3, threads: engine.threads,
           calls: calls.map(([kind, a, b, bytes]) => [kind, a - start, b - start, bytes]) };
}

function describe({ ms, cpuMs, threads, calls }) {
  const sum = (kind) => calls.filter((c) => c[0] === kind).reduce((s, c) => s + c[2] - c[1], 0);
  const busy = `${(cpuMs / ms).toFixed(2)} cores busy`;
  if (threads === 1) {
    // Time to each PIECE bytes fed.
    const marks = [];
    let bytes = 0;
    for (const [, , end, n] of calls) {
      bytes += n;
      if (bytes >= (marks.length + 1) * PIECE) marks.push(end);
    }
    const first = marks[1] ?? ms;
    const rest = marks.length > 2 ? (marks.at(-1) - marks[1]) / (marks.length - 2) : 0;
    return `one worker ${ms.toFixed(0)} ms (${busy}): the first ${2 * (PIECE >> 20)} MiB in ${first.toFixed(0)} ms, then ${rest.toFixed(0)} ms per ${PIECE >> 20} MiB`;
  }
  const merges = calls.filter((c) => c[0] === 'mergeRange');
  const fed = calls.filter((c) => c[0] === 'feed').reduce((s, c) => s + c[3], 0);
  const firstMerge = merges[0]?.[2] ?? ms;
  return `pool of ${threads} ${ms.toFixed(0)} ms (${busy}): the engine fed ${(fed / 2 ** 20).toFixed(0)} MiB in ${sum('feed').toFixed(0)} ms, ` +
         `merged ${merges.length} ranges in ${sum('mergeRange').toFixed(0)} ms (${(sum('mergeRange') / Math.max(1, merges.length)).toFixed(0)} ms each), ` +
         `waited or ran JavaScript ${(ms - sum('feed') - sum('mergeRange')).toFixed(0)} ms; its first merge ended at ${firstMerge.toFixed(0)} ms`;
}

const [mode, ...args] = process.argv.slice(2);
if (mode === '--run') {
  console.log(JSON.stringify(await runOnce(args[0], Number(args[1]))));
} else {
  const file = mode;
  if (!file) {
    console.error('usage: node tests/bench/pool_timeline.mjs FILE [RUNS]');
    process.exit(2);
  }
  const fresh = (workers) => JSON.parse(execFileSync(process.execPath, [self, '--run', file, String(workers)], { encoding: 'utf8' }));
  await inTurns([1, Number(process.env.WORKERS ?? 2)], Number(args[0] ?? 3), async (workers) => console.log(describe(fresh(workers))));
}

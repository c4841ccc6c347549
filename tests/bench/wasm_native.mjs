// Benchmark: how much of the gap between Basketlift's wasm (one worker) and its native reader
// comes from the platform rather than from the build. Each run times, in turn and each in a
// fresh process, the same workload as scripts/bench.sh's workloads 1 and 2 (the orders file,
// the `dimensions` section) read by:
//   - wasm: build/web (the wasm preset), one worker, a FileHandle, after the warm-up;
//   - native (gcc, -march=native): build/native-bench, the bench's `basketlift-native` row;
//   - native (clang, baseline): build/native-clang-bench, clang (the compiler em++ wraps) at
//     the baseline x86-64 instruction set, so that the engine's own byte scanning uses 16-byte
//     vectors as wasm's simd128 does (simdjson still picks its best kernel at run time); for
//     NDJSON also with simdjson told to use its 16-byte kernel (westmere) and its scalar kernel
//     (fallback: the one wasm runs), through simdjson's SIMDJSON_FORCE_IMPLEMENTATION.
// Prints, per format, the median read and analysis seconds of each, and wasm's ratio to each.
//
//   cmake --preset native-clang-bench && cmake --build --preset native-clang-bench
//   node tests/bench/wasm_native.mjs DIR [RUNS]     (DIR: build/bench/1000000/csv's parent)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inTurns, median } from './turns.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [dir, runsText] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node tests/bench/wasm_native.mjs DIR [RUNS]   (DIR holds csv/ and ndjson/ of scripts/bench.sh)');
  process.exit(2);
}
const runs = Number(runsText ?? 5);
const settings = JSON.stringify({ sections: ['dimensions'] });

// A native build's reading of `file`: {read, analysis} seconds.
const native = (binary, file, env = {}) => () => {
  const out = JSON.parse(execFileSync(binary, ['--settings', settings, '--threads', '1', file],
                                      { encoding: 'utf8', env: { ...process.env, ...env } }));
  return { read: out.ingest_seconds, analysis: out.analyze_seconds };
};
// The wasm module's, as scripts/bench.sh times it.
const wasm = (format) => () => {
  const args = [path.join(root, 'scripts/bench/workloads.mjs'), 'basketlift-wasm', format, path.join(dir, format)];
  const out = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }));
  return { read: out.seconds - out.analysis_seconds, analysis: out.analysis_seconds };
};

const gcc = path.join(root, 'build/native-bench/bin/bench_ingest');
const clang = path.join(root, 'build/native-clang-bench/bin/bench_ingest');
for (const [binary, preset] of [[gcc, 'native-bench'], [clang, 'native-clang-bench']]) {
  if (!existsSync(binary)) {
    console.error(`${binary} is missing: cmake --preset ${preset} && cmake --build --preset ${preset}`);
    process.exit(1);
  }
}

for (const format of ['csv', 'ndjson']) {
  const file = path.join(dir, format, `orders.${format}`);
  const tools = [['wasm (one worker)', wasm(format)], ['native, gcc -march=native', native(gcc, file)],
                 ['native, clang, baseline', native(clang, file)]];
  if (format === 'ndjson') {
    tools.push(['native, clang, baseline, simdjson westmere', native(clang, file, { SIMDJSON_FORCE_IMPLEMENTATION: 'westmere' })],
               ['native, clang, baseline, simdjson fallback', native(clang, file, { SIMDJSON_FORCE_IMPLEMENTATION: 'fallback' })]);
  }
  const results = await inTurns(tools, runs, ([, run]) => run());
  const wasmRead = median(results[0].map((r) => r.read)), wasmAnalysis = median(results[0].map((r) => r.analysis));
  console.log(`\n${format} (${file}), medians of ${runs} runs in turns:`);
  console.log('| build | read s | analysis s | wasm read ÷ | wasm analysis ÷ |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [k, [name]] of tools.entries()) {
    const read = median(results[k].map((r) => r.read)), analysis = median(results[k].map((r) => r.analysis));
    console.log(`| ${name} | ${read.toFixed(3)} | ${analysis.toFixed(3)} | ${(wasmRead / read).toFixed(2)} | ${(wasmAnalysis / analysis).toFixed(2)} |`);
  }
}

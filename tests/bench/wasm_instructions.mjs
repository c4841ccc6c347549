// Benchmark that does not depend on the machine's load: the x86 instructions V8's optimised
// code runs for one analysis (and for the read) of FILE by the wasm engine, counted by
// valgrind's callgrind on Node. V8 runs with --no-liftoff --no-wasm-lazy-compilation
// --single-threaded: every wasm function compiled by TurboFan at instantiation, in the main
// thread, so the counts repeat from run to run (to about 0.001%). An analysis's count is the
// difference between three analyses and one, halved; the read's is the run with the file and one
// analysis, less that analysis and less the run without the file (so it also carries whatever
// the first analysis does only once). Each count takes a few minutes: V8 compiles the whole
// module under valgrind.
//
//   [SECTIONS=a,b|all] node tests/bench/wasm_instructions.mjs FILE [SITE_DIR ...]
//
// SITE_DIR is a built dashboard site (default build/web; e.g. a copy of it from another commit).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

if (process.env.WASM_INSTRUCTIONS_CHILD) {
  const [site, file, analyses] = process.argv.slice(2);
  const { createEngine } = await import(pathToFileURL(path.join(site, 'src/engine.js')));
  const sections = (process.env.SECTIONS || 'dimensions').split(',');
  const engine = await createEngine({ workers: 1, warmUp: false, ...(sections[0] === 'all' ? {} : { settings: { sections } }) });
  if (file !== '-') await engine.addFile(new Uint8Array(readFileSync(file)), { name: path.basename(file) });
  for (let i = 0; i < Number(analyses); i++) engine.analyze();
  process.exit(0);
}

const [file, ...sites] = process.argv.slice(2);
if (!file) {
  console.error('usage: [SECTIONS=a,b|all] node tests/bench/wasm_instructions.mjs FILE [SITE_DIR ...]');
  process.exit(2);
}

// Instructions of one Node run of the child: the site reads `input` ('-': none), then analyses
// it `analyses` times. valgrind prints its count on stderr, which the shell swaps onto stdout.
function instructions(site, input, analyses) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'basketlift-callgrind-'));
  try {
    const args = ['--tool=callgrind', `--callgrind-out-file=${path.join(dir, 'out')}`, '--smc-check=all',
      process.execPath, '--no-liftoff', '--no-wasm-lazy-compilation', '--single-threaded', fileURLToPath(import.meta.url),
      site, input, String(analyses)];
    const result = execFileSync('sh', ['-c', 'valgrind "$@" 2>&1 >/dev/null', 'valgrind', ...args],
      { env: { ...process.env, WASM_INSTRUCTIONS_CHILD: '1' }, encoding: 'utf8', maxBuffer: 1 << 26 });
    const refs = /I\s+refs:\s+([\d,]+)/.exec(result);
    if (!refs) throw new Error(`no instruction count from valgrind:\n${result}`);
    return Number(refs[1].replaceAll(',', ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const millions = (n) => (n / 1e6).toFixed(1);
console.log(`| site | read, M instructions | analysis, M instructions |`);
console.log('|---|---:|---:|');
for (const site of sites.length ? sites : [path.join(root, 'build/web')]) {
  const none = instructions(site, '-', 0);
  const one = instructions(site, file, 1);
  const three = instructions(site, file, 3);
  const analysis = (three - one) / 2;
  console.log(`| ${site} | ${millions(one - analysis - none)} | ${millions(analysis)} |`);
}

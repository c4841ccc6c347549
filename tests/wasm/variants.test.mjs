// The two builds of the module: with wasm SIMD (taken wherever it is supported) and without
// (for Safari before 16.4 and some webviews). The scalar one holds no SIMD instruction and
// gives the same report as the SIMD one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { loadEngineModule, webDir } from './helpers.mjs';

const { createEngine, moduleVariant } = await loadEngineModule();
// The debug build (BASKETLIFT_WEB_DIR) is built with SIMD only: this is about the release site.
const releaseOnly = { skip: process.env.BASKETLIFT_WEB_DIR ? 'the debug build has one variant' : false };
const sample = (name) => new Uint8Array(readFileSync(path.join(webDir, 'sample', name)));

test('Node takes the SIMD build', () => {
  assert.equal(moduleVariant(), 'simd');
});

test('the scalar build has no SIMD instruction; the SIMD build has', releaseOnly, () => {
  const count = (file) => (execFileSync('wasm-dis', [file], { encoding: 'utf8', maxBuffer: 1 << 28 }).match(/v128|i8x16/g) ?? []).length;
  assert.equal(count(path.join(webDir, 'engine/scalar/basketlift.wasm')), 0);
  assert.ok(count(path.join(webDir, 'engine/basketlift.wasm')) > 100);
});

// Every tab downloads the module: both builds stay within the budget of README "Performance"
// (400 KB gzipped at level 9, as scripts/bench.sh measures it). Linking libc++'s iostreams and
// locales (Boost.Math's throwing error policy did) or a second JSON parser breaks it.
test('both builds stay within 400 KB gzipped', releaseOnly, () => {
  for (const file of ['engine/basketlift.wasm', 'engine/scalar/basketlift.wasm']) {
    const bytes = gzipSync(readFileSync(path.join(webDir, file)), { level: 9 }).length;
    assert.ok(bytes <= 400e3, `${file}: ${bytes} bytes gzipped`);
  }
});

test('both builds give the same report', releaseOnly, async () => {
  const reports = [];
  for (const variant of ['simd', 'scalar']) {
    const engine = await createEngine({ variant, workers: 1 });
    for (const name of ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv']) await engine.addFile(sample(name), { name });
    const report = engine.analyze();
    delete report.store_bytes;
    reports.push(JSON.stringify(report));
    engine.dispose();
  }
  assert.equal(reports[1], reports[0]);
});

// A pool's owner sends its readers the module it compiled (pool.js), so none compiles it again.
test("createEngine instantiates the compiled module it is given (wasmModule); one not Basketlift's is refused", { timeout: 30000 }, async () => {
  const reports = [];
  const wasmModule = await WebAssembly.compile(readFileSync(path.join(webDir, 'engine/basketlift.wasm')));
  for (const options of [{}, { wasmModule, variant: 'simd' }]) {
    const engine = await createEngine({ workers: 1, warmUp: false, ...options });
    for (const name of ['products.csv', 'orders.csv']) await engine.addFile(sample(name), { name });
    const report = engine.analyze();
    delete report.store_bytes;
    reports.push(JSON.stringify(report));
    engine.dispose();
  }
  assert.equal(reports[1], reports[0]);
  // An empty module instantiates, but has none of the engine's exports: an error, not a hang.
  const empty = await WebAssembly.compile(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
  await assert.rejects(createEngine({ wasmModule: empty, variant: 'simd', workers: 1, warmUp: false }));
});

// Shared helpers for the tests of the built wasm module (run by scripts/test.sh with node --test).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import Ajv from 'ajv';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The site the wasm build assembled (override with BASKETLIFT_WEB_DIR, e.g. the debug build). */
export const webDir = process.env.BASKETLIFT_WEB_DIR ?? path.join(root, 'build/web');
export const cli = path.join(root, 'build/bin/basketlift');

// Emscripten 3.1.6's loader, built for Node too (the debug build's ENVIRONMENT), uses
// require() and __dirname even as an ES module: give it both.
if (process.env.BASKETLIFT_WEB_DIR) {
  globalThis.require ??= createRequire(import.meta.url);
  globalThis.__dirname ??= path.join(process.env.BASKETLIFT_WEB_DIR, 'engine');
}

/** The report's JSON Schema, compiled in strict mode (closed objects, every field accounted for). */
export const reportSchema = JSON.parse(readFileSync(path.join(root, 'core/report/report.schema.json'), 'utf8'));
export const validateReport = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false }).compile(reportSchema);

/** Throws unless `report` validates against the schema (naming the first few violations). */
export function assertValidReport(report) {
  if (validateReport(report)) return report;
  const errors = validateReport.errors.filter((e) => e.keyword !== 'oneOf').slice(0, 5);
  throw new Error(`report breaks its schema: ${JSON.stringify(errors, null, 1)}`);
}

/**
 * The engine module of the built site, with every engine's analyze() checked against the
 * report schema: each report a test produces is validated, whatever the test asserts on it.
 */
export async function loadEngineModule() {
  const module = await import(path.join(webDir, 'src/engine.js'));
  const createEngine = async (...args) => {
    const engine = await module.createEngine(...args);
    const analyze = engine.analyze.bind(engine);
    engine.analyze = () => assertValidReport(analyze());
    return engine;
  };
  return { ...module, createEngine };
}

/** A fixture file's bytes. */
export function fixture(relative) {
  return readFileSync(path.join(root, 'tests/fixtures', relative));
}

/** Runs the native CLI's analyze on files and returns the parsed report. */
export function nativeReport(files, extraArgs = []) {
  const out = execFileSync(cli, ['analyze', ...extraArgs, ...files.map((f) => path.join(root, 'tests/fixtures', f))], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return assertValidReport(JSON.parse(out));
}

/**
 * Asserts two reports are the same: every string, boolean, null and count equal, and every
 * other number equal to 1e-12 relative. (Distribution functions come from each platform's
 * libm, so a p-value may differ in its last bit between native and wasm.)
 */
export function assertSameReport(actual, expected, path = '') {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(Math.abs(expected), 1e-300);
    if (actual !== expected && Math.abs(actual - expected) / scale > 1e-12) {
      throw new Error(`${path}: ${actual} differs from ${expected}`);
    }
    return;
  }
  if (expected === null || typeof expected !== 'object' || actual === null || typeof actual !== 'object') {
    if (actual !== expected) throw new Error(`${path}: ${JSON.stringify(actual)} differs from ${JSON.stringify(expected)}`);
    return;
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of keys) assertSameReport(actual[key], expected[key], `${path}/${key}`);
}

/** The report without what legitimately differs between builds (memory sizes). */
export function comparable(report) {
  const copy = structuredClone(report);
  delete copy.store_bytes;
  return copy;
}

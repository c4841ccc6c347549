// The report's text as the module writes it: every number in the form the native engine writes
// (printf's "%.15g", else "%.16g", else "%.17g": the first that reads back), checked against a
// reference in exact BigInt arithmetic, and names in UTF-8 intact on their way out of wasm memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cli, loadEngineModule, root } from './helpers.mjs';

const { createEngine } = await loadEngineModule();

// A positive finite double's exact decimal value: its significant digits and the power of ten
// of the first (value = mantissa × 2^e2 = mantissa × 5^-e2 × 10^e2).
function exactDecimal(value) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let e2 = -1074;
  if (biased !== 0) {
    mantissa |= 1n << 52n;
    e2 = biased - 1075;
  }
  const digits = e2 >= 0 ? (mantissa << BigInt(e2)).toString() : (mantissa * 5n ** BigInt(-e2)).toString();
  return { digits, exponent: digits.length - 1 + Math.min(e2, 0) };
}

// "%.{precision}g" of a positive finite double: correctly rounded, ties to even.
function printfG(value, precision) {
  let { digits, exponent } = exactDecimal(value);
  if (digits.length > precision) {
    const head = BigInt(digits.slice(0, precision));
    const rest = digits.slice(precision);
    const beyondHalf = rest[0] > '5' || (rest[0] === '5' && /[1-9]/.test(rest.slice(1)));
    const half = rest[0] === '5' && !/[1-9]/.test(rest.slice(1));
    digits = (head + (beyondHalf || (half && head % 2n === 1n) ? 1n : 0n)).toString();
    if (digits.length > precision) {
      exponent += 1;
      digits = digits.slice(0, precision);
    }
  }
  digits = digits.replace(/0+$/, '') || '0';
  if (exponent < -4 || exponent >= precision) {
    const e = Math.abs(exponent);
    return `${digits[0]}${digits.length > 1 ? '.' + digits.slice(1) : ''}e${exponent < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  if (exponent < 0) return `0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return digits + '0'.repeat(exponent + 1 - digits.length);
  return `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

// The text the engine must write for a number.
function expectedText(value) {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  for (let precision = 15; precision <= 17; ++precision) {
    const text = printfG(magnitude, precision);
    if (precision === 17 || Number(text) === magnitude) return (value < 0 ? '-' : '') + text;
  }
}

// The number tokens of a JSON text (strings skipped).
function numberTokens(json) {
  return [...json.matchAll(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)].map((m) => m[0]).filter((t) => t[0] !== '"');
}

test('the reference writes what printf writes', () => {
  assert.equal(expectedText(0.1), '0.1');
  assert.equal(expectedText(1 / 3), '0.3333333333333333');
  assert.equal(expectedText(0.1 + 0.2), '0.30000000000000004');
  assert.equal(expectedText(-804.8), '-804.8');
  assert.equal(expectedText(1e21), '1e+21');
  assert.equal(expectedText(1.5e-7), '1.5e-07');
  assert.equal(expectedText(0.0001), '0.0001');
  assert.equal(expectedText(123456789012345680), '1.2345678901234568e+17');
  // 2^-1074 and an exact half at the 17th digit (…625: rounded to even).
  assert.equal(expectedText(5e-324), '4.94065645841247e-324');
  assert.equal(expectedText(123456789012345.625), '123456789012345.62');
});

async function reportText(files) {
  const engine = await createEngine({ workers: 1 });
  try {
    for (const file of files) await engine.addFile(readFileSync(path.join(root, file)), { name: path.basename(file) });
    return engine.analyzeJson();
  } finally {
    engine.dispose();
  }
}

test('every number of a report is written as the native engine writes it', async () => {
  const sample = ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'].map((f) => `web/sample/${f}`);
  let fractions = 0;
  for (const files of [sample, ['tests/fixtures/aggregates/sample_postgres.csv']]) {
    const text = await reportText(files);
    for (const token of numberTokens(text)) {
      const value = Number(token);
      assert.equal(token, expectedText(value), `${files[0]}: ${token} for ${value}`);
      if (!Number.isInteger(value)) ++fractions;
    }
  }
  assert.ok(fractions > 5000, `only ${fractions} numbers with a fraction checked`);
});

// JavaScript holds a string whose characters all fit a byte in one byte each: the engine's texts
// (—, →, ≤ in its reasons and labels) would make the whole report two bytes a character to decode, post
// between threads and parse. The module escapes them; the report reads the same as the CLI's.
test('the report text from wasm has no character above U+00FF and reads as the native one', async () => {
  const sample = ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'].map((f) => `web/sample/${f}`);
  const text = await reportText(sample);
  assert.doesNotMatch(text, /[\u0100-\uffff]/);
  assert.match(text, /\\u2192/);  // the engine's arrows, escaped
  // Run beside the files, so that the CLI names them as the module does.
  const nativeText = execFileSync(cli, ['analyze', ...sample.map((f) => path.basename(f))], { cwd: path.join(root, 'web/sample'), encoding: 'utf8' });
  // The texts holding such characters read back the same (numbers may differ in their last bit
  // between the builds, so the reports are not compared whole here).
  const wide = (report) => {
    const found = [];
    JSON.stringify(report, (key, value) => {
      for (const t of [key, value]) if (typeof t === 'string' && /[\u0100-\uffff]/.test(t)) found.push(t);
      return value;
    });
    return found.sort();
  };
  assert.ok(wide(JSON.parse(nativeText)).length >= 3);
  assert.deepEqual(wide(JSON.parse(text)), wide(JSON.parse(nativeText)));
  assert.match(nativeText, /→/);  // a file for people keeps them readable
});

test('names in UTF-8 leave wasm memory intact', async () => {
  const name = 'crème-brûlée-🍮';
  const orders = `order_id,timestamp,product_id,quantity,unit_price\n1,2025-10-07T09:50:26Z,${name},1,4.5\n2,2025-10-07T10:00:00Z,tea,2,3\n`;
  const engine = await createEngine({ workers: 1 });
  try {
    await engine.addFile(new TextEncoder().encode(orders), { name: 'orders.csv' });
    const report = engine.analyze();
    assert.deepEqual(report.dimensions.by.product.groups.map((g) => g.key).sort(), [name, 'tea'].sort());
  } finally {
    engine.dispose();
  }
});

// Benchmark: what the pool's engine pays for a range another engine read (web/src/parallel.js).
// Three engines in one Node process, on one file cut as the pool cuts it: one reads every range
// itself (the serial read), one reads each range as a reader does (readRange, which also writes
// the range out), and the first merges those (mergeRange). Prints the mean per range of each.
// Alternate runs of two builds with BASKETLIFT_WEB_DIR to compare them.
//
//   node tests/bench/range_merge.mjs FILE [RANGE_MB]     (default 16 MiB ranges; needs the wasm build)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { webDir } from '../wasm/helpers.mjs';

const [file, rangeText] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/bench/range_merge.mjs FILE [RANGE_MB]');
  process.exit(2);
}
const rangeBytes = Number(rangeText ?? 16) << 20;
const { createEngine } = await import(path.join(webDir, 'src/engine.js'));
const bytes = new Uint8Array(readFileSync(file));
for (let i = 0; i < bytes.length; i += 4096) bytes[i] = bytes[i];  // its pages faulted in first

const [merging, reader, serial] = await Promise.all([1, 2, 3].map(() => createEngine({ workers: 1 })));
for (const engine of [merging, reader, serial]) await engine.warmedUp;
const name = path.basename(file);
const head = Math.min(bytes.length, 64 << 10);
for (const engine of [merging, serial]) {
  engine.beginFile(name, { size: bytes.length });
  engine.feed(bytes.subarray(0, head));
}
const plan = merging.rangeSpec();
const bounds = [head];
for (let cut = head + rangeBytes; cut < bytes.length - rangeBytes / 4; cut += rangeBytes) {
  const offset = merging.findRangeStart(bytes.subarray(cut, Math.min(bytes.length, cut + (1 << 20))));
  if (offset >= 0) bounds.push(cut + offset);
}
bounds.push(bytes.length);

const feed = (engine, range) => {
  for (let at = 0; at < range.length; at += 4 << 20) engine.feed(range.subarray(at, at + (4 << 20)));
};
const ms = { serial: 0, reader: 0, merge: 0 };
let serialized = 0;
for (let k = 0; k + 1 < bounds.length; k++) {
  const range = bytes.subarray(bounds[k], bounds[k + 1]);
  let start = performance.now();
  feed(serial, range);
  ms.serial += performance.now() - start;
  if (k === 0) {  // the engine's own first range
    feed(merging, range);
    continue;
  }
  start = performance.now();
  const read = reader.readRange(plan.spec, plan.head, range);
  ms.reader += performance.now() - start;
  serialized += read.length;
  start = performance.now();
  const outcome = merging.mergeRange(read, k + 2 === bounds.length);
  ms.merge += performance.now() - start;
  if (outcome !== 'merged') throw new Error(`range ${k}: ${outcome}`);
}
merging.endFile();
serial.endFile();
const merged = bounds.length - 2;
console.log(`${name}: ${merged} ranges of ${rangeBytes >> 20} MiB merged; per range: read alone ${(ms.serial / (merged + 1)).toFixed(1)} ms, ` +
            `read and written out by a reader ${(ms.reader / merged).toFixed(1)} ms, merged ${(ms.merge / merged).toFixed(1)} ms ` +
            `(${(serialized / merged / 1e6).toFixed(2)} MB each)`);

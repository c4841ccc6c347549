// Benchmark of the machine, not of Basketlift: what writing to fresh memory costs here. Wasm
// memory that has just grown (and a new ArrayBuffer) is mapped by the operating system page by
// page on first write; on some virtual machines that costs far more than the write itself, and
// every reader's and analysis's first pass over memory it has not used before pays it. Prints
// the milliseconds to fill SIZE MiB of freshly grown wasm memory, the same bytes again, and a
// fresh ArrayBuffer.
//
//   node tests/bench/first_touch.mjs [SIZE_MIB]     (default 128)
const mib = Number(process.argv[2] ?? 128);
const bytes = mib * 2 ** 20;
const time = (f) => {
  const start = performance.now();
  f();
  return performance.now() - start;
};

const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536 });
const grow = time(() => memory.grow(bytes / 65536));
const view = new Uint8Array(memory.buffer);
const first = time(() => view.fill(1, 65536, 65536 + bytes));
const again = time(() => view.fill(2, 65536, 65536 + bytes));
const buffer = time(() => new Uint8Array(bytes).fill(1));
console.log(`| ${mib} MiB | grow ${grow.toFixed(1)} ms | first write ${first.toFixed(1)} ms (${(first / mib).toFixed(2)} ms a MiB) | again ${again.toFixed(1)} ms | a new ArrayBuffer ${buffer.toFixed(1)} ms |`);

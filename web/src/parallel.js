// Reading one file with a pool of range readers (pool.js): the engine reads the file's head and
// first range itself while the readers read later ranges; the engine merges them in file order,
// and reads a range itself whenever a merge cannot be exact. The same report as reading the
// file in one go (tested at pool sizes 1, 2, 3 and 7). The plan mirrors core/engine/range_plan.cpp.

const HEAD_BYTES = 64 << 10;   // read by the engine before planning: holds the file's head
const WINDOW_BYTES = 1 << 20;  // looked at past each cut for a range start
const CHUNK_BYTES = 4 << 20;   // the engine's own reading, between two looks at the event loop

import { plainBytes } from './engine.js';

/**
 * Reads `source` (a Blob/File, Uint8Array or ArrayBuffer) into `engine` with `pool`, as
 * `addFile` would; `rangeBytes` is the size ranges aim at. Progress and `signal` as addFile.
 */
export async function readInRanges(engine, pool, source, options, rangeBytes) {
  source = plainBytes(source);
  const isBlob = typeof Blob !== 'undefined' && source instanceof Blob;
  const total = isBlob ? source.size : source.length;
  const slice = async (start, end) => (isBlob ? new Uint8Array(await source.slice(start, end).arrayBuffer()) : source.subarray(start, end));
  let loaded = 0;
  const progress = () => options.onProgress?.({ loaded, total, rows: engine.openFileRows() });
  const feedRange = async (start, end) => {
    for (let at = start; at < end; at += CHUNK_BYTES) {
      options.signal?.throwIfAborted();
      const chunk = await slice(at, Math.min(end, at + CHUNK_BYTES));
      engine.feed(chunk);
      loaded += chunk.length;
      progress();
      await new Promise((resolve) => setTimeout(resolve, 0));  // let finished ranges be merged
    }
  };

  const first = Math.min(total, HEAD_BYTES);
  await feedRange(0, first);
  let plan = null;
  try {
    plan = engine.rangeSpec();
  } catch {
    // read whole: a JSON array, a catalogue, or a head longer than the first bytes
  }
  // The engine's own range is its share of the file (it also merges the others); the rest is
  // cut into ranges of about rangeBytes for the readers.
  const bounds = [first];
  if (plan) {
    const own = Math.floor((total - first) / (pool.size + 1));
    const cuts = [first + own];
    for (let cut = first + own + rangeBytes; cut < total - rangeBytes / 4; cut += rangeBytes) cuts.push(cut);
    for (const cut of cuts) {
      if (cut <= bounds.at(-1) || cut >= total) continue;
      const offset = engine.findRangeStart(await slice(cut, Math.min(total, cut + WINDOW_BYTES)));
      if (offset >= 0 && cut + offset < total && cut + offset > bounds.at(-1)) bounds.push(cut + offset);
    }
  }
  bounds.push(total);

  // Ranges 1.. go to the pool, a few at a time so that waiting ranges do not pile up in memory.
  const reads = [];
  let next = 1;
  let merged = 1;
  const dispatch = () => {
    while (next + 1 < bounds.length && next - merged <= 2 * pool.size) {
      const [start, end] = [bounds[next], bounds[next + 1]];
      const job = { spec: plan.spec, head: plan.head };
      if (isBlob) Object.assign(job, { blob: source, start, end });
      else (job.bytes = new Uint8Array(end - start)).set(source.subarray(start, end));  // a copy: it is transferred
      reads[next] = pool.read(job).catch(() => null);  // a reader that failed: read it here
      next += 1;
    }
  };
  dispatch();
  await feedRange(bounds[0], bounds[1]);
  for (; merged + 1 < bounds.length; merged++) {
    const [start, end] = [bounds[merged], bounds[merged + 1]];
    const range = await reads[merged];
    reads[merged] = null;
    options.signal?.throwIfAborted();
    const outcome = range ? engine.mergeRange(range, merged + 2 === bounds.length) : 'read_serially';
    dispatch();
    if (outcome === 'read_serially') {
      await feedRange(start, end);
    } else {
      loaded += end - start;
      progress();
    }
  }
}

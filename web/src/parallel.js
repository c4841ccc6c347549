// Reading one file with a pool of range readers (pool.js): the file is cut into ranges; the
// engine reads the head, the first range and a share of the others itself while the readers
// read the rest ahead of it; the engine merges theirs in file order between its own, and reads
// a range itself whenever a merge cannot be exact. The same report as reading the file in one
// go (tested at pool sizes 1, 2, 3 and 7). core/engine/range_plan.cpp is the same plan for
// threads (the CLI's --threads).

const HEAD_BYTES = 64 << 10;   // read by the engine before planning: holds the file's head
const WINDOW_BYTES = 1 << 20;  // looked at past each cut for a range start
const SHORT_WINDOW_BYTES = 64 << 10;  // looked at first
const IS_NODE = typeof process === 'object' && typeof process.versions?.node === 'string';
// The engine's own pieces (addFile's chunkBytes), between two looks at the event loop.
const CHUNK_BYTES = 4 << 20;
// The engine's share assumes it merges a range this many times faster than it reads one.
// Tuned with one reader on 16 MB ranges of the orders CSV: the engine reads one in about 250 ms
// and copies and merges one in about 105 ms, while a reader, which also writes its range out,
// needs about 300 ms; a share of 0.43 (what 4 gives) kept both busy.
const MERGE_SPEEDUP = 4;
const MIN_OWN_SHARE = 1 / 16;  // the engine reads at least this share of the ranges itself
const LOOKAHEAD = 4;           // ranges per reader sent ahead of the engine at most

import { blobChunks } from './blob-chunks.js';
import { plainBytes } from './engine.js';
import { handleBytes, handleChunks, isFileHandle } from './file-handle.js';

/**
 * Reads `source` (a Blob/File, Uint8Array, ArrayBuffer or Node.js FileHandle) of `total` bytes
 * into `engine` with `pool`, as `addFile` would; `rangeBytes` is the size ranges aim at and
 * `settings` the engine's settings as JSON text (null: the defaults), which the readers take.
 * Progress and `signal` as addFile.
 */
export async function readInRanges(engine, pool, source, total, options, rangeBytes, settings = null) {
  source = plainBytes(source);
  const isBlob = typeof Blob !== 'undefined' && source instanceof Blob;
  const isHandle = isFileHandle(source);
  const slice = async (start, end) => {
    if (isBlob) return new Uint8Array(await source.slice(start, end).arrayBuffer());
    return isHandle ? handleBytes(source, start, end, new Uint8Array(end - start)) : source.subarray(start, end);
  };
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  // A FileHandle's pieces read here, into two buffers in turn.
  const ownChunks = isHandle ? [0, 1].map(() => new Uint8Array(Math.min(chunkBytes, total))) : null;
  let loaded = 0;              // bytes this engine read or merged
  const reading = new Map();   // range → bytes of it its reader has read so far
  let shown = 0;               // the progress last reported: it only grows
  const progress = () => {
    let read = loaded;
    for (const bytes of reading.values()) read += bytes;
    shown = Math.max(shown, read);  // a range read again here, after its reader failed
    options.onProgress?.({ loaded: shown, total, rows: engine.openFileRows() });
  };
  let dispatch = () => {};  // sends readers more ranges (set once the ranges are planned)
  // Bytes [start, end) of an in-memory source in pieces of chunkBytes (views, not copies).
  function* bytesChunks(start, end) {
    for (let at = start; at < end; at += chunkBytes) yield source.subarray(at, Math.min(end, at + chunkBytes));
  }
  const feedRange = async (start, end) => {
    const chunks = isBlob ? blobChunks(source, start, end, chunkBytes) : isHandle ? handleChunks(source, start, end, chunkBytes, ownChunks) : bytesChunks(start, end);
    for await (const chunk of chunks) {
      options.signal?.throwIfAborted();
      engine.feed(chunk);
      loaded += chunk.length;
      progress();
      await new Promise((resolve) => setTimeout(resolve, 0));  // let readers' answers arrive
      dispatch();  // readers that finished get the next ranges while this engine reads its own
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
  // The file after the head is cut into ranges of about rangeBytes. The engine reads range 0
  // and an even spread of a share of the others itself, and merges the readers' ranges in file
  // order between its own: its share is what keeps it as busy as the readers,
  // share/r + (1 − share)/(MERGE_SPEEDUP·r) = (1 − share)/(readers·r) for one reading speed r.
  // A range start is looked for in the first SHORT_WINDOW_BYTES past a cut, and in the whole
  // window only when it is not there. The search goes forward over whole records, so the
  // short window nearly always finds the whole window's start (a CSV candidate line near its
  // end is checked against fewer following records); a wrong start is caught at the merge, as
  // any speculation is (core/ingest/range_reading.h), and the engine reads on itself. Slices
  // of a page's File are slow while the readers start up: 1 MiB windows held them back by
  // 0.84 s on a 315 MB file, 64 KiB ones by 0.19 s.
  const startAfter = async (cut) => {  // offset past `cut` where a range may start, or -1
    for (const bytes of [SHORT_WINDOW_BYTES, WINDOW_BYTES]) {
      const offset = engine.findRangeStart(await slice(cut, Math.min(total, cut + bytes)));
      if (offset >= 0 || cut + bytes >= total) return offset;
    }
    return -1;
  };
  const bounds = [first];
  if (plan) {
    for (let cut = first + rangeBytes; cut < total - rangeBytes / 4; cut += rangeBytes) {
      if (cut <= bounds.at(-1)) continue;
      const offset = await startAfter(cut);
      if (offset >= 0 && cut + offset < total && cut + offset > bounds.at(-1)) bounds.push(cut + offset);
    }
  }
  bounds.push(total);
  const count = bounds.length - 1;
  const slack = Math.max(0, 1 / Math.max(1, pool.size) - 1 / MERGE_SPEEDUP);
  const share = Math.max(MIN_OWN_SHARE, slack / (1 + slack));
  const ownRange = (k) => k === 0 || Math.floor((k + 1) * share) > Math.floor(k * share);

  // The readers' ranges go to the pool in file order as readers become free (each has one range
  // to read and one waiting), at most LOOKAHEAD ranges past the one the engine is at, so ranges
  // read and not yet merged stay few. The engine takes back a range no reader has started when
  // it gets there: readers slower than the share assumes cost no waiting.
  const reads = [];
  const jobs = [];
  let next = 1;      // the next range to consider sending
  let at = 0;        // the range the engine is at
  let inPool = 0;    // ranges sent to the pool and not yet read back
  dispatch = () => {
    for (; next < count && inPool < 2 * pool.size && next <= at + LOOKAHEAD * pool.size; next++) {
      if (ownRange(next)) continue;
      const [start, end] = [bounds[next], bounds[next + 1]];
      const job = { spec: plan.spec, head: plan.head, settings };
      // A page's Blob (a dropped File) goes to the reader, which reads its range; Node's file-backed
      // Blobs (fs.openAsBlob) cannot be posted to a worker, so their bytes are sliced here. A
      // FileHandle's descriptor is the process's, valid in every worker thread: the reader reads
      // its range itself. (When this thread read the readers' ranges for them, those first reads
      // held back its own, and the pool read the 1M-order CSV no faster than one thread.)
      if (isBlob && !IS_NODE) Object.assign(job, { blob: source, start, end });
      else if (isHandle) Object.assign(job, { fd: source.fd, start, end });
      else if (!isBlob) {  // a copy: it is transferred (into a buffer a reader sent back)
        job.bytes = new Uint8Array(pool.takeBuffer(end - start, rangeBytes + WINDOW_BYTES), 0, end - start);
        job.bytes.set(source.subarray(start, end));
      }
      inPool += 1;
      jobs[next] = job;
      // The reader's progress within the range moves the file's (readers report each piece).
      const range = next;
      const onRead = (bytes) => {
        reading.set(range, bytes);
        progress();
      };
      // Node's Blob: sliced here; the slice owns its buffer and is transferred as it is.
      const read = isBlob && IS_NODE ? slice(start, end).then((bytes) => pool.read(Object.assign(job, { bytes }), onRead)) : pool.read(job, onRead);
      reads[next] = read.catch(() => null).finally(() => (inPool -= 1));  // null: read it here
    }
  };
  for (; at < count; at++) {
    dispatch();
    const [start, end] = [bounds[at], bounds[at + 1]];
    if (ownRange(at)) {
      await feedRange(start, end);
      continue;
    }
    // A range no reader has started yet is read here rather than waited for.
    const range = reads[at] && !pool.withdraw(jobs[at]) ? await reads[at] : null;
    reads[at] = jobs[at] = null;
    options.signal?.throwIfAborted();
    const outcome = range ? engine.mergeRange(range, at + 1 === count) : 'read_serially';
    if (range) pool.giveBack(range.buffer);  // a reader writes a later range into it
    reading.delete(at);
    if (outcome === 'read_serially') {
      await feedRange(start, end);
    } else {
      loaded += end - start;
      progress();
    }
  }
}

// Basketlift engine API: an ES module usable in a browser tab, a Web Worker and Node.js.
// The C++ engine runs as WebAssembly; this file only moves bytes in and JSON out.
import { blobChunks } from './blob-chunks.js';
import { BasketliftError, check } from './errors.js';
import { handleChunks, handleSize, isFileHandle } from './file-handle.js';
import { readInRanges } from './parallel.js';
import { RangePool, defaultPoolSize } from './pool.js';
import { Simulation, simulate, KNOBS } from './simulation.js';
import { localZone, zoneRules } from './time-zone.js';
import { warmUpTables } from './warm-up.js';

export { BasketliftError, Simulation, KNOBS, localZone };

const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';
// The report's text comes out of wasm memory as UTF-8 bytes.
const UTF8 = new TextDecoder();

// A module of one function returning a v128 constant: valid only where wasm SIMD is supported.
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,  // \0asm, version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b,        // type: () -> v128
  0x03, 0x02, 0x01, 0x00,                          // one function of that type
  0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c,        // its body: v128.const ...
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0b,
]);

/**
 * Which build of the module this runtime takes: 'simd' (wasm SIMD: every current browser,
 * Node 16.4+) or 'scalar' (Safari before 16.4 and some embedded webviews).
 */
export function moduleVariant() {
  return WebAssembly.validate(SIMD_PROBE) ? 'simd' : 'scalar';
}

// Literal paths, so that bundlers see both builds.
const loadFactory = (variant) => (variant === 'simd' ? import('../engine/basketlift.mjs') : import('../engine/scalar/basketlift.mjs'));

// Literal URLs too: a bundler (Vite, webpack) emits the .wasm files as assets and rewrites these
// URLs, where the loader's own lookup (beside its bundled chunk) would miss them.
const wasmUrl = (variant) => (variant === 'simd' ? new URL('../engine/basketlift.wasm', import.meta.url) : new URL('../engine/scalar/basketlift.wasm', import.meta.url));

// The warm-up's aggregates file (see warmUp), read as the .wasm files are.
const warmUpAggregatesUrl = new URL('./warm-up-aggregates.csv', import.meta.url);

// The bytes of a file of this package: read from disk in Node, whose fetch() cannot take a file
// path, fetched elsewhere.
async function packageFile(url) {
  if (!isNode) return new Uint8Array(await (await fetch(url)).arrayBuffer());
  const { readFile } = await import('node:fs/promises');
  return readFile(url);
}

// The compiled module of `variant`: options.wasmModule, else compiled from options.wasmBinary
// or from the package's file (streamed where the server gives it as application/wasm).
async function compiledModule(variant, options) {
  if (options.wasmModule) return options.wasmModule;
  if (options.wasmBinary) return WebAssembly.compile(options.wasmBinary);
  if (!isNode && typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(fetch(wasmUrl(variant)));
    } catch {
      // e.g. served as another type: compiled from its bytes below
    }
  }
  return WebAssembly.compile(await packageFile(wasmUrl(variant)));
}

/**
 * Memory the engine may use by default: most of wasm32's 4 GiB, keeping room for the module
 * itself and the chunk being copied in. Reading stops (code "too_large") at half of it.
 */
export const DEFAULT_MEMORY_LIMIT = 3.5 * 2 ** 30;

/** Files from this size are read by a pool of workers when one is allowed (see createEngine). */
export const DEFAULT_PARALLEL_FROM = 8 << 20;

/**
 * Creates an engine. Options: `wasmBinary` (bytes of basketlift.wasm, to skip loading it),
 * `wasmModule` (basketlift.wasm already compiled, a WebAssembly.Module of `variant`'s build),
 * `settings` (object of overrides, see the report's `settings`), `memoryLimit` (bytes; see
 * DEFAULT_MEMORY_LIMIT), `workers` ('auto', the default: as many threads as cores read a large
 * file at once, Web Workers in a page and worker_threads in Node, capped by memory; a number;
 * 1 reads on this thread only), `parallelFrom` (bytes; smaller files are read on this thread,
 * default DEFAULT_PARALLEL_FROM), `rangeBytes` (the size of the ranges handed to workers) and
 * `variant` ('auto', the default: with wasm SIMD where the runtime has it; 'simd'; 'scalar')
 * and `warmUp` (true, the default: while the engine has nothing else to do, analyse a small
 * made-up store and its aggregates file, about 0.3 s in a few steps, so that the first real
 * analysis runs in optimised code — see warm-up.js; it stops at its next step once the engine
 * is given work, so a file given at once is never kept waiting; `engine.warmedUp` says how it
 * ended; false: none).
 */
export async function createEngine(options = {}) {
  if (typeof WebAssembly !== 'object') {
    throw new BasketliftError('unsupported', 'this browser cannot run WebAssembly: use a current Chrome, Edge, Firefox or Safari (14 or later)');
  }
  const variant = options.variant && options.variant !== 'auto' ? options.variant : moduleVariant();
  const { default: createBasketliftModule } = await loadFactory(variant);
  // Compiled here, not by the loader, so that the pool's readers instantiate this same module:
  // none compiles it again, and code V8 optimises for one serves all of them.
  const wasmModule = await compiledModule(variant, options);
  let instantiateFailed;
  const failure = new Promise((resolve, reject) => (instantiateFailed = reject));
  const moduleArgs = {
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule)).catch(instantiateFailed);
      return {};  // the exports come through receive()
    },
  };
  const module = await Promise.race([createBasketliftModule(moduleArgs), failure]);
  const threads = options.workers === undefined || options.workers === 'auto' ? await defaultPoolSize() : Math.max(1, Math.floor(options.workers));
  const engine = new Engine(module, {
    threads,
    parallelFrom: options.parallelFrom ?? DEFAULT_PARALLEL_FROM,
    rangeBytes: options.rangeBytes ?? 16 << 20,
    wasm: { module: wasmModule, variant },
  });
  engine.setMemoryLimit(options.memoryLimit ?? DEFAULT_MEMORY_LIMIT);
  if (options.settings) engine.configure(options.settings);
  if (options.warmUp ?? true) engine.warmUpInBackground();
  return engine;
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

// Analyses warm-up.js's store, then its aggregates file (warm-up-aggregates.csv, what the
// warehouse query gives for that store, read meanwhile), each on a throwaway engine of the same
// module (its memory is freed for the real one), one step per task, and stops before a step once
// `stop()` holds. True when it analysed both. A failure here is only a slower first analysis:
// it is not reported.
async function warmUp(module, stop) {
  const aggregates = packageFile(warmUpAggregatesUrl);
  aggregates.catch(() => {});  // awaited below, when the store is done
  try {
    // Making the store's tables took 0.37 s of a fresh page worker's cold JavaScript: work
    // already waiting (a file dropped while the page opened) first stops the warm-up here.
    await nextTask();
    if (stop()) return false;
    const tables = warmUpTables().map(({ name, text }) => ({ name, bytes: new TextEncoder().encode(text) }));
    if (!(await analyseWarmUpFiles(module, stop, tables))) return false;
    return await analyseWarmUpFiles(module, stop, [{ name: 'aggregates.csv', bytes: await aggregates }]);
  } catch {
    return false;
  }
}

// Reads files [{name, bytes}] into a throwaway engine and analyses them, a step per task; false
// when `stop()` held before a step.
async function analyseWarmUpFiles(module, stop, files) {
  const engine = new Engine(module);
  try {
    for (const { name, bytes } of files) {
      await nextTask();
      if (stop()) return false;
      await engine.addFile(bytes, { name });
    }
    await nextTask();
    if (stop()) return false;
    engine.analyzeJson();
    return true;
  } finally {
    engine.dispose();
  }
}

const megabytes = (bytes) => (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0);

const DEFAULT_CHUNK_BYTES = 4 << 20;
const RANGE_FEED_BYTES = 1 << 20;  // a range reader's pieces

/** A Basketlift engine: feed it files, then read the report. */
export class Engine {
  #module;
  #native;
  #buffer = 0;
  #bufferBytes = 0;
  #parallel;
  #settings = null;
  #pool = null;
  #poolStart = null;  // resolves to #pool once its readers are spawned (null: ended meanwhile)
  #poolBytes = 0;  // what readers of pools since replaced reported
  #given = false;  // the engine was given work: a warm-up stops
  #disposed = false;
  #warmedUp = Promise.resolve(false);

  /** An engine over an instantiated module; `parallel` = {threads, parallelFrom, rangeBytes}. */
  constructor(module, parallel = { threads: 1 }) {
    this.#module = module;
    this.#native = new module.Engine();
    this.#parallel = parallel;
  }

  /**
   * Starts the warm-up (see createEngine's `warmUp`) and, when it ran to its end on an engine
   * with a pool, the pool's readers, so that a large file given later finds them started (README
   * "Performance"). warmedUp tells how it ended.
   */
  warmUpInBackground() {
    this.#warmedUp = warmUp(this.#module, () => this.#given).then(async (done) => {
      if (done && this.#parallel.threads > 1 && !this.#disposed) {
        try {
          await (await this.#readers())?.ready;
        } catch {
          // as a warm-up's failure: the first large file starts the readers, or reports why not
        }
      }
      return done;
    });
  }

  /**
   * Resolves to true once the warm-up analysed its store (and the pool's readers, if any, have
   * started); false when there was none, or it stopped because the engine was given work first.
   */
  get warmedUp() {
    return this.#warmedUp;
  }

  /** Threads that read a large file at once (1: this one only). */
  get threads() {
    return this.#parallel.threads;
  }

  /**
   * Range readers alive now. They are started after the warm-up (or by the first large file,
   * if it comes first) and kept for the next files; the analysis lets them go first, so that
   * their memory is given back before it needs its own (a later large file starts new ones).
   */
  get readers() {
    return this.#pool?.size ?? 0;
  }

  // The pool: the one alive or starting, else a new one. Resolves to null when the readers were
  // ended while they started (#releaseReaders); a failure to start them is not kept.
  #readers() {
    if (!this.#poolStart) {
      const start = RangePool.create(this.#parallel.threads - 1, this.#parallel.wasm).then((pool) => {
        if (this.#poolStart === start) return (this.#pool = pool);
        pool.terminate();
        return null;
      }, (error) => {
        if (this.#poolStart === start) this.#poolStart = null;
        throw error;
      });
      this.#poolStart = start;
    }
    return this.#poolStart;
  }

  // Ends the pool's readers, keeping what they held in memory() (poolBytes); a pool still
  // starting is ended when it has.
  #releaseReaders() {
    this.#poolStart = null;
    if (!this.#pool) return;
    this.#poolBytes = Math.max(this.#poolBytes, this.#pool.memoryBytes());
    this.#pool.terminate();
    this.#pool = null;
  }

  /** Rows read so far in the open file. */
  openFileRows() {
    return this.#native.openFileRows();
  }

  /** Caps the memory the engine may use, in bytes (0: no cap). */
  setMemoryLimit(bytes) {
    this.#native.setMemoryLimit(bytes);
  }

  /** Replaces the settings (an object of overrides). */
  configure(settings) {
    check(this.#native.configure(JSON.stringify(settings)));
    // The trends' calendar: rules for the zone the settings name, from Intl.
    if (settings?.timezone && settings.timezone !== 'UTC') {
      check(this.#native.setTimeZone(JSON.stringify(zoneRules(settings.timezone))));
    }
    this.#settings = settings;
  }

  /**
   * Starts a file. `table`, `format` force detection; `mapping` maps columns to fields; `size`
   * (bytes, when known) lets the engine size its columns once instead of growing them.
   */
  beginFile(name, { table = '', format = '', mapping = null, size = 0 } = {}) {
    this.#given = true;
    check(this.#native.beginFile(String(name), table, format, mapping ? JSON.stringify(mapping) : '', size ?? 0));
  }

  /** Feeds one chunk (Uint8Array or ArrayBuffer) of the open file. */
  feed(chunk) {
    const bytes = chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk);
    if (bytes.length === 0) return;
    check(this.#native.feed(this.#copyIn(bytes), bytes.length));
  }

  // Frees the reusable buffer (the next chunk allocates it again).
  #freeBuffer() {
    if (this.#buffer) this.#module._free(this.#buffer);
    this.#buffer = 0;
    this.#bufferBytes = 0;
  }

  /** Copies bytes into the engine's reusable buffer in wasm memory; returns its address. */
  #copyIn(bytes) {
    if (bytes.length > this.#bufferBytes) {
      if (this.#buffer) this.#module._free(this.#buffer);
      this.#buffer = this.#module._malloc(bytes.length);
      if (!this.#buffer) {
        this.#bufferBytes = 0;
        throw new BasketliftError('too_large', 'not enough memory for a chunk of ' + bytes.length + ' bytes');
      }
      this.#bufferBytes = bytes.length;
    }
    // HEAPU8 is read again after every call that may have grown memory.
    this.#module.HEAPU8.set(bytes, this.#buffer);
    return this.#buffer;
  }

  // Reading one file in byte ranges at once (see parallel.js and core/ingest/range_reading.h).

  /** How other engines read ranges of the open file: {spec (JSON text), head (bytes)}. */
  rangeSpec() {
    const result = this.#native.rangeSpec();
    check(result);
    return { spec: result.text, head: this.#native.rangeHead().slice() };
  }

  /** Offset in `window` (bytes of the open file after its head) where a range may start, or -1. */
  findRangeStart(window) {
    return window.length === 0 ? -1 : this.#native.findRangeStart(this.#copyIn(window), window.length);
  }

  /** Merges a range read by readRange(): "merged", or "read_serially" (then feed its bytes). */
  mergeRange(range, last) {
    const result = this.#native.mergeRange(this.#copyIn(range), range.length, last);
    check(result);
    return result.text;
  }

  /**
   * Reads one range of a file described by rangeSpec() into this (empty) engine; returns it
   * serialised: in `into` (an ArrayBuffer, e.g. an earlier range's) when it fits, else in a new
   * buffer with `room` bytes to spare. `onPiece(bytes)` is called with the bytes read so far
   * after each piece.
   */
  readRange(spec, head, bytes, onPiece = null, into = null, room = 0) {
    this.#given = true;
    // Fed in pieces: the reader's buffer in wasm memory stays RANGE_FEED_BYTES, not a range.
    check(this.#native.beginRange(spec, head, bytes.length));
    for (let at = 0; at < bytes.length; at += RANGE_FEED_BYTES) {
      const piece = bytes.subarray(at, at + RANGE_FEED_BYTES);
      if (!this.#native.feed(this.#copyIn(piece), piece.length).ok) break;  // endRange says why
      onPiece?.(at + piece.length);
    }
    check(this.#native.endRange());
    // A new buffer is mapped page by page as it is first written (a 7.5 MB range: 22-36 ms on
    // a reader, against 0.6 ms into a buffer written before).
    const serialised = this.#native.rangeBytes();
    const length = serialised.length;
    const range = new Uint8Array(into && into.byteLength >= length ? into : new ArrayBuffer(length + room), 0, length);
    range.set(serialised);
    this.#native.releaseRangeBytes();
    return range;
  }

  /** Ends the open file. */
  endFile() {
    check(this.#native.endFile());
  }

  /**
   * Reads a whole file: a Blob/File, ArrayBuffer, Uint8Array, a Node.js FileHandle
   * (`fs.promises.open`: read from its start into two buffers used in turn; left open), or an
   * (async) iterable of chunks such as a Node stream or a ReadableStream. Options: `name`, `table`, `format`, `mapping`,
   * `size` (bytes: a stream's or an iterable's, which the engine cannot know; columns are then
   * sized once), `chunkBytes`, `onProgress({loaded, total, rows})`, `signal` (AbortSignal).
   * After an abort the rows read so far stay in the engine (it cannot take rows back): reset()
   * and add the other files again to leave the file out, as WorkerEngine does.
   */
  async addFile(source, options = {}) {
    const name = options.name ?? source?.name ?? 'file';
    const handle = isFileHandle(source);
    const total = handle ? await handleSize(source) : source?.size ?? source?.byteLength ?? options.size ?? null;
    const randomAccess = handle || source instanceof ArrayBuffer || source instanceof Uint8Array || (typeof Blob !== 'undefined' && source instanceof Blob);
    if (this.#parallel.threads > 1 && randomAccess && total >= this.#parallel.parallelFrom) {
      return this.#addInRanges(source, { ...options, name }, total);
    }
    this.beginFile(name, { ...options, size: total ?? 0 });
    let loaded = 0;
    try {
      for await (const chunk of chunksOf(source, options.chunkBytes ?? DEFAULT_CHUNK_BYTES, total)) {
        options.signal?.throwIfAborted();
        loaded += chunk.byteLength;
        this.feed(chunk);
        options.onProgress?.({ loaded, total, rows: this.#native.openFileRows() });
      }
    } catch (error) {
      try { this.#native.endFile(); } catch { /* the file is abandoned either way */ }
      if (error.code === 'too_large') {
        const of = total === null ? '' : ` of ${megabytes(total)} MB`;
        throw new BasketliftError('too_large', `file too large for this browser tab: ${megabytes(loaded)} MB read${of} (${error.message})`);
      }
      throw error;
    }
    this.endFile();
  }

  // addFile with the pool: as addFile, its failures reported the same way.
  async #addInRanges(source, options, total) {
    const pool = await this.#readers();
    if (!pool) throw new BasketliftError('cancelled', 'the readers were ended while they started (an analysis or dispose() meanwhile)');
    this.beginFile(options.name, { ...options, size: total });
    let loaded = 0;
    const onProgress = (progress) => {
      loaded = progress.loaded;
      options.onProgress?.(progress);
    };
    try {
      const settings = this.#settings ? JSON.stringify(this.#settings) : null;  // the readers read as this engine
      await readInRanges(this, pool, source, total, { ...options, onProgress }, this.#parallel.rangeBytes, settings);
    } catch (error) {
      try { this.#native.endFile(); } catch { /* the file is abandoned either way */ }
      this.#releaseReaders();  // readers busy with a cancelled file: start afresh next time
      if (error.code === 'too_large') {
        throw new BasketliftError('too_large', `file too large for this browser tab: ${megabytes(loaded)} MB read of ${megabytes(total)} MB (${error.message})`);
      }
      throw error;
    }
    this.endFile();
  }

  /**
   * What a file's first bytes hold: format, delimiter, columns with the field each would feed,
   * and the table (null, with `error`, when none is recognised). Reads at most 64 KiB.
   */
  async inspect(source, mapping = null) {
    this.#given = true;
    let head;
    if (typeof Blob !== 'undefined' && source instanceof Blob) head = new Uint8Array(await source.slice(0, 65536).arrayBuffer());
    else head = (source instanceof Uint8Array ? source : new Uint8Array(source)).subarray(0, 65536);
    const result = this.#module.inspectHeader(head, mapping ? JSON.stringify(mapping) : '');
    check(result);
    return JSON.parse(result.text);
  }

  /** Computes and returns the report (a plain object; see the report JSON Schema). */
  analyze() {
    return JSON.parse(this.analyzeJson());
  }

  /**
   * Computes the report and returns it as JSON text: what analyze() parses, for sending to
   * another thread as one string (cheaper to post than the object it reads as).
   */
  analyzeJson() {
    this.#given = true;
    this.#releaseReaders();
    this.#freeBuffer();  // the analysis reuses its pages, already in memory
    check(this.#native.analyze());
    return this.reportJson();
  }

  /** The engine's version ("0.2.0"; the report's engine_version). */
  get version() {
    return this.#module.version();
  }

  /** The last report as JSON text. */
  reportJson() {
    // Decoded from wasm memory in one call, then freed there.
    const text = UTF8.decode(this.#native.reportJsonBytes());
    this.#native.releaseReportJson();
    return text;
  }

  /**
   * Projects a what-if scenario (SPEC §4). `baseline` is null for this engine's last report
   * (taken from the engine's own figures, no JSON in between), a saved report, or a typed-in
   * baseline; `scenario` holds the knobs to change. Returns the projection object.
   */
  simulate(baseline, scenario = {}) {
    this.#given = true;
    return simulate(this.#module, baseline, scenario, this.#native);
  }

  /** A simulator for sliders: set knobs and run() cheaply (see Simulation); baseline as simulate(). */
  simulator(baseline, scenario = {}) {
    this.#given = true;
    return new Simulation(this.#module, baseline, scenario, this.#native);
  }

  /** Forgets every file and result (the settings stay). */
  reset() {
    this.#native.reset();
  }

  /**
   * Bytes held by the engine's store, the module's C heap in use, its whole linear memory, and
   * the pool's readers' linear memory at its largest (the sum of each live reader's largest so
   * far, or an earlier pool's when that was larger: the analysis ends the readers; 0 before any).
   */
  memory() {
    return { engineBytes: this.#native.memoryBytes(), heapBytes: this.#module.heapBytes(), wasmBytes: this.#module.HEAPU8.length,
             poolBytes: Math.max(this.#poolBytes, this.#pool?.memoryBytes() ?? 0) };
  }

  /** Frees the engine; it cannot be used afterwards. */
  dispose() {
    this.#given = true;
    this.#disposed = true;
    this.#releaseReaders();
    this.#freeBuffer();
    this.#native.delete();
  }
}

/**
 * A plain Uint8Array over the same bytes: Node's Buffer (a Uint8Array subclass) slices and
 * copies into wasm memory many times slower than a plain view does.
 */
export function plainBytes(source) {
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (source instanceof Uint8Array && source.constructor !== Uint8Array) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return source;
}

// `total`: the size of a source that has one (a FileHandle's is read by addFile).
async function* chunksOf(source, chunkBytes, total) {
  source = plainBytes(source);
  if (isFileHandle(source)) {
    yield* handleChunks(source, 0, total, chunkBytes);
    return;
  }
  if (source instanceof Uint8Array) {
    for (let at = 0; at < source.length; at += chunkBytes) yield source.subarray(at, at + chunkBytes);
    return;
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    yield* blobChunks(source, 0, source.size, chunkBytes);
    return;
  }
  if (source && (Symbol.asyncIterator in source || Symbol.iterator in source)) {
    for await (const chunk of source) {
      yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk.buffer ?? chunk, chunk.byteOffset ?? 0, chunk.byteLength);
    }
    return;
  }
  throw new TypeError('addFile: expected a Blob, ArrayBuffer, Uint8Array, FileHandle or an iterable of chunks');
}

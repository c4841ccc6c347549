// A pool of range readers: each is a Web Worker (in a page or a worker) or a worker_threads
// Worker (Node.js) with an engine of its own, reading byte ranges of a file for the engine that
// owns the file (see parallel.js). Plain workers only: no SharedArrayBuffer, so a page that is
// not cross-origin isolated (most admin panels that embed us) can use it.
import { BasketliftError } from './errors.js';

const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';

/** Memory a range reader is given room for (its module, a range and what it loads). */
const READER_BYTES = 256 * 2 ** 20;

/**
 * How many threads read a file at once by default: the machine's cores (at most 8), fewer when
 * memory is short (a reader needs about READER_BYTES).
 */
export async function defaultPoolSize() {
  let cores = 2, memory = Infinity;
  if (isNode) {
    const os = await import('node:os');
    cores = os.availableParallelism?.() ?? os.cpus().length;
    memory = os.freemem() / 2;
  } else if (typeof navigator !== 'undefined') {
    cores = navigator.hardwareConcurrency || 2;
    if (navigator.deviceMemory) memory = navigator.deviceMemory * 2 ** 30 / 4;
  }
  return Math.max(1, Math.min(cores, 8, Math.floor(memory / READER_BYTES) + 1));
}

/** The workers of a pool, each answering one request at a time. */
export class RangePool {
  #workers = [];
  #idle = [];
  #queue = [];
  #pending = new Map();
  #running = new Map();  // worker → id of the request it reads
  #memory = new Map();   // worker → largest linear memory it reported
  #spares = [];          // buffers readers sent back, for the next ranges' bytes
  #merged = [];          // buffers of ranges the owner merged, for readers' next serialised ranges
  #starting = new Map();  // worker → resolves its start once it says it is ready
  #ready = Promise.resolve();
  #nextId = 1;

  /**
   * A pool of `size` readers. Each starts its engine at once; `ready` resolves when every one has
   * (or was lost). Ranges sent before that wait in the reader.
   */
  static async create(size, wasm = null) {
    const pool = new RangePool();
    const started = [];
    for (let k = 0; k < size; k++) {
      const worker = await spawn();
      worker.listen((message) => pool.#answer(worker, message), (error) => pool.#lost(worker, error));
      started.push(new Promise((resolve) => pool.#starting.set(worker, resolve)));
      worker.busy(true);  // in Node, a starting reader keeps the process alive until it is ready
      worker.post({ type: 'init', wasm });
      pool.#workers.push(worker);
      pool.#idle.push(worker);
    }
    pool.#ready = Promise.all(started).then(() => undefined);
    return pool;
  }

  /** Resolves once every reader has started its engine (or was lost). */
  get ready() {
    return this.#ready;
  }

  /** Number of readers. */
  get size() {
    return this.#workers.length;
  }

  /** The readers' wasm linear memory: the sum of each one's largest so far, in bytes. */
  memoryBytes() {
    let total = 0;
    for (const bytes of this.#memory.values()) total += bytes;
    return total;
  }

  /**
   * A buffer of at least `bytes` for a range's bytes: one a reader sent back, else a new one of
   * `capacity` bytes. Reusing them spares a page fault per 4 KiB of every range.
   */
  takeBuffer(bytes, capacity = bytes) {
    const at = this.#spares.findIndex((buffer) => buffer.byteLength >= bytes);
    return at >= 0 ? this.#spares.splice(at, 1)[0] : new ArrayBuffer(Math.max(bytes, capacity));
  }

  /**
   * Gives back the buffer of a serialised range the owner is done with: a reader writes a later
   * range into it instead of a new buffer (each 4 KiB page of which faults on first write).
   */
  giveBack(buffer) {
    if (this.#merged.length < this.#workers.length + 1) this.#merged.push(buffer);
  }

  /**
   * Reads one range: `job` = {spec, head, settings, bytes} (a Uint8Array, transferred), {spec,
   * head, settings, blob, start, end} (the worker reads the slice itself) or {spec, head,
   * settings, fd, start, end} (in Node: the worker reads the range of the open file itself);
   * `settings` is the owner's settings as JSON text (null: the defaults). Resolves to the
   * serialised range; `onProgress(bytes)` hears how many of its bytes the reader has read.
   */
  read(job, onProgress = null) {
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject, onProgress });
      this.#queue.push({ id, job });
      this.#dispatch();
    });
  }

  /**
   * Takes back `job` (as given to read()) when no reader has started it: its read rejects with
   * code "withdrawn" and true is returned; false when a reader has it or it is done.
   */
  withdraw(job) {
    const at = this.#queue.findIndex((queued) => queued.job === job);
    if (at < 0) return false;
    const [{ id }] = this.#queue.splice(at, 1);
    this.#pending.get(id)?.reject(new BasketliftError('withdrawn', 'the range was taken back to be read by its engine'));
    this.#pending.delete(id);
    return true;
  }

  /** Stops every reader; pending reads reject with code "cancelled". */
  terminate() {
    for (const worker of this.#workers) {
      this.#started(worker);
      worker.terminate();
    }
    for (const { reject } of this.#pending.values()) reject(new BasketliftError('cancelled', 'reading was cancelled'));
    this.#pending.clear();
    this.#workers = [];
    this.#idle = [];
    this.#queue = [];
    this.#spares = [];
    this.#merged = [];
  }

  #dispatch() {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.shift();
      const { id, job } = this.#queue.shift();
      const out = this.#merged.pop();  // the reader writes the range into it when it fits
      const transfer = [...(job.bytes ? [job.bytes.buffer] : []), ...(out ? [out] : [])];
      worker.busy(true);
      this.#running.set(worker, id);
      try {
        worker.post({ type: 'read', id, ...job, out }, transfer);
      } catch (error) {  // not sendable (a Blob this platform cannot clone): the reader stays free
        if (out) this.#merged.push(out);  // not transferred: kept for the next range
        this.#answer(worker, { id, error: { code: 'internal', message: error.message } });
      }
    }
  }

  // A reader that started (or stopped): its start is over.
  #started(worker) {
    this.#starting.get(worker)?.();
    this.#starting.delete(worker);
  }

  #answer(worker, message) {
    if (message.type === 'ready') {
      this.#started(worker);
      if (!this.#running.has(worker)) worker.busy(false);
      return;
    }
    if (message.type === 'progress') {  // the reader goes on with the range
      this.#pending.get(message.id)?.onProgress?.(message.loaded);
      return;
    }
    worker.busy(false);
    if (message.wasmBytes) this.#memory.set(worker, Math.max(this.#memory.get(worker) ?? 0, message.wasmBytes));
    if (message.spare && this.#spares.length < this.#workers.length + 1) this.#spares.push(message.spare);
    this.#running.delete(worker);
    this.#idle.push(worker);
    const pending = this.#pending.get(message.id);
    this.#pending.delete(message.id);
    if (pending) {
      if (message.error) pending.reject(new BasketliftError(message.error.code ?? 'internal', message.error.message));
      else pending.resolve(message.range);
    }
    this.#dispatch();
  }

  // A reader that crashed (out of memory, say): its read fails (the owner reads that range
  // itself) and the pool goes on with the others; with none left, reads fail at once.
  #lost(worker, error) {
    this.#started(worker);
    this.#workers = this.#workers.filter((w) => w !== worker);
    this.#idle = this.#idle.filter((w) => w !== worker);
    const id = this.#running.get(worker);
    this.#running.delete(worker);
    const failed = (pending) => pending?.reject(new BasketliftError('internal', `a reader stopped: ${error?.message ?? error}`));
    if (id !== undefined) {
      failed(this.#pending.get(id));
      this.#pending.delete(id);
    }
    if (this.#workers.length === 0) {
      for (const { id: queued } of this.#queue.splice(0)) {
        failed(this.#pending.get(queued));
        this.#pending.delete(queued);
      }
    }
    this.#dispatch();
  }
}

// A worker with one interface in browsers and Node.
async function spawn() {
  if (isNode) {
    const url = new URL('./range-worker.js', import.meta.url);
    const { Worker } = await import('node:worker_threads');
    // A loader built for Node as CommonJS needs require and __dirname: when this thread was
    // given them, so is the worker.
    const commonJs = typeof globalThis.require === 'function' ? { dirname: globalThis.__dirname ?? null } : null;
    const worker = new Worker(url, { workerData: { commonJs } });
    return {
      post: (message, transfer) => worker.postMessage(message, transfer),
      listen: (handle, fail) => {
        worker.on('message', handle);
        worker.on('error', fail);
        worker.on('exit', (code) => fail(new Error(`exit ${code}`)));
        worker.unref();  // an idle reader does not keep Node running ('message' refs it)
      },
      busy: (busy) => (busy ? worker.ref() : worker.unref()),
      terminate: () => worker.terminate(),
    };
  }
  // Written out in full: bundlers (Vite, webpack 5) bundle the reader with its imports.
  const worker = new Worker(new URL('./range-worker.js', import.meta.url), { type: 'module' });
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    listen: (handle, fail) => {
      worker.addEventListener('message', (event) => handle(event.data));
      worker.addEventListener('error', (event) => fail(event.error ?? new Error(event.message)));
    },
    busy: () => {},
    terminate: () => worker.terminate(),
  };
}

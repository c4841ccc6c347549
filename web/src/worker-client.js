// The page side of the worker protocol: the engine API, answered by a Web Worker.
import { BasketliftError } from './errors.js';

const terminated = () => new BasketliftError('terminated', 'the engine worker was stopped (terminate())');

/** An engine running in a Web Worker; every call returns a promise. */
export class WorkerEngine {
  #worker;
  #nextId = 1;
  #pending = new Map();
  #terminated = false;
  #failure = null;  // once the worker's script could not load: what every later call gets

  /** Starts the worker (by default the one beside this module). */
  constructor(workerUrl = null) {
    // The default written out in full: bundlers (Vite, webpack 5) then bundle the worker and
    // its imports instead of copying one file.
    this.#worker = workerUrl ? new Worker(workerUrl, { type: 'module' }) : new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.#worker.onmessage = (event) => this.#receive(event.data);
    this.#worker.onerror = (event) => {
      // A plain Event (not an ErrorEvent) says the worker's script did not load (missing, or
      // refused by the page's Content-Security-Policy): nothing will ever answer, so calls made
      // later fail at once too instead of waiting for ever.
      const loadFailed = typeof ErrorEvent !== 'function' || !(event instanceof ErrorEvent);
      const error = new BasketliftError('internal', `engine worker failed: ${event.message ?? (loadFailed ? 'its script could not be loaded' : 'unknown error')}`);
      if (loadFailed) this.#failure = error;
      for (const { reject } of this.#pending.values()) reject(error);
      this.#pending.clear();
    };
  }

  #receive(message) {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.({ loaded: message.loaded, total: message.total, rows: message.rows });
      return;
    }
    this.#pending.delete(message.id);
    if (message.type === 'result') pending.resolve(message.result);
    else pending.reject(new BasketliftError(message.error.code, message.error.message));
  }

  #call(type, args = {}, onProgress = null) {
    const id = this.#nextId++;
    const promise = new Promise((resolve, reject) => {
      if (this.#terminated || this.#failure) {
        reject(this.#terminated ? terminated() : this.#failure);
        return;
      }
      this.#pending.set(id, { resolve, reject, onProgress });
      this.#worker.postMessage({ id, type, ...args });
    });
    return { id, promise };
  }

  /** Replaces the settings. */
  configure(settings) {
    return this.#call('configure', { settings }).promise;
  }

  /**
   * Reads a File/Blob in the worker. Options as Engine.addFile; onProgress gets
   * {loaded, total, rows}; an AbortSignal in `signal` cancels the read (code "cancelled").
   */
  addFile(file, { onProgress, signal, ...options } = {}) {
    const { id, promise } = this.#call('addFile', { source: file, options: { name: file.name, ...options } }, onProgress);
    signal?.addEventListener('abort', () => this.#call('cancel', { target: id }), { once: true });
    return promise;
  }

  /** Computes the report. */
  analyze() {
    return this.#call('analyze').promise.then((json) => JSON.parse(json));
  }

  /** Forgets every file. */
  reset() {
    return this.#call('reset').promise;
  }

  /** Memory held by the engine. */
  memory() {
    return this.#call('memory').promise;
  }

  /** A file's format, columns and their fields (see Engine.inspect). */
  inspect(file, mapping = null) {
    return this.#call('inspect', { source: file, mapping }).promise;
  }

  /** One-shot projection, as Engine.simulate; a null baseline means the last report. */
  simulate(baseline = null, scenario = {}) {
    return this.#call('simulate', { baseline, scenario }).promise;
  }

  /** Loads the simulator (baseline: the last report): resolves to {groups, totals}. */
  simulatorLoad(scenario = {}) {
    return this.#call('simLoad', { scenario }).promise;
  }

  /** Sets knobs ([[group, knob, value]], optional volume) and projects: {totals, group}. */
  simulatorSet(changes, { volume, group } = {}) {
    return this.#call('simSet', { changes, volume, group }).promise;
  }

  /** The full projection with explanations and sensitivity. */
  simulatorDetails() {
    return this.#call('simDetails').promise;
  }

  /** Back to the baseline's knobs: resolves to the totals. */
  simulatorReset() {
    return this.#call('simReset').promise;
  }

  /** Stops the worker: calls still pending, and any made later, reject with code "terminated". */
  terminate() {
    if (this.#terminated) return;
    this.#terminated = true;
    this.#worker.terminate();
    for (const { reject } of this.#pending.values()) reject(terminated());
    this.#pending.clear();
  }
}

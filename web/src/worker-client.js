// The page side of the worker protocol: the engine API, answered by a Web Worker.
import { BasketliftError } from './errors.js';

/** An engine running in a Web Worker; every call returns a promise. */
export class WorkerEngine {
  #worker;
  #nextId = 1;
  #pending = new Map();

  /** Starts the worker (by default the one beside this module). */
  constructor(workerUrl = new URL('./worker.js', import.meta.url)) {
    this.#worker = new Worker(workerUrl, { type: 'module' });
    this.#worker.onmessage = (event) => this.#receive(event.data);
    this.#worker.onerror = (event) => {
      const error = new BasketliftError('internal', `engine worker failed: ${event.message ?? 'unknown error'}`);
      for (const { reject } of this.#pending.values()) reject(error);
      this.#pending.clear();
    };
  }

  #receive(message) {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.({ loaded: message.loaded, total: message.total });
      return;
    }
    this.#pending.delete(message.id);
    if (message.type === 'result') pending.resolve(message.result);
    else pending.reject(new BasketliftError(message.error.code, message.error.message));
  }

  #call(type, args = {}, onProgress = null) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      this.#worker.postMessage({ id, type, ...args });
    });
  }

  /** Replaces the settings. */
  configure(settings) {
    return this.#call('configure', { settings });
  }

  /** Reads a File/Blob in the worker; options as Engine.addFile (onProgress is called here). */
  addFile(file, { onProgress, ...options } = {}) {
    return this.#call('addFile', { source: file, options: { name: file.name, ...options } }, onProgress);
  }

  /** Computes the report. */
  analyze() {
    return this.#call('analyze');
  }

  /** Forgets every file. */
  reset() {
    return this.#call('reset');
  }

  /** Memory held by the engine. */
  memory() {
    return this.#call('memory');
  }

  /** Stops the worker. */
  terminate() {
    this.#worker.terminate();
  }
}

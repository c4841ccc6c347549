// The engine side of the worker protocol. It runs inside the Web Worker, but is a plain class
// so tests can drive it without one.
//
// Requests:  { id, type: 'configure' | 'addFile' | 'analyze' | 'reset' | 'memory', ...args }
// Replies:   { id, type: 'progress', loaded, total }   (any number, during addFile)
//            { id, type: 'result', result }
//            { id, type: 'error', error: { name, code, message, stack } }
// Errors travel as plain objects: browsers cannot always clone Error subclasses.
import { createEngine } from './engine.js';

export class EngineHost {
  #engine = null;
  #ready = null;

  #getEngine() {
    this.#ready ??= createEngine().then((engine) => (this.#engine = engine));
    return this.#ready;
  }

  /** Handles one request; `post(message)` sends replies back. */
  async handle(request, post) {
    const { id, type } = request;
    try {
      const engine = await this.#getEngine();
      let result = null;
      switch (type) {
        case 'configure':
          engine.configure(request.settings);
          break;
        case 'addFile':
          await engine.addFile(request.source, {
            ...request.options,
            onProgress: ({ loaded, total }) => post({ id, type: 'progress', loaded, total }),
          });
          break;
        case 'analyze':
          result = engine.analyze();
          break;
        case 'reset':
          engine.reset();
          break;
        case 'memory':
          result = engine.memory();
          break;
        default:
          throw Object.assign(new Error(`unknown request type '${type}'`), { code: 'bad_usage' });
      }
      post({ id, type: 'result', result });
    } catch (error) {
      post({
        id,
        type: 'error',
        error: { name: error.name, code: error.code ?? 'internal', message: error.message, stack: error.stack },
      });
    }
  }
}

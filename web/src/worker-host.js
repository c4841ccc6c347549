// The engine side of the worker protocol. It runs inside the Web Worker, but is a plain class
// so tests can drive it without one.
//
// Requests:  { id, type, ...args }  with type one of
//   configure {settings} · addFile {source, options} · cancel {target} · analyze (the report
//   as JSON text) · reset ·
//   memory · inspect {source, mapping} · simulate {baseline, scenario} ·
//   simLoad {scenario} (baseline: the last report; replies {groups, totals, first}: the first
//   group's projection) · simSet {changes: [[group, knob, value]],
//   volume} (then runs) · simDetails · simReset
// A cancelled addFile, or one refused as too large, leaves the engine as if the file had
// never been given.
// Replies:   { id, type: 'progress', loaded, total, rows }   (during addFile)
//            { id, type: 'result', result }
//            { id, type: 'error', error: { name, code, message, stack } }
// Errors travel as plain objects: browsers cannot always clone Error subclasses.
import { createEngine } from './engine.js';

export class EngineHost {
  #options;
  #engine = null;
  #ready = null;
  #simulation = null;
  #reads = new Map();  // request id → AbortController of a file being read
  #files = [];         // {source, options} of the files read, to read again after a cancel

  /** `options` go to createEngine (e.g. memoryLimit). */
  constructor(options = {}) {
    this.#options = options;
  }

  #loaded() {
    if (!this.#simulation) throw Object.assign(new Error('load the simulator first (simLoad)'), { code: 'bad_usage' });
    return this.#simulation;
  }

  // The engine cannot take back rows already stored, so a cancelled file is left out by
  // reading the other files again (File and Blob sources are references: nothing is copied).
  async #forgetOpenFile(engine) {
    engine.reset();
    for (const { source, options } of this.#files) await engine.addFile(source, options).catch(() => {});
  }

  #getEngine() {
    this.#ready ??= createEngine(this.#options).then((engine) => (this.#engine = engine));
    return this.#ready;
  }

  async #run(engine, request, post) {
    const { id, type } = request;
    switch (type) {
      case 'configure':
        return engine.configure(request.settings);
      case 'addFile': {
        const controller = new AbortController();
        this.#reads.set(id, controller);
        try {
          await engine.addFile(request.source, {
            ...request.options,
            signal: controller.signal,
            onProgress: ({ loaded, total, rows }) => post({ id, type: 'progress', loaded, total, rows }),
          });
        } catch (error) {
          // A cancelled file, or one too large for the tab, leaves no rows behind.
          if (error.name === 'AbortError' || error.code === 'too_large') await this.#forgetOpenFile(engine);
          else this.#files.push({ source: request.source, options: request.options });  // listed with its error
          throw error;
        } finally {
          this.#reads.delete(id);
        }
        this.#files.push({ source: request.source, options: request.options });
        return null;
      }
      case 'cancel':
        this.#reads.get(request.target)?.abort();
        return null;
      case 'analyze':
        // As JSON text: one string posts far faster than the object it parses to (the page
        // parses it). The simulator's default baseline is the engine's own last report (null
        // below): the report sent to the page never comes back.
        return engine.analyzeJson();
      case 'reset':
        this.#files = [];
        this.#simulation?.dispose();
        this.#simulation = null;
        return engine.reset();
      case 'memory':
        return engine.memory();
      case 'inspect':
        return engine.inspect(request.source, request.mapping);
      case 'simulate':
        return engine.simulate(request.baseline ?? null, request.scenario);
      case 'simLoad': {
        this.#simulation?.dispose();
        const simulation = (this.#simulation = engine.simulator(request.baseline ?? null, request.scenario ?? {}));
        // The first group's projection comes along: a page shows it without another round trip.
        const totals = simulation.run();
        return { groups: simulation.groups, totals, first: simulation.groups.length ? simulation.groupResult(0) : null };
      }
      case 'simSet': {
        const simulation = this.#loaded();
        for (const [group, knob, value] of request.changes ?? []) simulation.set(group, knob, value);
        if (request.volume !== undefined) simulation.setVolume(request.volume);
        const totals = simulation.run();
        return { totals, group: request.group === undefined ? null : simulation.groupResult(request.group) };
      }
      case 'simDetails':
        return this.#loaded().details();
      case 'simReset':
        this.#loaded().reset();
        return this.#loaded().run();
      default:
        throw Object.assign(new Error(`unknown request type '${type}'`), { code: 'bad_usage' });
    }
  }

  /** Handles one request; `post(message)` sends replies back. */
  async handle(request, post) {
    const { id } = request;
    try {
      const engine = await this.#getEngine();
      const result = await this.#run(engine, request, post);
      post({ id, type: 'result', result: result ?? null });
    } catch (error) {
      const code = error.name === 'AbortError' ? 'cancelled' : error.code ?? 'internal';
      post({ id, type: 'error', error: { name: error.name, code, message: error.message, stack: error.stack } });
    }
  }
}

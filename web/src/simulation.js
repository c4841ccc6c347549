// The what-if simulator from JavaScript: knobs written straight into wasm memory and results
// read from it, so a slider move costs one call and no JSON.
import { BasketliftError } from './errors.js';

/** Knobs per offer group, in the order the engine stores them. */
export const KNOBS = ['acceptance', 'offered_price', 'unit_cost', 'traffic_share', 'conversion_impact', 'fixed_cost'];
const FIGURES = ['orders', 'revenue', 'aov', 'margin', 'profit'];
const TOTALS = ['baseline', 'scenario', 'delta', 'low', 'high'];

function asText(value) {
  return typeof value === 'string' ? value : JSON.stringify(value ?? {});
}

/** A loaded baseline whose scenario knobs can be moved and re-projected cheaply. */
export class Simulation {
  #module;
  #native;
  #groups;
  #results = null;  // HEAPF64 index of the last run()'s results

  /** `engine`: the native engine whose last report is the baseline when `baseline` is null. */
  constructor(module, baseline, scenario = {}, engine = null) {
    this.#module = module;
    this.#native = new module.Simulator();
    const loaded = baseline == null ? this.#native.loadReport(engine, asText(scenario)) : this.#native.load(asText(baseline), asText(scenario));
    if (!loaded.ok) {
      this.#native.delete();
      throw new BasketliftError(loaded.code, loaded.message);
    }
    this.#groups = JSON.parse(this.#native.json()).groups.map((g) => ({ id: g.id, type: g.type, baseline: g.knobs.baseline }));
  }

  /** The offer groups: id, type and baseline knob values. */
  get groups() {
    return this.#groups;
  }

  #index(group) {
    const index = typeof group === 'number' ? group : this.#groups.findIndex((g) => g.id === group);
    if (index < 0 || index >= this.#groups.length) throw new BasketliftError('bad_usage', `no group ${group}`);
    return index;
  }

  /** Sets one knob (see KNOBS) of one group (index or id) to an absolute value. */
  set(group, knob, value) {
    const k = KNOBS.indexOf(knob);
    if (k < 0) throw new BasketliftError('bad_usage', `unknown knob ${knob}`);
    // HEAPF64 is read at each call: memory growth replaces the view.
    this.#module.HEAPF64[this.#native.knobs() / 8 + this.#index(group) * KNOBS.length + k] = value;
  }

  /** The current value of one knob of one group. */
  get(group, knob) {
    return this.#module.HEAPF64[this.#native.knobs() / 8 + this.#index(group) * KNOBS.length + KNOBS.indexOf(knob)];
  }

  /** Period length or traffic volume relative to the baseline (1 = same). */
  setVolume(volume) {
    this.#native.setVolume(volume);
  }

  /** Applies a scenario document ({all, groups, volume}) on top of the current knobs. */
  apply(scenario) {
    const applied = this.#native.apply(asText(scenario));
    if (!applied.ok) throw new BasketliftError(applied.code, applied.message);
  }

  /** Projects the current knobs: store totals for baseline, scenario, delta, low, high. */
  run() {
    const at = this.#native.run() / 8;
    this.#results = at;
    const heap = this.#module.HEAPF64;
    const totals = {};
    TOTALS.forEach((name, t) => {
      totals[name] = {};
      FIGURES.forEach((figure, f) => (totals[name][figure] = heap[at + t * FIGURES.length + f]));
    });
    return totals;
  }

  /**
   * One group's projection as of the last run() (which it does not repeat; before any run it
   * runs once): scenario revenue and margin, Δ profit, break-even acceptance.
   */
  groupResult(group) {
    if (this.#results === null) this.run();
    const at = this.#results + TOTALS.length * FIGURES.length + this.#index(group) * 4;
    const heap = this.#module.HEAPF64;
    return { revenue: heap[at], margin: heap[at + 1], deltaProfit: heap[at + 2], breakEvenAcceptance: heap[at + 3] };
  }

  /** The full projection (groups, explanations, sensitivity) as an object. */
  details() {
    return JSON.parse(this.#native.json());
  }

  /** Back to the baseline's knobs. */
  reset() {
    this.#native.reset();
    this.#native.setVolume(1);
  }

  /** Frees the simulator. */
  dispose() {
    this.#native.delete();
  }
}

/** One-shot: baseline (null: `engine`'s last report; else a report or typed-in object/JSON) + scenario → projection object. */
export function simulate(module, baseline, scenario = {}, engine = null) {
  const result = baseline == null ? engine.simulate(asText(scenario)) : module.simulate(asText(baseline), asText(scenario));
  if (!result.ok) throw new BasketliftError(result.code, result.message);
  return JSON.parse(result.text);
}

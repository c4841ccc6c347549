// Type declarations of the worker-backed engine (worker-client.js).
import type { AddFileOptions, Baseline, ColumnMapping, HeaderInfo, KnobName, MemoryUse, Projection, Report, Scenario, SettingsOverrides, Totals } from './engine.js';

/** An offer group of the loaded simulator, with its baseline knobs. */
export interface SimulatorGroup {
  id: string;
  type: 'cross_sell' | 'upsell' | 'bundle';
  baseline: Record<KnobName, number | null>;
}

/** One group's projection after a simulatorSet. */
export interface GroupProjection {
  revenue: number;
  margin: number;
  deltaProfit: number;
  breakEvenAcceptance: number | null;
}

/** The engine API answered by a Web Worker; every call returns a promise. */
export class WorkerEngine {
  /**
   * Starts the worker (by default worker.js beside this module). When its script does not load
   * (missing, or refused by the page's Content-Security-Policy), every call, pending or later,
   * rejects with code "internal".
   */
  constructor(workerUrl?: URL | string | null);
  /** Replaces the settings. */
  configure(settings: SettingsOverrides): Promise<void>;
  /**
   * Reads a File or Blob in the worker. An aborted `signal` rejects with code "cancelled" and
   * leaves the engine as if the file had never been given.
   */
  addFile(file: Blob & { name?: string }, options?: Omit<AddFileOptions, 'chunkBytes'>): Promise<void>;
  /** Computes the report. */
  analyze(): Promise<Report>;
  /** Forgets every file. */
  reset(): Promise<void>;
  /** Memory held by the engine. */
  memory(): Promise<MemoryUse>;
  /** What a file's first 64 KiB hold, under an optional mapping. */
  inspect(file: Blob, mapping?: ColumnMapping | null): Promise<HeaderInfo>;
  /** One-shot projection, as Engine.simulate; a null baseline means the last report. */
  simulate(baseline?: Baseline | null, scenario?: Scenario): Promise<Projection>;
  /** Loads the slider simulator on the last report; `first` is the first group's projection. */
  simulatorLoad(scenario?: Scenario): Promise<{ groups: SimulatorGroup[]; totals: Totals; first: GroupProjection | null }>;
  /** Sets knobs ([group, knob, value]) and the volume, and projects. */
  simulatorSet(changes: [string | number, KnobName, number][], options?: { volume?: number; group?: string | number }): Promise<{ totals: Totals; group: GroupProjection | null }>;
  /** The full projection with explanations and sensitivity. */
  simulatorDetails(): Promise<Projection>;
  /** Back to the baseline's knobs. */
  simulatorReset(): Promise<Totals>;
  /** Stops the worker: calls still pending, and any made later, reject with code "terminated". */
  terminate(): void;
}

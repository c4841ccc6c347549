// Type declarations of the Basketlift engine API (engine.js).

/** An engine call that failed. */
export class BasketliftError extends Error {
  /** Stable code: bad_usage, unreadable_file, bad_input, too_large, bad_config, cancelled, terminated, internal. */
  readonly code: string;
  constructor(code: string, message: string);
}

/** Tables the engine reads (SPEC §2). */
export type TableName = 'orders' | 'products' | 'offers' | 'sessions';
/** File formats the engine reads. */
export type FormatName = 'csv' | 'json' | 'ndjson';
/** A column mapping: source column name → Basketlift field name (or "ignore"). */
export type ColumnMapping = Record<string, string>;

/** Options of a file. Table and format are detected when not given. */
export interface FileOptions {
  /** Shown in the report and in every message (defaults to the File's name). */
  name?: string;
  /** Forces the table instead of detecting it from the header. */
  table?: TableName;
  /** Forces the format instead of detecting it from the bytes. */
  format?: FormatName;
  /** Maps the file's columns to fields before the built-in names apply. */
  mapping?: ColumnMapping | null;
  /**
   * The file's size in bytes, when known: columns are sized once instead of grown. addFile takes
   * it from a Blob, ArrayBuffer, Uint8Array or FileHandle; give it for a stream or an iterable.
   */
  size?: number;
}

/** Progress of one file. */
export interface Progress {
  /** Bytes fed so far. */
  loaded: number;
  /** Bytes in the file, when known. */
  total: number | null;
  /** Rows (records) read so far. */
  rows: number;
}

/** What a file's first bytes hold (Engine.inspect): the start of the column-mapping step. */
export interface HeaderInfo {
  format: FormatName;
  /** CSV delimiter found. */
  delimiter?: string;
  /** Each column and the field it would feed (null: not used). */
  columns: { name: string; field: string | null }[];
  /** The table recognised, or null when the header is not understood (see `error`). */
  table: TableName | null;
  /** Export the header looks like ("basketlift", "shopify", "woocommerce"). */
  preset: string;
  /** Why no table was recognised. */
  error?: string;
  /** True for an aggregates file computed in a warehouse (`basketlift sql`): read as it is. */
  aggregates?: boolean;
}

/** Options of addFile. */
export interface AddFileOptions extends FileOptions {
  /** Bytes per chunk copied into the engine (default 4 MiB). */
  chunkBytes?: number;
  /** Called after every chunk. */
  onProgress?: (progress: Progress) => void;
  /**
   * Stops reading (rejects with an AbortError). The engine keeps the rows read before the
   * abort, and the report lists the file; reset() and add the other files again to drop it.
   * (WorkerEngine does that for you.)
   */
  signal?: AbortSignal;
}

/**
 * A Node.js FileHandle (`await fs.promises.open(path)`), as much of it as addFile uses. The
 * engine reads the file from its start at explicit places and leaves the handle open.
 */
export interface NodeFileHandle {
  /** The file descriptor. */
  readonly fd: number;
  /** Reads `length` bytes at `position` into `buffer` from `offset`. */
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  /** The file's size, among other things. */
  stat(): Promise<{ size: number | bigint }>;
}

/** Where a file's bytes come from (a NodeFileHandle only for createEngine's engine in Node.js). */
export type FileSource =
  | Blob
  | ArrayBuffer
  | Uint8Array
  | NodeFileHandle
  | AsyncIterable<Uint8Array | ArrayBuffer | string>
  | Iterable<Uint8Array | ArrayBuffer | string>;

// The report's types, generated from its JSON Schema (core/report/report.schema.json).
export * from './report.js';
import type { Input, Report, Settings, Unavailable } from './report.js';

/** Per-file account of the report (`inputs`); the name of earlier versions of these types. */
export type InputReport = Input;
/** A report section that the data does not support; the name of earlier versions. */
export type UnavailableSection = Unavailable;
/** Settings to change: any subset of the report's `settings` (the rest keep their defaults). */
export type SettingsOverrides = Partial<Settings>;

/** Memory in use. */
export interface MemoryUse {
  /** Bytes held by the engine's columnar store and open reader. */
  engineBytes: number;
  /** Bytes the module's C heap has allocated now (everything the engine holds, freed or not by reset). */
  heapBytes: number;
  /** Size of the module's whole linear memory. */
  wasmBytes: number;
  /**
   * The pool's readers' linear memory at its largest: the sum of each live reader's largest so
   * far, or an earlier pool's when that was larger (the analysis ends the readers); 0 before any.
   */
  poolBytes: number;
}

/** Knob names of an offer group, in the engine's order. */
export type KnobName = 'acceptance' | 'offered_price' | 'unit_cost' | 'traffic_share' | 'conversion_impact' | 'fixed_cost';
/** The knob names. */
export const KNOBS: readonly KnobName[];

/** Projected figures. */
export interface Figures {
  orders: number;
  revenue: number;
  aov: number;
  margin: number | null;
  profit: number | null;
}

/** Store totals of a run. */
export interface Totals {
  baseline: Figures;
  scenario: Figures;
  delta: Figures;
  low: Figures;
  high: Figures;
}

/** A projection (format: core/sim/README.md). */
export interface Projection {
  currency: string;
  volume: number;
  assumptions: string[];
  total: { baseline: Figures; scenario: Figures; delta: Figures; range: { low: Figures; high: Figures } };
  groups: Array<{
    id: string;
    type: 'cross_sell' | 'upsell' | 'bundle';
    exposed_orders: number;
    knobs: { baseline: Record<KnobName, number>; scenario: Record<KnobName, number> };
    value_per_take: number;
    margin_per_take: number;
    baseline: Figures;
    scenario: Figures;
    delta: Figures;
    break_even_acceptance: number | null;
    explanation?: string;
  }>;
  sensitivity: Array<{ group: string; knob: KnobName; step: number; profit_down: number | null; profit_up: number | null }>;
}

/** A baseline typed in by hand (core/sim/README.md "Baseline typed in"). */
export interface TypedBaseline {
  currency?: string;
  /** The store without offers: orders and order value; margin per order or as a percentage. */
  store: { orders: number; aov: number; margin_per_order?: number; margin_pct?: number };
  groups?: Array<{
    id?: string;
    type: 'cross_sell' | 'upsell' | 'bundle';
    exposed_orders?: number;
    exposed_share?: number;
    acceptance?: number;
    acceptance_interval?: [number, number];
    offered_price?: number;
    unit_cost?: number;
    margin_pct?: number;
    anchor_price?: number;
    anchor_cost?: number;
    traffic_share?: number;
    conversion_impact?: number;
    fixed_cost?: number;
  }>;
}
/**
 * What a projection starts from: null for the engine's last report (its own figures, no JSON in
 * between), a saved report (object or JSON text), or a typed-in baseline.
 */
export type Baseline = null | Report | TypedBaseline | string;
/** Knob changes of a scenario (core/sim/README.md "Scenario"). */
export interface ScenarioKnobs {
  /** Absolute, or relative to / added to the baseline's. */
  acceptance?: number | { relative?: number; add?: number };
  offered_price?: number;
  /** Share off the baseline price. */
  discount?: number;
  unit_cost?: number;
  margin_pct?: number;
  traffic_share?: number;
  conversion_impact?: number;
  fixed_cost?: number;
}
/** A scenario: how a report's offers are grouped, the volume, and knob changes. */
export interface ScenarioDocument {
  grouping?: 'offer' | 'type_placement' | 'offer_segment';
  volume?: number;
  all?: ScenarioKnobs;
  groups?: Record<string, ScenarioKnobs>;
}
/** A scenario document (object or JSON text). */
export type Scenario = ScenarioDocument | string;

/** A loaded baseline whose knobs move cheaply (no JSON per run). */
export class Simulation {
  private constructor();
  /** The groups: id, type and baseline knobs. */
  readonly groups: Array<{ id: string; type: string; baseline: Record<KnobName, number> }>;
  /** Sets a knob of a group (index or id). */
  set(group: number | string, knob: KnobName, value: number): void;
  /** Reads a knob of a group. */
  get(group: number | string, knob: KnobName): number;
  /** Period length or traffic volume relative to the baseline. */
  setVolume(volume: number): void;
  /** Applies a scenario document on top of the current knobs. */
  apply(scenario: Scenario): void;
  /** Projects the current knobs. */
  run(): Totals;
  /** One group's projection as of the last run() (not run again). */
  groupResult(group: number | string): { revenue: number; margin: number; deltaProfit: number; breakEvenAcceptance: number };
  /** The full projection with explanations and sensitivity. */
  details(): Projection;
  /** Back to the baseline's knobs. */
  reset(): void;
  /** Frees it. */
  dispose(): void;
}

/** Options of createEngine. */
export interface CreateEngineOptions {
  /** Bytes of basketlift.wasm (otherwise loaded beside the module). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** basketlift.wasm already compiled (of `variant`'s build): instantiated, not compiled again. */
  wasmModule?: WebAssembly.Module;
  /** Settings overrides, as in the report's `settings`. */
  settings?: SettingsOverrides;
  /** Memory the engine may use, in bytes (default DEFAULT_MEMORY_LIMIT); reading stops at half. */
  memoryLimit?: number;
  /**
   * Threads that read one large file at once: 'auto' (default: the cores, at most 8, fewer when
   * memory is short; Web Workers in a page, worker_threads in Node), a number, or 1 for none.
   */
  workers?: 'auto' | number;
  /** Files from this many bytes are read by the pool (default DEFAULT_PARALLEL_FROM, 8 MiB). */
  parallelFrom?: number;
  /** The size of the byte ranges handed to the pool's readers (default 16 MiB). */
  rangeBytes?: number;
  /** Which build of the module: 'auto' (default: with wasm SIMD where supported), 'simd', 'scalar'. */
  variant?: 'auto' | 'simd' | 'scalar';
  /**
   * While the engine has nothing else to do, analyse a small made-up store once, then its
   * aggregates file (default true, about 0.3 s in a few steps after createEngine returns), so
   * that the first real analysis (of raw files or of an aggregates file) runs in V8's optimised
   * code. It stops at its next step once the engine is given work (a file, an analysis, a
   * simulation), so that work never waits for it; `Engine.warmedUp` says how it ended. false
   * skips it (see web/src/warm-up.js).
   */
  warmUp?: boolean;
}

/** The build of the module this runtime takes by default ('scalar' without wasm SIMD). */
export function moduleVariant(): 'simd' | 'scalar';

/** The IANA time zone this browser (or Node) runs in, e.g. "Europe/Berlin" ("UTC" when unknown). */
export function localZone(): string;

/** Files from this size are read by the pool (8 MiB). */
export const DEFAULT_PARALLEL_FROM: number;

/** The default memory cap: 3.5 GiB of wasm32's 4 GiB. */
export const DEFAULT_MEMORY_LIMIT: number;

/** A Basketlift engine. */
export class Engine {
  private constructor();
  /**
   * Replaces the settings (an object of overrides). A `timezone` other than "UTC" takes its
   * rules from Intl; an unknown zone throws a BasketliftError with code "bad_config".
   */
  configure(settings: SettingsOverrides): void;
  /** Caps the memory the engine may use, in bytes (0: none); reading stops with "too_large" at half. */
  setMemoryLimit(bytes: number): void;
  /** Starts a file (low-level; addFile does begin, feed and end). */
  beginFile(name: string, options?: FileOptions): void;
  /** Feeds one chunk of the open file. */
  feed(chunk: Uint8Array | ArrayBuffer): void;
  /** Ends the open file. */
  endFile(): void;
  /** Reads a whole file in chunks. */
  addFile(source: FileSource, options?: AddFileOptions): Promise<void>;
  /** Computes and returns the report. */
  analyze(): Report;
  /**
   * Computes the report and returns it as JSON text (what analyze() parses): one string to post
   * to another thread. Characters above U+00FF (the engine's —, →, ≤) are written as \u
   * escapes, so the string takes one byte a character; JSON.parse gives them back.
   */
  analyzeJson(): string;
  /** What a file's first 64 KiB hold, under an optional mapping. */
  inspect(source: Blob | Uint8Array | ArrayBuffer, mapping?: ColumnMapping | null): Promise<HeaderInfo>;
  /** The engine's version ("0.2.0"; the report's engine_version). */
  readonly version: string;
  /** The last report as JSON text (escaped as analyzeJson's). */
  reportJson(): string;
  /** Projects a what-if scenario against a baseline (null: this engine's last report). */
  simulate(baseline: Baseline, scenario?: Scenario): Projection;
  /** A simulator for sliders. */
  simulator(baseline: Baseline, scenario?: Scenario): Simulation;
  /** Forgets every file and result (the settings stay). */
  reset(): void;
  /** Memory in use. */
  memory(): MemoryUse;
  /** Threads that read a large file at once (1: this one only). */
  readonly threads: number;
  /**
   * Range readers alive now: started after the warm-up (or by the first large file, if it comes
   * first) and kept for the next files; the analysis ends them first, so that their memory is
   * given back before it needs its own (a later large file starts new ones).
   */
  readonly readers: number;
  /**
   * Resolves to true once the warm-up (createEngine's `warmUp`) analysed its store and its
   * aggregates file and, with a pool, the pool's readers have started; false when there was none
   * or the engine was given work first. Await it to start on a warmed-up engine.
   */
  readonly warmedUp: Promise<boolean>;
  /** Starts the warm-up in the background (createEngine does, unless `warmUp: false`). */
  warmUpInBackground(): void;
  /** Rows read so far in the open file. */
  openFileRows(): number;
  /** Low-level range reading (what addFile does with the pool): how other engines read ranges of the open file. */
  rangeSpec(): { spec: string; head: Uint8Array };
  /** Offset in `window` (bytes of the open file after its head) where a range may start, or -1. */
  findRangeStart(window: Uint8Array): number;
  /** Merges a range read by readRange(); 'read_serially' means: feed its bytes instead. */
  mergeRange(range: Uint8Array, last: boolean): 'merged' | 'read_serially';
  /**
   * Reads one range of a file (this engine must hold nothing); returns it serialised, in `into`
   * when it fits (a view of its first bytes), else in a new buffer with `room` bytes to spare.
   * `onPiece` hears the bytes read so far after each 1 MiB piece.
   */
  readRange(spec: string, head: Uint8Array, bytes: Uint8Array, onPiece?: ((bytesRead: number) => void) | null,
            into?: ArrayBuffer | null, room?: number): Uint8Array;
  /** Frees the engine. */
  dispose(): void;
}

/** Creates an engine (loads the WebAssembly module). */
export function createEngine(options?: CreateEngineOptions): Promise<Engine>;

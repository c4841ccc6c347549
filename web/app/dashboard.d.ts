// Type declarations of the embeddable dashboard (dashboard.js, element.js).
import type { Report } from '../src/engine.js';
import type { WorkerEngine } from '../src/worker-client.js';

/** Options of mount(). */
export interface MountOptions {
  /** An engine to use (default: a new WorkerEngine). */
  engine?: WorkerEngine;
  /** URL of the engine's worker script. */
  workerUrl?: URL | string;
  /** URL of the folder holding the sample files (default: ../sample/ beside the module). */
  sampleBase?: URL | string;
}

/** A mounted dashboard. */
export interface Dashboard {
  readonly engine: WorkerEngine;
  /** The last report shown (null before any data). */
  readonly report: Report | null;
  /** Reads more files and analyses again. */
  addFiles(files: Iterable<File>): Promise<void>;
  /** Loads the bundled sample store. */
  loadSample(): Promise<void>;
  /** Empties the element, and stops the worker when the dashboard started it (not an `engine` passed in). */
  destroy(): void;
}

/** Builds the dashboard (null, with a message in the element, where WebAssembly or Web Workers are missing) inside `element` (which receives `basketlift-report` events). */
export function mount(element: Element, options?: MountOptions): Dashboard | null;

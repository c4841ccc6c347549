// Type declarations of the worker-backed engine (worker-client.js).
import type { AddFileOptions, MemoryUse, Report } from './engine.js';

/** The engine API answered by a Web Worker; every call returns a promise. */
export class WorkerEngine {
  /** Starts the worker (by default worker.js beside this module). */
  constructor(workerUrl?: URL | string);
  /** Replaces the settings. */
  configure(settings: Record<string, unknown>): Promise<void>;
  /** Reads a File or Blob in the worker. */
  addFile(file: Blob & { name?: string }, options?: Omit<AddFileOptions, 'signal' | 'chunkBytes'>): Promise<void>;
  /** Computes the report. */
  analyze(): Promise<Report>;
  /** Forgets every file. */
  reset(): Promise<void>;
  /** Memory held by the engine. */
  memory(): Promise<MemoryUse>;
  /** Stops the worker. */
  terminate(): void;
}

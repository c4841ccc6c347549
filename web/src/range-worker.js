// A range reader of the pool (pool.js): its own engine reads the byte ranges it is sent and
// returns each one serialised. Runs as a Web Worker or a Node.js worker thread.
const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';
const RANGE_SLACK = 1 << 20;  // room a new buffer (a range's bytes, or its serialised form) keeps for longer ones

// A Web Worker listens at once (messages that arrive while the module loads would be lost);
// a Node port keeps them until a listener comes.
const early = [];
let handle = (message) => early.push(message);
if (!isNode) self.addEventListener('message', (event) => handle(event.data));

// No top-level await: bundlers build workers as classic scripts by default (Vite's "iife").
async function start() {
  const threads = isNode ? await import('node:worker_threads') : null;
  const port = isNode ? threads.parentPort : self;
  if (threads?.workerData?.commonJs) {  // see pool.js
    globalThis.require ??= (await import('node:module')).createRequire(import.meta.url);
    globalThis.__dirname ??= threads.workerData.commonJs.dirname;
  }
  const { createEngine } = await import('./engine.js');  // after the globals above
  const { blobBytes } = await import('./blob-chunks.js');
  const fs = isNode ? await import('node:fs') : null;

  let engine = null;
  let ready = null;
  let settings = null;  // the settings the engine has (JSON text; null: the defaults)
  // The last Blob's or file's range's buffer, filled again by the next. A new one has room for
  // RANGE_SLACK more bytes: ranges differ in length by up to the window a range start is looked
  // for in (parallel.js), and a new buffer is mapped page by page on first write (a file's
  // 16 MiB range read in 60 ms into a new buffer here, in 4 ms into the same one again).
  let rangeBuffer = null;
  // The bytes [start, end) of the file open as descriptor `fd` (a FileHandle's, in Node: one
  // table of descriptors for every thread of the process), into rangeBuffer when large enough.
  const fileBytes = (fd, start, end) => {
    const length = end - start;
    const fits = rangeBuffer && rangeBuffer.byteLength >= length;
    const into = new Uint8Array(fits ? rangeBuffer : new ArrayBuffer(length + RANGE_SLACK), 0, length);
    let filled = 0;
    while (filled < length) {
      const read = fs.readSync(fd, into, filled, length - filled, start + filled);
      if (read === 0) break;  // the file is shorter than it was
      filled += read;
    }
    return into.subarray(0, filled);
  };
  handle = async (message) => {
    if (message.type === 'init') {
      // The owner's compiled module, when it sent one: nothing to compile again.
      const wasm = message.wasm ? { wasmModule: message.wasm.module, variant: message.wasm.variant } : {};
      ready = createEngine({ workers: 1, warmUp: false, ...wasm }).then((created) => (engine = created));
      // Ready either way: a reader whose engine failed fails its ranges, which the owner reads.
      ready.catch(() => {}).finally(() => port.postMessage({ type: 'ready' }));
      return;
    }
    try {
      await ready;
      if ((message.settings ?? null) !== settings) {  // the owner's settings, as it reads the file
        engine.configure(message.settings ? JSON.parse(message.settings) : {});
        settings = message.settings ?? null;
      }
      const bytes = message.bytes ?? (message.fd !== undefined ? fileBytes(message.fd, message.start, message.end)
                                                                : await blobBytes(message.blob, message.start, message.end, rangeBuffer, undefined, RANGE_SLACK));
      if (!message.bytes) rangeBuffer = bytes.buffer;  // a BYOB read may have moved it
      // Progress after each piece, so the page's progress moves while this range is read.
      const progress = (loaded) => port.postMessage({ id: message.id, type: 'progress', loaded });
      // Written into the buffer of a range merged earlier, when the owner sent one back.
      const range = engine.readRange(message.spec, message.head, bytes, progress, message.out, RANGE_SLACK);
      // The bytes' buffer goes back with the range, for the next range (pool.js takeBuffer).
      const spare = message.bytes?.buffer;
      port.postMessage({ id: message.id, range, spare, wasmBytes: engine.memory().wasmBytes }, spare ? [range.buffer, spare] : [range.buffer]);
    } catch (error) {
      port.postMessage({ id: message.id, error: { code: error.code ?? 'internal', message: error.message } });
    }
  };
  if (isNode) port.on('message', handle);
  for (const message of early.splice(0)) handle(message);
}
start();

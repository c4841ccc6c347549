// A range reader of the pool (pool.js): its own engine reads the byte ranges it is sent and
// returns each one serialised. Runs as a Web Worker or a Node.js worker thread.
const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';

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

  let engine = null;
  let ready = null;
  let rangeBuffer = null;  // the last Blob range's buffer, filled again by the next
  handle = async (message) => {
    if (message.type === 'init') {
      ready = createEngine({ settings: message.settings ?? undefined, workers: 1, warmUp: false }).then((created) => (engine = created));
      return;
    }
    try {
      await ready;
      const bytes = message.bytes ?? await blobBytes(message.blob, message.start, message.end, rangeBuffer);
      if (!message.bytes) rangeBuffer = bytes.buffer;
      // Progress after each piece, so the page's progress moves while this range is read.
      const progress = (loaded) => port.postMessage({ id: message.id, type: 'progress', loaded });
      const range = engine.readRange(message.spec, message.head, bytes, progress);
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

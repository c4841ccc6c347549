// Web Worker entry: runs the engine off the page's main thread.
import { EngineHost } from './worker-host.js';

const host = new EngineHost();
self.onmessage = (event) => host.handle(event.data, (message) => self.postMessage(message));

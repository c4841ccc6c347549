// Benchmark of the browser, not of Basketlift: how fast headless Chromium hands a page the bytes
// of a chosen File through its stream (Blob.stream(), the way the engine reads a dropped file),
// with nothing done with them. Each FILE is chosen in a fresh dashboard tab and streamed RUNS
// times; each read prints its milliseconds and the minor page faults it cost the tab's
// renderer processes (a fault maps one fresh 4 KiB page; `first_touch.mjs` gives this machine's
// price of one). The first reads of a tab are the ones a drop meets. By the stream's default
// reader (a new buffer per piece), or with --byob by its BYOB reader refilling one 4 MB buffer
// (as web/src/blob-chunks.js reads a drop).
//
//   node tests/bench/file_stream.mjs FILE [FILE ...] [--runs RUNS] [--byob]      (default 2 runs)
import { openDashboard } from '../web/browser.mjs';
import { rendererFiles } from './renderers.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 2;
const byobAt = args.indexOf('--byob');
const byob = byobAt >= 0 && args.splice(byobAt, 1).length === 1;
const files = args;
if (files.length === 0 || !(runs >= 1)) {
  console.error('usage: node tests/bench/file_stream.mjs FILE [FILE ...] [--runs RUNS] [--byob]');
  process.exit(2);
}

// Minor faults so far of this profile's page renderers (the tab and its workers): in
// /proc/PID/stat, after the command name, state is the first field and minflt the eighth (proc(5)).
async function rendererFaults(profile) {
  const stats = await rendererFiles(profile, 'stat');
  return stats.reduce((sum, stat) => sum + Number(stat.split(') ')[1].split(' ')[7]), 0);
}

const dashboard = await openDashboard();
try {
  const { page, profile } = dashboard;
  console.log(`| file (${byob ? 'BYOB reader, one 4 MB buffer' : 'default reader'}) | read | ms | MB/s | renderer minor faults |`);
  console.log('|---|---:|---:|---:|---:|');
  for (const [k, file] of files.entries()) {
    await page.evaluate((k) => {
      const input = Object.assign(document.createElement('input'), { type: 'file', id: `stream-probe-${k}` });
      document.body.append(input);
    }, k);
    await page.setInputFiles(`#stream-probe-${k}`, file);
    for (let run = 1; run <= runs; run++) {
      const before = await rendererFaults(profile);
      const { ms, bytes } = await page.evaluate(async ({ k, byob }) => {
        const chosen = document.getElementById(`stream-probe-${k}`).files[0];
        const start = performance.now();
        let bytes = 0;
        if (byob) {
          const reader = chosen.stream().getReader({ mode: 'byob' });
          let buffer = new ArrayBuffer(4 << 20);
          for (let part = await reader.read(new Uint8Array(buffer)); !part.done; part = await reader.read(new Uint8Array(buffer))) {
            bytes += part.value.length;
            buffer = part.value.buffer;  // the read moved it
          }
        } else {
          const reader = chosen.stream().getReader();
          for (let part = await reader.read(); !part.done; part = await reader.read()) bytes += part.value.length;
        }
        return { ms: performance.now() - start, bytes };
      }, { k, byob });
      const faults = (await rendererFaults(profile)) - before;
      console.log(`| ${file} (${(bytes / 1e6).toFixed(0)} MB) | ${run} | ${ms.toFixed(0)} | ${(bytes / 1e3 / ms).toFixed(0)} | ${faults} |`);
    }
  }
} finally {
  await dashboard.close();
}

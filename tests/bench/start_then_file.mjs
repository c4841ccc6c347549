// Start-up followed at once by work: seconds from loading the engine module to a file read and
// analysed, with the file given the moment createEngine returns (as a dashboard dropped on at
// page load gives it). Shows what the background warm-up (web/src/warm-up.js) costs or saves
// when work does not wait for it.
//
//   node tests/bench/start_then_file.mjs FILE [RUNS]      (BASKETLIFT_WEB_DIR: another build)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webDir = process.env.BASKETLIFT_WEB_DIR ?? path.join(root, 'build/web');
const [file, runsText, child] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/bench/start_then_file.mjs FILE [RUNS]');
  process.exit(2);
}

if (child === '--once') {
  const bytes = readFileSync(file);
  const start = performance.now();
  const { createEngine } = await import(path.join(webDir, 'src/engine.js'));
  const engine = await createEngine({ workers: 1 });
  const created = performance.now();
  await engine.addFile(bytes, { name: path.basename(file) });
  engine.analyzeJson();
  const end = performance.now();
  console.log(JSON.stringify({ create: (created - start) / 1000, total: (end - start) / 1000 }));
  engine.dispose();
} else {
  // Each run in a fresh process: nothing compiled or warmed up by an earlier one.
  const runs = Array.from({ length: Number(runsText ?? 5) }, () =>
    JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), file, '1', '--once'], { encoding: 'utf8' })));
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const seconds = (x) => x.toFixed(3);
  console.log(`start-up then ${path.basename(file)}: median ${seconds(median(runs.map((r) => r.total)))} s of ${runs.length}` +
              ` (${runs.map((r) => seconds(r.total)).join(', ')}); createEngine ${seconds(median(runs.map((r) => r.create)))} s`);
}

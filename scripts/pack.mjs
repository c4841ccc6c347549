#!/usr/bin/env node
// Stages the npm package `basketlift` from the built site (build/web) into build/package and packs
// it into build/basketlift-VERSION.tgz (scripts/pack.sh builds what is missing first).
//
// Layout of the package (the same relative paths as the site, so every `new URL(...,
// import.meta.url)` of the modules keeps working from node_modules, a static host or a bundle):
//   src/     the engine API (engine.js, worker-client.js, worker.js, ...) and its .d.ts
//   engine/  basketlift.mjs + .wasm (wasm SIMD) and scalar/ (without)
//   app/     the dashboard (dashboard.js: mount(), element.js: <basketlift-dashboard>)
//   vendor/  Chart.js, which the dashboard bundles
//   sample/  the generated sample store behind the dashboard's "Load sample data"
//   LICENSES/ Basketlift's (Apache-2.0), simdjson's and Chart.js's licences
// Test data never ships (Groceries is GPL-3); neither do the standalone page or its service worker.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const site = path.join(root, 'build/web');
const stage = path.join(root, 'build/package');
const { version, license, description } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const folder of ['src', 'engine', 'app', 'vendor', 'sample']) cpSync(path.join(site, folder), path.join(stage, folder), { recursive: true });
rmSync(path.join(stage, 'app/main.js'));  // the standalone page's entry (registers its service worker)
mkdirSync(path.join(stage, 'LICENSES'));
cpSync('/usr/share/common-licenses/Apache-2.0', path.join(stage, 'LICENSES/basketlift-Apache-2.0.txt'));
cpSync(path.join(root, 'node_modules/@nozbe/simdjson/LICENSE'), path.join(stage, 'LICENSES/simdjson-Apache-2.0.txt'));
cpSync(path.join(site, 'vendor/chart.js-LICENSE.md'), path.join(stage, 'LICENSES/chart.js-MIT.md'));

const manifest = {
  name: 'basketlift',
  version,
  description,
  license,
  type: 'module',
  engines: { node: '>=20' },
  // One entry for pages, Web Workers and Node.js; the worker-backed engine; the dashboard.
  exports: {
    '.': { types: './src/engine.d.ts', default: './src/engine.js' },
    './worker': { types: './src/worker-client.d.ts', default: './src/worker-client.js' },
    './dashboard': { types: './app/dashboard.d.ts', default: './app/element.js' },
    './dashboard/mount': { types: './app/dashboard.d.ts', default: './app/dashboard.js' },
    './package.json': './package.json',
  },
  types: './src/engine.d.ts',
  // Importing the element defines <basketlift-dashboard>; the dashboard loads Chart.js (a
  // global) for its charts. Everything else is free of side effects.
  sideEffects: ['./app/element.js', './vendor/chart.umd.min.js'],
  files: ['src', 'engine', 'app', 'vendor', 'sample', 'LICENSES'],
};
writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync(path.join(stage, 'README.md'), `# basketlift ${version}

Which cross-sell, upsell and bundle offers add profit — computed in the browser tab (or in
Node.js) by a C++ engine compiled to WebAssembly; the merchant's data never leaves the machine.

\`\`\`js
import { createEngine } from 'basketlift';          // pages, Web Workers, Node.js
const engine = await createEngine();
await engine.addFile(file);                          // a File, Blob, ArrayBuffer or Uint8Array
const report = engine.analyze();                     // typed: see src/report.d.ts

import { WorkerEngine } from 'basketlift/worker';   // the same API, answered by a Web Worker
import 'basketlift/dashboard';                       // defines <basketlift-dashboard>
\`\`\`

The \`.wasm\` files are loaded relative to the modules (\`new URL(..., import.meta.url)\`), so
the package works from \`node_modules\`, a static host or a bundler such as Vite without
configuration. Licences of everything bundled are in \`LICENSES/\`.
`);
execFileSync('npm', ['pack', '--pack-destination', path.join(root, 'build'), '--silent'], { cwd: stage, stdio: ['ignore', 'pipe', 'inherit'] });
console.log(path.join(root, `build/basketlift-${version}.tgz`));

// The pool of range readers in Chromium: nested Web Workers started from the engine's module
// under the page's Content-Security-Policy, with no cross-origin isolation, give the report of
// a single thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDashboard, sampleFiles } from './browser.mjs';
import { readFile } from 'node:fs/promises';

test('a file read by 3 Web Workers gives the report of one thread, in a page without isolation', async () => {
  const browser = await openDashboard();
  try {
    const { page } = browser;
    const files = await Promise.all(sampleFiles.map(async (file) => ({ name: file.split('/').pop(), text: (await readFile(file, 'utf8')) })));
    const result = await page.evaluate(async (files) => {
      const { createEngine } = await import('./src/engine.js');
      const reportWith = async (workers) => {
        const engine = await createEngine({ workers, parallelFrom: 1 << 15, rangeBytes: 1 << 16 });
        for (const { name, text } of files) await engine.addFile(new Blob([text]), { name });
        const report = engine.analyze();
        engine.dispose();
        delete report.store_bytes;
        return JSON.stringify(report);
      };
      return { isolated: globalThis.crossOriginIsolated, single: await reportWith(1), pooled: await reportWith(3) };
    }, files);
    assert.equal(result.isolated, false);
    assert.equal(result.pooled, result.single);
    assert.deepEqual(browser.consoleErrors, []);
    assert.deepEqual(browser.foreignRequests(), []);
  } finally {
    await browser.close();
  }
});

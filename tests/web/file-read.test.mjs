// Files as a page gets them (a file input: read from disk, a stream answering in pieces), read
// by the engine in Chromium into buffers it uses again (web/src/blob-chunks.js): the report of
// their bytes, with one engine in small chunks and with 3 range readers on small ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDashboard, sampleFiles } from './browser.mjs';

test('files from a file input give the report of their bytes, in small chunks and with 3 range readers', async () => {
  const browser = await openDashboard();
  try {
    const { page } = browser;
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<input type="file" id="test-files" multiple>'));
    await page.setInputFiles('#test-files', sampleFiles);
    const result = await page.evaluate(async () => {
      const { createEngine } = await import('./src/engine.js');
      const files = [...document.getElementById('test-files').files];
      const reportOf = async (options, source) => {
        const engine = await createEngine({ parallelFrom: 1 << 15, rangeBytes: 1 << 16, ...options });
        for (const file of files) await engine.addFile(await source(file), { name: file.name, chunkBytes: 10_000 });
        const report = engine.analyze();
        engine.dispose();
        delete report.store_bytes;
        return JSON.stringify(report);
      };
      const bytes = await reportOf({ workers: 1 }, async (file) => new Uint8Array(await file.arrayBuffer()));
      return {
        orders: JSON.parse(bytes).summary.orders,
        bytes,
        file: await reportOf({ workers: 1 }, (file) => file),
        pooled: await reportOf({ workers: 3 }, (file) => file),
      };
    });
    assert.ok(result.orders > 0);
    assert.equal(result.file, result.bytes);
    assert.equal(result.pooled, result.bytes);
    assert.deepEqual(browser.consoleErrors, []);
  } finally {
    await browser.close();
  }
});

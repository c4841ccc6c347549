// The dashboard in headless Chromium: upload a file, the engine runs in a worker inside the
// tab, and the page shows the report's figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { openDashboard } from './browser.mjs';
import { nativeReport, root } from '../wasm/helpers.mjs';

const screenshots = path.join(root, 'build/screenshots');

test('an uploaded NDJSON file is analysed in the tab and its AOV shown', async () => {
  const expected = nativeReport(['ingest/orders_nested.ndjson']).summary;
  const dashboard = await openDashboard();
  try {
    const { page } = dashboard;
    await page.setInputFiles('#file-input', path.join(root, 'tests/fixtures/ingest/orders_nested.ndjson'));
    await page.waitForSelector('#summary:not([hidden])', { timeout: 30000 });
    const value = async (kpi) => Number(await page.getAttribute(`[data-kpi="${kpi}"]`, 'data-value'));
    assert.equal(await value('orders'), expected.orders);
    assert.equal(await value('revenue'), expected.revenue);
    assert.equal(await value('aov'), expected.aov);
    const aovText = await page.textContent('[data-kpi="aov"]');
    assert.match(aovText, /€|EUR/);
    assert.match(await page.textContent('.file-status'), /orders: 7 rows used, 0 rejected/);
    assert.equal(await page.getAttribute('progress', 'value'), await page.getAttribute('progress', 'max'));
    await mkdir(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'dashboard-summary.png'), fullPage: true });
    assert.deepEqual(dashboard.consoleErrors, []);
  } finally {
    await dashboard.close();
  }
});

test('"Load sample data" reads the bundled sample store in the tab', async () => {
  const expected = nativeReport(['../../web/sample/products.csv', '../../web/sample/orders.csv', '../../web/sample/offers.csv', '../../web/sample/sessions.csv']).summary;
  const dashboard = await openDashboard();
  try {
    const { page } = dashboard;
    await page.click('#load-sample');
    await page.waitForSelector('#summary:not([hidden])', { timeout: 30000 });
    const value = async (kpi) => Number(await page.getAttribute(`[data-kpi="${kpi}"]`, 'data-value'));
    assert.equal(await value('orders'), expected.orders);
    assert.equal(await value('revenue'), expected.revenue);
    assert.equal(await value('cvr'), expected.cvr);
    assert.equal(await page.locator('.file-list li').count(), 4);
    await page.screenshot({ path: path.join(screenshots, 'dashboard-sample.png'), fullPage: true });
    assert.deepEqual(dashboard.consoleErrors, []);
  } finally {
    await dashboard.close();
  }
});

// Private, offline and embeddable: no request leaves the origin, the page reloads and works with
// the network off once the service worker has cached the site, and the custom element runs
// inside another page without mixing styles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openDashboard } from './browser.mjs';
import { root, webDir } from '../wasm/helpers.mjs';

const manifest = JSON.parse(await readFile(path.join(webDir, 'precache.json'), 'utf8'));

test('after the first load the dashboard reloads and analyses with the network off', async () => {
  const dashboard = await openDashboard();
  try {
    const { page, context } = dashboard;
    // The service worker has taken the page and cached every file of the site.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(async (count) => {
      const cache = await caches.open('basketlift-site');
      return (await cache.keys()).length >= count && navigator.serviceWorker.controller !== null;
    }, manifest.files.length + 1, { timeout: 30000 });
    await context.setOffline(true);
    await page.reload();
    await page.click('#load-sample');
    await page.waitForSelector('#summary:not([hidden]) [data-kpi="orders"]', { timeout: 60000 });
    assert.equal(Number(await page.getAttribute('[data-kpi="orders"]', 'data-value')), 2500);
    assert.deepEqual(dashboard.consoleErrors, []);
  } finally {
    await dashboard.close();
  }
});

test('nothing is sent anywhere: only GETs of the site\'s own files', async () => {
  const dashboard = await openDashboard();
  try {
    const { page } = dashboard;
    await page.click('#load-sample');
    await page.waitForSelector('#simulator [data-sim="revenue"]', { timeout: 60000 });
    assert.deepEqual(dashboard.foreignRequests(), []);
    assert.deepEqual(dashboard.requests.filter((r) => r.method !== 'GET'), []);
    // The policy that enforces it is in force: another origin is refused.
    const refused = await page.evaluate(() => fetch('https://example.com/').then(() => false, () => true));
    assert.ok(refused);
  } finally {
    await dashboard.close();
  }
});

test('<basketlift-dashboard> runs inside another page, its styles kept apart', async () => {
  const dashboard = await openDashboard({ path: 'embed.html' });
  try {
    const { page } = dashboard;
    await page.locator('basketlift-dashboard').getByRole('button', { name: 'Load sample data' }).click();
    await page.waitForFunction(() => /2,500 orders/.test(document.getElementById('embed-status').textContent), null, { timeout: 60000 });
    assert.equal(await page.locator('basketlift-dashboard [data-kpi="orders"]').getAttribute('data-value'), '2500');
    const fonts = await page.evaluate(() => ({
      host: getComputedStyle(document.querySelector('h1')).fontFamily,
      inner: getComputedStyle(document.querySelector('basketlift-dashboard').shadowRoot.querySelector('.basketlift')).fontFamily,
    }));
    assert.match(fonts.host, /Georgia/);
    assert.match(fonts.inner, /system-ui/);
    await page.screenshot({ path: path.join(root, 'build/screenshots/embed.png'), fullPage: false });
    assert.deepEqual(dashboard.consoleErrors, []);
    assert.deepEqual(dashboard.foreignRequests(), []);
  } finally {
    await dashboard.close();
  }
});

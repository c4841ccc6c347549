// A browser without WebAssembly gets a message naming the browsers that work, never a blank page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDashboard } from './browser.mjs';

test('without WebAssembly the page says so and names the browsers that work', async () => {
  const browser = await openDashboard({ path: 'about:blank' });
  try {
    const { page, baseUrl } = browser;
    await page.addInitScript(() => {
      delete globalThis.WebAssembly;
    });
    await page.goto(baseUrl);
    const alert = page.locator('[role=alert]');
    await alert.waitFor();
    const text = await alert.textContent();
    assert.match(text, /needs WebAssembly/);
    assert.match(text, /Safari 15\+/);
  } finally {
    await browser.close();
  }
});

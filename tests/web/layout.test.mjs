// What a merchant reads fits the screen: at 1366 and 390 px every KPI's text fits its card, and
// at 1366 px each offer's verdict and the sentence behind it are visible without scrolling
// sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDashboard, sampleFiles } from './browser.mjs';

async function loaded(width) {
  const browser = await openDashboard({ viewport: { width, height: 900 } });
  await browser.page.setInputFiles('#file-input', sampleFiles);
  await browser.page.waitForSelector('#simulator [data-sim="revenue"]', { timeout: 60000 });
  return browser;
}

// Elements whose content is wider than their box.
const clipped = (page, selector) => page.locator(selector).evaluateAll((elements) =>
  elements.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.dataset.kpi ?? e.dataset.sim ?? ''}: ${e.textContent}`));

for (const width of [1366, 390]) {
  test(`at ${width} px every KPI's text fits its card`, async () => {
    const browser = await loaded(width);
    try {
      const { page } = browser;
      assert.ok(await page.locator('#summary [data-kpi]').count() >= 6);
      assert.deepEqual(await clipped(page, '#summary .kpis dd'), []);
      assert.deepEqual(await clipped(page, '#simulator .kpis dd'), []);
      assert.deepEqual(browser.consoleErrors, []);
    } finally {
      await browser.close();
    }
  });
}

test('at 1366 px each offer\'s verdict and reason are on screen without scrolling sideways', async () => {
  const browser = await loaded(1366);
  try {
    const { page } = browser;
    await page.locator('#offers').scrollIntoViewIfNeeded();
    const outside = await page.locator('#offers tr[data-offer]').evaluateAll((rows) => {
      const width = document.documentElement.clientWidth;
      return rows.flatMap((row) => [row.querySelector('[data-verdict]'), row.querySelector('.offer-why')])
        .filter((e) => !e || e.getBoundingClientRect().right > width || e.getBoundingClientRect().left < 0)
        .map((e) => e?.textContent ?? 'missing');
    });
    assert.ok(await page.locator('#offers tr[data-offer]').count() > 10);
    assert.deepEqual(outside, []);
    // The page itself does not scroll sideways.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
  } finally {
    await browser.close();
  }
});

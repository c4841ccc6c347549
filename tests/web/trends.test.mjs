// The dashboard's calendar: in a browser set to New York, the trends follow New York's calendar
// (the report equals the engine's with timezone America/New_York), and the period switch
// analyses the same files again by week; an offer whose margin per impression fell is listed
// and alerted; a dropped Shopify export gets the engine's trends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { downloadOf, engineReport, openDashboard, sampleFiles } from './browser.mjs';
import { cli } from '../wasm/helpers.mjs';

let dashboard;
let page;

before(async () => {
  dashboard = await openDashboard({ timezoneId: 'America/New_York' });
  page = dashboard.page;
  await page.setInputFiles('#file-input', sampleFiles);
  await page.waitForSelector('#trends tr[data-period]', { timeout: 60000 });
});

after(async () => {
  assert.deepEqual(dashboard.consoleErrors, []);
  assert.deepEqual(dashboard.foreignRequests(), []);
  await dashboard.close();
});

async function exportedReport() {
  const json = await downloadOf(page, page.locator('#export-report'));
  return JSON.parse(json.bytes.toString());
}

test('the trends follow the browser\'s time zone', async () => {
  const expected = await engineReport(sampleFiles, { timezone: 'America/New_York' });
  const shown = await exportedReport();
  assert.equal(shown.settings.timezone, 'America/New_York');
  assert.deepEqual(shown.trends, expected.trends);
  assert.match(await page.textContent('#trend-calendar'), /on the calendar of America\/New_York/);
});

test('the period switch analyses again by week', async () => {
  await page.selectOption('#trend-grain', 'week');
  await page.waitForFunction(() => [...document.querySelectorAll('#trends caption')].some((c) => c.textContent.startsWith('Figures by week')), null, { timeout: 60000 });
  const expected = await engineReport(sampleFiles, { timezone: 'America/New_York', trend_grain: 'week' });
  const shown = await exportedReport();
  assert.equal(shown.trends.grain, 'week');
  assert.deepEqual(shown.trends, expected.trends);
  assert.match(await page.textContent('#trend-calendar'), new RegExp(`^${expected.trends.periods.length} weeks from `));
  assert.equal(await page.inputValue('#trend-grain'), 'week');
  // The other panels come from the same analysis: the summary is unchanged by the grain.
  assert.deepEqual(shown.summary, expected.summary);
});

test('an offer whose margin per impression fell is listed with both windows\' figures and alerted', async () => {
  // 40 days, 60 sessions a day shown xs-m; one in five takes it, at a margin of 10 until
  // 2024-05-26 and 4 from 2024-05-27 (a price cut): acceptance holds, margin per impression falls.
  const dir = mkdtempSync(path.join(tmpdir(), 'basketlift-cut-'));
  let orders = 'order_id,session_id,timestamp,product_id,quantity,unit_price,unit_cost,rec_id\n';
  let offers = 'rec_id,type,placement,offered_product_id,session_id,timestamp,accepted\n';
  for (let d = 0; d < 40; ++d) {
    const date = new Date(Date.UTC(2024, 4, 1 + d)).toISOString().slice(0, 10);
    for (let k = 0; k < 60; ++k) {
      const session = `S${date}-${k}`, minute = String(k).padStart(2, '0');
      offers += `xs-m,cross_sell,cart,Q,${session},${date}T10:${minute}:00Z,${k % 5 === 0 ? 1 : 0}\n`;
      if (k % 5 === 0) orders += `O${session},${session},${date}T11:${minute}:00Z,Q,1,${date < '2024-05-27' ? 20 : 14},10,xs-m\n`;
    }
  }
  writeFileSync(path.join(dir, 'orders.csv'), orders);
  writeFileSync(path.join(dir, 'offers.csv'), offers);
  const cut = await openDashboard({ timezoneId: 'UTC' });
  try {
    await cut.page.setInputFiles('#file-input', [path.join(dir, 'orders.csv'), path.join(dir, 'offers.csv')]);
    const row = cut.page.locator('#trends tr[data-change="xs-m"]');
    await row.waitFor({ timeout: 60000 });
    const cells = await row.locator('td').allTextContents();
    assert.equal(cells[0], 'xs-m');
    assert.equal(cells[1], cells[2], 'acceptance holds');
    assert.match(cells[3], /^2,000(\.00)?$/);
    assert.match(cells[4], /^800(\.00)?$/);
    assert.equal(await row.locator('td strong').count(), 1, 'only the margin is flagged');
    assert.match(await cut.page.textContent('#alerts'), /xs-m: margin per 1,000 impressions fell from 2000\.00 to 800\.00 in the last 14 days/);
    assert.deepEqual(cut.consoleErrors, []);
  } finally {
    await cut.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a dropped Shopify export gets the same trends, changes and experiment over time as the engine gives it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'basketlift-shopify-'));
  execFileSync(path.join(path.dirname(cli), 'basketlift-generate'), ['--orders', '3000', '--seed', '4', '--shopify', '--out', dir]);
  const files = ['products_export.csv', 'orders_export.csv', 'offers.csv', 'sessions.csv'].map((name) => path.join(dir, name));
  const shop = await openDashboard({ timezoneId: 'UTC' });
  try {
    await shop.page.setInputFiles('#file-input', files);
    await shop.page.waitForSelector('#trends tr[data-period]', { timeout: 60000 });
    await shop.page.waitForSelector('#trend-experiment canvas', { timeout: 60000 });
    const shown = JSON.parse((await downloadOf(shop.page, shop.page.locator('#export-report'))).bytes.toString());
    const expected = await engineReport(files, { timezone: 'UTC' });
    assert.deepEqual(shown.trends, expected.trends);
    assert.ok(shown.trends.available && shown.trends.periods.length > 1 && shown.trends.experiment.available);
    assert.equal(await shop.page.locator('#trends tr[data-period]').count(), Math.min(shown.trends.periods.length, 25));
    // The changes line says how many offers were tested, or the table lists the changed ones.
    const changed = shown.trends.changes.offers.filter((c) => c.significant || c.margin?.significant);
    if (changed.length) assert.equal(await shop.page.locator('#trends tr[data-change]').count(), changed.length);
    else assert.match(await shop.page.textContent('#trend-changes'), new RegExp(`${shown.trends.changes.offers.length} offers tested`));
    assert.deepEqual(shop.consoleErrors, []);
  } finally {
    await shop.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

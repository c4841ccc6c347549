// Loading data in the dashboard: a plain upload, the column-mapping step for an unknown header
// (and its memory in localStorage), cancelling a file mid-read, and hostile text rendered as
// text and exported without formula injection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { downloadOf, openDashboard, sampleFiles } from './browser.mjs';
import { cli, nativeReport, root } from '../wasm/helpers.mjs';

const fixture = (name) => path.join(root, 'tests/fixtures', name);
const kpi = async (page, key) => Number(await page.getAttribute(`[data-kpi="${key}"]`, 'data-value'));

test('an uploaded NDJSON file is analysed in the tab and its figures shown', async () => {
  const expected = nativeReport(['ingest/orders_nested.ndjson']).summary;
  const dashboard = await openDashboard();
  try {
    const { page } = dashboard;
    await page.setInputFiles('#file-input', fixture('ingest/orders_nested.ndjson'));
    await page.waitForSelector('#summary:not([hidden]) [data-kpi="orders"]', { timeout: 30000 });
    assert.equal(await kpi(page, 'orders'), expected.orders);
    assert.equal(await kpi(page, 'revenue'), expected.revenue);
    assert.equal(await kpi(page, 'aov'), expected.aov);
    assert.match(await page.textContent('[data-kpi="aov"]'), /€|EUR/);
    assert.equal(await page.textContent('.file-status'), 'orders: 7 rows used, 0 rejected');
    assert.equal(await page.getAttribute('progress', 'value'), await page.getAttribute('progress', 'max'));
    // Offers known only from order lines have no impressions to project from.
    await page.waitForSelector('#simulator .empty');
    assert.match(await page.textContent('#simulator .empty .unlock'), /offers file/);
    assert.deepEqual(dashboard.consoleErrors, []);
  } finally {
    await dashboard.close();
  }
});

test('an aggregates file from a warehouse is dropped and its summary, dimensions, offers, baskets, customer value, pre-period adjustment and trends shown, without the mapping step; the trends change grain without a new query', async () => {
  const file = fixture('aggregates/sample_postgres.csv');
  const report = JSON.parse(execFileSync(cli, ['analyze', '--aggregates', file], { encoding: 'utf8' }));
  const expected = report.summary;
  const dashboard = await openDashboard();
  try {
    const { page } = dashboard;
    await page.setInputFiles('#file-input', file);
    await page.waitForSelector('#summary:not([hidden]) [data-kpi="orders"]', { timeout: 30000 });
    assert.equal(await page.locator('dialog.mapping[open]').count(), 0);
    assert.equal(await kpi(page, 'orders'), expected.orders);
    assert.equal(await kpi(page, 'revenue'), expected.revenue);
    assert.equal(await kpi(page, 'aov'), expected.aov);
    assert.equal(await page.textContent('.file-status'),
      'aggregates from a warehouse: offers 10,451 rows used, 0 rejected · orders 4,513 rows used, 12 rejected · products 147 rows used, 0 rejected · sessions 8,704 rows used, 0 rejected');
    // Every section comes from the file.
    assert.equal(await page.locator('#experiment .empty').count(), 0);
    assert.equal(await page.locator('#offers .empty').count(), 0);
    const shown = await page.locator('#offers tr[data-offer]').evaluateAll((rows) => rows.map((r) => r.dataset.offer));
    assert.ok(shown.length > 0 && shown.every((rec) => report.offers.offers.some((o) => o.rec_id === rec)), shown.join());
    assert.equal(await page.locator('#dimensions .empty').count(), 0);
    assert.equal(await page.locator('#basket .empty').count(), 0);
    assert.equal(await page.locator('#basket tr[data-candidate]').count(), Math.min(25, report.basket.candidates.length));
    assert.equal(await page.locator('#ltv .empty').count(), 0);
    assert.equal(await page.locator('#ltv tr[data-window]').count(), report.ltv.windows.length);
    // The pre-period adjustment, from the file's sums per arm (format 5), with its balance checks.
    assert.equal(report.experiment.cuped.available, true);
    assert.ok(report.experiment.pre_period_balance.length > 0);
    assert.equal(await page.locator('#experiment [data-cuped]').getAttribute('data-cuped'), 'on');
    // The trends, from the file's sums per day: by the grain its span gives, then by week.
    assert.equal(await page.locator('#trends > .empty').count(), 0, JSON.stringify(await page.locator('#trends .empty').allTextContents()));
    assert.match(await page.textContent('#trends'), new RegExp(`${report.trends.periods.length} ${report.trends.grain}s from ${report.trends.first_day}`));
    await page.selectOption('#trend-grain', 'week');
    await page.waitForFunction(() => /\d+ weeks from/.test(document.querySelector('#trends')?.textContent ?? ''), null, { timeout: 30000 });
    assert.deepEqual(await page.locator('.error:not([hidden])').allTextContents(), []);
    assert.deepEqual(dashboard.consoleErrors, []);
  } finally {
    await dashboard.close();
  }
});

test('an aggregates file of an older format shows what it carries; the sections it lacks say so, without asking for files', async () => {
  const dashboard = await openDashboard();
  try {
    const { page } = dashboard;
    await page.setInputFiles('#file-input', fixture('aggregates/sample_postgres_format2.csv'));
    await page.waitForSelector('#summary:not([hidden]) [data-kpi="orders"]', { timeout: 30000 });
    assert.equal(await page.locator('#offers .empty').count(), 0);
    for (const section of ['#basket', '#ltv', '#trends']) {
      assert.match(await page.textContent(`${section} .empty`), /not in the aggregates file/);
      assert.equal(await page.locator(`${section} .empty .unlock`).count(), 0);
    }
    assert.deepEqual(dashboard.consoleErrors, []);
  } finally {
    await dashboard.close();
  }
});

test('an unknown header opens the mapping step; the mapping gives the right result and is remembered', async () => {
  const expected = nativeReport(['ingest/orders_german.csv'], ['--map', fixture('ingest/orders_german.map.json')]).summary;
  const dashboard = await openDashboard();
  try {
    const { page } = dashboard;
    await page.setInputFiles('#file-input', fixture('ingest/orders_german.csv'));
    const dialog = page.locator('dialog.mapping[open]');
    await dialog.waitFor({ timeout: 30000 });
    assert.match(await dialog.textContent(), /orders_german\.csv/);
    const choices = { Beleg: 'order_id', Artikel: 'product_id', Menge: 'quantity', Preis: 'unit_price', Datum: 'timestamp', Filiale: 'ignore' };
    for (const [column, field] of Object.entries(choices)) await dialog.getByLabel(`Field for column ${column}`).selectOption(field);
    await dialog.getByRole('button', { name: 'Apply and read again' }).click();
    await page.waitForSelector('#summary:not([hidden]) [data-kpi="orders"]', { timeout: 30000 });
    assert.equal(await kpi(page, 'orders'), expected.orders);
    assert.equal(await kpi(page, 'revenue'), expected.revenue);
    // Next time (a new page, same browser profile) the same header needs no question.
    await page.reload();
    await page.setInputFiles('#file-input', fixture('ingest/orders_german.csv'));
    await page.waitForSelector('#summary:not([hidden]) [data-kpi="orders"]', { timeout: 30000 });
    assert.equal(await page.locator('dialog.mapping[open]').count(), 0);
    assert.equal(await kpi(page, 'revenue'), expected.revenue);
    assert.deepEqual(dashboard.consoleErrors, []);
  } finally {
    await dashboard.close();
  }
});

test('the Shopify preset of the mapping step fills a trimmed Shopify export that the engine cannot place', async () => {
  const file = 'shopify/orders_trimmed_header.csv';
  const expected = nativeReport([file], ['--map', fixture('shopify/orders_trimmed_header.map.json')]).summary;
  const dashboard = await openDashboard();
  try {
    const { page } = dashboard;
    await page.setInputFiles('#file-input', fixture(file));
    const dialog = page.locator('dialog.mapping[open]');
    await dialog.waitFor({ timeout: 30000 });
    assert.equal(await dialog.getByLabel('Field for column Lineitem sku').inputValue(), '');
    await dialog.getByRole('button', { name: 'Use the Shopify orders preset' }).click();
    assert.equal(await dialog.getByLabel('Table').inputValue(), 'orders');
    for (const [column, field] of Object.entries({ Name: 'order_id', Email: 'customer_id', 'Lineitem sku': 'product_id', 'Lineitem price': 'unit_price' }))
      assert.equal(await dialog.getByLabel(`Field for column ${column}`).inputValue(), field);
    await dialog.getByRole('button', { name: 'Apply and read again' }).click();
    await page.waitForSelector('#summary:not([hidden]) [data-kpi="orders"]', { timeout: 30000 });
    assert.equal(await kpi(page, 'orders'), expected.orders);
    assert.equal(await kpi(page, 'revenue'), expected.revenue);
    assert.equal(expected.revenue, 144.5);
    assert.deepEqual(dashboard.consoleErrors, []);
  } finally {
    await dashboard.close();
  }
});

test('cancel stops a file mid-read and leaves it out of the analysis', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'basketlift-cancel-'));
  const dashboard = await openDashboard();
  try {
    execFileSync(path.join(path.dirname(cli), 'basketlift-generate'), ['--orders', '300000', '--seed', '3', '--format', 'ndjson', '--out', dir]);
    const { page } = dashboard;
    await page.setInputFiles('#file-input', [sampleFiles[0], path.join(dir, 'orders.ndjson')]);
    const big = page.locator('.file-list li').nth(1);
    await big.getByRole('button', { name: 'Cancel' }).waitFor({ timeout: 30000 });
    await page.waitForFunction(() => document.querySelectorAll('.file-list progress')[1]?.value > 0);
    assert.match(await big.locator('.file-status').textContent(), /rows read|reading/);
    await big.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForSelector('#summary:not([hidden])', { timeout: 60000 });
    assert.equal(await page.locator('.file-list li').count(), 1);
    assert.equal(await kpi(page, 'orders'), 0, 'the cancelled orders file is not in the analysis');
    assert.match(await page.textContent('.file-list li .file-status'), /^products: /);
    // Sections that need other files say which file would unlock them.
    assert.match(await page.textContent('#experiment .empty .unlock'), /variant/);
    assert.match(await page.textContent('#offers .empty .unlock'), /offers file/);
    assert.deepEqual(dashboard.consoleErrors, []);
  } finally {
    await dashboard.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('hostile names are shown as text, and exports defuse spreadsheet formulas', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'basketlift-xss-'));
  const payload = '<img src=x onerror=alert(1)>';
  await writeFile(path.join(dir, 'products.csv'), `product_id,name,price,unit_cost\nP1,"${payload}",10,4\nP2,Plain,20,5\n`);
  await writeFile(path.join(dir, 'orders.csv'), 'order_id,product_id,quantity,unit_price,rec_id\n1,P1,1,10,\n1,P2,1,20,=2+3\n2,P1,2,10,\n');
  const dashboard = await openDashboard();
  try {
    const { page } = dashboard;
    await page.setInputFiles('#file-input', [path.join(dir, 'products.csv'), path.join(dir, 'orders.csv')]);
    await page.waitForSelector('#dimensions #dimension', { timeout: 30000 });
    await page.selectOption('#dimension', 'product');
    const row = page.locator('#dimensions tbody tr', { hasText: 'P1' });
    assert.equal(await row.locator('.name').textContent(), payload);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    await page.selectOption('#dimension', 'offer');
    const csv = await downloadOf(page, page.locator('#dimensions button', { hasText: 'Download as CSV' }));
    assert.match(csv.bytes.toString(), /\r\n'=2\+3,/);
    await page.waitForTimeout(200);  // an injected handler would have fired by now
    assert.deepEqual(dashboard.dialogs, []);
    assert.deepEqual(dashboard.consoleErrors, []);
  } finally {
    await dashboard.close();
    await rm(dir, { recursive: true, force: true });
  }
});

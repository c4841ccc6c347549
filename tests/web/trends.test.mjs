// The dashboard's calendar: in a browser set to New York, the trends follow New York's calendar
// (the report equals the engine's with timezone America/New_York), and the period switch
// analyses the same files again by week.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { downloadOf, engineReport, openDashboard, sampleFiles } from './browser.mjs';

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

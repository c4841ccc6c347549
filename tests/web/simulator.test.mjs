// The simulator panel: slider moves change the projected figures exactly as the simulator API
// says, break-even is marked, and the whole path from loading data to a slider works from the
// keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { engineReport, openDashboard, sampleFiles } from './browser.mjs';
import { webDir } from '../wasm/helpers.mjs';

const { createEngine } = await import(path.join(webDir, 'src/engine.js'));
const report = await engineReport(sampleFiles);
const engine = await createEngine();

// The simulator's figures once they stop changing (moves are sent one request at a time).
async function settledFigures(page) {
  let last = null;
  for (;;) {
    await page.waitForTimeout(150);
    const now = await page.locator('#simulator [data-sim]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.sim, Number(e.dataset.value)])));
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
}

// The traffic share slider set to 0 (the group's offer not shown), as a drag would leave it.
async function hideOffer(page) {
  await page.locator('#simulator input[data-knob="traffic_share"]').evaluate((input) => {
    input.value = '0';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function assertClose(actual, expected, what) {
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
}

test('slider moves change the projection as the simulator API says; break-even is marked', async () => {
  const dashboard = await openDashboard();
  try {
    const { page } = dashboard;
    await page.click('#load-sample');
    await page.waitForSelector('#simulator [data-sim="revenue"]', { timeout: 60000 });
    const before = await settledFigures(page);
    assert.ok(await page.locator('#sim-at-baseline').isVisible(), 'the empty change chart says why');
    const group = await page.inputValue('#sim-group');
    const acceptance = page.locator('#simulator input[data-knob="acceptance"]');
    await acceptance.focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    const after = await settledFigures(page);
    const chosen = Number(await acceptance.inputValue());
    const expected = engine.simulate(report, { groups: { [group]: { acceptance: chosen } } }).total.scenario;
    for (const key of ['orders', 'revenue', 'aov', 'margin', 'profit']) assertClose(after[key], expected[key], key);
    assert.ok(after.revenue > before.revenue, 'more takes, more revenue');
    assert.ok(await page.locator('#sim-at-baseline').isHidden());

    // A conversion loss makes the break-even acceptance positive, and the page marks it.
    const conversion = page.locator('#simulator input[data-knob="conversion_impact"]');
    await conversion.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    await settledFigures(page);
    const impact = Number(await conversion.inputValue());
    assert.ok(impact < 0);
    const projection = engine.simulate(report, { groups: { [group]: { acceptance: chosen, conversion_impact: impact } } });
    const breakEven = projection.groups.find((g) => g.id === group).break_even_acceptance;
    assert.ok(breakEven > 0);
    const slider = page.locator('#simulator .slider:has(input[data-knob="acceptance"])');
    assertClose(Number(await slider.getAttribute('data-break-even')), breakEven, 'break-even');
    assert.match(await slider.locator('.mark-note').textContent(), /^break-even at /);
    assertClose((await settledFigures(page)).profit, projection.total.scenario.profit, 'profit');

    // Reset returns to the baseline.
    await page.locator('#simulator button', { hasText: 'Reset' }).click();
    assertClose((await settledFigures(page)).revenue, before.revenue, 'revenue after reset');
    assert.ok(await page.locator('#sim-at-baseline').isVisible());
    assert.deepEqual(dashboard.consoleErrors, []);
    assert.deepEqual(dashboard.foreignRequests(), []);
  } finally {
    await dashboard.close();
  }
});

test('per offer and segment: not showing an offer to one segment projects as the API says', async () => {
  const dashboard = await openDashboard();
  try {
    const { page } = dashboard;
    await page.click('#load-sample');
    await page.waitForSelector('#simulator [data-sim="revenue"]', { timeout: 60000 });
    await page.selectOption('#sim-grouping', 'offer_segment');
    await page.waitForSelector('#sim-group option[value="xs-cable-checkout × budget"]', { state: 'attached' });
    await page.selectOption('#sim-group', 'xs-cable-checkout × budget');
    await hideOffer(page);
    const after = await settledFigures(page);
    const expected = engine.simulate(report, { grouping: 'offer_segment', groups: { 'xs-cable-checkout × budget': { traffic_share: 0 } } }).total.scenario;
    for (const key of ['orders', 'revenue', 'margin', 'profit']) assertClose(after[key], expected[key], key);
    assert.deepEqual(dashboard.consoleErrors, []);
  } finally {
    await dashboard.close();
  }
});

// 207 groups of offer × segment: the menu lists the first 200 and says so; the search box finds
// the others by name, and a group found there is the one simulated.
test('a long group menu lists the most shown groups and a search finds the others', async () => {
  const dashboard = await openDashboard();
  try {
    const { page } = dashboard;
    await page.click('#load-sample');
    await page.waitForSelector('#simulator [data-sim="revenue"]', { timeout: 60000 });
    assert.equal(await page.isHidden('#sim-group-search'), true);  // 91 offers: all listed
    await page.selectOption('#sim-grouping', 'offer_segment');
    const groups = engine.simulate(report, { grouping: 'offer_segment' }).groups.map((g) => g.id);
    assert.ok(groups.length > 200, `${groups.length} groups`);
    await page.waitForSelector('#sim-group-search:not([hidden])');
    const listed = await page.$$eval('#sim-group option', (options) => options.map((o) => o.value));
    assert.deepEqual(listed, groups.slice(0, 200));
    assert.match(await page.textContent('#sim-group-count'), new RegExp(`^${groups.length} groups: the first 200 listed`));
    const last = groups.at(-1);
    await page.fill('#sim-group-search', last.slice(0, -3));
    const found = await page.$$eval('#sim-group option', (options) => options.map((o) => o.value));
    assert.ok(found.includes(last), found.join(', '));
    assert.ok(found.every((id, i) => i === 0 || id.toLowerCase().includes(last.slice(0, -3).toLowerCase())), found.join(', '));
    await page.selectOption('#sim-group', last);
    assert.equal(await page.inputValue('#sim-group'), last);
    await hideOffer(page);
    const after = await settledFigures(page);
    const expected = engine.simulate(report, { grouping: 'offer_segment', groups: { [last]: { traffic_share: 0 } } }).total.scenario;
    for (const key of ['orders', 'revenue', 'margin', 'profit']) assertClose(after[key], expected[key], key);
    assert.deepEqual(dashboard.consoleErrors, []);
  } finally {
    await dashboard.close();
  }
});

test('keyboard only: load the sample, go to the simulator, move a slider', async () => {
  const dashboard = await openDashboard();
  try {
    const { page } = dashboard;
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      return { id: el?.id ?? '', knob: el?.dataset?.knob ?? '', section: el?.dataset?.section ?? '', text: el?.textContent?.trim() ?? '' };
    });
    async function tabTo(matches, key = 'Tab', limit = 60) {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press(key);
        if (matches(await focused())) return;
      }
      assert.fail('not reachable with Tab');
    }
    await tabTo((f) => f.id === 'load-sample');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#simulator [data-sim="revenue"]', { timeout: 60000 });
    const before = await settledFigures(page);
    // The section navigation sits above the load panel: back up to it.
    await tabTo((f) => f.section === 'simulator', 'Shift+Tab');
    await page.keyboard.press('Enter');
    assert.equal((await focused()).id, 'simulator');
    await tabTo((f) => f.knob === 'acceptance');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    const after = await settledFigures(page);
    assert.ok(after.revenue > before.revenue);
    await page.screenshot({ path: path.join(webDir, '..', 'screenshots', 'keyboard-simulator.png') });
    assert.deepEqual(dashboard.consoleErrors, []);
  } finally {
    await dashboard.close();
  }
});

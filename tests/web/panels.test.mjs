// The dashboard's panels against the report the engine returns for the same four files: every
// panel shows the report's figures (nothing hard-coded), alerts link to their evidence, the
// exports hold what the panels show. Screenshots of each panel go to build/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { downloadOf, engineReport, openDashboard, sampleFiles } from './browser.mjs';
import { root } from '../wasm/helpers.mjs';

const screenshots = path.join(root, 'build/screenshots');
let dashboard;
let page;
let report;

// Text of the money/percent/count formats the page uses (the browser's locale).
const formatIn = (page, kind, value, currency) => page.evaluate(([kind, value, currency]) => {
  if (kind === 'money') return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value);
  if (kind === 'percent') return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 }).format(value);
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(value);
}, [kind, value, currency]);

before(async () => {
  report = await engineReport(sampleFiles);
  dashboard = await openDashboard();
  page = dashboard.page;
  // Upload the four tables at once, as a merchant would.
  await page.setInputFiles('#file-input', sampleFiles);
  await page.waitForSelector('#simulator [data-sim="revenue"]', { timeout: 60000 });
  await mkdir(screenshots, { recursive: true });
});

after(async () => {
  assert.deepEqual(dashboard.consoleErrors, []);
  assert.deepEqual(dashboard.foreignRequests(), []);
  await dashboard.close();
});

test('files: each shows its detected table and the rows used', async () => {
  const rows = page.locator('.file-list li');
  assert.equal(await rows.count(), 4);
  for (const [i, input] of report.inputs.entries()) {
    const text = await rows.nth(i).locator('.file-status').textContent();
    assert.equal(text, `${input.table}: ${await formatIn(page, 'count', input.rows_used)} rows used, ${await formatIn(page, 'count', input.rows_rejected)} rejected`);
    assert.equal(await rows.nth(i).locator('select').first().inputValue(), input.table);
  }
  await page.locator('#load').screenshot({ path: path.join(screenshots, 'panel-load.png') });
});

test('alerts: every alert of the report, in order, with a working evidence link', async () => {
  const items = page.locator('#alerts li.alert');
  assert.equal(await items.count(), report.alerts.alerts.length);
  assert.ok(report.alerts.alerts.length > 0, 'the sample plants problems to alert on');
  for (const [i, alert] of report.alerts.alerts.entries()) {
    assert.equal(await items.nth(i).getAttribute('data-evidence'), alert.evidence);
    assert.match(await items.nth(i).textContent(), new RegExp(alert.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }
  await page.locator('#alerts').screenshot({ path: path.join(screenshots, 'panel-alerts.png') });
  // An offer alert's link lands on that offer's row.
  const offerAlert = report.alerts.alerts.findIndex((a) => a.evidence.startsWith('/offers/offers/'));
  assert.ok(offerAlert >= 0);
  await items.nth(offerAlert).getByRole('button', { name: 'See the evidence' }).click();
  const focused = page.locator(`#offers [data-pointer="${report.alerts.alerts[offerAlert].evidence}"]`);
  assert.equal(await focused.getAttribute('class'), 'highlight');
  assert.ok(await focused.evaluate((el) => el === document.activeElement));
  // An experiment alert selects the comparison holding it.
  const experimentAlert = report.alerts.alerts.find((a) => a.evidence.startsWith('/experiment/comparisons/'));
  const comparison = Number(experimentAlert.evidence.split('/')[3]);
  await items.nth(report.alerts.alerts.indexOf(experimentAlert)).getByRole('button', { name: 'See the evidence' }).click();
  assert.equal(await page.inputValue('#experiment-slice'), String(comparison));
  assert.equal(await page.locator(`#experiment [data-pointer="${experimentAlert.evidence}"]`).count(), 1);
});

test('data gaps: readiness per analysis and every check', async () => {
  const ready = page.locator('#gaps .readiness li');
  assert.equal(await ready.count(), report.data_gaps.readiness.length);
  for (const [i, r] of report.data_gaps.readiness.entries()) assert.equal(await ready.nth(i).locator('.status').textContent(), r.status);
  const ids = await page.locator('#gaps [data-gap]').evaluateAll((els) => els.map((e) => e.dataset.gap));
  assert.deepEqual(ids.sort(), report.data_gaps.checks.map((c) => c.id).sort());
  await page.locator('#gaps').screenshot({ path: path.join(screenshots, 'panel-gaps.png') });
});

test('summary: the KPIs and their intervals', async () => {
  const s = report.summary;
  for (const key of ['orders', 'revenue', 'aov', 'margin', 'cvr', 'attach_rate']) {
    assert.equal(Number(await page.getAttribute(`#summary [data-kpi="${key}"]`, 'data-value')), s[key], key);
  }
  assert.equal(await page.textContent('#summary [data-kpi="revenue"]'), await formatIn(page, 'money', s.revenue, s.currency));
  const aovDetail = await page.locator('#summary [data-kpi="aov"] + dd.detail').textContent();
  assert.equal(aovDetail, `${await formatIn(page, 'money', s.aov_ci[0], s.currency)} to ${await formatIn(page, 'money', s.aov_ci[1], s.currency)}`);
  await page.locator('#summary').screenshot({ path: path.join(screenshots, 'panel-summary.png') });
});

test('over time: every period of the report with its figures, the chart, sparklines in the offers table', async () => {
  const t = report.trends;
  assert.ok(t.available && t.periods.length > 1, 'the sample spans several periods');
  const rows = page.locator('#trends tr[data-period]');
  assert.equal(await rows.count(), Math.min(t.periods.length, 25));
  for (const [i, p] of t.periods.slice(0, 25).entries()) {
    assert.equal(await rows.nth(i).getAttribute('data-period'), p.start);
    assert.equal(await rows.nth(i).locator('td').nth(1).textContent(), await formatIn(page, 'count', p.orders));
    assert.equal(await rows.nth(i).locator('td').nth(2).textContent(), await formatIn(page, 'money', p.revenue, report.summary.currency));
  }
  assert.match(await page.textContent('#trend-calendar'), new RegExp(`${t.periods.length} ${t.grain}s from ${t.first_day} to ${t.last_day}, on the calendar of UTC`));
  // The chart's points are the report's, partial periods marked.
  const drawn = await page.evaluate(async () => {
    const { chartOf } = await import('./app/charts.js');
    const chart = chartOf(document.querySelector('#trends canvas'));
    return { labels: chart.data.labels, data: chart.data.datasets[0].data };
  });
  assert.deepEqual(drawn.data, t.periods.map((p) => p.revenue));
  // Choosing offers draws one acceptance line each, the report's.
  await page.selectOption('#trend-offers', [t.offers[0].rec_id, t.offers[1].rec_id]);
  const lines = await page.evaluate(async () => {
    const { chartOf } = await import('./app/charts.js');
    return chartOf(document.querySelector('#trends canvas')).data.datasets.map((d) => ({ label: d.label, data: d.data }));
  });
  assert.equal(await page.inputValue('#trend-measure'), 'acceptance');
  assert.deepEqual(lines.slice(1), [t.offers[0], t.offers[1]].map((o) => ({ label: o.rec_id, data: o.acceptance })));
  const csv = await downloadOf(page, page.locator('#trends > button', { hasText: 'CSV' }));
  assert.equal(csv.bytes.toString().split(/\r?\n/)[0], 'start,end,partial,orders,revenue,aov,margin,sessions,cvr,impressions,accepted,acceptance,offer_margin_per_1000');
  // Each listed offer of the offers table with a trend draws its acceptance as a sparkline.
  const sparkline = page.locator(`#offers tr[data-offer="${t.offers[0].rec_id}"] svg.sparkline`);
  assert.equal(await sparkline.count(), 1);
  assert.match(await sparkline.getAttribute('aria-label'), /^Acceptance by month: /);
  await page.locator('#trends').screenshot({ path: path.join(screenshots, 'panel-trends.png') });
});

test('over time: the experiment\'s cumulative lift per period with its interval, by the chosen metric', async () => {
  const e = report.trends.experiment;
  assert.ok(e.available, 'the sample has an experiment');
  const datasets = () => page.evaluate(async () => {
    const { chartOf } = await import('./app/charts.js');
    return chartOf(document.querySelector('#trend-experiment canvas')).data.datasets.map((d) => ({ label: d.label, data: d.data }));
  });
  const expected = (metric) => {
    const at = e.periods.map((p) => p.comparisons.find((c) => c.arm === e.arms[1]).metrics.find((m) => m.metric === metric).result);
    return [{ label: e.arms[1], data: at.map((r) => r.relative) }, { label: `${e.arms[1]} low`, data: at.map((r) => r.relative_ci[0]) },
      { label: `${e.arms[1]} high`, data: at.map((r) => r.relative_ci[1]) }];
  };
  assert.equal(await page.inputValue('#trend-experiment-metric'), 'cvr');
  assert.deepEqual(await datasets(), expected('cvr'));
  await page.selectOption('#trend-experiment-metric', 'rpv');
  assert.deepEqual(await datasets(), expected('rpv'));
  assert.match(await page.textContent('#trend-experiment figcaption'), new RegExp(`from the test's start on ${e.start}`));
  assert.equal(await page.locator('#trend-srm').count(), e.periods.some((p) => p.srm.mismatch) ? 1 : 0);
  const csv = await downloadOf(page, page.locator('#trend-experiment button', { hasText: 'CSV' }));
  const [header, first] = csv.bytes.toString().split(/\r?\n/);
  assert.match(header, /^start,end,arm,units,cumulative_units,cvr_relative,cvr_relative_low,cvr_relative_high,/);
  assert.equal(first.split(',').slice(0, 5).join(','), [e.periods[0].start, e.periods[0].end, e.arms[1], e.periods[0].units[1], e.periods[0].cumulative_units[1]].join(','));
  await page.locator('#trend-experiment').screenshot({ path: path.join(screenshots, 'panel-experiment-over-time.png') });
});

test('dimensions: the chosen dimension as a table and a chart', async () => {
  await page.selectOption('#dimension', 'placement');
  const groups = report.dimensions.by.placement.groups;
  const rows = page.locator('#dimensions tbody tr');
  assert.equal(await rows.count(), groups.length);
  for (const [i, g] of groups.entries()) {
    assert.equal(await rows.nth(i).locator('td').first().textContent(), g.key);
    assert.equal(await rows.nth(i).locator('td').nth(2).textContent(), await formatIn(page, 'money', g.revenue, report.summary.currency));
  }
  // Sorting by acceptance puts the highest first.
  await page.locator('#dimensions th button', { hasText: 'Acceptance' }).click();
  const best = [...groups].sort((a, b) => (b.acceptance_rate ?? -1) - (a.acceptance_rate ?? -1))[0];
  assert.equal(await rows.first().locator('td').first().textContent(), best.key);
  await page.selectOption('#measure', 'acceptance_rate');
  const bars = await page.locator('#dimensions canvas').evaluate((canvas) => canvas.getContext('2d') !== null && canvas.width > 0);
  assert.ok(bars);
  await page.locator('#dimensions').screenshot({ path: path.join(screenshots, 'panel-dimensions.png') });
});

test('experiment: arms, deltas with significance, each slice', async () => {
  const e = report.experiment;
  assert.equal(await page.locator('#experiment table').first().locator('tbody tr').count(), e.arms.length);
  await page.selectOption('#experiment-slice', '0');
  const c = e.comparisons[0];
  for (const m of c.metrics.filter((x) => x.result.ok)) {
    const row = page.locator(`#experiment tr[data-metric="${m.metric}"]`);
    assert.equal(Number(await row.locator('[data-value]').getAttribute('data-value')), m.result.relative, m.metric);
    assert.equal((await row.locator('td').nth(7).textContent()) === 'yes', m.significant, m.metric);
  }
  assert.equal(await page.locator('#experiment [data-srm="mismatch"]').count(), c.srm.mismatch ? 1 : 0);
  await page.locator('#experiment').screenshot({ path: path.join(screenshots, 'panel-experiment.png') });
});

test('experiment: says which intervals are in force, always-valid ones wider', async () => {
  assert.equal(await page.locator('#experiment [data-intervals]').getAttribute('data-intervals'), 'fixed');
  const sequential = await engineReport(sampleFiles, { sequential: true, sequential_tuning_n: 2000 });
  const shown = await page.evaluate(async (r) => {
    const { renderExperiment } = await import('/app/panels/experiment.js');
    const root = document.createElement('section');
    document.body.append(root);
    renderExperiment(root, r);
    const note = root.querySelector('[data-intervals]');
    const out = [note.dataset.intervals, note.textContent];
    root.remove();
    return out;
  }, sequential);
  assert.equal(shown[0], 'sequential');
  assert.match(shown[1], /Always-valid 95% intervals and p-values \(sequential testing, tuned for 2,000 units\)/);
  // The report's intervals are the always-valid ones: wider than the fixed-horizon ones.
  const width = (r) => { const ci = r.experiment.comparisons[0].metrics.find((m) => m.metric === 'cvr').result.delta_ci; return ci[1] - ci[0]; };
  assert.ok(width(sequential) > width(report), `${width(sequential)} > ${width(report)}`);
});

test('experiment: the estimates adjusted for the pre-period beside the unadjusted ones, and the balance before the test', async () => {
  // The sample store has no orders before its test: the panel says why nothing is adjusted.
  await page.selectOption('#experiment-slice', '0');
  assert.equal(await page.locator('#experiment [data-cuped]').getAttribute('data-cuped'), report.experiment.cuped.available ? 'on' : 'off');
  // The sample's metrics are left unadjusted (too few units with a pre-period): named together,
  // the reason once.
  const skipped = report.experiment.comparisons[0].metrics.filter((m) => m.cuped && !m.cuped.computed);
  assert.ok(skipped.length > 1, 'the sample store leaves its metrics unadjusted');
  const text = await page.textContent('#experiment [data-cuped-skipped]');
  for (const reason of new Set(skipped.map((m) => m.cuped.reason))) assert.equal(text.split(reason).length - 1, 1, text);
  // A generated store with a planted pre-period (revenue before the test correlated 0.7).
  const dir = mkdtempSync(path.join(tmpdir(), 'basketlift-pre-period-'));
  try {
    execFileSync(path.join(root, 'build/bin/basketlift-generate'), ['--orders', '3000', '--seed', '5', '--clean', '--pre-period-r', '0.7', '--out', dir]);
    const planted = await engineReport(['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'].map((name) => path.join(dir, name)));
    const e = planted.experiment;
    assert.equal(e.cuped.available, true);
    const shown = await page.evaluate(async (r) => {
      const { renderExperiment, showExperimentEvidence } = await import('/app/panels/experiment.js');
      const section = document.createElement('section');
      section.id = 'experiment-pre-period';
      document.body.append(section);
      renderExperiment(section, r);
      const rows = [...section.querySelectorAll('tr[data-cuped-metric]')].map((tr) => ({
        metric: tr.dataset.cupedMetric,
        adjusted: Number(tr.querySelector('[data-value]').dataset.value),
        cells: [...tr.cells].map((td) => td.textContent),
      }));
      const balance = [...section.querySelectorAll('tr[data-balance]')].map((tr) => tr.dataset.balance);
      const warning = section.querySelectorAll('[data-balance="imbalanced"]').length;
      // A balance check's evidence link (the alert pre_period_imbalance) shows its arm's
      // comparison over all units, from any other slice.
      const select = section.querySelector('#experiment-slice');
      select.value = String(select.options.length - 1);
      select.dispatchEvent(new Event('change'));
      const last = r.experiment.pre_period_balance.length - 1;
      showExperimentEvidence(section, `/experiment/pre_period_balance/${last}`);
      const evidence = [select.value, section.querySelectorAll(`[data-pointer="/experiment/pre_period_balance/${last}"]`).length];
      return { rows, balance, warning, evidence };
    }, planted);
    await page.locator('#experiment-pre-period [data-cuped]').screenshot({ path: path.join(screenshots, 'panel-experiment-cuped.png') });
    await page.evaluate(() => document.querySelector('#experiment-pre-period').remove());
    const computed = e.comparisons[0].metrics.filter((m) => m.cuped?.computed);
    assert.ok(computed.some((m) => m.metric === 'rpv'), 'revenue per visitor is adjusted');
    assert.deepEqual(shown.rows.map((r) => r.metric), computed.map((m) => m.metric));
    for (const [i, m] of computed.entries()) {
      assert.equal(shown.rows[i].adjusted, m.cuped.relative, m.metric);
      assert.equal(shown.rows[i].cells[6], await formatIn(page, 'percent', m.cuped.variance_reduction), m.metric);
    }
    assert.deepEqual(shown.balance, e.pre_period_balance.map((b) => b.measure));
    assert.equal(shown.warning, e.pre_period_balance.some((b) => b.imbalanced) ? 1 : 0);
    assert.deepEqual(shown.evidence, ['0', 1]);
    const rpv = computed.find((m) => m.metric === 'rpv');
    assert.ok(rpv.cuped.variance_reduction > 0.2, `variance removed ${rpv.cuped.variance_reduction}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('experiment and offers: interval labels name the report\'s confidence, not a fixed 95%', async () => {
  const at90 = await engineReport(sampleFiles, { confidence: 0.9 });
  const texts = await page.evaluate(async (r) => {
    const panels = await Promise.all([import('/app/panels/experiment.js'), import('/app/panels/offers.js')]);
    return [panels[0].renderExperiment, panels[1].renderOffers].map((render) => {
      const root = document.createElement('section');
      document.body.append(root);
      render(root, r);
      const labels = [...root.querySelectorAll('th, figcaption, caption, h3, p')].map((e) => e.textContent).join(' | ');
      const chartLabels = [...root.querySelectorAll('canvas')].flatMap((c) => globalThis.Chart.getChart(c)?.data.datasets.map((d) => d.label) ?? []);
      root.remove();
      return `${labels} | ${chartLabels.join(' | ')}`;
    });
  }, at90);
  for (const text of texts) {
    assert.match(text, /90% interval/);
    assert.doesNotMatch(text, /95%/);
  }
});

test('offers: verdict badges, every offer, the retire list', async () => {
  const offers = report.offers.offers;
  await page.selectOption('#offer-filter', '');
  const more = page.locator('#offers button.more:not([hidden])');
  if (await more.count()) await more.first().click();
  const shown = await page.locator('#offers tr[data-offer]').evaluateAll((rows) => rows.map((r) => [r.dataset.offer, r.querySelector('[data-verdict]').dataset.verdict]));
  assert.deepEqual(shown, offers.map((o) => [o.rec_id, o.verdict]));
  await page.selectOption('#offer-filter', 'unprofitable');
  assert.equal(await page.locator('#offers tr[data-offer]').count(), offers.filter((o) => o.verdict === 'unprofitable').length);
  const retire = await page.locator('#offers [data-retire]').evaluateAll((rows) => rows.map((r) => r.dataset.retire));
  assert.deepEqual(retire, report.retire.offers.map((o) => o.rec_id));
  await page.locator('#offers').screenshot({ path: path.join(screenshots, 'panel-offers.png') });
  // The table's CSV export holds every offer, with the report's numbers.
  const csv = await downloadOf(page, page.locator('#offers button', { hasText: 'Download as CSV' }).first());
  const lines = csv.bytes.toString().trim().split('\r\n');
  assert.equal(lines.length, offers.length + 1);
  assert.equal(lines[1].split(',')[0], offers[0].rec_id);
  assert.equal(Number(lines[1].split(',')[3]), offers[0].impressions);
});

test('offers: relevance by segment and channel, each cell the report\'s acceptance', async () => {
  const alpha = 1 - report.settings.confidence;
  for (const dimension of ['segment', 'channel']) {
    await page.selectOption('#relevance-dimension', dimension);
    const more = page.locator('#offers .relevance button.more:not([hidden])');
    if (await more.count()) await more.first().click();
    const shown = await page.locator('#offers tr[data-relevance-offer]').evaluateAll((rows) => rows.map((r) => ({
      offer: r.dataset.relevanceOffer,
      differ: r.dataset.differ === 'true',
      cells: [...r.querySelectorAll('[data-group]')].map((c) => [c.dataset.group, Number(c.dataset.acceptance)]),
    })));
    const offers = report.offers.offers.filter((o) => o[`by_${dimension}`].length > 0);
    assert.equal(shown.length, offers.length, dimension);
    assert.ok(shown.length > 0, `the sample has ${dimension}s`);
    for (const row of shown) {
      const offer = offers.find((o) => o.rec_id === row.offer);
      const groups = offer[`by_${dimension}`].map((g) => [g[dimension], g.acceptance_rate]);
      assert.deepEqual([...row.cells].sort(), [...groups].sort(), `${row.offer} by ${dimension}`);
      const adjusted = offer[`${dimension}_test`].adjusted_p;
      assert.equal(row.differ, adjusted !== null && adjusted < alpha);
    }
    // Offers whose groups differ come first.
    const firstSame = shown.findIndex((r) => !r.differ);
    assert.ok(firstSame < 0 || shown.slice(firstSame).every((r) => !r.differ));
  }
  await page.locator('#offers .relevance').screenshot({ path: path.join(screenshots, 'panel-relevance.png') });
});

test('baskets: candidates ranked by expected margin per showing', async () => {
  const candidates = report.basket.candidates.slice(0, 25);
  const shown = await page.locator('#basket tr[data-candidate]').evaluateAll((rows) => rows.map((r) => [r.dataset.candidate, Number(r.querySelector('[data-value]').dataset.value)]));
  assert.deepEqual(shown, candidates.map((c) => [`${c.anchor}>${c.offered}`, c.expected_margin_per_showing]));
  await page.locator('#basket').screenshot({ path: path.join(screenshots, 'panel-basket.png') });
});

test('customer value: adopters against others per window, with the caveat', async () => {
  for (const w of report.ltv.windows) {
    const value = await page.locator(`#ltv tr[data-window="${w.days}"] [data-value]`).getAttribute('data-value');
    assert.equal(Number(value), w.adopters.revenue_per_customer);
  }
  assert.match(await page.textContent('#ltv'), /association, not the effect/);
  await page.locator('#ltv').screenshot({ path: path.join(screenshots, 'panel-ltv.png') });
});

test('simulator: starts at the baseline of the report', async () => {
  const { createEngine } = await import(path.join(root, 'build/web/src/engine.js'));
  const engine = await createEngine();
  const projection = engine.simulate(report, {});
  engine.dispose();
  for (const key of ['orders', 'revenue', 'aov', 'margin', 'profit']) {
    const shown = Number(await page.getAttribute(`#simulator [data-sim="${key}"]`, 'data-value'));
    assert.ok(Math.abs(shown - projection.total.scenario[key]) <= 1e-9 * Math.abs(projection.total.scenario[key]), key);
  }
  await page.locator('#simulator').screenshot({ path: path.join(screenshots, 'panel-simulator.png') });
});

test('exports: the report as JSON equal to the engine\'s, a chart as PNG', async () => {
  const json = await downloadOf(page, page.locator('#export-report'));
  assert.equal(json.name, 'basketlift-report.json');
  const exported = JSON.parse(json.bytes.toString());
  // store_bytes is the engine's memory, which depends on how the bytes arrived.
  delete exported.store_bytes;
  const expected = { ...report };
  delete expected.store_bytes;
  assert.deepEqual(exported, expected);
  const png = await downloadOf(page, page.locator('#ltv figcaption button'));
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  await page.screenshot({ path: path.join(screenshots, 'dashboard-full.png'), fullPage: true });
});

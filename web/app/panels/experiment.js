// Experiment results: arms against control, per slice; deltas with interval bars, significance
// after the multiple-testing correction, the sample-ratio-mismatch warning, and the estimates
// adjusted for the pre-period (panels/cuped.js).
import { chartFigure, intervalChart } from '../charts.js';
import { fill, fmt, h, table, unavailable } from '../dom.js';
import { csvButton } from '../export.js';
import { cupedSection } from './cuped.js';

/** The experiment's metrics: label and how values read. */
export const METRICS = {
  cvr: { label: 'Conversion rate', format: 'percent' },
  aov: { label: 'Average order value', format: 'money' },
  rpv: { label: 'Revenue per visitor', format: 'money' },
  margin_per_session: { label: 'Margin per session', format: 'money' },
  acceptance_rate: { label: 'Offer acceptance', format: 'percent' },
};

function sliceLabel(c) {
  return c.slice_kind === 'all' ? `All units, ${c.arm}` : `${c.slice_kind} = ${c.slice}, ${c.arm}`;
}

/** The experiment panel. */
export function renderExperiment(root, report) {
  const e = report.experiment;
  const title = h('h2', {}, 'Experiment');
  if (!e.available) {
    return fill(root, title, unavailable(e.reason, 'Add a sessions file (or orders) with a variant column: the arm each shopper saw.'));
  }
  const currency = report.summary.currency;
  const level = fmt.confidence(report);
  const formatOf = (metric) => (METRICS[metric]?.format === 'percent' ? fmt.percent : (v) => fmt.money(v, currency));
  const arms = table(`Arms (unit: ${e.unit}; control: ${e.control})`, [
    { label: 'Arm', value: (a) => a.arm },
    { label: 'Units', value: (a) => fmt.count(a.units), sort: (a) => a.units, numeric: true },
    { label: 'Converted', value: (a) => fmt.count(a.converted), sort: (a) => a.converted, numeric: true },
    { label: 'Orders', value: (a) => fmt.count(a.orders), sort: (a) => a.orders, numeric: true },
    { label: 'Revenue', value: (a) => fmt.money(a.revenue, currency), sort: (a) => a.revenue, numeric: true },
    { label: 'Margin', value: (a) => fmt.money(a.margin, currency), sort: (a) => a.margin ?? -Infinity, numeric: true },
    { label: 'Impressions', value: (a) => fmt.count(a.impressions), sort: (a) => a.impressions, numeric: true },
    { label: 'Accepted', value: (a) => fmt.count(a.accepted), sort: (a) => a.accepted, numeric: true },
  ], e.arms, { sortable: false });

  const sliceSelect = h('select', { id: 'experiment-slice', 'aria-label': 'Slice' },
    e.comparisons.map((c, i) => h('option', { value: String(i), dataset: { kind: c.slice_kind, arm: c.arm } }, sliceLabel(c))));
  const body = h('div');
  const { figure, canvas } = chartFigure(`Relative change against control, with ${level} intervals (coloured when significant after correction)`, 'experiment.png');
  const render = () => {
    const index = Number(sliceSelect.value);
    const c = e.comparisons[index];
    const srm = c.srm;
    const warning = srm.mismatch
      ? h('p', { class: 'warning', role: 'alert', dataset: { srm: 'mismatch' } },
          `Sample ratio mismatch: ${srm.units.map(fmt.count).join(' : ')} units where ${srm.expected.map(fmt.decimal).join(' : ')} were expected (${fmt.pText(srm.p_value)}). The split is broken; treat these results with suspicion.`)
      : srm.exposure_differs
        ? h('p', { class: 'warning', dataset: { srm: 'exposure' } }, 'The arms reach this slice in different numbers: the arm changes who gets here, so this slice compares different shoppers.')
        : null;
    const rows = c.metrics.filter((m) => m.result.ok);
    const metricsTable = table(sliceLabel(c), [
      { label: 'Metric', value: (m) => METRICS[m.metric]?.label ?? m.metric },
      { label: 'Family', value: (m) => m.family },
      { label: 'Control', value: (m) => formatOf(m.metric)(m.result.control), numeric: true, sort: (m) => m.result.control },
      { label: c.arm, value: (m) => formatOf(m.metric)(m.result.treatment), numeric: true, sort: (m) => m.result.treatment },
      { label: 'Change', value: (m) => h('span', { dataset: { value: m.result.relative } }, fmt.signedPercent(m.result.relative)), numeric: true, sort: (m) => m.result.relative },
      { label: `${level} interval`, value: (m) => fmt.interval(m.result.relative_ci, fmt.signedPercent) },
      { label: 'Adjusted p', value: (m) => fmt.pValue(m.adjusted_p), numeric: true, sort: (m) => m.adjusted_p },
      { label: 'Significant', value: (m) => (m.significant ? h('span', { class: `badge ${m.result.relative < 0 ? 'bad' : 'good'}` }, 'yes') : 'no'),
        sort: (m) => (m.significant ? 1 : 0) },
      { label: 'Units still needed', value: (m) => (m.significant ? '–' : fmt.count(m.power?.units_still_needed)), numeric: true,
        sort: (m) => (m.significant ? 0 : m.power?.units_still_needed ?? 0) },
    ], rows, { rowProps: (m) => ({ dataset: { pointer: `/experiment/comparisons/${index}/metrics/${c.metrics.indexOf(m)}`, metric: m.metric } }) });
    const failed = c.metrics.filter((m) => !m.result.ok);
    fill(body, warning, metricsTable,
      failed.length ? h('p', { class: 'hint' }, failed.map((m) => `${METRICS[m.metric]?.label ?? m.metric}: ${m.result.reason}`).join(' · ')) : null,
      cupedSection(e, c, { labels: (metric) => METRICS[metric]?.label ?? metric, level, currency, days: e.cuped.pre_period_days }));
    intervalChart(canvas, {
      labels: rows.map((m) => METRICS[m.metric]?.label ?? m.metric),
      intervals: rows.map((m) => m.result.relative_ci),
      estimates: rows.map((m) => m.result.relative),
      significant: rows.map((m) => m.significant),
      level,
      format: fmt.signedPercent,
    });
  };
  sliceSelect.addEventListener('change', render);
  const adjusted = (m) => (m.cuped?.computed ? [m.cuped.delta, m.cuped.delta_ci[0], m.cuped.delta_ci[1], m.cuped.relative, m.cuped.adjusted_p, m.cuped.variance_reduction] : ['', '', '', '', '', '']);
  const csv = csvButton('experiment.csv', ['slice_kind', 'slice', 'arm', 'metric', 'family', 'control', 'treatment', 'delta', 'delta_low', 'delta_high', 'relative', 'relative_low', 'relative_high', 'p_value', 'adjusted_p', 'significant', 'srm_p_value',
    'cuped_delta', 'cuped_delta_low', 'cuped_delta_high', 'cuped_relative', 'cuped_adjusted_p', 'cuped_variance_reduction'],
    () => e.comparisons.flatMap((c) => c.metrics.map((m) => [c.slice_kind, c.slice, c.arm, m.metric, m.family, m.result.control, m.result.treatment, m.result.delta,
      m.result.delta_ci?.[0], m.result.delta_ci?.[1], m.result.relative, m.result.relative_ci?.[0], m.result.relative_ci?.[1], m.result.p_value, m.adjusted_p, m.significant, c.srm.p_value,
      ...adjusted(m)])));
  // Which intervals are in force: always-valid ones may be read every day; fixed-horizon ones
  // once, at the test's planned end.
  const sequential = report.settings.sequential;
  const intervals = h('p', { class: 'hint', 'data-intervals': sequential ? 'sequential' : 'fixed' }, sequential
    ? `Always-valid ${level} intervals and p-values (sequential testing, tuned for ${fmt.count(report.settings.sequential_tuning_n)} units): they stay valid however often the results are looked at.`
    : `Fixed-horizon ${level} intervals: valid when the test is read once, at its planned end. Looking every day and stopping at the first significant result finds effects that are not there; set "sequential": true to read it at any time.`);
  fill(root, title, intervals, arms,
    e.untagged_units ? h('p', { class: 'hint' }, `${fmt.count(e.untagged_units)} units carry no variant and are left out.`) : null,
    h('p', { class: 'controls' }, h('label', { for: 'experiment-slice' }, 'Compare '), sliceSelect),
    figure, body, csv,
    h('p', { class: 'hint' }, `Slices: ${e.slices}. Corrected for ${e.families.primary.tests} primary and ${e.families.guardrail.tests} guardrail tests.`));
  root.dataset.balanceArms = JSON.stringify(e.pre_period_balance.map((b) => b.arm));
  render();
  return root;
}

/** Selects the comparison holding a JSON pointer (for alerts' evidence links). */
export function showExperimentEvidence(root, pointer) {
  const select = root.querySelector('#experiment-slice');
  if (!select) return;
  const match = /^\/experiment\/comparisons\/(\d+)/.exec(pointer);
  // A pre-period balance check is shown with its arm's comparison over all units.
  const balance = /^\/experiment\/pre_period_balance\/(\d+)/.exec(pointer);
  const arm = balance ? JSON.parse(root.dataset.balanceArms ?? '[]')[Number(balance[1])] : null;
  const option = arm ? [...select.options].find((o) => o.dataset.kind === 'all' && o.dataset.arm === arm) : null;
  if (!match && !option) return;
  select.value = match ? match[1] : option.value;
  select.dispatchEvent(new Event('change'));
}

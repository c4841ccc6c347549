// The experiment's metrics adjusted for each customer's pre-period (CUPED) beside the unadjusted
// ones, and the check that the arms were alike before the test (README "Variance reduction").
import { fmt, h, table } from '../dom.js';

const MEASURES = {
  history_share: { label: 'Units with a pre-period', format: fmt.percent },
  pre_orders: { label: 'Orders before the test, per unit', format: fmt.decimal },
  pre_revenue: { label: 'Revenue before the test, per unit', money: true },
  pre_margin: { label: 'Margin before the test, per unit', money: true },
};

// "Not adjusted for the pre-period — Conversion rate, Offer acceptance: reason · ...": metrics
// sharing a reason named together.
function notAdjusted(metrics, labels) {
  const byReason = new Map();
  for (const m of metrics) byReason.set(m.cuped.reason, [...(byReason.get(m.cuped.reason) ?? []), labels(m.metric)]);
  return `Not adjusted for the pre-period — ${[...byReason].map(([reason, names]) => `${names.join(', ')}: ${reason}`).join(' · ')}.`;
}

/**
 * The adjusted estimates of comparison `c` (only the "all" slice carries them) and the
 * pre-period balance; `labels` names metrics, `level` the confidence ("95%").
 */
export function cupedSection(e, c, { labels, level, currency, days }) {
  if (!e.cuped.available) {
    return h('p', { class: 'hint', dataset: { cuped: 'off' } }, `Not adjusted for the pre-period (CUPED): ${e.cuped.reason}.`);
  }
  const adjusted = c.metrics.filter((m) => m.cuped?.computed);
  const skipped = c.metrics.filter((m) => m.cuped && !m.cuped.computed);
  if (!adjusted.length && !skipped.length) {
    return h('p', { class: 'hint', dataset: { cuped: 'slice' } }, 'Adjusted estimates (CUPED) are computed for all units together: choose "All units".');
  }
  const rows = table(`Adjusted for each customer's ${days} days before the test (CUPED)`, [
    { label: 'Metric', value: (m) => labels(m.metric) },
    { label: 'Change', value: (m) => fmt.signedPercent(m.result.relative), numeric: true, sort: (m) => m.result.relative },
    { label: 'Adjusted change', value: (m) => h('span', { dataset: { value: m.cuped.relative } }, fmt.signedPercent(m.cuped.relative)),
      numeric: true, sort: (m) => m.cuped.relative },
    { label: `${level} interval, adjusted`, value: (m) => fmt.interval(m.cuped.relative_ci, fmt.signedPercent) },
    { label: 'Adjusted p', value: (m) => fmt.pValue(m.cuped.adjusted_p), numeric: true, sort: (m) => m.cuped.adjusted_p },
    { label: 'Significant', value: (m) => (m.cuped.significant ? h('span', { class: `badge ${m.cuped.relative < 0 ? 'bad' : 'good'}` }, 'yes') : 'no'),
      sort: (m) => (m.cuped.significant ? 1 : 0) },
    { label: 'Variance removed', value: (m) => fmt.percent(m.cuped.variance_reduction), numeric: true, sort: (m) => m.cuped.variance_reduction },
    { label: 'Units with a pre-period', value: (m) => fmt.percent(m.cuped.covered_share), numeric: true, sort: (m) => m.cuped.covered_share },
  ], adjusted, { sortable: false, rowProps: (m) => ({ dataset: { cupedMetric: m.metric } }) });
  const balance = e.pre_period_balance.filter((b) => b.arm === c.arm);
  const imbalanced = balance.filter((b) => b.imbalanced);
  const valueOf = (b, v) => (MEASURES[b.measure]?.money ? fmt.money(v, currency) : (MEASURES[b.measure]?.format ?? fmt.decimal)(v));
  const balanceTable = table(`Before the test: ${c.arm} against control`, [
    { label: 'Measure', value: (b) => MEASURES[b.measure]?.label ?? b.measure },
    { label: 'Control', value: (b) => valueOf(b, b.control), numeric: true },
    { label: c.arm, value: (b) => valueOf(b, b.treatment), numeric: true },
    { label: 'Adjusted p', value: (b) => fmt.pValue(b.adjusted_p), numeric: true },
  ], balance, { sortable: false, rowProps: (b) => ({ dataset: { balance: b.measure, pointer: `/experiment/pre_period_balance/${e.pre_period_balance.indexOf(b)}` } }) });
  return h('div', { dataset: { cuped: 'on' } },
    adjusted.length ? rows : null,
    skipped.length ? h('p', { class: 'hint', dataset: { cupedSkipped: '' } }, notAdjusted(skipped, labels)) : null,
    imbalanced.length
      ? h('p', { class: 'warning', role: 'alert', dataset: { balance: 'imbalanced' } },
          `The arms already differed before the test (${imbalanced.map((b) => MEASURES[b.measure]?.label.toLowerCase() ?? b.measure).join(', ')}): the split may not be random; read the results with suspicion.`)
      : null,
    balance.length ? balanceTable : null,
    h('p', { class: 'hint' }, 'The adjustment removes the part of each metric that the customer\'s own past predicts; the estimate stays unbiased and its interval narrows by the variance removed.'));
}

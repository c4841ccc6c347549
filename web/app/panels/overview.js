// Alerts (first), data gaps with readiness, and the headline figures.
import { fill, fmt, h, table } from '../dom.js';
import { csvButton } from '../export.js';

const SECTION_OF = { experiment: 'experiment', offers: 'offers', retire: 'offers', data_gaps: 'gaps', basket: 'basket', ltv: 'ltv', trends: 'trends' };

/** Alerts, each linking to the panel holding its evidence. */
export function renderAlerts(root, report, { goTo }) {
  const alerts = report.alerts.alerts;
  if (alerts.length === 0) {
    return fill(root, h('h2', {}, 'Alerts'), h('p', { class: 'ok' }, 'Nothing needs your attention.'));
  }
  fill(root, h('h2', {}, 'Alerts'),
    h('ol', { class: 'alerts' }, alerts.map((alert) => {
      const section = SECTION_OF[alert.evidence.split('/')[1]] ?? 'summary';
      return h('li', { class: `alert ${alert.severity}`, dataset: { evidence: alert.evidence } },
        h('span', { class: `badge ${alert.severity}` }, alert.severity),
        h('strong', {}, alert.title), h('p', {}, alert.detail),
        h('button', { type: 'button', class: 'link', onclick: () => goTo(section, alert.evidence) }, 'See the evidence'));
    })));
}

/** Readiness of each analysis and the data-gap checks. */
export function renderGaps(root, report) {
  const gaps = report.data_gaps;
  const rows = gaps.checks;
  const csv = csvButton('data-gaps.csv', ['id', 'severity', 'title', 'count', 'unit', 'share', 'share_of', 'impact', 'fix'],
    () => rows.map((c) => [c.id, c.severity, c.title, c.count, c.unit, c.share, c.share_of, c.impact, c.fix]));
  fill(root, h('h2', {}, 'Data gaps'),
    h('ul', { class: 'readiness' }, gaps.readiness.map((r) => h('li', { class: `ready ${r.status}`, title: r.reason ?? '' },
      h('span', { class: 'label' }, r.analysis.replaceAll('_', ' ')), ' ', h('span', { class: 'status' }, r.status)))),
    rows.length === 0 ? h('p', { class: 'ok' }, 'No gaps found in the data.') :
    [table('What is missing or wrong, and how to fix it', [
      { label: 'Severity', value: (c) => h('span', { class: `badge ${c.severity}` }, c.severity), sort: (c) => ['info', 'warning', 'critical'].indexOf(c.severity) },
      { label: 'Check', wide: true, value: (c) => h('span', { dataset: { gap: c.id } }, c.title) },
      { label: 'Count', value: (c) => `${fmt.count(c.count)} ${c.unit}`, sort: (c) => c.count, numeric: true },
      { label: 'Share', value: (c) => `${fmt.percent(c.share)} of ${c.share_of}`, sort: (c) => c.share, numeric: true },
      { label: 'Examples', wide: true, value: (c) => c.examples.map((e) => e.row ? `${e.file} row ${e.row}: ${e.value}` : e.value).join('; ') },
      { label: 'Impact and fix', wide: true, value: (c) => [c.impact, h('br'), h('em', {}, c.fix)] },
    ], rows), csv]);
}

/** Headline figures with their intervals. */
export function renderSummary(root, report) {
  const s = report.summary;
  const money = (v) => fmt.money(v, s.currency);
  const kpi = (key, label, value, detail) => h('div', {}, h('dt', {}, label),
    h('dd', { dataset: { kpi: key, value: s[key] ?? '' }, title: s.unavailable?.[key] ?? '' }, value),
    detail ? h('dd', { class: 'detail' }, detail) : null);
  fill(root, h('h2', {}, 'Summary'),
    h('dl', { class: 'kpis' },
      kpi('orders', 'Orders', fmt.count(s.orders)),
      kpi('revenue', 'Revenue', money(s.revenue)),
      kpi('aov', 'Average order value', money(s.aov), fmt.interval(s.aov_ci, money)),
      kpi('margin', 'Contribution margin', money(s.margin), s.margin_revenue_share !== null && s.margin !== null ? `covers ${fmt.percent(s.margin_revenue_share)} of revenue` : s.unavailable?.margin),
      kpi('cvr', 'Conversion rate', fmt.percent(s.cvr), s.cvr === null ? s.unavailable?.cvr : fmt.interval(s.cvr_ci, fmt.percent)),
      kpi('attach_rate', 'Attach rate', fmt.percent(s.attach_rate), s.attach_rate === null ? s.unavailable?.attach_rate : fmt.interval(s.attach_rate_ci, fmt.percent))),
    s.other_currencies.length ? h('p', { class: 'hint' }, s.other_currencies.map((c) =>
      `${fmt.count(c.orders)} orders in ${c.currency} (${fmt.money(c.revenue, c.currency)}) are left out of the money figures.`)) : null);
}


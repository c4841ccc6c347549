// Over time: the store's figures by period on the merchant's calendar (a grain switch re-runs
// the analysis), one line per chosen offer, partial periods dashed; offers whose acceptance
// changed lately; days where tracking seems to have stopped; the experiment over time.
import { chartFigure, COLORS, lineChart } from '../charts.js';
import { fill, fmt, h, table, unavailable } from '../dom.js';
import { csvButton } from '../export.js';
import { renderExperimentTrend } from './experiment_trend.js';

const MEASURES = {
  revenue: { label: 'Revenue', money: true }, orders: { label: 'Orders' }, aov: { label: 'AOV', money: true },
  margin: { label: 'Margin', money: true }, cvr: { label: 'Conversion rate', percent: true },
  acceptance: { label: 'Acceptance (taken per impression)', percent: true, offers: 'acceptance' },
  offer_margin_per_1000: { label: 'Offer margin per 1,000 impressions', money: true, offers: 'offer_margin_per_1000' },
};
const OFFER_COLORS = ['#b35c00', '#1b7f3b', '#6b4fa0', '#a4161a', '#00838f'];

/** A period's label: its first day, or "2024-03" for a month. */
function periodLabel(trends, p) {
  return trends.grain === 'month' ? p.start.slice(0, 7) : p.start;
}

/**
 * The trends panel. `onGrain(grain)` re-runs the analysis with another trend_grain ('auto',
 * 'day', 'week', 'month').
 */
export function renderTrends(root, report, { onGrain } = {}) {
  const t = report.trends;
  const title = h('h2', {}, 'Over time');
  if (!t.available) return fill(root, title, unavailable(t.reason, 'Add orders (or impressions, or sessions) with a timestamp.'));
  const money = (v) => fmt.money(v, report.summary.currency);
  const grain = h('select', { id: 'trend-grain', 'aria-label': 'Period length' },
    [['auto', 'automatic'], ['day', 'day'], ['week', 'week (from Monday)'], ['month', 'month']].map(([v, label]) => h('option', { value: v }, label)));
  grain.value = report.settings.trend_grain;
  grain.addEventListener('change', () => onGrain?.(grain.value));
  const measure = h('select', { id: 'trend-measure', 'aria-label': 'Measure' }, Object.entries(MEASURES).map(([k, m]) => h('option', { value: k }, m.label)));
  const offerSelect = h('select', { id: 'trend-offers', multiple: true, size: 4, 'aria-label': 'Offers to draw' },
    t.offers.map((o) => h('option', { value: o.rec_id }, o.rec_id)));
  const { figure, canvas } = chartFigure('The chosen measure by period (dashed: periods the data covers only partly)', 'trends.png');
  const labels = t.periods.map((p) => periodLabel(t, p));
  const partial = t.periods.map((p) => p.partial);
  const draw = () => {
    const m = MEASURES[measure.value];
    const format = m.money ? money : m.percent ? fmt.percent : fmt.count;
    const lines = [{ label: 'Store', data: t.periods.map((p) => p[measure.value]), color: COLORS.primary }];
    if (m.offers) {
      [...offerSelect.selectedOptions].slice(0, OFFER_COLORS.length).forEach((option, i) => {
        const offer = t.offers.find((o) => o.rec_id === option.value);
        lines.push({ label: offer.rec_id, data: offer[m.offers], color: OFFER_COLORS[i] });
      });
    }
    lineChart(canvas, { labels, lines, partial, format });
  };
  measure.addEventListener('change', draw);
  offerSelect.addEventListener('change', () => {
    if (!MEASURES[measure.value].offers) measure.value = 'acceptance';
    draw();
  });
  const changes = t.changes.offers.filter((c) => c.significant || c.margin?.significant);
  const experiment = renderExperimentTrend(t, report, periodLabel);
  fill(root, title,
    h('p', { class: 'hint', id: 'trend-calendar' },
      `${fmt.count(t.periods.length)} ${t.grain}s from ${t.first_day} to ${t.last_day}, on the calendar of ${t.timezone}` +
      (t.undated.orders + t.undated.impressions + t.undated.sessions > 0
        ? `; without a timestamp: ${fmt.count(t.undated.orders)} orders, ${fmt.count(t.undated.impressions)} impressions, ${fmt.count(t.undated.sessions)} sessions.`
        : '.')),
    h('p', { class: 'controls' }, h('label', { for: 'trend-grain' }, 'Periods '), grain, ' ', h('label', { for: 'trend-measure' }, 'chart '), measure,
      t.offers.length ? [' ', h('label', { for: 'trend-offers' }, 'offers '), offerSelect] : null),
    figure,
    renderChanges(t, changes, money),
    renderTrackingGaps(t),
    experiment?.block,
    table(`Figures by ${t.grain}`, [
      { label: 'Period', value: (p) => [periodLabel(t, p), p.partial ? h('span', { class: 'sub' }, ' partial') : null], sort: (p) => p.start },
      { label: 'Orders', value: (p) => fmt.count(p.orders), sort: (p) => p.orders, numeric: true },
      { label: 'Revenue', value: (p) => money(p.revenue), sort: (p) => p.revenue, numeric: true },
      { label: 'AOV', value: (p) => money(p.aov), sort: (p) => p.aov ?? -Infinity, numeric: true },
      { label: 'Margin', value: (p) => money(p.margin), sort: (p) => p.margin, numeric: true },
      { label: 'CVR', value: (p) => fmt.percent(p.cvr), sort: (p) => p.cvr ?? -1, numeric: true },
      { label: 'Impressions', value: (p) => fmt.count(p.impressions), sort: (p) => p.impressions, numeric: true },
      { label: 'Acceptance', value: (p) => fmt.percent(p.acceptance), sort: (p) => p.acceptance ?? -1, numeric: true },
      { label: 'Revenue vs previous', value: (p) => fmt.signedPercent(p.change?.revenue), sort: (p) => p.change?.revenue ?? -Infinity, numeric: true },
    ], t.periods, { rowProps: (p) => ({ dataset: { period: p.start } }) }),
    csvButton('trends.csv', ['start', 'end', 'partial', 'orders', 'revenue', 'aov', 'margin', 'sessions', 'cvr', 'impressions', 'accepted', 'acceptance', 'offer_margin_per_1000'],
      () => t.periods.map((p) => [p.start, p.end, p.partial, p.orders, p.revenue, p.aov, p.margin, p.sessions, p.cvr, p.impressions, p.accepted, p.acceptance, p.offer_margin_per_1000])));
  draw();
  experiment?.draw();
  return root;
}

function renderChanges(t, changes, money) {
  const caption = `Offers whose acceptance or margin per impression changed: the last ${t.changes.window_days} days against the ${t.changes.window_days} before`;
  if (changes.length === 0) {
    return h('p', { class: 'ok', id: 'trend-changes' }, `No offer's acceptance or margin per impression changed significantly (${t.changes.offers.length} offers tested: the last ${t.changes.window_days} days against the ${t.changes.window_days} before).`);
  }
  const flagged = (significant, text) => (significant ? h('strong', {}, text) : text);
  return table(caption, [
    { label: 'Offer', value: (c) => c.rec_id },
    { label: 'Acceptance before', value: (c) => fmt.percent(c.before.acceptance), sort: (c) => c.before.acceptance, numeric: true },
    { label: 'lately', value: (c) => flagged(c.significant, fmt.percent(c.after.acceptance)), sort: (c) => c.after.acceptance, numeric: true },
    { label: 'Margin per 1,000 before', value: (c) => money(c.margin?.before_per_1000), sort: (c) => c.margin?.before_per_1000 ?? -Infinity, numeric: true },
    { label: 'lately', value: (c) => flagged(c.margin?.significant, money(c.margin?.after_per_1000)), sort: (c) => c.margin?.after_per_1000 ?? -Infinity, numeric: true },
    { label: 'Since about', value: (c) => c.changed_on ?? '–' },
    { label: 'Adjusted p', value: (c) => fmt.pValue(Math.min(c.p_adjusted ?? 1, c.margin?.p_adjusted ?? 1)), sort: (c) => Math.min(c.p_adjusted ?? 1, c.margin?.p_adjusted ?? 1), numeric: true },
  ], changes, { rowProps: (c) => ({ dataset: { pointer: `/trends/changes/offers/${t.changes.offers.indexOf(c)}`, change: c.rec_id } }) });
}

function renderTrackingGaps(t) {
  if (t.tracking_gaps.length === 0) return null;
  return h('div', { class: 'warning', id: 'tracking-gaps' },
    h('p', {}, 'Tracking may have stopped on these days:'),
    h('ul', {}, t.tracking_gaps.map((g) => h('li', { dataset: { gap: g.start } }, `${g.start === g.end ? g.start : `${g.start} to ${g.end}`}: ${g.reason}`))));
}

/** A sparkline (inline SVG) of an offer's acceptance by period, or null when it has none. */
export function acceptanceSparkline(report, recId) {
  const offer = report.trends?.available ? report.trends.offers.find((o) => o.rec_id === recId) : null;
  const values = offer?.acceptance ?? [];
  const known = values.filter((v) => v !== null);
  if (known.length < 2) return null;
  const width = 72, height = 18, top = Math.max(...known), low = Math.min(...known);
  const x = (i) => (values.length === 1 ? 0 : (i * width) / (values.length - 1));
  const y = (v) => height - 1 - (top === low ? height / 2 : ((v - low) / (top - low)) * (height - 2));
  const points = values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter(Boolean).join(' ');
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Acceptance by ${report.trends.grain}: ${fmt.percent(known[0])} to ${fmt.percent(known.at(-1))}`);
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute('points', points);
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', COLORS.primary);
  line.setAttribute('stroke-width', '1.5');
  svg.append(line);
  return svg;
}

// Offers: each offer's acceptance and margin per impression with a verdict badge, the chart of
// margin per 1,000 impressions with intervals, relevance by segment and channel, and the retire
// list.
import { chartFigure, intervalChart } from '../charts.js';
import { fill, fmt, h, table, unavailable } from '../dom.js';
import { csvButton } from '../export.js';
import { renderRelevance } from './relevance.js';
import { acceptanceSparkline } from './trends.js';

const VERDICT_CLASS = { profitable: 'good', unprofitable: 'bad', inconclusive: 'neutral' };

/** A verdict badge. */
function badge(verdict) {
  return h('span', { class: `badge ${VERDICT_CLASS[verdict] ?? 'neutral'}`, dataset: { verdict } }, verdict);
}

/** The offers panel and the retire list. */
export function renderOffers(root, report) {
  const o = report.offers;
  const title = h('h2', {}, 'Offers');
  if (!o.available) {
    return fill(root, title, unavailable(o.reason, 'Add an offers file (one row per impression), or orders whose lines carry a rec_id.'));
  }
  const currency = report.summary.currency;
  const money = (v) => fmt.money(v, currency);
  const offers = o.offers;
  const counts = Object.fromEntries(['profitable', 'unprofitable', 'inconclusive'].map((v) => [v, offers.filter((x) => x.verdict === v).length]));
  const filter = h('select', { id: 'offer-filter', 'aria-label': 'Show offers' },
    h('option', { value: '' }, `all ${offers.length} offers`),
    Object.entries(counts).map(([v, n]) => h('option', { value: v }, `${n} ${v}`)));
  const body = h('div');
  const level = fmt.confidence(report);
  const { figure, canvas } = chartFigure(`Margin per 1,000 impressions with ${level} intervals (the 20 most shown offers)`, 'offers.png');
  // The sentence a merchant acts on sits under the offer's name, so it is on screen at 1366 px.
  const columns = [
    { label: 'Offer', wide: true, sort: (x) => x.rec_id, value: (x) => [
      h('strong', {}, x.rec_id),
      h('span', { class: 'sub' }, ` ${x.type?.replace('_', '-') ?? 'untracked'}${x.placement ? ` at ${x.placement}` : ''}`),
      h('div', { class: 'offer-why' }, x.reason, x.retire ? h('strong', { class: 'retire-mark' }, ' · retire') : null,
        x.note ? h('span', { class: 'offer-note', dataset: { note: x.rec_id } }, ` · ${x.note}`) : null)] },
    { label: 'Impressions', value: (x) => fmt.count(x.impressions), sort: (x) => x.impressions, numeric: true },
    { label: 'Taken per impression', sort: (x) => x.acceptance_rate ?? -1, numeric: true,
      value: (x) => [fmt.percent(x.acceptance_rate), h('div', { class: 'sub' }, fmt.interval(x.acceptance_ci, fmt.percent)),
        acceptanceSparkline(report, x.rec_id)] },
    { label: 'Revenue', value: (x) => money(x.revenue), sort: (x) => x.revenue, numeric: true },
    { label: 'Margin', value: (x) => money(x.margin), sort: (x) => x.margin ?? -Infinity, numeric: true },
    { label: 'Margin / 1,000 impr.', value: (x) => h('span', { dataset: { value: x.margin_per_1000_impressions ?? '' } }, money(x.margin_per_1000_impressions)),
      sort: (x) => x.margin_per_1000_impressions ?? -Infinity, numeric: true },
    { label: 'Verdict', value: (x) => badge(x.verdict), sort: (x) => x.verdict },
  ];
  const render = () => {
    const shown = filter.value ? offers.filter((x) => x.verdict === filter.value) : offers;
    fill(body, table(`Offers (${o.rules.verdict}; taken per impression with its ${level} interval)`, columns, shown,
      { rowProps: (x) => ({ dataset: { pointer: `/offers/offers/${offers.indexOf(x)}`, offer: x.rec_id } }) }));
  };
  filter.addEventListener('change', render);
  const top = [...offers].filter((x) => x.margin_per_impression_ci?.[0] !== null && x.margin_per_1000_impressions !== null)
    .sort((a, b) => b.impressions - a.impressions).slice(0, 20);
  fill(root, title,
    h('p', { class: 'verdicts' }, Object.entries(counts).map(([v, n]) => [badge(v), ` ${fmt.count(n)} `])),
    o.costs_known ? null : h('p', { class: 'warning' }, 'Product costs are missing: verdicts use revenue, not margin. Add unit_cost or margin_pct to the products file.'),
    figure,
    h('p', { class: 'controls' }, h('label', { for: 'offer-filter' }, 'Show '), filter),
    body,
    csvButton('offers.csv', ['rec_id', 'type', 'placement', 'impressions', 'accepted', 'acceptance_rate', 'acceptance_low', 'acceptance_high', 'orders', 'revenue', 'margin', 'margin_per_1000_impressions', 'verdict', 'reason', 'retire'],
      () => offers.map((x) => [x.rec_id, x.type, x.placement, x.impressions, x.accepted, x.acceptance_rate, x.acceptance_ci?.[0], x.acceptance_ci?.[1], x.orders, x.revenue, x.margin, x.margin_per_1000_impressions, x.verdict, x.reason, x.retire])),
    h('p', { class: 'hint' }, `Offer value: ${o.rules.offer_value}. Taken (acceptance): ${o.rules.acceptance}.`),
    renderRelevance(report, money),
    renderRetire(report.retire, money));
  render();
  intervalChart(canvas, {
    labels: top.map((x) => x.rec_id),
    intervals: top.map((x) => x.margin_per_impression_ci.map((v) => v * 1000)),
    estimates: top.map((x) => x.margin_per_1000_impressions),
    significant: top.map((x) => x.verdict !== 'inconclusive'),
    level,
    format: money,
  });
  return root;
}

function renderRetire(retire, money) {
  const section = h('section', { class: 'retire', dataset: { pointer: '/retire' }, 'aria-labelledby': 'retire-title' }, h('h3', { id: 'retire-title' }, 'Retire list'));
  if (!retire.available) return fill(section, section.firstChild, h('p', {}, retire.reason));
  if (retire.offers.length === 0) return fill(section, section.firstChild, h('p', { class: 'ok' }, 'No offer needs retiring.'), h('p', { class: 'hint' }, `Rule: ${retire.rule}.`));
  section.append(h('p', { class: 'hint' }, `Rule: ${retire.rule}.`),
    table('Offers to switch off', [
      { label: 'Offer', value: (x) => x.rec_id },
      { label: 'Why', wide: true, value: (x) => x.reason },
      { label: 'Impressions', value: (x) => fmt.count(x.impressions), sort: (x) => x.impressions, numeric: true },
      { label: 'Acceptance', value: (x) => fmt.percent(x.acceptance_rate), sort: (x) => x.acceptance_rate, numeric: true },
      { label: 'Margin', value: (x) => money(x.margin), sort: (x) => x.margin ?? -Infinity, numeric: true },
      { label: 'Given up / 1,000 impr.', value: (x) => money(x.gives_up.margin_per_1000_impressions), sort: (x) => x.gives_up.margin_per_1000_impressions ?? -Infinity, numeric: true },
      { label: 'Given up / month', value: (x) => money(x.gives_up.margin_per_month), sort: (x) => x.gives_up.margin_per_month ?? -Infinity, numeric: true },
    ], retire.offers, { rowProps: (x) => ({ dataset: { retire: x.rec_id } }) }),
    csvButton('retire.csv', ['rec_id', 'rule', 'reason', 'impressions', 'acceptance_rate', 'acceptance_upper', 'margin', 'gives_up_margin_per_1000_impressions', 'gives_up_margin_per_month'],
      () => retire.offers.map((x) => [x.rec_id, x.rule, x.reason, x.impressions, x.acceptance_rate, x.acceptance_upper, x.margin, x.gives_up.margin_per_1000_impressions, x.gives_up.margin_per_month])),
    h('p', { class: 'hint' }, 'Given up: the margin the offer brought, per 1,000 impressions and per month at the traffic it had; a negative figure is what removing it saves.'));
  return section;
}

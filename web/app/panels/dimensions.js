// Performance by dimension: a chosen dimension as a sortable table and a bar chart.
import { barChart, chartFigure } from '../charts.js';
import { fill, fmt, h, table, unavailable } from '../dom.js';
import { csvButton } from '../export.js';

const LABELS = { offer: 'Offer', type: 'Offer type', placement: 'Placement', type_placement: 'Type × placement', channel: 'Channel', variant: 'Experiment arm',
                 segment: 'Segment', product: 'Product', category: 'Category', category_path: 'Category path' };
const MEASURES = {
  revenue: { label: 'Revenue', money: true }, margin: { label: 'Margin', money: true }, orders: { label: 'Orders' },
  acceptance_rate: { label: 'Acceptance rate', percent: true }, margin_per_1000_impressions: { label: 'Margin per 1,000 impressions', money: true },
  offer_revenue: { label: 'Offer revenue', money: true },
};

export function renderDimensions(root, report) {
  const dimensions = report.dimensions;
  if (!dimensions.available) return fill(root, h('h2', {}, 'Performance by dimension'), unavailable(dimensions.reason, 'Add an orders file.'));
  const currency = report.summary.currency;
  const money = (v) => fmt.money(v, currency);
  const dimensionSelect = h('select', { id: 'dimension', 'aria-label': 'Dimension' }, Object.keys(dimensions.by).map((d) => h('option', { value: d }, LABELS[d] ?? d)));
  dimensionSelect.value = report.offers.available ? 'placement' : 'category';
  const measureSelect = h('select', { id: 'measure', 'aria-label': 'Measure for the chart' }, Object.entries(MEASURES).map(([k, m]) => h('option', { value: k }, m.label)));
  const body = h('div');
  const { figure, canvas } = chartFigure('Chosen measure by group', 'dimension.png');
  const render = () => {
    const d = dimensions.by[dimensionSelect.value];
    const measure = MEASURES[measureSelect.value];
    const format = measure.money ? money : measure.percent ? fmt.percent : fmt.count;
    const groups = d.groups;
    const columns = [
      { label: LABELS[dimensionSelect.value], value: (g) => (g.name ? [g.key, ' ', h('span', { class: 'name' }, g.name)] : g.key), sort: (g) => g.key },
      { label: 'Orders', value: (g) => fmt.count(g.orders), sort: (g) => g.orders, numeric: true },
      { label: 'Revenue', value: (g) => money(g.revenue), sort: (g) => g.revenue, numeric: true },
      { label: 'AOV', value: (g) => money(g.aov), sort: (g) => g.aov ?? -Infinity, numeric: true },
      { label: 'Margin', value: (g) => money(g.margin), sort: (g) => g.margin, numeric: true },
      { label: 'Attach rate', value: (g) => fmt.percent(g.attach_rate), sort: (g) => g.attach_rate ?? -1, numeric: true },
      { label: 'Impressions', value: (g) => fmt.count(g.impressions), sort: (g) => g.impressions, numeric: true },
      { label: 'Acceptance', value: (g) => fmt.percent(g.acceptance_rate), sort: (g) => g.acceptance_rate ?? -1, numeric: true },
      { label: 'Offer revenue', value: (g) => money(g.offer_revenue), sort: (g) => g.offer_revenue, numeric: true },
      { label: 'Margin / 1,000 impr.', value: (g) => money(g.margin_per_1000_impressions), sort: (g) => g.margin_per_1000_impressions ?? -Infinity, numeric: true },
    ];
    const csv = csvButton(`${dimensionSelect.value}.csv`, ['group', 'name', 'orders', 'revenue', 'aov', 'margin', 'attach_rate', 'impressions', 'accepted', 'acceptance_rate', 'offer_revenue', 'offer_margin', 'margin_per_1000_impressions'],
      () => [...groups, d.total].map((g) => [g.key, g.name, g.orders, g.revenue, g.aov, g.margin, g.attach_rate, g.impressions, g.accepted, g.acceptance_rate, g.offer_revenue, g.offer_margin, g.margin_per_1000_impressions]));
    fill(body, table(`${LABELS[dimensionSelect.value]} (${fmt.count(d.group_count)} groups; total: ${money(d.total.revenue)} revenue)`, columns, groups),
      csv);
    const top = [...groups].filter((g) => g[measureSelect.value] !== null).slice(0, 20);
    barChart(canvas, { labels: top.map((g) => (g.name ? `${g.key} ${g.name}`.slice(0, 40) : g.key)), datasets: [{ label: measure.label, data: top.map((g) => g[measureSelect.value]) }], horizontal: true, format });
  };
  dimensionSelect.addEventListener('change', render);
  measureSelect.addEventListener('change', render);
  fill(root, h('h2', {}, 'Performance by dimension'),
    h('p', { class: 'controls' }, h('label', { for: 'dimension' }, 'Group by '), dimensionSelect, ' ', h('label', { for: 'measure' }, 'chart '), measureSelect),
    figure, body);
  render();
}

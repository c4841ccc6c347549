// Customer value: customers who took an offer against those who did not, per window, with the
// caveat that this is association, not effect.
import { barChart, chartFigure, COLORS } from '../charts.js';
import { fill, fmt, h, table, unavailable } from '../dom.js';
import { csvButton } from '../export.js';

/** The LTV panel. */
export function renderLtv(root, report) {
  const l = report.ltv;
  const title = h('h2', {}, 'Customer value after taking an offer');
  if (!l.available) return fill(root, title, unavailable(l.reason, 'Add orders with customer_id and timestamp, spanning at least a few weeks.'));
  const money = (v) => fmt.money(v, report.summary.currency);
  const { figure, canvas } = chartFigure('Revenue per customer within each window', 'ltv.png');
  // No window the data covers: a sentence instead of an empty chart.
  const covered = l.windows.some((w) => w.adopters.revenue_per_customer !== null || w.non_adopters.revenue_per_customer !== null);
  const chart = covered ? figure : h('p', { class: 'hint', id: 'ltv-no-chart' }, 'No window is covered by the data yet: the chart appears once customers have been followed for the shortest window.');
  const difference = (d, format) => (d.ok ? `${format(d.delta)} (${fmt.interval(d.delta_ci, format)}; ${fmt.pText(d.p_value)})` : d.reason);
  fill(root, title,
    h('p', { class: 'warning' }, l.caveat),
    h('p', {}, `${fmt.count(l.customers)} customers, ${fmt.count(l.adopters)} of whom ${l.adopter_rule}.`),
    chart,
    table('Repeat purchase and revenue per customer', [
      { label: 'Window', value: (w) => `${w.days} days` },
      { label: 'Adopters', value: (w) => fmt.count(w.adopters.customers), numeric: true },
      { label: 'Repeat rate (adopters)', value: (w) => fmt.percent(w.adopters.repeat_rate), numeric: true },
      { label: 'Repeat rate (others)', value: (w) => fmt.percent(w.non_adopters.repeat_rate), numeric: true },
      { label: 'Difference', value: (w) => difference(w.repeat_rate_difference, fmt.points) },
      { label: 'Revenue / customer (adopters)', value: (w) => h('span', { dataset: { value: w.adopters.revenue_per_customer ?? '' } }, money(w.adopters.revenue_per_customer)), numeric: true },
      { label: 'Revenue / customer (others)', value: (w) => money(w.non_adopters.revenue_per_customer), numeric: true },
      { label: 'Difference', value: (w) => difference(w.revenue_difference, (v) => `${v > 0 ? '+' : ''}${money(v)}`) },
    ], l.windows, { sortable: false, rowProps: (w) => ({ dataset: { window: w.days } }) }),
    csvButton('ltv.csv', ['days', 'adopters', 'adopters_repeat_rate', 'others', 'others_repeat_rate', 'adopters_revenue_per_customer', 'others_revenue_per_customer', 'revenue_delta', 'revenue_p_value'],
      () => l.windows.map((w) => [w.days, w.adopters.customers, w.adopters.repeat_rate, w.non_adopters.customers, w.non_adopters.repeat_rate,
        w.adopters.revenue_per_customer, w.non_adopters.revenue_per_customer, w.revenue_difference.delta, w.revenue_difference.p_value])));
  if (covered) barChart(canvas, {
    labels: l.windows.map((w) => `${w.days} days`),
    datasets: [
      { label: 'Took an offer', data: l.windows.map((w) => w.adopters.revenue_per_customer), color: COLORS.primary },
      { label: 'Did not', data: l.windows.map((w) => w.non_adopters.revenue_per_customer), color: COLORS.secondary },
    ],
    format: money,
  });
  return root;
}

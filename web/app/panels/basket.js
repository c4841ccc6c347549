// Basket opportunities: cross-sell candidates ranked by expected margin per showing, the pairs
// behind them, and whether today's offers pair products that shoppers buy together anyway.
import { barChart, chartFigure } from '../charts.js';
import { fill, fmt, h, table, unavailable } from '../dom.js';
import { csvButton } from '../export.js';

const PAIR_HEADER = ['a', 'b', 'count', 'support', 'confidence_a_to_b', 'confidence_b_to_a', 'lift', 'leverage', 'conviction_a_to_b', 'conviction_b_to_a'];
const pairRow = (p) => [p.a, p.b, p.count, p.support, p.a_to_b.confidence, p.b_to_a.confidence, p.lift, p.leverage, p.a_to_b.conviction, p.b_to_a.conviction];

/** A product as the catalogue names it, with its id beside the name. */
const named = (id, name) => (name ? [name, h('span', { class: 'sub' }, ` ${id}`)] : id);

function pairTable(caption, pairs) {
  return table(caption, [
    { label: 'A', value: (p) => named(p.a, p.a_name), sort: (p) => p.a_name ?? p.a },
    { label: 'B', value: (p) => named(p.b, p.b_name), sort: (p) => p.b_name ?? p.b },
    { label: 'Baskets with both', value: (p) => fmt.count(p.count), sort: (p) => p.count, numeric: true },
    { label: 'Support', value: (p) => fmt.percent(p.support), sort: (p) => p.support, numeric: true },
    { label: 'A → B', value: (p) => fmt.percent(p.a_to_b.confidence), sort: (p) => p.a_to_b.confidence, numeric: true },
    { label: 'B → A', value: (p) => fmt.percent(p.b_to_a.confidence), sort: (p) => p.b_to_a.confidence, numeric: true },
    { label: 'Lift', value: (p) => fmt.decimal(p.lift), sort: (p) => p.lift, numeric: true },
  ], pairs);
}

/** The basket panel. */
export function renderBasket(root, report) {
  const b = report.basket;
  const title = h('h2', {}, 'Basket opportunities');
  if (!b.available) return fill(root, title, unavailable(b.reason, 'Add an orders file with one line per product bought.'));
  const money = (v) => fmt.money(v, report.summary.currency);
  const candidates = b.candidates;
  const { figure, canvas } = chartFigure('Best new cross-sells: expected margin per showing', 'basket.png');
  fill(root, title,
    h('p', {}, `${fmt.count(b.baskets_used)} baskets, ${fmt.count(b.distinct_products)} products (${fmt.count(b.frequent_products)} in at least ${fmt.count(b.min_count)} baskets).`,
      b.large_baskets_left_out ? ` ${fmt.count(b.large_baskets_left_out)} ${b.large_basket_rule}.` : ''),
    h('h3', {}, 'Cross-sell candidates'),
    candidates.length === 0 ? h('p', {}, 'No pair is bought together often enough to suggest an offer.') : [
      figure,
      table(`Ranked by ${b.ranking}`, [
        { label: 'When the basket has', value: (c) => named(c.anchor, c.anchor_name) },
        { label: 'Offer', value: (c) => named(c.offered, c.offered_name) },
        { label: 'Confidence', value: (c) => fmt.percent(c.confidence), sort: (c) => c.confidence, numeric: true },
        { label: 'Lift', value: (c) => fmt.decimal(c.lift), sort: (c) => c.lift, numeric: true },
        { label: 'Unit margin', value: (c) => money(c.unit_margin), sort: (c) => c.unit_margin ?? -Infinity, numeric: true },
        { label: 'Margin per showing', value: (c) => h('span', { dataset: { value: c.expected_margin_per_showing ?? '' } }, money(c.expected_margin_per_showing)),
          sort: (c) => c.expected_margin_per_showing ?? -Infinity, numeric: true },
        { label: 'Already offered', value: (c) => (c.already_offered ? `yes (${c.offered_by.join(', ')})` : c.in_shop_settings ? 'set up in the shop' : 'no') },
      ], candidates, { rowProps: (c) => ({ dataset: { candidate: `${c.anchor}>${c.offered}` } }) }),
      csvButton('cross-sell-candidates.csv', ['anchor', 'offered', 'confidence', 'lift', 'support', 'count', 'unit_margin', 'expected_margin_per_showing', 'already_offered'],
        () => candidates.map((c) => [c.anchor, c.offered, c.confidence, c.lift, c.support, c.count, c.unit_margin, c.expected_margin_per_showing, c.already_offered])),
    ],
    b.offer_checks.length ? [
      h('h3', {}, 'Do today\'s offers pair what shoppers buy together?'),
      table('Organic baskets (without the offer) of each offer\'s products', [
        { label: 'Offer', value: (c) => c.rec_id },
        { label: 'Anchor', value: (c) => c.anchor ?? '–' },
        { label: 'Offered', value: (c) => c.offered },
        { label: 'Together', value: (c) => fmt.count(c.organic_count), sort: (c) => c.organic_count, numeric: true },
        { label: 'Lift', value: (c) => fmt.decimal(c.organic_lift), sort: (c) => c.organic_lift ?? -1, numeric: true },
        { label: 'Verdict', value: (c) => c.verdict.replaceAll('_', ' ') },
        { label: 'Why', wide: true, value: (c) => c.reason },
      ], b.offer_checks),
    ] : null,
    h('h3', {}, 'Products bought together'),
    pairTable('Product pairs', b.product_pairs),
    csvButton('product-pairs.csv', PAIR_HEADER, () => b.product_pairs.map(pairRow)),
    b.category_pairs.length ? [pairTable('Category pairs', b.category_pairs), csvButton('category-pairs.csv', PAIR_HEADER, () => b.category_pairs.map(pairRow))] : null,
    b.lift_differences.length ? [
      h('h3', {}, 'Pairs that differ by segment or channel'),
      table('Lift by group', [
        { label: 'Pair', value: (d) => `${d.a} + ${d.b}` },
        { label: 'By', value: (d) => d.dimension },
        { label: 'Lifts', value: (d) => Object.entries(d.lifts).map(([g, l]) => `${g}: ${fmt.decimal(l)}`).join(', ') },
        { label: 'Spread', value: (d) => fmt.decimal(d.spread), sort: (d) => d.spread, numeric: true },
      ], b.lift_differences),
    ] : null);
  if (candidates.length) {
    const top = candidates.slice(0, 15);
    barChart(canvas, { labels: top.map((c) => `${c.anchor_name ?? c.anchor} → ${c.offered_name ?? c.offered}`), datasets: [{ label: 'Margin per showing', data: top.map((c) => c.expected_margin_per_showing) }], horizontal: true, format: money });
  }
  return root;
}

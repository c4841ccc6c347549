// Relevance by segment and channel: an offer × group heat table of acceptance (share of
// impressions taken), each cell shaded by how it compares with the offer's best group, with the
// test of whether the groups differ.
import { fill, fmt, h, table } from '../dom.js';
import { csvButton } from '../export.js';

const DIMENSIONS = { segment: 'segment', channel: 'channel' };

/** Groups (segments or channels) named by any offer, most impressions first. */
function groupNames(offers, dimension) {
  const totals = new Map();
  for (const offer of offers) {
    for (const g of offer[`by_${dimension}`] ?? []) totals.set(g[dimension], (totals.get(g[dimension]) ?? 0) + g.impressions);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

/** One cell: the group's acceptance, shaded by its share of the row's best group. */
function cell(offer, dimension, name, level, money) {
  const g = offer[`by_${dimension}`].find((x) => x[dimension] === name);
  if (!g) return h('span', { class: 'heat none' }, '–');
  const best = Math.max(...offer[`by_${dimension}`].map((x) => x.acceptance_rate));
  const share = best > 0 ? g.acceptance_rate / best : 1;
  const title = `${name}: ${fmt.count(g.impressions)} impressions in ${fmt.count(g.sessions)} sessions, ` +
    `${fmt.percent(g.acceptance_rate)} taken (${level} interval ${fmt.interval(g.acceptance_ci, fmt.percent)}), ` +
    `margin ${money(g.margin_per_1000_impressions)} per 1,000 impressions` +
    (g.conversion_rate === null ? '' : `, ${fmt.percent(g.conversion_rate)} of these sessions bought`);
  // Five shades (classes, as the page's CSP allows no inline styles): l0 as often as the best.
  const shade = Math.min(5, Math.round((1 - share) * 5));
  return h('span', { class: `heat l${shade}`, title, dataset: { group: name, acceptance: g.acceptance_rate } },
    fmt.percent(g.acceptance_rate));
}

/** The relevance section of the offers panel. */
export function renderRelevance(report, money) {
  const offers = report.offers.offers.filter((o) => (o.by_segment?.length ?? 0) + (o.by_channel?.length ?? 0) > 0);
  const section = h('section', { class: 'relevance', 'aria-labelledby': 'relevance-title' },
    h('h3', { id: 'relevance-title' }, 'Relevance by segment and channel'));
  if (offers.length === 0) {
    section.append(h('p', { class: 'hint' }, 'Add a segment or channel column to the sessions or orders file to see which shoppers take each offer.'));
    return section;
  }
  const alpha = 1 - report.settings.confidence;
  const level = fmt.confidence(report);
  const available = Object.keys(DIMENSIONS).filter((d) => groupNames(offers, d).length > 1);
  if (available.length === 0) {
    section.append(h('p', { class: 'hint' }, 'Every shopper is in one segment and one channel: there is nothing to compare.'));
    return section;
  }
  const choose = h('select', { id: 'relevance-dimension', 'aria-label': 'Compare by' },
    available.map((d) => h('option', { value: d }, `by ${d}`)));
  const body = h('div');
  const render = () => {
    const dimension = choose.value;
    const names = groupNames(offers, dimension);
    const test = (o) => o[`${dimension}_test`];
    const differ = (o) => test(o).adjusted_p !== null && test(o).adjusted_p < alpha;
    // Offers whose groups differ first, then the most shown.
    const rows = offers.filter((o) => o[`by_${dimension}`].length > 0)
      .sort((a, b) => differ(b) - differ(a) || b.impressions - a.impressions);
    const columns = [
      { label: 'Offer', value: (o) => o.rec_id },
      ...names.map((name) => ({ label: name, value: (o) => cell(o, dimension, name, level, money), sort: (o) => o[`by_${dimension}`].find((x) => x[dimension] === name)?.acceptance_rate ?? -1, numeric: true })),
      { label: 'Groups differ?', value: (o) => (differ(o) ? h('strong', { class: 'differ' }, `yes (adjusted ${fmt.pText(test(o).adjusted_p)})`) : `no (adjusted ${fmt.pText(test(o).adjusted_p) || 'p: n/a'})`),
        sort: (o) => -(test(o).adjusted_p ?? 2) },
      { label: 'Conversion link', value: (o) => test(o).conversion_link },
    ];
    fill(body, table(`Share of impressions taken, by ${dimension}: darker cells take it less often than the offer's best ${dimension}`, columns, rows,
      { rowProps: (o) => ({ dataset: { relevanceOffer: o.rec_id, differ: differ(o) } }) }),
    csvButton(`offers-by-${dimension}.csv`, ['rec_id', dimension, 'sessions', 'impressions', 'accepted', 'acceptance_rate', 'acceptance_low', 'acceptance_high', 'margin_per_1000_impressions', 'conversion_rate', 'groups_differ_adjusted_p'],
      () => rows.flatMap((o) => o[`by_${dimension}`].map((g) => [o.rec_id, g[dimension], g.sessions, g.impressions, g.accepted, g.acceptance_rate, g.acceptance_ci[0], g.acceptance_ci[1], g.margin_per_1000_impressions, g.conversion_rate, test(o).adjusted_p]))));
  };
  choose.addEventListener('change', render);
  section.append(
    h('p', { class: 'controls' }, h('label', { for: 'relevance-dimension' }, 'Compare '), choose),
    body,
    h('p', { class: 'hint' }, `Measured on the sessions each offer was shown in (${level} intervals in each cell's tooltip). ` +
      `“Groups differ” tests whether the groups take it equally often, adjusted across offers. Conversion link: “experiment” when the experiment isolates the offer, else “association”.`));
  render();
  return section;
}

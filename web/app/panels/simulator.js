// The what-if simulator: sliders per offer group (acceptance, price, margin, conversion impact,
// traffic) and for volume; projected orders, revenue, AOV, margin and profit update live, with
// the break-even acceptance marked and a tornado of what moves profit most.
import { barChart, bySign, chartFigure, COLORS, updateData } from '../charts.js';
import { fill, fmt, h, unavailable } from '../dom.js';
import { download } from '../export.js';
import { slider } from '../slider.js';

const FIGURES = [['orders', 'Orders'], ['revenue', 'Revenue'], ['aov', 'AOV'], ['margin', 'Margin'], ['profit', 'Profit']];
// Groups listed in the group menu at most (the most shown first; a search box finds the others):
// a store's 2,563 offers made a menu nobody scrolls, and its options slowed every layout of the
// page (0.12 s of showing a report).
const LISTED_GROUPS = 200;
const KNOB_LABELS = { acceptance: 'taken per exposed order', offered_price: 'price', unit_cost: 'unit cost', traffic_share: 'traffic share',
                      conversion_impact: 'conversion impact', fixed_cost: 'fixed cost' };

/**
 * The simulator panel; `engine` is the dashboard's WorkerEngine (its last report is the
 * baseline). `preloaded`: a simulatorLoad({grouping: 'offer'}) already asked for (the worker
 * computes the baseline while the page draws the other panels).
 */
export async function renderSimulator(root, report, engine, { preloaded = null } = {}) {
  const title = h('h2', {}, 'What if? Simulator');
  if (!report.offers.available) {
    return fill(root, title, unavailable('The simulator starts from the offers of the report, and there are none.', 'Add an offers file, or orders whose lines carry a rec_id.'));
  }
  const currency = report.summary.currency;
  const money = (v) => fmt.money(v, currency);
  const format = { orders: fmt.decimal, revenue: money, aov: money, margin: money, profit: money };
  const state = { grouping: 'offer', groups: [], group: null, changed: new Map(), volume: 1, pending: new Map(), busy: false };

  const groupingSelect = h('select', { id: 'sim-grouping', 'aria-label': 'Simulate per' },
    h('option', { value: 'offer' }, 'offer'), h('option', { value: 'type_placement' }, 'offer type × placement'),
    h('option', { value: 'offer_segment' }, 'offer × shopper segment'));
  const groupSelect = h('select', { id: 'sim-group', 'aria-label': 'Offer group' });
  const groupSearch = h('input', { type: 'search', id: 'sim-group-search', placeholder: 'find a group', 'aria-label': 'Find an offer group', hidden: true });
  const groupCount = h('span', { class: 'hint', id: 'sim-group-count', 'aria-live': 'polite' });
  const kpis = h('dl', { class: 'kpis sim' });
  const groupLine = h('p', { class: 'group-result', 'aria-live': 'polite' });
  const { figure, canvas } = chartFigure('Change against the baseline', 'simulation.png');
  const atBaseline = h('p', { class: 'hint', id: 'sim-at-baseline' }, 'At the baseline: move a slider and the change shows here.');
  const tornado = chartFigure('What moves profit most: profit change for one step of each knob', 'sensitivity.png');

  const knob = (name, label, fmtValue, toKnob = (v) => v) => slider({ name, label, min: 0, max: 1, step: 0.01, value: 0, format: fmtValue,
    onInput: (v) => queue(state.group.id, name, toKnob(v)) });
  const acceptance = knob('acceptance', 'Taken per exposed order', fmt.percent);
  const price = knob('offered_price', 'Offered price', money);
  const margin = slider({ name: 'margin_pct', label: 'Margin of the offered product', min: -50, max: 95, step: 1, value: 0, format: (v) => `${v}%`,
    onInput: (v) => queue(state.group.id, 'unit_cost', Number(price.input.value) * (1 - v / 100)) });
  const conversion = knob('conversion_impact', 'Conversion impact', fmt.signedPercent);
  const traffic = knob('traffic_share', 'Share of traffic shown the offer', fmt.percent);
  const volume = slider({ name: 'volume', label: 'Volume (period or traffic)', min: 0.25, max: 3, step: 0.05, value: 1, format: (v) => `× ${fmt.decimal(v)}`,
    onInput: (v) => { state.volume = v; flushSoon(); } });
  price.input.addEventListener('input', () => {  // the cost stays; the margin it leaves moves
    const cost = current('unit_cost');
    if (Number.isFinite(cost) && Number(price.input.value) > 0) margin.set(Math.round((1 - cost / Number(price.input.value)) * 100));
  });

  const current = (k) => state.changed.get(`${state.group.id}|${k}`) ?? state.group.baseline[k];
  function showGroup() {
    const g = state.group;
    const b = g.baseline;
    acceptance.range(0, Math.min(1, Math.max(0.2, 3 * b.acceptance)), 0.001);
    const basePrice = Number.isFinite(b.offered_price) ? b.offered_price : 0;
    price.range(0, Math.max(1, Math.ceil(2 * basePrice)), Math.max(0.01, basePrice / 200));
    conversion.range(-0.05, 0.05, 0.001);
    traffic.range(0, 2, 0.05);
    for (const [s, k] of [[acceptance, 'acceptance'], [price, 'offered_price'], [conversion, 'conversion_impact'], [traffic, 'traffic_share']]) s.set(current(k) ?? 0);
    const cost = current('unit_cost');
    margin.input.disabled = !Number.isFinite(cost);
    margin.set(Number.isFinite(cost) && current('offered_price') > 0 ? Math.round((1 - cost / current('offered_price')) * 100) : 0);
  }

  function queue(group, k, value) {
    state.changed.set(`${group}|${k}`, value);
    state.pending.set(`${group}|${k}`, [group, k, value]);
    flushSoon();
  }
  // One request in flight at a time; moves made meanwhile go together in the next one.
  async function flushSoon() {
    if (state.busy) return;
    state.busy = true;
    try {
      while (true) {
        const changes = [...state.pending.values()];
        state.pending.clear();
        showResult(await engine.simulatorSet(changes, { volume: state.volume, group: state.group.id }));
        if (state.pending.size === 0) break;
      }
    } finally {
      state.busy = false;
    }
    explainSoon();
  }

  function showResult({ totals, group }) {
    fill(kpis, FIGURES.map(([key, label]) => h('div', {}, h('dt', {}, label),
      h('dd', { dataset: { sim: key, value: totals.scenario[key] } }, format[key](totals.scenario[key])),
      h('dd', { class: `detail ${totals.delta[key] < 0 ? 'down' : totals.delta[key] > 0 ? 'up' : ''}`, dataset: { simDelta: key, value: totals.delta[key] } },
        `${totals.delta[key] >= 0 ? '+' : '−'}${format[key](Math.abs(totals.delta[key]))} vs baseline`),
      key === 'orders' ? null : h('dd', { class: 'detail' }, `range ${format[key](totals.low[key])} to ${format[key](totals.high[key])}`))));
    updateData(canvas, [['revenue', 'margin', 'profit'].map((k) => totals.delta[k])]);
    atBaseline.hidden = ['revenue', 'margin', 'profit'].some((k) => totals.delta[k] !== 0);
    figure.hidden = !atBaseline.hidden;  // an empty chart takes no room until something changes
    if (group) {
      const breakEven = group.breakEvenAcceptance;
      const text = breakEven === null || Number.isNaN(breakEven) ? 'never breaks even: a take earns no margin'
        : breakEven === 0 ? 'pays at any acceptance (no conversion is lost)' : `break-even at ${fmt.percent(breakEven)}`;
      acceptance.mark(Number.isFinite(breakEven) && breakEven > 0 ? breakEven : null, text);
      acceptance.element.dataset.breakEven = Number.isFinite(breakEven) ? breakEven : '';
      fill(groupLine, `${state.group.id}: revenue ${money(group.revenue)}, margin ${money(group.margin)}, profit change ${money(group.deltaProfit)}; ${text}.`);
    }
  }

  let explainTimer = 0;
  function explainSoon() {
    clearTimeout(explainTimer);
    explainTimer = setTimeout(async () => {
      const details = await engine.simulatorDetails();
      const top = details.sensitivity.slice(0, 10);
      barChart(tornado.canvas, {
        labels: top.map((s) => `${s.group}: ${KNOB_LABELS[s.knob] ?? s.knob}`),
        datasets: [{ label: 'one step down', data: top.map((s) => s.profit_down), color: COLORS.bad },
                   { label: 'one step up', data: top.map((s) => s.profit_up), color: COLORS.good }],
        horizontal: true, stacked: true, format: money,
      });
    }, 300);
  }

  async function load() {
    state.changed.clear();
    state.pending.clear();
    state.volume = 1;
    volume.set(1);
    const loaded = await (preloaded && state.grouping === 'offer' ? preloaded : engine.simulatorLoad({ grouping: state.grouping }));
    preloaded = null;  // used once: later loads ask again
    state.groups = loaded.groups;
    if (state.groups.length === 0) {
      fill(root, title, unavailable('No offer was shown to any order: the simulator projects from the orders that saw each offer.',
        'Add an offers file (one row per impression) whose session_id or order_id matches the orders.'));
      return false;
    }
    state.group = state.groups[0];
    groupSearch.value = '';
    listGroups();
    showGroup();
    // The load brought the first group's projection: shown at once (a round trip saved); an
    // engine whose load does not bring it is asked.
    if (!loaded.first) return flushSoon();
    showResult({ totals: loaded.totals, group: loaded.first });
    explainSoon();
  }
  // The menu: the groups whose name holds the search text (all without one), at most
  // LISTED_GROUPS of them, and the group being simulated whatever the search.
  function listGroups() {
    const text = groupSearch.value.trim().toLowerCase();
    const matches = text ? state.groups.filter((g) => g.id.toLowerCase().includes(text)) : state.groups;
    const listed = matches.slice(0, LISTED_GROUPS);
    if (!listed.includes(state.group)) listed.unshift(state.group);
    fill(groupSelect, listed.map((g) => h('option', { value: g.id }, `${g.id} (${g.type.replace('_', '-')})`)));
    groupSelect.value = state.group.id;
    groupSearch.hidden = state.groups.length <= LISTED_GROUPS;
    const found = matches.length === state.groups.length ? `${fmt.count(matches.length)} groups` : `${fmt.count(matches.length)} of ${fmt.count(state.groups.length)} groups match`;
    fill(groupCount, groupSearch.hidden ? '' : matches.length > LISTED_GROUPS ? `${found}: the first ${LISTED_GROUPS} listed, search for the others` : found);
  }
  groupSearch.addEventListener('input', listGroups);
  groupingSelect.addEventListener('change', () => { state.grouping = groupingSelect.value; load(); });
  groupSelect.addEventListener('change', () => {
    state.group = state.groups.find((g) => g.id === groupSelect.value);
    showGroup();
    flushSoon();
  });
  const reset = async () => {
    await engine.simulatorReset();
    state.changed.clear();
    state.volume = 1;
    volume.set(1);
    showGroup();
    await flushSoon();
  };
  const scenario = () => {
    const groups = {};
    for (const [key, value] of state.changed) {
      const [group, k] = key.split('|');
      (groups[group] ??= {})[k] = value;
    }
    return { grouping: state.grouping, volume: state.volume, groups };
  };

  fill(root, title,
    h('p', {}, 'Move a slider to see what the store would earn. The baseline is the data you loaded; ranges use the acceptance intervals.'),
    h('p', { class: 'hint' }, '“Taken per exposed order” is the share of orders placed where the offer was shown that took it — not the share of impressions taken that the offers panel shows.'),
    h('div', { class: 'controls' },
      h('label', { for: 'sim-grouping' }, 'Simulate per '), groupingSelect, ' ',
      h('label', { for: 'sim-group' }, 'group '), groupSelect, ' ', groupSearch, ' ', groupCount, ' ',
      h('button', { type: 'button', class: 'button secondary', onclick: reset }, 'Reset'), ' ',
      h('button', { type: 'button', class: 'link', onclick: () => download('scenario.json', JSON.stringify(scenario(), null, 2), 'application/json') }, 'Download scenario'), ' ',
      h('button', { type: 'button', class: 'link', onclick: async () => download('projection.json', JSON.stringify(await engine.simulatorDetails(), null, 2), 'application/json') }, 'Download projection')),
    h('div', { class: 'sim-grid' },
      h('div', { class: 'sliders' }, acceptance.element, price.element, margin.element, conversion.element, traffic.element, volume.element),
      h('div', {}, kpis, groupLine)),
    atBaseline, figure, tornado.figure);
  barChart(canvas, { labels: ['Revenue', 'Margin', 'Profit'], datasets: [{ label: 'Change', data: [0, 0, 0], color: bySign }], format: money });
  await load();
  return root;
}

// Small DOM and formatting helpers. Text always goes in as text nodes: user data is never
// parsed as HTML.

/** Creates an element: h('td', {class: 'num', title: 'x'}, child, 'text', ...). */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key === 'text') element.textContent = String(value);
    else element.setAttribute(key === 'className' ? 'class' : key, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 });
const moneyFormats = new Map();

function missing(value) {
  return value === null || value === undefined || Number.isNaN(value);
}

/** Formatting of figures; a missing value shows as an en dash. */
export const fmt = {
  count: (v) => (missing(v) ? '–' : number.format(v)),
  decimal: (v) => (missing(v) ? '–' : decimal.format(v)),
  percent: (v) => (missing(v) ? '–' : percentFormat.format(v)),
  signedPercent: (v) => (missing(v) ? '–' : (v > 0 ? '+' : '') + percentFormat.format(v)),
  money(v, currency) {
    if (missing(v)) return '–';
    if (!currency) return decimal.format(v);
    if (!moneyFormats.has(currency)) {
      try {
        moneyFormats.set(currency, new Intl.NumberFormat(undefined, { style: 'currency', currency }));
      } catch {
        moneyFormats.set(currency, { format: (x) => `${decimal.format(x)} ${currency}` });
      }
    }
    return moneyFormats.get(currency).format(v);
  },
  pValue: (p) => (missing(p) ? '–' : p < 0.0001 ? '< 0.0001' : p.toPrecision(2)),
  /** "p = 0.031" or "p < 0.0001". */
  pText: (p) => (missing(p) ? '' : p < 0.0001 ? 'p < 0.0001' : `p = ${p.toPrecision(2)}`),
  /** A difference of two rates in percentage points: "+12.9 pp". */
  points: (v) => (missing(v) ? '–' : `${v > 0 ? '+' : ''}${decimal.format(v * 100)} pp`),
  /** The report's confidence level as text: 0.9 → "90%". */
  confidence: (report) => `${+(report.settings.confidence * 100).toFixed(2)}%`,
  interval: (ci, format) => (ci && !missing(ci[0]) && !missing(ci[1]) ? `${format(ci[0])} to ${format(ci[1])}` : ''),
};

/**
 * A table: columns [{label, value(row) → text|Node, numeric, wide (long text), sort(row) → number|string}].
 * Shows the first `limit` rows with a button for the rest; `rowProps(row)` adds attributes.
 */
export function table(caption, columns, rows, { sortable = true, limit = 25, rowProps = () => ({}) } = {}) {
  const body = h('tbody');
  const state = { column: -1, descending: true, all: false };
  const render = () => {
    const sorted = state.column < 0 ? rows : [...rows].sort((a, b) => {
      const key = columns[state.column].sort ?? columns[state.column].value;
      const x = key(a), y = key(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return state.descending ? -order : order;
    });
    const shown = state.all ? sorted : sorted.slice(0, limit);
    fill(body, shown.map((row) => h('tr', rowProps(row), columns.map((c) => h('td', { class: c.numeric ? 'num' : c.wide ? 'wide' : null }, c.value(row))))));
    more.hidden = shown.length === rows.length;
    fill(more, `Show all ${rows.length.toLocaleString()} rows`);
  };
  const more = h('button', { type: 'button', class: 'link more', onclick: () => { state.all = true; render(); } });
  const head = h('tr', {}, columns.map((c, i) => {
    const header = h('th', { scope: 'col', class: c.numeric ? 'num' : null });
    if (!sortable) return fill(header, c.label);
    const button = h('button', { type: 'button', class: 'sort', onclick: () => {
      state.descending = state.column === i ? !state.descending : true;
      state.column = i;
      for (const th of head.children) th.removeAttribute('aria-sort');
      header.setAttribute('aria-sort', state.descending ? 'descending' : 'ascending');
      render();
    } }, c.label);
    return fill(header, button);
  }));
  render();
  return h('div', { class: 'table-wrap' }, h('table', {}, h('caption', {}, caption), h('thead', {}, head), body), more);
}

/** A panel's "not available" state: the reason and what would unlock it. */
export function unavailable(reason, unlock) {
  // A section an aggregates file does not carry: adding files would not help (it is read alone).
  if (String(reason).startsWith('not in the aggregates file')) unlock = null;
  return h('div', { class: 'empty', role: 'note' }, h('p', {}, reason), unlock ? h('p', { class: 'unlock' }, unlock) : null);
}

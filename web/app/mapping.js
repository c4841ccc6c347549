// The column-mapping step: the file's columns against Basketlift's fields, pre-filled with the
// engine's guesses, a Shopify preset one click away; the choice is remembered per header.
import { fill, h } from './dom.js';

/** The fields of each table (SPEC §2), offered in the mapping step. */
export const FIELDS = {
  orders: ['order_id', 'timestamp', 'customer_id', 'session_id', 'channel', 'variant', 'segment', 'currency', 'product_id',
           'product_name', 'quantity', 'unit_price', 'discount', 'unit_cost', 'rec_id'],
  products: ['product_id', 'name', 'category', 'price', 'unit_cost', 'margin_pct', 'tier'],
  offers: ['rec_id', 'type', 'placement', 'anchor_product_id', 'offered_product_id', 'offered_price', 'session_id', 'order_id',
           'timestamp', 'variant', 'accepted', 'customer_id'],
  sessions: ['session_id', 'variant', 'timestamp', 'customer_id', 'channel', 'segment', 'converted'],
};

// Shopify's "Export orders" columns, for files whose header lost its usual names.
const SHOPIFY_ORDERS = {
  name: 'order_id', email: 'customer_id', createdat: 'timestamp', currency: 'currency', source: 'channel',
  lineitemquantity: 'quantity', lineitemname: 'product_name', lineitemprice: 'unit_price', lineitemsku: 'product_id',
  lineitemdiscount: 'discount',
};

const STORAGE_PREFIX = 'basketlift.mapping.';
const normalize = (name) => name.toLowerCase().replace(/[\s_\-.]/g, '');
const signature = (names) => STORAGE_PREFIX + names.map(normalize).join('|');

/** The mapping remembered for a header with these column names, or null. */
export function savedMapping(names) {
  try {
    const saved = localStorage.getItem(signature(names));
    return saved ? JSON.parse(saved).mapping : null;
  } catch {
    return null;
  }
}

function remember(names, table, mapping) {
  try {
    localStorage.setItem(signature(names), JSON.stringify({ table, mapping }));
  } catch {
    // Private modes may refuse storage: the mapping still applies to this file.
  }
}

/** Asks (in a dialog added to `host`) for a mapping of `header` (from Engine.inspect); resolves to {table, mapping} or null. */
export function mappingDialog(host, fileName, header) {
  return new Promise((resolve) => {
    const names = header.columns.map((c) => c.name);
    const tableSelect = h('select', { id: 'mapping-table', 'aria-label': 'Table' }, Object.keys(FIELDS).map((t) => h('option', { value: t }, t)));
    tableSelect.value = header.table ?? 'orders';
    const body = h('tbody');
    const selects = [];
    const renderRows = (preset = {}) => {
      selects.length = 0;
      fill(body, header.columns.map((column) => {
        const guess = preset[normalize(column.name)] ?? column.field ?? '';
        const select = h('select', { 'aria-label': `Field for column ${column.name}` },
                         h('option', { value: '' }, '(not used)'), h('option', { value: 'ignore' }, 'ignore'),
                         FIELDS[tableSelect.value].map((f) => h('option', { value: f }, f)));
        select.value = FIELDS[tableSelect.value].includes(guess) || guess === 'ignore' ? guess : '';
        selects.push(select);
        return h('tr', {}, h('th', { scope: 'row' }, column.name), h('td', {}, select));
      }));
    };
    tableSelect.addEventListener('change', () => renderRows());
    renderRows();
    const dialog = h('dialog', { class: 'mapping', 'aria-labelledby': 'mapping-title' },
      h('h2', { id: 'mapping-title' }, `Map the columns of ${fileName}`),
      header.error ? h('p', { class: 'hint' }, header.error) : null,
      h('p', {}, h('label', { for: 'mapping-table' }, 'This file holds '), tableSelect, ' ',
        h('button', { type: 'button', class: 'link', onclick: () => { tableSelect.value = 'orders'; renderRows(SHOPIFY_ORDERS); } },
          'Use the Shopify orders preset')),
      h('div', { class: 'table-wrap' }, h('table', {}, h('caption', {}, 'Columns'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Column in the file'), h('th', { scope: 'col' }, 'Basketlift field'))), body)),
      h('p', { class: 'actions' },
        h('button', { type: 'button', class: 'button', id: 'mapping-apply', onclick: () => {
          const mapping = {};
          selects.forEach((select, i) => { if (select.value) mapping[names[i]] = select.value; });
          remember(names, tableSelect.value, mapping);
          dialog.close();
          dialog.remove();
          resolve({ table: tableSelect.value, mapping });
        } }, 'Apply and read again'),
        ' ',
        h('button', { type: 'button', class: 'button secondary', onclick: () => { dialog.close(); dialog.remove(); resolve(null); } }, 'Cancel')));
    host.append(dialog);
    dialog.showModal();
  });
}

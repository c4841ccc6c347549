// The report from a warehouse's aggregates equals the report from the raw files: the query of
// `basketlift sql` run on real PostgreSQL and DuckDB over generated stores (all-text tables, as
// COPY loads an export, and typed ones; on DuckDB also Google Analytics 4's export, against the
// files ga4_tables.mjs makes of the same events), every figure to 1e-9 relative: the summary, the
// experiment (capped or not; sessions, sessions named by orders), the offers with their verdicts,
// groups and retire list (acceptance given, or derived by order, session, customer or product),
// the experiment's and offers' alerts, the dimensions, the baskets, customer value, the
// simulator's projections, the tables' row accounts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertValidReport, cli, root } from '../wasm/helpers.mjs';
import { ga4Tables } from './ga4_tables.mjs';
import { hasPostgres, openDuckDb, parseCsvLine, startPostgres } from './warehouses.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'basketlift-warehouse-'));
after(() => rmSync(work, { recursive: true, force: true }));

const ALL_TABLES = ['orders', 'products', 'offers', 'sessions'];
// Stores: seeds with the generator's planted data gaps (rejected rows, other currencies), one
// clean, and the bundled sample store; capped experiments; and without a sessions table, where
// the sessions orders name (or the orders themselves) are the experiment's units.
const STORES = [
  // Offer types spelled as shops spell them, and impressions the checks reject.
  // The most shown offer no longer accepted over its last 45 days: a change for the trends to
  // find and date in 90-day windows.
  { name: 'seed 11', args: ['--orders', '3000', '--seed', '11'], changed: true, config: { change_window_days: 90 },
    // Some ids and numbers padded with spaces and tabs, read trimmed (keys joined across tables).
    edit: (dir) => {
      editColumns(dir, 'offers', { rewrite: (row, h, i) => { respell(row, h, i); padValues(row, h, i); } });
      editColumns(dir, 'orders', { rewrite: padValues });
      editColumns(dir, 'sessions', { rewrite: padValues });
      plantChange(dir);
    } },
  // Periods on Berlin's calendar (a day from 22:00 or 23:00 UTC, by daylight saving), by week;
  // customers who ordered in the 14 days before the test (a pre-period to adjust with), and
  // every third impression shown three days before its session (a pre-period impression of the
  // session's customer).
  { name: 'seed 12, capped at the 95th percentile', args: ['--orders', '2000', '--seed', '12', '--pre-period-r', '0.7'], prePeriod: true,
    config: { capping: 'upper', capping_percentile: 0.95, timezone: 'Europe/Berlin', trend_grain: 'week', cuped_pre_period_days: 14 },
    edit: (dir) => editColumns(dir, 'offers', { rewrite: (row, h, i) => { if (i % 3 === 0) row[h.indexOf('timestamp')] = daysEarlier(row[h.indexOf('timestamp')], 3); } }) },
  // Baskets of more than 3 products left out, pairs needing 5 baskets, and the shop's own
  // upsells and cross-sells listed in the catalogue.
  { name: 'clean seed 13, capped on both sides', args: ['--orders', '2000', '--seed', '13', '--clean'],
    config: { capping: 'two_sided', capping_percentile: 0.9, basket_max_items: 3, basket_min_support: 5 },
    edit: (dir) => { addShopOffers(dir); pointAtBestSellers(dir); moveImpressions(dir); }, shopOffers: true, liftChecked: true,
    trackingGap: true },
  // Orders dated without a time (bare dates keep their day) on New York's calendar; two groups
  // listed per dimension, the rest merged (of three channels and segments, and the orders
  // without one).
  { name: 'seed 14 without sessions', args: ['--orders', '2000', '--seed', '14'], tables: ['orders', 'products', 'offers'],
    config: { timezone: 'America/New_York', max_dimension_groups: 2 },
    edit: (dir) => editColumns(dir, 'orders', { rewrite: (row, h) => { row[h.indexOf('timestamp')] = row[h.indexOf('timestamp')].slice(0, 10); } }) },
  { name: 'sample store', dir: path.join(root, 'web/sample') },
  // Acceptance the offers table does not give, derived from the orders: by the impression's
  // order or session (lines carry rec_ids); by the customer within the attribution window
  // (impressions name only a customer); by the offered product and every part of a bundle
  // (lines carry no rec_id).
  // (Seeds 15 and 16: order and impression times spelled in every form the grammar reads.)
  { name: 'seed 15, acceptance derived', args: ['--orders', '1500', '--seed', '15'], derived: true,
    edit: (dir) => { editColumns(dir, 'offers', { drop: ['accepted'] }); editColumns(dir, 'orders', { rewrite: respellTimes }); } },
  { name: 'seed 16, impressions named by customer', args: ['--orders', '1500', '--seed', '16'], derived: true,
    edit: (dir) => editColumns(dir, 'offers', { drop: ['accepted', 'session_id', 'order_id'], customerFrom: path.join(dir, 'sessions.csv'), rewrite: respellTimes }) },
  { name: 'seed 17, lines without rec_id', args: ['--orders', '1500', '--seed', '17'], derived: true,
    edit: (dir) => { editColumns(dir, 'offers', { drop: ['accepted'] }); editColumns(dir, 'orders', { drop: ['rec_id'] }); } },
  // A period (sql --from/--to) of the middle half of the store's days, against the raw files
  // holding only the rows dated in it.
  { name: 'clean seed 18, a period', args: ['--orders', '2000', '--seed', '18', '--clean'], period: true },
  // Shopify's orders and products exports loaded as they are (their column names, order-level
  // values on an order's first row only, a product's title and type on its first row only,
  // variants without a SKU, image rows), read with the preset `--map shopify`.
  { name: 'seed 19, Shopify exports', args: ['--orders', '1500', '--seed', '19', '--shopify'],
    files: { orders: 'orders_export.csv', products: 'products_export.csv' }, map: 'shopify',
    edit: (dir, store) => { store.shopifyRows = shopifyVariants(dir); } },
  // The catalogue as WooCommerce exports it (categories as "A > B", the shop's own upsells and
  // cross-sells, a cost plugin's column), read with the preset `--map woocommerce`.
  { name: 'seed 20, WooCommerce catalogue', args: ['--orders', '1500', '--seed', '20'],
    files: { products: 'products_woo.csv' }, map: 'woocommerce', edit: (dir) => wooCatalogue(dir), shopOffers: true },
  // Google Analytics 4's export (the generator's --format ga4: lists shown, items picked from
  // them, purchases naming their list or not), read with --source ga4; some lists typed with
  // --ga4-lists, the others read as cross-sells.
  { name: 'seed 21, GA4 export', args: ['--orders', '1500', '--seed', '21'],
    ga4: { cart_cross_sell: 'cross_sell', checkout_cross_sell: 'cross_sell', product_page_upsell: 'upsell', cart_upsell: 'upsell' } },
];

// The file of a store's table.
const fileOf = (store, table) => store.files?.[table] ?? `${table}.csv`;

// Every 7th impression's type respelled ('Cross-Sell', 'UP SELL', 'x_sell'); three rows made
// invalid: an unknown type, a negative offered price, an accepted that is not a boolean.
function respell(row, header, index) {
  const at = (name) => header.indexOf(name);
  const spellings = { cross_sell: ['Cross-Sell', 'x_sell', 'XSELL'], upsell: ['UP SELL', 'Up-Sell'], bundle: ['Bundle'] };
  if (index % 7 === 0) row[at('type')] = spellings[row[at('type')]][index % spellings[row[at('type')]].length];
  if (index === 10) row[at('type')] = 'gift';
  if (index === 20) row[at('offered_price')] = '-1';
  if (index === 30) row[at('accepted')] = 'maybe';
}

// Every 11th row's ids and valid numbers padded with spaces and tabs, which the engine and the
// query trim. A value a check rejects is left as it is, so that its examples are the file's own.
const PADDED = ['order_id', 'product_id', 'session_id', 'rec_id', 'placement', 'offered_product_id', 'quantity', 'unit_price', 'offered_price'];
function padValues(row, header, index) {
  if (index % 11 !== 5) return;
  for (const name of PADDED) {
    const at = header.indexOf(name);
    const value = row[at] ?? '';
    const number = ['quantity', 'unit_price', 'offered_price'].includes(name);
    if (at < 0 || value === '' || (number && !(Number(value) >= 0))) continue;
    row[at] = [' ', '\t', ' \t'][index % 3] + value + ['\t', ' ', '\t '][index % 3];
  }
}

// Rewrites DIR/TABLE.csv without the `drop` columns; `customerFrom` (a sessions file) adds each
// impression's customer_id from its session; `rewrite(row, header, index)` edits rows in place.
// The generator's files hold no quoted fields.
function editColumns(dir, table, { drop = [], customerFrom, rewrite }) {
  const file = path.join(dir, `${table}.csv`);
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => line.split(','));
  if (rewrite) rows.forEach((row, index) => rewrite(row, header, index));
  assert.ok(!readFileSync(file, 'utf8').includes('"'), `${file} has no quoted fields`);
  const customerOf = new Map();
  if (customerFrom) {
    const [h, ...sessions] = readFileSync(customerFrom, 'utf8').trimEnd().split('\n').map((line) => line.split(','));
    for (const s of sessions) customerOf.set(s[h.indexOf('session_id')], s[h.indexOf('customer_id')]);
  }
  const session = header.indexOf('session_id');
  const keep = header.map((_, i) => i).filter((i) => !drop.includes(header[i]));
  const out = rows.map((r) => [...keep.map((i) => r[i]), ...(customerFrom ? [customerOf.get(r[session]) ?? ''] : [])]);
  const names = [...keep.map((i) => header[i]), ...(customerFrom ? ['customer_id'] : [])];
  writeFileSync(file, [names, ...out].map((r) => r.join(',')).join('\n') + '\n');
}

// Row `index`'s time as the same instant in another spelling ISO 8601 allows and the engine
// reads: a space or a small t, no zone (UTC), a fraction, a zone as z, +hh:mm, -hhmm or " +hh",
// a one-digit hour. Times JavaScript cannot read stay as they are.
function respellTimes(row, header, index) {
  const column = header.indexOf('timestamp');
  const at = Date.parse(row[column]);
  if (Number.isNaN(at)) return;
  const local = (minutes) => new Date(at + minutes * 60000).toISOString().slice(0, 19);
  const spelled = [
    () => row[column],
    () => local(0).replace('T', ' '),
    () => local(0).replace('T', 't') + '.250z',
    () => local(60) + '+01:00',
    () => local(-330) + '-0530',
    () => local(120) + ' +02',
    () => local(0).replace(/T0(?=[0-9]:)/, 'T') + 'Z',
  ];
  row[column] = spelled[index % spelled.length]();
}

// An ISO 8601 UTC time `days` days earlier.
const daysEarlier = (time, days) => new Date(Date.parse(time) - days * 86400000).toISOString().replace('.000Z', 'Z');

// Adds WooCommerce's upsells and cross-sells columns to DIR/products.csv: each product lists the
// 5 before it as upsells and the 15 after it as cross-sells (" , "-separated, quoted).
function addShopOffers(dir) {
  const file = path.join(dir, 'products.csv');
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const ids = rows.map((r) => r.split(',')[0]);
  const around = (i, from, to) => ids.filter((_, j) => j !== i && j - i >= from && j - i <= to).join(', ');
  const out = rows.map((r, i) => `${r},"${around(i, -5, -1)}","${around(i, 1, 15)}"`);
  writeFileSync(file, [`${header},upsells,cross_sells`, ...out].join('\n') + '\n');
}

// Points the first cross-sell offer at the two products on most organic order lines (without a
// rec_id), so that organic
// baskets hold enough of both to check the offer with a lift.
function pointAtBestSellers(dir) {
  const [header, ...rows] = readFileSync(path.join(dir, 'orders.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
  const lines = new Map();
  const product = header.indexOf('product_id');
  for (const r of rows.filter((r) => r[header.indexOf('rec_id')] === '')) lines.set(r[product], (lines.get(r[product]) ?? 0) + 1);
  const [anchor, offered] = [...lines].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  let rec;
  editColumns(dir, 'offers', { rewrite: (row, h) => {
    if (rec === undefined && row[h.indexOf('type')] === 'cross_sell') rec = row[h.indexOf('rec_id')];
    if (row[h.indexOf('rec_id')] !== rec) return;
    row[h.indexOf('anchor_product_id')] = anchor;
    row[h.indexOf('offered_product_id')] = offered;
  } });
}

// The most shown offer of DIR/offers.csv no longer accepted over the last 45 days of its
// impressions.
function plantChange(dir) {
  const [header, ...rows] = readFileSync(path.join(dir, 'offers.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
  const rec = header.indexOf('rec_id');
  const time = header.indexOf('timestamp');
  const shown = new Map();
  for (const r of rows) shown.set(r[rec], (shown.get(r[rec]) ?? 0) + 1);
  const [top] = [...shown].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  const last = Math.max(...rows.map((r) => Date.parse(r[time])));
  editColumns(dir, 'offers', { rewrite: (row, h) => {
    if (row[h.indexOf('rec_id')] === top && Date.parse(row[h.indexOf('timestamp')]) > last - 45 * 86400e3) row[h.indexOf('accepted')] = 'false';
  } });
}

// The impressions of three days in the middle of DIR/offers.csv moved to the day before them:
// days with orders but no impressions, where tracking seems to have stopped.
function moveImpressions(dir) {
  const [header, ...rows] = readFileSync(path.join(dir, 'offers.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
  const time = header.indexOf('timestamp');
  const dates = [...new Set(rows.map((r) => r[time].slice(0, 10)))].sort();
  assert.ok(dates.length > 20, 'the store spans enough days');
  const middle = Math.floor(dates.length / 2);
  const moved = dates.slice(middle, middle + 3);
  editColumns(dir, 'offers', { rewrite: (row, h) => {
    const t = row[h.indexOf('timestamp')];
    if (moved.includes(t.slice(0, 10))) row[h.indexOf('timestamp')] = dates[middle - 1] + t.slice(10);
  } });
}

// The middle half of the days of DIR/orders.csv, as the first and last day (YYYY-MM-DD).
function middleDays(dir) {
  const [header, ...rows] = readFileSync(path.join(dir, 'orders.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
  const days = rows.map((r) => r[header.indexOf('timestamp')].slice(0, 10)).sort();
  return { from: days[Math.floor(days.length / 4)], to: days[Math.floor((3 * days.length) / 4)] };
}

// A copy of DIR whose orders, offers and sessions hold only the rows dated within `period`
// (whole UTC days), as the query reads them with --from/--to.
function periodCopy(dir, { from, to }) {
  const out = path.join(dir, 'period');
  mkdirSync(out, { recursive: true });
  const begin = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`) + 86400000;
  for (const table of ALL_TABLES) {
    const text = readFileSync(path.join(dir, `${table}.csv`), 'utf8');
    if (table === 'products') {
      writeFileSync(path.join(out, `${table}.csv`), text);
      continue;
    }
    const [header, ...rows] = text.trimEnd().split('\n');
    const at = header.split(',').indexOf('timestamp');
    const kept = rows.filter((r) => {
      const time = Date.parse(r.split(',')[at]);
      return time >= begin && time < end;
    });
    assert.ok(kept.length > 0 && kept.length < rows.length, `${table}: the period holds some rows, not all`);
    writeFileSync(path.join(out, `${table}.csv`), [header, ...kept].join('\n') + '\n');
  }
  return out;
}

// Adds to every 7th product of DIR/products_export.csv a second variant without a SKU (option
// "Large": named "Title - Large"), dearer, and an image row (its handle only), right after it,
// as Shopify exports a product's rows; every third order line of those products buys the
// variant instead (no SKU: Shopify names the line "Title - Large", the name the catalogue's
// variant must get for its price and cost to count).
// Returns the products and the variant rows and image rows added (as many of each).
function shopifyVariants(dir) {
  const file = path.join(dir, 'products_export.csv');
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n').map(parseCsvLine);
  const at = (name) => header.indexOf(name);
  const quote = (v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const out = [];
  rows.forEach((r, i) => {
    out.push(r);
    if (i % 7 !== 0) return;
    const variant = header.map(() => '');
    variant[at('Handle')] = r[at('Handle')];
    variant[at('Option1 Value')] = 'Large';
    variant[at('Variant Price')] = (Number(r[at('Variant Price')]) + 10).toFixed(2);
    if (r[at('Cost per item')] !== '') variant[at('Cost per item')] = (Number(r[at('Cost per item')]) + 4).toFixed(2);
    const image = header.map(() => '');
    image[at('Handle')] = r[at('Handle')];
    out.push(variant, image);
  });
  writeFileSync(file, [header, ...out].map((r) => r.map(quote).join(',')).join('\n') + '\n');
  const titles = new Map(rows.filter((_, i) => i % 7 === 0).map((r) => [r[at('Variant SKU')], r[at('Title')]]));
  const ordersFile = path.join(dir, 'orders_export.csv');
  const [orderHeader, ...lines] = readFileSync(ordersFile, 'utf8').trimEnd().split('\n').map(parseCsvLine);
  const sku = orderHeader.indexOf('Lineitem sku'), name = orderHeader.indexOf('Lineitem name');
  let bought = 0;
  lines.forEach((l, i) => {
    if (!titles.has(l[sku]) || i % 3 !== 0) return;
    l[name] = `${titles.get(l[sku])} - Large`;
    l[sku] = '';
    ++bought;
  });
  assert.ok(bought > 0, 'some lines buy a variant without a SKU');
  writeFileSync(ordersFile, [orderHeader, ...lines].map((r) => r.map(quote).join(',')).join('\n') + '\n');
  return { products: rows.length, added: Math.ceil(rows.length / 7) };
}

// Writes DIR/products_woo.csv: DIR/products.csv as WooCommerce's product export, each product
// listing the 5 before it as upsells and the 15 after it as cross-sells.
function wooCatalogue(dir) {
  const [header, ...rows] = readFileSync(path.join(dir, 'products.csv'), 'utf8').trimEnd().split('\n').map(parseCsvLine);
  const at = (name) => header.indexOf(name);
  const ids = rows.map((r) => r[at('product_id')]);
  const around = (i, from, to) => ids.filter((_, j) => j !== i && j - i >= from && j - i <= to).join(', ');
  const quote = (v) => `"${String(v).replace(/"/g, '""')}"`;
  const out = rows.map((r, i) => [100 + i, 'simple', r[at('product_id')], r[at('name')], 1, r[at('price')],
    r[at('category')].replaceAll('/', ' > '), around(i, -5, -1), around(i, 1, 15), r[at('unit_cost')]].map(quote).join(','));
  writeFileSync(path.join(dir, 'products_woo.csv'),
    ['ID,Type,SKU,Name,Published,Regular price,Categories,Upsells,Cross-sells,Meta: _wc_cog_cost', ...out].join('\n') + '\n');
}

const made = new Map();
function storeDir(store) {
  if (store.dir) return store.dir;
  if (made.has(store.name)) return made.get(store.name);
  const dir = path.join(work, store.name.replace(/\W+/g, '-'));
  execFileSync(path.join(root, 'build/bin/basketlift-generate'), [...store.args, '--format', store.ga4 ? 'ga4' : 'csv', '--out', dir]);
  if (store.ga4) store.ga4Counts = ga4Tables(path.join(dir, 'events.ndjson'), dir, { listTypes: store.ga4 });
  store.edit?.(dir, store);
  if (store.period) {
    store.days = middleDays(dir);
    store.rawDir = periodCopy(dir, store.days);
  }
  made.set(store.name, dir);
  return dir;
}

const run = (args) => execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
function configArgs(store) {
  if (!store.config) return [];
  const file = path.join(work, `${store.name.replace(/\W+/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(store.config));
  return ['--config', file];
}
const tablesOf = (store) => store.tables ?? ALL_TABLES;
const periodArgs = (store) => (store.days ? ['--from', store.days.from, '--to', store.days.to] : []);
function ga4Args(store) {
  const lists = path.join(work, 'ga4-lists.json');
  writeFileSync(lists, JSON.stringify(store.ga4));
  return ['--source', 'ga4', '--events', 'events', '--products', 'products', '--ga4-variant-param', 'experiment_variant', '--ga4-lists', lists];
}
const query = (dialect, store) =>
  run(['sql', '--dialect', dialect, ...configArgs(store), ...periodArgs(store), ...(store.map ? ['--map', store.map] : []),
    ...(store.ga4 ? ga4Args(store) : tablesOf(store).flatMap((t) => [`--${t}`, t]))]);
const rawReport = (dir, store) =>
  JSON.parse(run(['analyze', ...configArgs(store), ...tablesOf(store).flatMap((t) => [`--${t}`, path.join(dir, fileOf(store, t))])]));
function aggregatesReport(csv, name) {
  assertOfferDaysInOrder(csv, name);
  const file = path.join(work, name);
  writeFileSync(file, csv);
  return assertValidReport(JSON.parse(run(['analyze', '--aggregates', file])));
}

// Each listed offer's days ("day:impressions:accepted:margin ...") come earliest first, so the
// same tables give the same file on every run.
function assertOfferDaysInOrder(csv, name) {
  const rows = csv.split('\n').filter((line) => line.startsWith('trend_offer,'));
  if (csv.includes('\ntrend_listed,')) assert.ok(rows.length > 0, `${name}: listed offers without their days`);
  for (const row of rows) {
    const days = row.slice(row.lastIndexOf(',days,') + ',days,'.length).replaceAll('"', '').split(' ').map((entry) => Number(entry.split(':')[0]));
    assert.ok(days.every((day, i) => i === 0 || days[i - 1] < day), `${name}: an offer's days out of order: ${row.slice(0, 120)}`);
  }
}

// The experiment with its arms and comparisons in one order: the raw report lists arms and
// slices as they first appear in the files, the aggregates report by name (a warehouse table
// has no row order).
function sortedExperiment(experiment) {
  const key = (c) => [c.slice_kind, c.slice, c.arm].join('\u0000');
  const byKey = (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const byArm = (a, b) => (a.arm < b.arm ? -1 : a.arm > b.arm ? 1 : 0);
  const balance = [...(experiment.pre_period_balance ?? [])].sort((a, b) => byArm(a, b) || (a.measure < b.measure ? -1 : a.measure > b.measure ? 1 : 0));
  return { ...experiment, arms: [...(experiment.arms ?? [])].sort(byArm), comparisons: [...(experiment.comparisons ?? [])].sort(byKey),
           ...(experiment.pre_period_balance ? { pre_period_balance: balance } : {}) };
}

// The values of a column of a CSV file (null when the file has quoted fields, which this simple
// reading does not split).
function columnValues(file, column) {
  const text = readFileSync(file, 'utf8');
  if (text.includes('"')) return null;
  const [header, ...rows] = text.trimEnd().split('\n').map((line) => line.split(','));
  const at = header.indexOf(column);
  return at < 0 ? new Set(['']) : new Set(rows.map((r) => r[at] ?? ''));
}

// The offers by rec_id with their groups by name, the retire list by rec_id: the raw report lists
// offers with equal impressions in the order they first appear, the aggregates report by name.
const byText = (key) => (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
function sortedOffers(offers) {
  if (!offers.available) return offers;
  const groups = (o) => ({ ...o, by_segment: [...o.by_segment].sort(byText('segment')), by_channel: [...o.by_channel].sort(byText('channel')) });
  return { ...offers, offers: offers.offers.map(groups).sort(byText('rec_id')) };
}
// The dimensions with their groups by key (ties in size are listed by first appearance in the
// raw report, by name in the aggregates report).
function sortedDimensions(dimensions) {
  if (!dimensions.available) return dimensions;
  const by = Object.fromEntries(Object.entries(dimensions.by).map(([name, d]) => [name, { ...d, groups: [...d.groups].sort(byText('key')) }]));
  return { ...dimensions, by };
}
const sortedRetire = (retire) => (retire.available ? { ...retire, offers: [...retire.offers].sort(byText('rec_id')) } : retire);
// The experiment's and offers' alerts (their evidence paths hold list positions, left out).
const ANALYSIS_ALERTS = ['sample_ratio_mismatch', 'cvr_drop', 'margin_drop', 'unprofitable_offer', 'retire', 'offer_hurts_segment', 'offer_changed',
  'pre_period_imbalance'];
const analysisAlerts = (report) =>
  report.alerts.alerts.filter((a) => ANALYSIS_ALERTS.includes(a.kind)).map((a) => [a.kind, a.severity, a.title, a.detail].join(' | ')).sort();

// Numbers equal to 1e-9 relative (sums in the warehouse are exact, the engine's in double), or
// within 1e-12 of each other where exact arithmetic gives zero and the engine's rounding does not
// (a test statistic of identical groups: 0 against 4e-32); everything else equal.
function assertClose(actual, expected, where) {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(Math.abs(expected), Math.abs(actual), 1e-300);
    const close = Math.abs(actual - expected) <= 1e-9 * scale || Math.abs(actual - expected) <= 1e-12;
    assert.ok(close, `${where}: ${actual} against ${expected}`);
  } else if (expected && typeof expected === 'object') {
    assert.equal(typeof actual, 'object', `${where}: ${JSON.stringify(actual)}`);
    assert.deepEqual(Object.keys(actual ?? {}).sort(), Object.keys(expected).sort(), `${where}: keys`);
    for (const key of Object.keys(expected)) assertClose(actual[key], expected[key], `${where}.${key}`);
  } else {
    assert.equal(actual, expected, where);
  }
}

// What the aggregates report must share with the raw one: the summary, the experiment, and per
// table the rows read, used and rejected by reason.
function assertSameAnswers(fromAggregates, raw, tables, store) {
  if (store.derived) {
    // The store exercises what it is meant to: acceptance derived, and found for some offers
    // (for seed 17, bundles among them).
    const offers = raw.offers.offers;
    assert.equal(raw.offers.rules.impressions_with_derived_acceptance, offers.reduce((n, o) => n + o.impressions, 0));
    assert.ok(offers.some((o) => o.accepted > 0 && (o.type === 'bundle' || !store.name.includes('seed 17'))), 'some derived impressions were accepted');
  }
  assertClose(fromAggregates.summary, raw.summary, 'summary');
  assertClose(sortedExperiment(fromAggregates.experiment), sortedExperiment(raw.experiment), 'experiment');
  assert.equal(fromAggregates.settings.capping, raw.settings.capping);
  assert.equal(raw.experiment.available, true, 'the store has an experiment to compare');
  // The pre-period adjustment (CUPED) is compared with the rest of the experiment; a store
  // generated with a pre-period has it computed, so that the comparison covers it.
  if (store.prePeriod) {
    assert.equal(raw.experiment.cuped.available, true, 'the store has a pre-period to compare');
    const all = raw.experiment.comparisons.find((c) => c.slice_kind === 'all');
    assert.deepEqual(all.metrics.filter((m) => !m.cuped.computed).map((m) => m.metric), [], 'every metric is adjusted for the pre-period');
  }
  assert.equal(raw.experiment.unit, tables.includes('sessions') ? 'session' : 'order_session');
  assert.equal(raw.experiment.capping.on, raw.settings.capping !== 'off');
  for (const table of tables) {
    const a = fromAggregates.inputs.find((i) => i.table === table);
    const r = raw.inputs.find((i) => i.table === table);
    assert.ok(a, `the aggregates report accounts for the ${table} table`);
    for (const key of ['rows_read', 'rows_used', 'rows_rejected', 'rejected_by_reason'])
      assert.deepEqual(a[key], r[key], `${table}.${key}`);
    // Failing values: for every reason, up to five distinct ones, in the column the raw report
    // names, each one the raw file holds in that column.
    assert.deepEqual(Object.keys(a.rejected_examples).sort(), Object.keys(r.rejected_examples).sort(), `${table} example reasons`);
    for (const [reason, examples] of Object.entries(a.rejected_examples)) {
      const values = examples.map((e) => e.value);
      assert.ok(values.length >= 1 && values.length <= 5 && new Set(values).size === values.length, `${table} ${reason}: ${values}`);
      assert.deepEqual([...new Set(examples.map((e) => e.column))], [...new Set(r.rejected_examples[reason].map((e) => e.column))].slice(0, 1), `${table} ${reason} column`);
      const held = columnValues(path.join(store.dir ?? store.rawDir ?? storeDir(store), fileOf(store, table)), examples[0].column);
      // A typed table holds a number, which reads back in its own spelling ('-5.0' for -5.00).
      const inFile = (value) => held === null || held.has(value) ||
        (value.trim() !== '' && !Number.isNaN(Number(value)) && [...held].some((h) => h.trim() !== '' && Number(h) === Number(value)));
      for (const value of values) assert.ok(inFile(value), `${table} ${reason}: '${value}' is in the file`);
    }
  }
  assert.deepEqual(
    fromAggregates.data_gaps.checks.filter((c) => !c.id.startsWith('ga4_')).map((c) => [c.id, c.count]),
    raw.data_gaps.checks.filter((c) => ['invalid_values', 'rejected_rows', 'tracking_gap'].includes(c.id)).map((c) => [c.id, c.count]),
    'data gaps from the rejected rows');
  if (store.ga4) assertGa4Gaps(fromAggregates.data_gaps.checks, store.ga4Counts);
  if (tables.includes('offers')) {
    assert.equal(raw.offers.available, true, 'the store has offers to compare');
    assertClose(sortedOffers(fromAggregates.offers), sortedOffers(raw.offers), 'offers');
    assertClose(sortedRetire(fromAggregates.retire), sortedRetire(raw.retire), 'retire');
  }
  assert.deepEqual(analysisAlerts(fromAggregates), analysisAlerts(raw), 'the experiment\'s and offers\' alerts');
  assertClose(sortedDimensions(fromAggregates.dimensions), sortedDimensions(raw.dimensions), 'dimensions');
  // Baskets: every pair, candidate, offer check and group, in the same order (ties by name).
  assert.equal(raw.basket.available, true, 'the store has baskets to compare');
  assert.ok(raw.basket.product_pairs.length > 0 && raw.basket.by_segment.length + raw.basket.by_channel.length > 0, 'the store has pairs to compare');
  assertClose(fromAggregates.basket, raw.basket, 'basket');
  if (store.shopOffers) {
    if (store.config?.basket_max_items) assert.ok(raw.basket.large_baskets_left_out > 0, 'some baskets are left out as large');
    assert.ok(raw.basket.candidates.some((c) => c.in_shop_settings), 'some candidates are the shop\'s own offers');
    if (store.liftChecked) assert.ok(raw.basket.offer_checks.some((c) => c.organic_lift !== null), 'some offers are checked with a lift');
  }
  if (store.shopifyRows) {
    // The store has what it is meant to: image rows rejected, variants without a SKU used.
    const products = raw.inputs.find((i) => i.table === 'products');
    assert.equal(products.rejected_by_reason.not_a_product_row, store.shopifyRows.added);
    assert.equal(products.rows_used, store.shopifyRows.products + store.shopifyRows.added);
  }
  if (store.days) {
    for (const input of fromAggregates.inputs) {
      if (input.table !== 'products') assert.ok(input.file.endsWith(`(from ${store.days.from} to ${store.days.to})`), input.file);
    }
  }
  // Customer value: adopters against the others over every horizon.
  assert.equal(raw.ltv.available, true, 'the store has customers to compare');
  assertClose(fromAggregates.ltv, raw.ltv, 'ltv');
  // Trends: every period, the listed offers, the change windows, tracking gaps and the
  // experiment over time; the stores have what they are meant to.
  assert.equal(raw.trends.available, true, 'the store has trends to compare');
  assertClose(fromAggregates.trends, raw.trends, 'trends');
  if (store.changed) assert.ok(raw.trends.changes.offers.some((c) => c.significant && c.changed_on), 'a change is found and dated');
  if (store.trackingGap) assert.ok(raw.trends.tracking_gaps.length > 0, 'a tracking gap is found');
  if (store.config?.timezone) {
    assert.equal(raw.trends.timezone, store.config.timezone);
    assert.equal(raw.trends.dates_as_local, !tables.includes('sessions'));
  }
  if (tables.includes('offers')) assertSameProjections(fromAggregates, raw);
}

// GA4's data gaps count what ga4_tables.mjs counted: purchase items matched to a list by each rule,
// items shown without a list, impressions of lists without a type (and the store has each).
function assertGa4Gaps(checks, counts) {
  const check = (id) => checks.find((c) => c.id === id);
  for (const [name, count] of Object.entries(counts)) assert.ok(count > 0, `the GA4 store has ${name}`);
  const matched = check('ga4_purchase_lists');
  assert.equal(matched.count, counts.by_list + counts.by_follow);
  assert.match(matched.title, new RegExp(`${counts.by_list.toLocaleString('en-US')} by their item_list_id, ${counts.by_follow.toLocaleString('en-US')} by a select_item`));
  assert.equal(Math.round(matched.share * counts.purchase_items), counts.by_list + counts.by_follow);
  assert.equal(check('ga4_items_without_list').count, counts.shown_without_list);
  assert.equal(check('ga4_lists_without_type').count, counts.untyped_impressions);
  assert.match(check('ga4_lists_without_type').title, new RegExp(`^${counts.untyped_lists} lists read as cross-sells`));
  assert.ok(check('ga4_lists_without_type').examples.length > 0);
}

// The simulator's baseline and projection from either report, one group per offer and per type ×
// placement cell, and a scenario that moves every offer's acceptance and conversion.
function assertSameProjections(fromAggregates, raw) {
  const project = (report, scenario) => {
    const file = path.join(work, 'simulated-report.json');
    writeFileSync(file, JSON.stringify(report));
    const scenarioFile = path.join(work, 'scenario.json');
    writeFileSync(scenarioFile, JSON.stringify(scenario));
    const out = JSON.parse(run(['simulate', '--report', file, '--scenario', scenarioFile]));
    // Groups and sensitivities listed by name (the raw report lists tied offers by appearance).
    const bySensitivity = (a, b) => byText('group')(a, b) || byText('knob')(a, b);
    return { ...out, groups: [...out.groups].sort(byText('id')), sensitivity: [...out.sensitivity].sort(bySensitivity) };
  };
  const scenarios = [{}, { grouping: 'type_placement' }, { volume: 1.2, all: { conversion_impact: -0.005, acceptance: { relative: -0.2 } } }];
  for (const scenario of scenarios) {
    const expected = project(raw, scenario);
    const actual = project(fromAggregates, scenario);
    const where = `simulator ${JSON.stringify(scenario).slice(0, 40)}`;
    assertClose({ ...actual, sensitivity: null }, { ...expected, sensitivity: null }, where);
    // A sensitivity is the difference of two store totals: equal to 1e-9 of the totals.
    const scale = Math.abs(expected.total.baseline.revenue);
    assert.equal(actual.sensitivity.length, expected.sensitivity.length, `${where}: sensitivities`);
    expected.sensitivity.forEach((e, k) => {
      const a = actual.sensitivity[k];
      assert.deepEqual([a.group, a.knob], [e.group, e.knob], `${where}: sensitivity ${k}`);
      assertClose(a.step, e.step, `${where}: sensitivity ${k} step`);
      for (const key of ['profit_down', 'profit_up'])
        assert.ok(Math.abs(a[key] - e[key]) <= 1e-9 * scale, `${where}: sensitivity ${k} ${key}: ${a[key]} against ${e[key]}`);
    });
  }
}

describe('aggregates from DuckDB equal the raw report', () => {
  for (const store of STORES) {
    for (const typed of [false, true]) {
      test(`${store.name}, ${typed ? 'typed' : 'text'} columns`, async () => {
        const dir = storeDir(store);
        const duck = await openDuckDb();
        if (store.ga4) {
          await duck.loadJson('events', path.join(dir, 'events.ndjson'));
          await duck.load('products', path.join(dir, 'products.csv'), { typed });
        } else {
          for (const t of tablesOf(store)) await duck.load(t, path.join(dir, fileOf(store, t)), { typed });
        }
        const profile = path.join(work, 'duck-profile.json');
        if (store === STORES[0]) await duck.profileTo(profile);
        const csv = await duck.csv(query('duckdb', store), path.join(work, 'duck-out.csv'));
        assertSameAnswers(aggregatesReport(csv, 'duckdb.csv'), rawReport(store.rawDir ?? dir, store), tablesOf(store), store);
        if (store === STORES[0]) {
          // No filter evaluates a row's checks: each table's checks are computed once, in its
          // kept step, not again in a filter DuckDB pushed into it (sql_dialect.h, unfiltered).
          const filters = [];
          const walk = (node) => node.children?.forEach((child) => {
            if (child.operator_type === 'FILTER') filters.push(child.extra_info.Expression);
            walk(child);
          });
          walk(JSON.parse(readFileSync(profile, 'utf8')));
          assert.ok(filters.length > 0);
          for (const check of ['missing_required_field:order_id', 'missing_required_field:session_id',
            'missing_required_field:rec_id', 'not_a_product_row:handle']) {
            assert.deepEqual(filters.filter((f) => f.includes(check)), [], `a filter evaluates ${check}`);
          }
        }
      });
    }
  }
});

describe('aggregates from PostgreSQL equal the raw report', { skip: !hasPostgres() && 'PostgreSQL 15 is not installed' }, () => {
  let pg;
  before(() => { pg = startPostgres(); });
  after(() => pg?.stop());
  STORES.forEach((store, k) => {
    if (store.ga4) return;  // GA4's export lives in BigQuery (DuckDB reads its JSON above)
    test(`${store.name}, text columns`, () => {
      const dir = storeDir(store);
      const db = `shop${k}`;
      pg.createDatabase(db);
      for (const t of tablesOf(store)) pg.loadText(db, t, path.join(dir, fileOf(store, t)));
      const csv = pg.csv(db, query('postgres', store));
      assertSameAnswers(aggregatesReport(csv, `postgres-${k}.csv`), rawReport(store.rawDir ?? dir, store), tablesOf(store), store);
      if (k === 0) {
        // Each table's row is made a JSON value once (its step of rows as text is fenced):
        // inlined, PostgreSQL built it again for every column read from it, twice the time.
        const plan = pg.csv(db, query('postgres', store).replace(/^WITH$/m, 'EXPLAIN (VERBOSE) WITH'));
        // (6 times in the plan's outputs for 4 tables fenced, 110 times inlined.)
        const built = plan.match(/to_jsonb\(/g)?.length ?? 0;
        assert.ok(built > 0 && built <= 2 * tablesOf(store).length, `to_jsonb ${built} times in the plan`);
      }
    });
  });
});

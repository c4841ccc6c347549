// Google Analytics 4's export turned into the orders, offers and sessions files the engine
// reads, by the rules README "Larger than a tab" gives for `basketlift sql --source ga4` —
// written here a second time, independently of the SQL, so that the report from the warehouse's
// aggregates can be compared with the engine's report on these files.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SHOWN = ['view_item_list', 'view_promotion'];
const PICKS = ['select_item', 'select_promotion', 'add_to_cart'];
const orNull = (v) => (v === undefined || v === null || v === '' ? null : String(v));
// An event parameter's (or user property's) value as text (the smallest, should the key repeat).
function param(list, key) {
  let found = null;
  for (const p of list ?? []) {
    if (p.key !== key) continue;
    const v = p.value ?? {};
    const text = orNull(v.string_value) ?? orNull(v.int_value) ?? orNull(v.double_value) ?? orNull(v.float_value);
    if (text !== null && (found === null || text < found)) found = text;
  }
  return found;
}
const iso = (micros) => `${new Date(Math.floor(micros / 1000000) * 1000).toISOString().slice(0, 19)}Z`;
const csvField = (v) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const writeCsv = (file, header, rows) =>
  writeFileSync(file, [header.join(','), ...rows.map((r) => header.map((h) => csvField(r[h])).join(','))].join('\n') + '\n');
const minText = (a, b) => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * Reads `eventsFile` (the export's NDJSON) and writes orders.csv, offers.csv and sessions.csv to
 * `dir`. Returns the counts the aggregates file's GA4 rows must hold.
 */
export function ga4Tables(eventsFile, dir, { windowHours = 24, listTypes = {}, variantParam = 'experiment_variant' } = {}) {
  const window = Math.round(windowHours * 3600 * 1e6);
  const events = readFileSync(eventsFile, 'utf8').trimEnd().split('\n').map((line) => {
    const e = JSON.parse(line);
    return {
      name: e.event_name, micros: Number(e.event_timestamp), device: orNull(e.user_pseudo_id),
      customer: orNull(e.user_id) ?? e.user_pseudo_id, session: param(e.event_params, 'ga_session_id'),
      variant: param(e.event_params, variantParam) ?? param(e.user_properties, variantParam),
      currency: param(e.event_params, 'currency'), channel: e.platform ? e.platform.toLowerCase() : null,
      transaction: e.ecommerce?.transaction_id ?? null,
      eventList: orNull(param(e.event_params, 'item_list_id')), eventListName: orNull(param(e.event_params, 'item_list_name')),
      eventPromotion: orNull(param(e.event_params, 'promotion_id')), eventPromotionName: orNull(param(e.event_params, 'promotion_name')),
      items: e.items ?? [],
    };
  });
  const items = [];
  for (const e of events) {
    if (![...SHOWN, ...PICKS, 'purchase'].includes(e.name)) continue;
    for (const i of e.items) {
      items.push({ ...e, item: orNull(i.item_id), itemName: orNull(i.item_name), price: orNull(i.price), quantity: orNull(i.quantity),
        list: orNull(i.item_list_id) ?? e.eventList ?? orNull(i.promotion_id) ?? e.eventPromotion,
        listName: orNull(i.item_list_name) ?? e.eventListName ?? orNull(i.promotion_name) ?? e.eventPromotionName });
    }
  }
  const sessionOf = (x) => (x.session === null || x.device === null ? null : `${x.device}.${x.session}`);
  const shown = items.filter((x) => SHOWN.includes(x.name) && x.list !== null && x.item !== null);
  const picks = items.filter((x) => PICKS.includes(x.name) && x.list !== null);
  const bought = items.filter((x) => x.name === 'purchase').map((p) => {
    if (p.list !== null) return { ...p, boughtFrom: p.list, foundBy: 'list' };
    const before = picks.filter((k) => p.device !== null && k.device === p.device && p.item !== null && k.item === p.item && k.micros <= p.micros && k.micros >= p.micros - window)
      .sort((a, b) => b.micros - a.micros || (a.list < b.list ? -1 : a.list > b.list ? 1 : 0));
    return before.length ? { ...p, boughtFrom: before[0].list, foundBy: 'follow' } : { ...p, boughtFrom: null, foundBy: null };
  });
  const offers = shown.map((s) => ({
    rec_id: `${s.list}:${s.item}`, type: listTypes[s.list] ?? 'cross_sell', placement: s.listName ?? s.list,
    offered_product_id: s.item, offered_price: s.price, session_id: sessionOf(s), customer_id: s.customer, variant: s.variant,
    timestamp: iso(s.micros),
    accepted: bought.some((b) => s.device !== null && b.device === s.device && b.item === s.item && b.boughtFrom === s.list && b.micros >= s.micros && b.micros <= s.micros + window) ? 'true' : 'false',
  }));
  const orders = bought.map((b) => ({
    order_id: b.transaction, product_id: b.item, product_name: b.itemName, quantity: b.quantity, unit_price: b.price, currency: b.currency,
    session_id: sessionOf(b), customer_id: b.customer, variant: b.variant, channel: b.channel, timestamp: iso(b.micros),
    rec_id: b.boughtFrom !== null && b.item !== null ? `${b.boughtFrom}:${b.item}` : null,
  }));
  const sessions = new Map();
  for (const e of events) {
    if (e.session === null) continue;
    const key = sessionOf(e);
    const s = sessions.get(key) ?? { session_id: key, customer_id: null, variant: null, channel: null, first: Infinity, converted: 'false' };
    s.customer_id = minText(s.customer_id, e.customer);
    s.variant = minText(s.variant, e.variant);
    s.channel = minText(s.channel, e.channel);
    s.first = Math.min(s.first, e.micros);
    if (e.name === 'purchase') s.converted = 'true';
    sessions.set(key, s);
  }
  writeCsv(path.join(dir, 'orders.csv'), ['order_id', 'product_id', 'product_name', 'quantity', 'unit_price', 'currency', 'session_id',
    'customer_id', 'variant', 'channel', 'timestamp', 'rec_id'], orders);
  writeCsv(path.join(dir, 'offers.csv'), ['rec_id', 'type', 'placement', 'offered_product_id', 'offered_price', 'session_id', 'customer_id',
    'variant', 'timestamp', 'accepted'], offers);
  writeCsv(path.join(dir, 'sessions.csv'), ['session_id', 'customer_id', 'variant', 'channel', 'timestamp', 'converted'],
    [...sessions.values()].map((s) => ({ ...s, timestamp: iso(s.first) })));
  const untyped = shown.filter((s) => !(s.list in listTypes));
  return {
    purchase_items: bought.length, by_list: bought.filter((b) => b.foundBy === 'list').length,
    by_follow: bought.filter((b) => b.foundBy === 'follow').length, shown: shown.length,
    shown_without_list: items.filter((x) => SHOWN.includes(x.name) && x.list === null).length,
    untyped_impressions: untyped.length, untyped_lists: new Set(untyped.map((s) => s.list)).size,
  };
}

// A small made-up store that a new engine analyses once while it is idle, before the first real
// file arrives.
// V8 runs a wasm function in baseline code until it has been busy for a while, and moves it to
// optimised code only between calls: the analysis, one long call, would otherwise run in
// baseline code from start to end the first time (a 1M-order report 10–20% slower).
// Analysing this store makes the analysis code hot, and V8 optimises it in the background while
// the real files are read. Its aggregates file (warm-up-aggregates.csv, what the warehouse query
// gives for it) is read and analysed next, for the code only an aggregates file runs.

// A deterministic pseudo-random sequence (same store every time). Draws come from the state's
// high bits: its low bits repeat with short periods (the lowest alternates), which put all but
// one session in the same arm.
function sequence(seed) {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * n);
  };
}

const pad = (n, width) => String(n).padStart(width, '0');
const timeOf = (seconds) => new Date(Date.UTC(2024, 0, 1) + seconds * 1000).toISOString().slice(0, 19) + 'Z';

/**
 * The store's four tables as CSV text, [{name, text}] in reading order (1.1 MB): 60 products,
 * about 1,500 orders (3,900 lines) over 90 days, 2,500 sessions and 7,500 offer impressions of
 * 12 offers, with two experiment arms, channels, segments, repeat customers and accepted
 * offers: every section of the report has something to compute.
 */
export function warmUpTables() {
  const random = sequence(20240101);
  const products = ['product_id,name,category,price,unit_cost,margin_pct,tier'];
  const price = [];
  for (let p = 0; p < 60; p++) {
    price.push(5 + random(400));
    const cost = p % 3 === 0 ? '' : (price[p] * 0.6).toFixed(2);
    const margin = p % 3 === 0 ? String(20 + random(40)) : '';
    products.push(`P${pad(p, 3)},Product ${p},Group ${p % 5}/Kind ${p % 7},${price[p]}.00,${cost},${margin},${1 + (p % 3)}`);
  }
  const offers = Array.from({ length: 12 }, (_, k) => ({
    rec: `rec-${k}`, type: ['cross_sell', 'upsell', 'bundle'][k % 3], placement: ['cart', 'product', 'checkout'][k % 3],
    anchor: `P${pad(k, 3)}`, offered: 12 + k,
  }));
  const arms = ['control', 'treatment'];
  const sessions = ['session_id,variant,timestamp,customer_id,channel,segment,converted'];
  const orders = ['order_id,timestamp,customer_id,session_id,channel,variant,segment,currency,product_id,quantity,unit_price,discount,rec_id'];
  const impressions = ['rec_id,type,placement,anchor_product_id,offered_product_id,offered_price,session_id,order_id,timestamp,variant,accepted'];
  let order = 0;
  for (let s = 0; s < 2500; s++) {
    const at = Math.floor((s / 2500) * 90 * 86400) + random(3600);
    const customer = `C${pad(random(750), 5)}`;
    const arm = arms[random(2)];
    const channel = ['web', 'app', 'email'][random(3)];
    const segment = ['new', 'returning'][random(2)];
    const converted = order < 1500 && random(100) < 60;
    const session = `S${pad(s, 5)}`;
    sessions.push(`${session},${arm},${timeOf(at)},${customer},${channel},${segment},${converted ? 1 : 0}`);
    const id = converted ? `O${pad(order++, 5)}` : '';
    const shown = offers.filter(() => random(4) === 0);
    const taken = new Set();
    for (const offer of shown) {
      const accepted = converted && random(5) === 0;
      if (accepted) taken.add(offer);
      impressions.push(`${offer.rec},${offer.type},${offer.placement},${offer.anchor},P${pad(offer.offered, 3)},${price[offer.offered]}.00,${session},${id},${timeOf(at + 30)},${arm},${accepted}`);
    }
    if (!converted) continue;
    const lines = [random(60)];
    if (random(2)) lines.push((lines[0] + 1 + random(59)) % 60);  // another product
    for (const p of lines) {
      const discount = random(10) === 0 ? '1.50' : '';
      orders.push(`${id},${timeOf(at + 600)},${customer},${session},${channel},${arm},${segment},EUR,P${pad(p, 3)},${1 + random(3)},${price[p]}.00,${discount},`);
    }
    for (const offer of taken) {
      orders.push(`${id},${timeOf(at + 600)},${customer},${session},${channel},${arm},${segment},EUR,P${pad(offer.offered, 3)},1,${price[offer.offered]}.00,,${offer.rec}`);
    }
  }
  return [
    { name: 'products.csv', text: products.join('\n') + '\n' },
    { name: 'orders.csv', text: orders.join('\n') + '\n' },
    { name: 'offers.csv', text: impressions.join('\n') + '\n' },
    { name: 'sessions.csv', text: sessions.join('\n') + '\n' },
  ];
}

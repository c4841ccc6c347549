// One benchmark run in a fresh process: node workloads.mjs TOOL WORKLOAD DATA_DIR
// Prints one JSON line: {seconds, analysis_seconds, cpu_seconds, peak_bytes, peak_kind, check}.
// `seconds` covers reading the file(s) from disk to having the figures; `analysis_seconds` the
// part after the rows are read (where a tool has such a part); `cpu_seconds` (Basketlift's wasm)
// the processor time of the whole process meanwhile — every thread: the pool's readers, V8's
// compiler and garbage collector, the kernel's page faults; `check` holds figures the runner
// compares across tools (total revenue, AOV per variant), so a fast wrong answer cannot win.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [tool, workload, dataDir] = process.argv.slice(2);
const file = (name) => path.join(dataDir, name);
const TABLES = ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'];
// Basketlift computes just the sections a workload asks for (the others are skipped).
const SECTIONS = { ndjson: ['dimensions'], csv: ['dimensions'], report: null, ingest: null, ingest3: null, pairs: ['basket'] };
const FILES = { ndjson: ['orders.ndjson'], csv: ['orders.csv'], report: TABLES, ingest: TABLES, pairs: ['orders.csv'],
                ingest3: ['products.csv', 'orders.csv', 'sessions.csv'], load: TABLES };
const READ_ONLY = ['ingest', 'ingest3'];
const rssBytes = () => process.resourceUsage().maxRSS * 1024;
const round = (x) => Math.round(x * 100) / 100;

// Figures every tool of workloads ndjson and csv must agree on.
function figures(revenueByVariant, ordersByVariant, revenueByProduct) {
  const total = [...revenueByProduct.values()].reduce((a, b) => a + b, 0);
  const aov = Object.fromEntries([...revenueByVariant.keys()].filter((v) => v).sort().map((v) => [v, round(revenueByVariant.get(v) / ordersByVariant.get(v))]));
  return { revenue: round(total), products: revenueByProduct.size, aov };
}

function addTo(map, key, amount) {
  map.set(key, (map.get(key) ?? 0) + amount);
}

// One worker (`workers: 1`), or the pool (`workers: 'auto'`: the cores of this machine). Each
// file is given as a FileHandle, read into buffers used again (as a Node embedder reads a file:
// README "Large files in Node"; a page's dropped File is read the same way, web/src/blob-chunks.js).
async function basketliftWasm(pool = false) {
  const { createEngine } = await import(path.join(root, 'build/web/src/engine.js'));
  const sections = SECTIONS[workload];
  const engine = await createEngine({ workers: pool ? 'auto' : 1, ...(sections ? { settings: { sections } } : {}) });
  await engine.warmedUp;  // a page open for a moment: the warm-up has run before the drop
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (const name of FILES[workload]) {
    const handle = await open(file(name));
    await engine.addFile(handle, { name });
    await handle.close();
  }
  const read = performance.now();
  const report = READ_ONLY.includes(workload) ? null : engine.analyze();
  const end = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  const memory = engine.memory();
  const result = { seconds: (end - start) / 1000, analysis_seconds: (end - read) / 1000, cpu_seconds: (cpu.user + cpu.system) / 1e6,
                   peak_bytes: memory.wasmBytes + memory.poolBytes,
                   peak_kind: pool ? 'wasm memory, all instances' : 'wasm memory', threads: engine.threads, check: report && basketliftCheck(report) };
  if (['csv', ...READ_ONLY].includes(workload)) {
    if (!report) engine.analyze();  // for the store's size
    result.store_bytes = JSON.parse(engine.reportJson()).store_bytes;
  }
  engine.dispose();
  return result;
}

function basketliftCheck(report) {
  if (workload === 'pairs') return { baskets: report.basket.baskets_used };
  if (!report.dimensions.available) return { revenue: round(report.summary.revenue) };
  const { variant, product } = report.dimensions.by;
  const aov = Object.fromEntries(variant.groups.filter((g) => g.key !== '(not set)').map((g) => [g.key, round(g.aov)]).sort());
  return { revenue: round(product.total.revenue), products: product.group_count, aov };
}

// The native reader of a build preset's bench_ingest (native-bench: GCC, -march=native;
// native-clang-bench: clang at the baseline instruction set), `env` added to its environment.
function basketliftNative(threads = 1, preset = 'native-bench', env = {}) {
  const sections = SECTIONS[workload];
  const args = [...(sections ? ['--settings', JSON.stringify({ sections })] : []), ...(READ_ONLY.includes(workload) ? ['--ingest-only'] : []),
                '--threads', String(threads), ...FILES[workload].map(file)];
  const out = JSON.parse(execFileSync(path.join(root, 'build', preset, 'bin/bench_ingest'), args,
                                      { encoding: 'utf8', env: { ...process.env, ...env } }));
  return { seconds: out.ingest_seconds + out.analyze_seconds, analysis_seconds: out.analyze_seconds, peak_bytes: out.peak_rss_bytes, peak_kind: 'RSS',
           threads, check: null };
}

function jsonParse() {
  const start = performance.now();
  const revenueByVariant = new Map(), ordersByVariant = new Map(), revenueByProduct = new Map();
  for (const line of readFileSync(file('orders.ndjson'), 'utf8').split('\n')) {
    if (!line) continue;
    const order = JSON.parse(line);
    let revenue = 0;
    for (const item of order.items ?? [order]) {
      const r = item.quantity * item.unit_price - (item.discount ?? 0);
      revenue += r;
      addTo(revenueByProduct, item.product_id, r);
    }
    addTo(revenueByVariant, order.variant, revenue);
    addTo(ordersByVariant, order.variant, 1);
  }
  return { seconds: (performance.now() - start) / 1000, peak_bytes: rssBytes(), peak_kind: 'RSS', check: figures(revenueByVariant, ordersByVariant, revenueByProduct) };
}

async function papaParse() {
  const Papa = (await import('papaparse')).default;
  const start = performance.now();
  const { data } = Papa.parse(readFileSync(file('orders.csv'), 'utf8'), { header: true, dynamicTyping: true, skipEmptyLines: true });
  const revenueByVariant = new Map(), ordersByVariant = new Map(), revenueByProduct = new Map();
  const seen = new Set();
  for (const line of data) {
    const r = line.quantity * line.unit_price - (line.discount || 0);
    addTo(revenueByProduct, line.product_id, r);
    addTo(revenueByVariant, line.variant, r);
    if (!seen.has(line.order_id)) {
      seen.add(line.order_id);
      addTo(ordersByVariant, line.variant, 1);
    }
  }
  return { seconds: (performance.now() - start) / 1000, peak_bytes: rssBytes(), peak_kind: 'RSS', check: figures(revenueByVariant, ordersByVariant, revenueByProduct) };
}

const SQL_LINES = (source) => `CREATE TABLE lines AS SELECT * FROM read_csv('${source}', header = true)`;
const SQL_LOAD = (name) => `CREATE TABLE ${name.replace('.csv', '')} AS SELECT * FROM read_csv('${name}', header = true)`;
const SQL_VARIANTS = `SELECT variant, sum(quantity * unit_price - coalesce(discount, 0)) AS revenue, count(DISTINCT order_id) AS orders FROM lines GROUP BY variant`;
const SQL_PRODUCTS = `SELECT product_id, sum(quantity * unit_price - coalesce(discount, 0)) AS revenue FROM lines GROUP BY product_id`;

function sqlFigures(variants, products) {
  const byVariant = new Map(variants.map((r) => [r.variant, Number(r.revenue)]));
  const orders = new Map(variants.map((r) => [r.variant, Number(r.orders)]));
  return figures(byVariant, orders, new Map(products.map((r) => [r.product_id, Number(r.revenue)])));
}

async function duckdbWasmDatabase() {
  const require = (await import('node:module')).createRequire(import.meta.url);
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const db = await duckdb.createDuckDB({
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
  }, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  // DuckDB-WASM reads a registered file from disk itself in Node (its NODE_FS protocol): about
  // 1 s faster on the 1M-order CSV than given the bytes read whole (4.5 against 5.6 s).
  const register = (name) => db.registerFileURL(name, path.resolve(file(name)), duckdb.DuckDBDataProtocol.NODE_FS, false);
  return { db, conn: db.connect(), register };
}

async function duckdbWasm() {
  const { conn, register } = await duckdbWasmDatabase();
  const start = performance.now();
  register('orders.csv');
  conn.query(SQL_LINES('orders.csv'));
  const rows = (sql) => conn.query(sql).toArray().map((r) => r.toJSON());
  const check = sqlFigures(rows(SQL_VARIANTS), rows(SQL_PRODUCTS));
  return { seconds: (performance.now() - start) / 1000, peak_bytes: rssBytes(), peak_kind: 'RSS', check };
}

// DuckDB-WASM merely loading the four tables (workload 3c: what the full report is held against).
async function duckdbWasmLoad() {
  const { conn, register } = await duckdbWasmDatabase();
  const start = performance.now();
  for (const name of TABLES) {
    register(name);
    conn.query(SQL_LOAD(name));
  }
  const rows = Number(conn.query('SELECT count(*) AS n FROM orders').toArray()[0].toJSON().n);
  return { seconds: (performance.now() - start) / 1000, peak_bytes: rssBytes(), peak_kind: 'RSS', check: { order_lines: rows } };
}

async function duckdbNative() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const start = performance.now();
  await conn.run(SQL_LINES(file('orders.csv')));
  const rows = async (sql) => (await conn.runAndReadAll(sql)).getRowObjects();
  const check = sqlFigures(await rows(SQL_VARIANTS), await rows(SQL_PRODUCTS));
  return { seconds: (performance.now() - start) / 1000, peak_bytes: rssBytes(), peak_kind: 'RSS', check };
}

// Pair counts the plain way: the lines split into baskets, then a Map keyed by both products over
// baskets of 2 to 50 products.
function jsPairs() {
  const start = performance.now();
  const lines = readFileSync(file('orders.csv'), 'utf8').split('\n');
  const header = lines[0].split(',');
  const orderAt = header.indexOf('order_id'), productAt = header.indexOf('product_id');
  const basketList = [];
  let current = null, basket = null;
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const cells = lines[i].split(',');
    if (cells[orderAt] !== current) {
      current = cells[orderAt];
      basket = new Set();
      basketList.push(basket);
    }
    basket.add(cells[productAt]);
  }
  const read = performance.now();
  const pairs = new Map(), single = new Map();
  let baskets = 0;
  for (const set of basketList) {
    if (set.size > 50) continue;  // wholesale-sized baskets are left out
    const items = [...set].sort();
    baskets += 1;
    for (const p of items) addTo(single, p, 1);
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) addTo(pairs, `${items[i]}\u0001${items[j]}`, 1);
  }
  const minCount = Math.max(10, Math.ceil(0.001 * baskets));
  let rules = 0;
  for (const [key, count] of pairs) {
    if (count < minCount) continue;
    const [a, b] = key.split('\u0001');
    if ((count * baskets) / (single.get(a) * single.get(b)) > 0) rules += 1;  // lift computed
  }
  const end = performance.now();
  return { seconds: (end - start) / 1000, analysis_seconds: (end - read) / 1000, peak_bytes: rssBytes(), peak_kind: 'RSS',
           check: { baskets, rules } };
}

const cores = (await import('node:os')).availableParallelism();
const TOOLS = { 'basketlift-wasm': () => basketliftWasm(false), 'basketlift-wasm-pool': () => basketliftWasm(true),
                'basketlift-native': () => basketliftNative(1), 'basketlift-native-pool': () => basketliftNative(cores),
                // The same code as wasm's, by its compiler, at its vector width; and with simdjson's scalar kernel, wasm's.
                'basketlift-native-clang': () => basketliftNative(1, 'native-clang-bench'),
                'basketlift-native-clang-scalar-json': () => basketliftNative(1, 'native-clang-bench', { SIMDJSON_FORCE_IMPLEMENTATION: 'fallback' }),
                'JSON.parse+JS': jsonParse, 'Papa Parse+JS': papaParse, 'DuckDB-WASM': workload === 'load' ? duckdbWasmLoad : duckdbWasm,
                'DuckDB native': duckdbNative, 'JS Map of pairs': jsPairs };
console.log(JSON.stringify(await TOOLS[tool]()));

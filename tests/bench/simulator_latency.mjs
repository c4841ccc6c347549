// Simulator latency through the JS API: one slider move (set a knob, run) over N offer groups.
// Usage: node tests/bench/simulator_latency.mjs [GROUPS=1000] [RUNS=20000]
// Prints one JSON line: median and p99 per call in milliseconds.
import { createEngine } from '../../build/web/src/engine.js';

const groups = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 20000);
const engine = await createEngine();
const baseline = {
  currency: 'EUR',
  store: { orders: 100000, aov: 80, margin_pct: 30 },
  groups: Array.from({ length: groups }, (_, i) => ({
    id: `offer-${i}`,
    type: ['cross_sell', 'upsell', 'bundle'][i % 3],
    exposed_orders: 1000 + i,
    acceptance: 0.02 + (i % 10) / 100,
    offered_price: 20 + (i % 50),
    anchor_price: i % 3 ? 10 + (i % 7) : 0,
    margin_pct: 35,
  })),
};
const sim = engine.simulator(baseline);
const times = new Float64Array(runs);
for (let i = 0; i < runs; ++i) {
  const start = performance.now();
  sim.set(i % groups, 'acceptance', (i % 100) / 100);
  sim.run();
  times[i] = performance.now() - start;
}
times.sort();
console.log(JSON.stringify({ groups, runs, median_ms: times[runs >> 1], p99_ms: times[Math.floor(runs * 0.99)] }));

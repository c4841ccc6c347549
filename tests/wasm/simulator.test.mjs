// The simulator through the JS API: the worked checks of SPEC §4, the slider fast path equal to
// the one-shot projection, and errors as BasketliftError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEngineModule, root } from './helpers.mjs';

const { createEngine, BasketliftError } = await loadEngineModule();
const engine = await createEngine();

const laptop = (groups = []) => ({ currency: 'EUR', store: { orders: 1000, aov: 800, margin_pct: 20 }, groups });
const mouse = { id: 'mouse', type: 'cross_sell', acceptance: 0.12, offered_price: 40, margin_pct: 30 };
const pro = { id: 'pro', type: 'upsell', acceptance: 0.07, offered_price: 1000, anchor_price: 800 };

test('worked checks: 800, 804.80, +1.44 per order, 814 and not 870', () => {
  assert.equal(engine.simulate(laptop()).total.baseline.aov, 800);
  const withMouse = engine.simulate(laptop([mouse]));
  assert.equal(withMouse.total.baseline.aov, 804.8);
  assert.ok(Math.abs(withMouse.groups[0].baseline.margin / 1000 - 1.44) < 1e-12);
  const withPro = engine.simulate(laptop([pro]));
  assert.equal(withPro.total.baseline.aov, 814);
  assert.match(withPro.groups[0].explanation, /870\.00 EUR/);
});

test('8% → 12% acceptance adds 0.04 × N × p revenue', () => {
  const projection = engine.simulate(laptop([{ ...mouse, acceptance: 0.08 }]), { groups: { mouse: { acceptance: 0.12 } } });
  assert.ok(Math.abs(projection.total.delta.revenue - 0.04 * 1000 * 40) < 1e-9);
});

test('slider fast path equals the one-shot projection', () => {
  const sim = engine.simulator(laptop([mouse, pro]));
  assert.deepEqual(sim.groups.map((g) => g.id), ['mouse', 'pro']);
  sim.set('mouse', 'acceptance', 0.2);
  sim.set('pro', 'conversion_impact', -0.01);
  sim.setVolume(1.5);
  const fast = sim.run();
  const full = engine.simulate(laptop([mouse, pro]), {
    volume: 1.5,
    groups: { mouse: { acceptance: 0.2 }, pro: { conversion_impact: -0.01 } },
  });
  for (const key of ['baseline', 'scenario', 'delta']) {
    for (const figure of ['orders', 'revenue', 'aov', 'margin', 'profit']) {
      assert.ok(Math.abs(fast[key][figure] - full.total[key][figure]) < 1e-9, `${key}.${figure}`);
    }
  }
  assert.equal(sim.get('mouse', 'acceptance'), 0.2);
  assert.ok(sim.groupResult('pro').breakEvenAcceptance > 0);
  // groupResult reads the last run() without running again: a knob moved since does not show.
  const before = sim.groupResult('mouse');
  sim.set('mouse', 'acceptance', 0.3);
  assert.deepEqual(sim.groupResult('mouse'), before);
  sim.run();
  assert.ok(sim.groupResult('mouse').revenue > before.revenue);
  sim.reset();
  assert.equal(sim.run().delta.profit, 0);
  sim.dispose();
});

test('a report is a baseline: one group per offer or per type × placement cell', async () => {
  const e = await createEngine();
  for (const name of ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv']) {
    await e.addFile(readFileSync(path.join(root, 'web/sample', name)), { name });
  }
  const report = e.analyze();
  const byOffer = e.simulate(report);
  assert.ok(Math.abs(byOffer.total.baseline.revenue - report.summary.revenue) < 1e-6 * report.summary.revenue);
  const byCell = e.simulate(report, { grouping: 'type_placement', all: { acceptance: { relative: 0.1 } } });
  assert.ok(byCell.groups.every((g) => g.id.includes(' × ')));
  assert.ok(byCell.total.delta.revenue > 0);
  assert.ok(byCell.sensitivity.length > 0);
  // A null baseline is the engine's own last report: the same projection, no JSON in between.
  for (const scenario of [{}, { grouping: 'offer_segment', all: { conversion_impact: -0.01 } }]) {
    assert.deepEqual(e.simulate(null, scenario), e.simulate(report, scenario));
    const [fromEngine, fromReport] = [e.simulator(null, scenario), e.simulator(report, scenario)];
    assert.deepEqual(fromEngine.groups, fromReport.groups);
    assert.deepEqual(fromEngine.run(), fromReport.run());
    fromEngine.dispose();
    fromReport.dispose();
  }
  e.reset();
  assert.throws(() => e.simulate(null, {}), (error) => error instanceof BasketliftError && error.code === 'bad_usage');
  e.dispose();
});

test('bad baselines and scenarios throw BasketliftError with bad_config', () => {
  assert.throws(() => engine.simulate({ store: { orders: 10 } }), (e) => e instanceof BasketliftError && e.code === 'bad_config');
  assert.throws(() => engine.simulate(laptop([mouse]), { groups: { nope: {} } }), /no group "nope"/);
  assert.throws(() => engine.simulator(laptop([mouse])).set('mouse', 'colour', 1), (e) => e.code === 'bad_usage');
});

// Trends in the wasm engine: a time zone's rules derived from Intl (web/src/time-zone.js) give
// the same trends as the native CLI's rules read from the zoneinfo files (TZif, two independent
// sources of the same calendar), around daylight-saving changes in Berlin and New York; an
// unknown zone is a bad_config error, not a silent UTC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertSameReport, cli, loadEngineModule, root } from './helpers.mjs';

const { createEngine } = await loadEngineModule();
const { zoneRules } = await import(path.join(root, 'web/src/time-zone.js'));

const dir = mkdtempSync(path.join(os.tmpdir(), 'basketlift-trends-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

// Orders every 20 minutes from the Friday before each 2024 change of clocks to the Monday
// after it (in both zones), and a few around the year's end.
function ordersAroundClockChanges() {
  const rows = ['order_id,timestamp,product_id,quantity,unit_price'];
  const starts = ['2024-03-08', '2024-03-29', '2024-10-25', '2024-11-01', '2024-12-30'];
  let n = 0;
  for (const start of starts) {
    const from = Date.parse(`${start}T00:00:00Z`) / 1000;
    for (let t = from; t < from + 4 * 86400; t += 1200)
      rows.push(`O${++n},${new Date(t * 1000).toISOString().replace('.000', '')},P${n % 7},1,${10 + (n % 5)}`);
  }
  return rows.join('\n') + '\n';
}

const orders = path.join(dir, 'orders.csv');
writeFileSync(orders, ordersAroundClockChanges());

test('Intl gives the offsets the zoneinfo files give at the 2024 clock changes', () => {
  const berlin = new Map(zoneRules('Europe/Berlin').transitions);
  assert.equal(berlin.get(Date.parse('2024-03-31T01:00:00Z') / 1000), 7200);
  assert.equal(berlin.get(Date.parse('2024-10-27T01:00:00Z') / 1000), 3600);
  const newYork = new Map(zoneRules('America/New_York').transitions);
  assert.equal(newYork.get(Date.parse('2024-03-10T07:00:00Z') / 1000), -4 * 3600);
  assert.equal(newYork.get(Date.parse('2024-11-03T06:00:00Z') / 1000), -5 * 3600);
  assert.equal(zoneRules('Europe/Berlin').initial_offset, 3600);
});

for (const timezone of ['Europe/Berlin', 'America/New_York']) {
  for (const trend_grain of ['day', 'week']) {
    test(`${timezone} by ${trend_grain}: the wasm engine's trends are the CLI's`, async () => {
      const settings = { timezone, trend_grain, sections: ['trends'] };
      const config = path.join(dir, 'settings.json');
      writeFileSync(config, JSON.stringify(settings));
      const native = JSON.parse(execFileSync(cli, ['analyze', '--config', config, orders], {
        encoding: 'utf8', env: { ...process.env, TZDIR: path.join(root, 'tests/fixtures/zoneinfo') },
      }));
      const engine = await createEngine({ workers: 1, settings });
      await engine.addFile(readFileSync(orders), { name: 'orders.csv' });
      const report = engine.analyze();
      engine.dispose();
      assert.equal(report.trends.timezone, timezone);
      assertSameReport(report.trends, native.trends);
      // Every order is in a period, and each period holds the orders of its local days.
      const total = report.trends.periods.reduce((sum, p) => sum + p.orders, 0);
      assert.equal(total, 5 * 4 * 72);
      if (trend_grain === 'day' && timezone === 'Europe/Berlin') {
        const march31 = report.trends.periods.find((p) => p.start === '2024-03-31');
        assert.equal(march31.orders, 69, 'a 23-hour day holds 23 hours of orders');
        const october27 = report.trends.periods.find((p) => p.start === '2024-10-27');
        assert.equal(october27.orders, 75, 'a 25-hour day holds 25 hours of orders');
      }
    });
  }
}

test('an unknown time zone is a bad_config error', async () => {
  const engine = await createEngine({ workers: 1 });
  assert.throws(() => engine.configure({ timezone: 'Mars/Olympus_Mons' }), (error) => error.code === 'bad_config');
  engine.dispose();
});

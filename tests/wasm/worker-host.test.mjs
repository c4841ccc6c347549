// The worker protocol's engine side, driven without a Worker: replies, progress, cancel,
// errors as plain objects, and the simulator requests the dashboard's sliders use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { assertValidReport, fixture, webDir } from './helpers.mjs';

const { EngineHost } = await import(path.join(webDir, 'src/worker-host.js'));

// Sends one request and collects every reply to it.
async function ask(host, request) {
  const replies = [];
  await host.handle(request, (message) => replies.push(message));
  return replies;
}
const resultOf = (replies) => {
  const last = replies.at(-1);
  assert.equal(last.type, 'result', JSON.stringify(last.error));
  return last.result;
};

const sample = ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'].map((name) => ({
  name,
  bytes: new Uint8Array(fixture(path.join('..', '..', 'web', 'sample', name))),
}));

test('files in with progress, report out, simulator sliders move the projection', async () => {
  const host = new EngineHost();
  for (const file of sample) {
    const replies = await ask(host, { id: 1, type: 'addFile', source: file.bytes, options: { name: file.name, chunkBytes: 1 << 16 } });
    const progress = replies.filter((r) => r.type === 'progress');
    assert.ok(progress.length >= 1);
    assert.equal(progress.at(-1).loaded, file.bytes.length);
    assert.ok(progress.at(-1).rows > 0);
    resultOf(replies);
  }
  const json = resultOf(await ask(host, { id: 2, type: 'analyze' }));
  assert.equal(typeof json, 'string', 'the report travels as JSON text');
  const report = assertValidReport(JSON.parse(json));
  assert.equal(report.inputs.length, 4);
  const loaded = resultOf(await ask(host, { id: 3, type: 'simLoad', scenario: {} }));
  // One group per tracked offer shown in at least one order's session (others have nothing to project).
  assert.deepEqual(loaded.groups.map((g) => g.id).sort(),
    report.offers.offers.filter((o) => o.tracked && o.exposed_orders > 0).map((o) => o.rec_id).sort());
  assert.ok(Math.abs(loaded.totals.delta.profit) < 1e-6, 'no change yet');
  const group = loaded.groups[0];
  // The first group's projection came with the load: what asking for it without a change gives.
  const unchanged = resultOf(await ask(host, { id: 8, type: 'simSet', changes: [], group: group.id }));
  assert.deepEqual(loaded.first, unchanged.group);
  assert.ok(Number.isFinite(loaded.first.revenue) && loaded.first.revenue > 0);
  const moved = resultOf(await ask(host, { id: 4, type: 'simSet', changes: [[group.id, 'acceptance', group.baseline.acceptance + 0.05]], group: group.id }));
  // The one-shot projection of the same scenario agrees with the fast path.
  const full = resultOf(await ask(host, { id: 5, type: 'simulate', scenario: { groups: { [group.id]: { acceptance: group.baseline.acceptance + 0.05 } } } }));
  assert.ok(Math.abs(moved.totals.scenario.revenue - full.total.scenario.revenue) < 1e-6 * full.total.scenario.revenue);
  assert.ok(moved.totals.delta.revenue > 0);
  assert.ok(Number.isFinite(moved.group.revenue));
  const details = resultOf(await ask(host, { id: 6, type: 'simDetails' }));
  assert.ok(details.sensitivity.length > 0);
  const reset = resultOf(await ask(host, { id: 7, type: 'simReset' }));
  assert.ok(Math.abs(reset.delta.revenue) < 1e-6);
});

test('a cancel request stops a file being read, with code cancelled', async () => {
  const host = new EngineHost();
  const big = new Uint8Array(fixture(path.join('..', '..', 'web', 'sample', 'offers.csv')));
  let replied;
  const reading = host.handle({ id: 1, type: 'addFile', source: new Blob([big]), options: { name: 'offers.csv', chunkBytes: 1024 } },
    (message) => {
      if (message.type === 'progress' && message.loaded === 1024) host.handle({ id: 2, type: 'cancel', target: 1 }, () => {});
      if (message.type !== 'progress') replied = message;
    });
  await reading;
  assert.equal(replied.type, 'error');
  assert.equal(replied.error.code, 'cancelled');
  const report = assertValidReport(JSON.parse(resultOf(await ask(host, { id: 3, type: 'analyze' }))));
  assert.equal(report.inputs.length, 0, 'a cancelled file is not part of the analysis');
});

test('misuse is an error reply, not a thrown exception', async () => {
  const host = new EngineHost();
  const [unknown] = await ask(host, { id: 1, type: 'nonsense' });
  assert.equal(unknown.type, 'error');
  assert.equal(unknown.error.code, 'bad_usage');
  const [early] = await ask(host, { id: 2, type: 'simSet', changes: [] });
  assert.equal(early.error.code, 'bad_usage');
  assert.match(early.error.message, /simulator first/);
});

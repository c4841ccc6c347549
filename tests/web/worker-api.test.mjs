// The WorkerEngine contract in a real browser: terminate() settles every pending call (and any
// later one) with code "terminated", a worker whose script does not load with code "internal";
// simulate(baseline, scenario) takes its arguments in the Engine's order, a null baseline
// meaning the last report; the dashboard's destroy() leaves an engine the caller passed in
// running.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDashboard } from './browser.mjs';

let browser;

before(async () => {
  browser = await openDashboard();
});

after(async () => {
  assert.deepEqual(browser.consoleErrors, []);
  await browser.close();
});

test('terminate() rejects pending and later calls with code "terminated"', async () => {
  const outcome = await browser.page.evaluate(async () => {
    const { WorkerEngine } = await import('./src/worker-client.js');
    const engine = new WorkerEngine();
    const pending = engine.memory();  // not answered yet: the worker is still starting
    engine.terminate();
    const codes = [];
    for (const call of [pending, engine.configure({}), engine.analyze()]) {
      try {
        await call;
        codes.push('resolved');
      } catch (error) {
        codes.push(`${error.name}:${error.code}`);
      }
    }
    engine.terminate();  // a second call is harmless
    return codes;
  });
  assert.deepEqual(outcome, Array(3).fill('BasketliftError:terminated'));
});

test('a worker whose script does not load (missing, or refused by the page\'s CSP) fails every call with code "internal", later calls too', async () => {
  const outcomes = await browser.page.evaluate(async () => {
    const { WorkerEngine } = await import('./src/worker-client.js');
    // A call's outcome, or 'unanswered' when it has not settled within 10 s.
    const settle = (call) => Promise.race([
      call.then(() => 'resolved', (error) => `${error.name}:${error.code}`),
      new Promise((resolve) => setTimeout(() => resolve('unanswered'), 10000)),
    ]);
    const missing = new URL('./src/no-such-worker.js', location.href);
    const refused = URL.createObjectURL(new Blob(['onmessage = () => {}'], { type: 'text/javascript' }));  // worker-src 'self'
    const outcomes = [];
    for (const url of [missing, refused]) {
      const engine = new WorkerEngine(url);
      const first = await settle(engine.memory());  // pending when the load fails
      const later = await settle(engine.configure({}));  // made after it failed
      engine.terminate();
      outcomes.push([first, later, await settle(engine.analyze())]);  // terminate() still says so
    }
    return outcomes;
  });
  const failed = ['BasketliftError:internal', 'BasketliftError:internal', 'BasketliftError:terminated'];
  assert.deepEqual(outcomes, [failed, failed]);
  // The browser logs the missing script and the refused one; nothing else may be logged.
  const logged = browser.consoleErrors.splice(0);
  assert.ok(logged.every((message) => /404|Not Found|no-such-worker|Content Security Policy/.test(message)), logged.join('\n'));
});

test('simulate(baseline, scenario): null means the last report, as passing it does', async () => {
  const [fromNull, fromReport, scenario] = await browser.page.evaluate(async () => {
    const { WorkerEngine } = await import('./src/worker-client.js');
    const engine = new WorkerEngine();
    for (const name of ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv']) {
      const blob = await (await fetch(`./sample/${name}`)).blob();
      await engine.addFile(new File([blob], name));
    }
    const report = await engine.analyze();
    const change = { all: { acceptance: { relative: 0.2 } } };
    const results = [await engine.simulate(null, change), await engine.simulate(report, change), await engine.simulate(null)];
    engine.terminate();
    return results.map((r) => r.total);
  });
  assert.deepEqual(fromNull, fromReport);
  assert.notDeepEqual(fromNull.scenario, scenario.scenario);  // the scenario was applied
  assert.deepEqual(scenario.scenario, scenario.baseline);     // no scenario: no change
});

test("destroy() empties the element but leaves the caller's engine running", async () => {
  const outcome = await browser.page.evaluate(async () => {
    const { WorkerEngine } = await import('./src/worker-client.js');
    const { mount } = await import('./app/dashboard.js');
    const engine = new WorkerEngine();
    const element = document.createElement('div');
    document.body.append(element);
    const dashboard = mount(element, { engine });
    dashboard.destroy();
    const memory = await engine.memory();
    engine.terminate();
    return { children: element.childElementCount, memory: typeof memory.wasmBytes };
  });
  assert.deepEqual(outcome, { children: 0, memory: 'number' });
});

// Compile-only check of the TypeScript declarations (tsc --noEmit; run by scripts/test.sh):
// the way an embedding application would use the engine must type-check.
import { BasketliftError, DEFAULT_MEMORY_LIMIT, createEngine, type Report } from '../../web/src/engine.js';
import { WorkerEngine } from '../../web/src/worker-client.js';
import { mount } from '../../web/app/dashboard.js';

export async function analyseInNode(bytes: Uint8Array): Promise<number | null> {
  const engine = await createEngine({ settings: { control_arm: 'control' }, memoryLimit: DEFAULT_MEMORY_LIMIT / 2 });
  try {
    await engine.addFile(bytes, { name: 'orders.ndjson', table: 'orders', onProgress: ({ loaded, total }) => void [loaded, total] });
    const report: Report = engine.analyze();
    const sim = engine.simulator(report, { grouping: 'offer' });
    sim.set(0, 'acceptance', 0.12);
    const totals = sim.run();
    sim.dispose();
    const projection = engine.simulate({ store: { orders: 10, aov: 800 } }, {});
    return report.summary.aov === null ? null : totals.delta.revenue + projection.total.scenario.aov;
  } catch (error) {
    if (error instanceof BasketliftError) return error.code === 'unreadable_file' ? null : -1;
    throw error;
  } finally {
    engine.dispose();
  }
}

export async function analyseInWorker(file: File): Promise<string> {
  const engine = new WorkerEngine();
  await engine.addFile(file, { mapping: { Invoice: 'order_id' }, onProgress: (p) => void p.loaded });
  const report = await engine.analyze();
  engine.terminate();
  return report.inputs.map((input) => `${input.file}: ${input.rows_used}`).join('\n');
}

export async function sliderInWorker(file: File): Promise<number> {
  const engine = new WorkerEngine();
  const header = await engine.inspect(file);
  if (header.table === null) await engine.addFile(file, { mapping: Object.fromEntries(header.columns.map((c) => [c.name, c.field ?? 'ignore'])) });
  const { groups } = await engine.simulatorLoad({ grouping: 'offer' });
  const { totals, group } = await engine.simulatorSet([[groups[0].id, 'acceptance', 0.1]], { volume: 1.2, group: groups[0].id });
  const projection = await engine.simulate(null, { grouping: 'offer_segment', all: { acceptance: { relative: 0.1 } } });
  engine.terminate();
  return (totals.delta.profit ?? 0) + (group?.breakEvenAcceptance ?? 0) + (projection.total.delta.profit ?? 0);
}

export function embed(host: HTMLElement): Promise<void> {
  const dashboard = mount(host, { sampleBase: '/sample/' });
  if (!dashboard) return Promise.resolve();  // the element shows why (no WebAssembly)
  host.addEventListener('basketlift-report', () => void dashboard.report?.summary.orders);
  return dashboard.loadSample();
}

// Compile-only check of the TypeScript declarations (tsc --noEmit; run by scripts/test.sh):
// the way an embedding application would use the engine must type-check.
import { BasketliftError, DEFAULT_MEMORY_LIMIT, createEngine, type Report, type SettingsOverrides } from '../../web/src/engine.js';
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

// Every section is typed: narrowing on `available` reaches the figures without casts.
export function firstVerdicts(report: Report): string[] {
  const lines: string[] = [];
  if (report.offers.available) {
    for (const offer of report.offers.offers) {
      const segment = offer.by_segment[0];
      lines.push(`${offer.rec_id}: ${offer.verdict} (${segment ? segment.segment : 'no segments'}, p ${offer.segment_test.p_value ?? '–'})`);
    }
  }
  if (report.experiment.available) {
    for (const metric of report.experiment.comparisons[0]?.metrics ?? []) {
      lines.push(metric.result.ok ? `${metric.metric}: ${metric.result.delta_ci[0]}..${metric.result.delta_ci[1]}` : metric.result.reason);
    }
  }
  if (report.retire.available) lines.push(...report.retire.offers.map((o) => `${o.rec_id}: ${o.rule}, gives up ${o.gives_up.margin_per_month}`));
  if (report.basket.available) lines.push(...report.basket.product_pairs.map((p) => `${p.a_name ?? p.a} + ${p.b_name ?? p.b}: ${p.lift}`));
  if (report.ltv.available) lines.push(...report.ltv.windows.map((w) => `${w.days}: ${w.adopters.repeat_rate}`));
  if (report.dimensions.available) lines.push(`${report.dimensions.by.segment.groups.length} segments`);
  lines.push(...report.alerts.alerts.map((a) => `${a.severity}: ${a.title}`));
  lines.push(...report.data_gaps.checks.map((c) => `${c.id}: ${c.count}`));
  const settings: SettingsOverrides = { confidence: report.settings.confidence, expected_split: report.settings.expected_split };
  return settings.confidence === undefined ? [] : lines;
}

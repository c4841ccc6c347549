// The experiment over time: each arm's cumulative lift over control with its interval, period
// by period from the test's start (a lift that shrinks as periods add up is a novelty effect),
// and the periods whose own split of units is off.
import { chartFigure, COLORS, lineChart } from '../charts.js';
import { fmt, h } from '../dom.js';
import { csvButton } from '../export.js';
import { METRICS } from './experiment.js';

const ARM_COLORS = [COLORS.primary, '#b35c00', '#1b7f3b', '#6b4fa0'];

/** The comparison of `metric` for `arm` at one period, or null. */
function resultAt(period, arm, metric) {
  const result = period.comparisons.find((c) => c.arm === arm)?.metrics.find((m) => m.metric === metric)?.result;
  return result?.ok ? result : null;
}

/** The "experiment over time" block of the trends panel (null without an experiment). */
export function renderExperimentTrend(t, report, periodLabel) {
  const e = t.experiment;
  if (!e.available) return null;
  const arms = e.arms.slice(1);
  const metrics = Object.keys(METRICS).filter((m) => e.periods.some((p) => arms.some((a) => resultAt(p, a, m))));
  if (metrics.length === 0) return null;
  const metric = h('select', { id: 'trend-experiment-metric', 'aria-label': 'Experiment metric' },
    metrics.map((m) => h('option', { value: m }, METRICS[m].label)));
  const sequential = report.settings.sequential;
  const level = `${Math.round(report.settings.confidence * 100)}%${sequential ? ' always-valid' : ''}`;
  const { figure, canvas } = chartFigure(`Cumulative lift over ${e.arms[0]} with its ${level} interval (dashed), from the test's start on ${e.start}`, 'experiment-over-time.png');
  const labels = t.periods.map((p) => periodLabel(t, p) + (p.start <= e.start && e.start <= p.end ? ' (start)' : ''));
  const draw = () => {
    const lines = [];
    arms.forEach((arm, i) => {
      const color = ARM_COLORS[i % ARM_COLORS.length];
      const at = e.periods.map((p) => resultAt(p, arm, metric.value));
      lines.push({ label: arm, data: at.map((r) => r?.relative ?? null), color });
      lines.push({ label: `${arm} low`, data: at.map((r) => r?.relative_ci[0] ?? null), color, dash: [4, 4] });
      lines.push({ label: `${arm} high`, data: at.map((r) => r?.relative_ci[1] ?? null), color, dash: [4, 4] });
    });
    lineChart(canvas, { labels, lines, partial: t.periods.map((p) => p.partial), format: fmt.signedPercent });
  };
  metric.addEventListener('change', draw);
  const off = e.periods.map((p, k) => ({ p, k })).filter(({ p }) => p.srm.mismatch);
  const block = h('section', { id: 'trend-experiment' },
    h('h3', {}, 'The experiment over time'),
    h('p', { class: 'hint' }, `At the end of each ${t.grain}, every unit that started up to then, ${sequential
      ? 'with always-valid intervals (sequential testing is on: reading the chart every day is safe)'
      : 'with fixed-horizon intervals (turn on sequential testing to read it every day without more false alarms)'}.` +
      (e.undated_units ? ` ${fmt.count(e.undated_units)} units without a time are left out.` : '')),
    h('p', { class: 'controls' }, h('label', { for: 'trend-experiment-metric' }, 'Metric '), metric),
    figure,
    off.length
      ? h('div', { class: 'warning', id: 'trend-srm' }, h('p', {}, `The split of units was off (sample-ratio mismatch) in ${off.length === 1 ? 'this period' : 'these periods'}:`),
        h('ul', {}, off.map(({ p, k }) => h('li', { dataset: { period: p.start } },
          `${periodLabel(t, t.periods[k])}: ${p.units.map((n, a) => `${e.arms[a]} ${fmt.count(n)}`).join(', ')} (p = ${fmt.pValue(p.srm.p_value)})`))))
      : null,
    csvButton('experiment-over-time.csv', ['start', 'end', 'arm', 'units', 'cumulative_units', ...metrics.flatMap((m) => [`${m}_relative`, `${m}_relative_low`, `${m}_relative_high`]), 'srm_p_value'],
      () => e.periods.flatMap((p) => arms.map((arm) => [p.start, p.end, arm, p.units[e.arms.indexOf(arm)], p.cumulative_units[e.arms.indexOf(arm)],
        ...metrics.flatMap((m) => { const r = resultAt(p, arm, m); return [r?.relative ?? null, r?.relative_ci[0] ?? null, r?.relative_ci[1] ?? null]; }), p.srm.p_value]))));
  return { block, draw };
}

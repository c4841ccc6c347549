// Charts with Chart.js (bundled into the site from npm, never from a CDN). Animation is off:
// figures appear at once and screenshots are stable.
import '../vendor/chart.umd.min.js';
import { h } from './dom.js';
import { downloadChart } from './export.js';

const Chart = globalThis.Chart;
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#1c2430';

export const COLORS = { primary: '#0b5cad', secondary: '#8a96a3', good: '#1b7f3b', bad: '#a4161a', neutral: '#6b4fa0' };

const live = new Map();  // canvas → chart

/** A figure holding a canvas, a caption and a PNG download button. */
export function chartFigure(title, fileName) {
  const canvas = h('canvas', { role: 'img', 'aria-label': title });
  const figure = h('figure', { class: 'chart' }, h('div', { class: 'chart-box' }, canvas),
                   h('figcaption', {}, title, ' ',
                     h('button', { type: 'button', class: 'link', onclick: () => live.has(canvas) && downloadChart(live.get(canvas), fileName) },
                       'Download PNG')));
  return { figure, canvas };
}

function draw(canvas, config) {
  live.get(canvas)?.destroy();
  const chart = new Chart(canvas, config);
  live.set(canvas, chart);
  return chart;
}

/** The colour of a value by its sign (scriptable colour for change bars). */
export const bySign = (context) => (context.raw < 0 ? COLORS.bad : COLORS.good);

/**
 * Bars: labels and one or more datasets {label, data, color (a colour or a function of the
 * bar's context)}; `stacked` draws datasets on one bar (e.g. a tornado's down and up steps).
 */
export function barChart(canvas, { labels, datasets, horizontal = false, stacked = false, format = (v) => v }) {
  const valueAxis = horizontal ? 'x' : 'y';
  const labelAxis = horizontal ? 'y' : 'x';
  return draw(canvas, {
    type: 'bar',
    data: { labels, datasets: datasets.map((d) => ({ label: d.label, data: d.data, backgroundColor: d.color ?? COLORS.primary })) },
    options: {
      indexAxis: labelAxis,
      plugins: { legend: { display: datasets.length > 1 }, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${format(c.raw)}` } } },
      scales: { [valueAxis]: { stacked, ticks: { callback: (v) => format(v) } }, [labelAxis]: { stacked } },
    },
  });
}

/** Intervals as floating bars [low, high] with the estimate marked; red/green when significant; `level` names the confidence ("90%"). */
export function intervalChart(canvas, { labels, intervals, estimates, significant, level, format = (v) => v }) {
  const color = (i) => (!significant[i] ? COLORS.secondary : estimates[i] < 0 ? COLORS.bad : COLORS.good);
  return draw(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { type: 'scatter', label: 'estimate', data: estimates.map((x, i) => ({ x, y: labels[i] })), backgroundColor: '#1c2430', pointRadius: 4 },
        { label: `${level} interval`, data: intervals, backgroundColor: intervals.map((_, i) => color(i)), barPercentage: 0.5 },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => Array.isArray(c.raw) ? `${format(c.raw[0])} to ${format(c.raw[1])}` : format(c.raw.x) } } },
      scales: { x: { ticks: { callback: (v) => format(v) } }, y: { type: 'category', labels } },
    },
  });
}

/**
 * Lines over periods: labels and lines {label, data, color, dash (optional: a thin dashed line
 * left out of the legend, e.g. an interval's bound)}; `partial[i]` draws the segments touching period i dashed and its
 * point hollow (a period the data covers only partly).
 */
export function lineChart(canvas, { labels, lines, partial = [], format = (v) => v }) {
  const dashed = (context) => (partial[context.p0DataIndex] || partial[context.p1DataIndex] ? [6, 4] : undefined);
  return draw(canvas, {
    type: 'line',
    data: {
      labels,
      datasets: lines.map((l) => ({
        label: l.label, data: l.data, borderColor: l.color, backgroundColor: l.color, spanGaps: true, tension: 0,
        borderDash: l.dash, borderWidth: l.dash ? 1 : 3, pointRadius: labels.length > 60 || l.dash ? 0 : 3, pointBackgroundColor: labels.map((_, i) => (partial[i] ? '#ffffff' : l.color)),
        segment: { borderDash: dashed },
      })),
    },
    options: {
      plugins: { legend: { display: lines.filter((l) => !l.dash).length > 1, labels: { filter: (item) => !lines[item.datasetIndex].dash } }, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${format(c.raw)}${partial[c.dataIndex] ? ' (partial)' : ''}` } } },
      scales: { y: { ticks: { callback: (v) => format(v) } } },
    },
  });
}

/** The chart drawn on a canvas (for tests and exports). */
export function chartOf(canvas) {
  return live.get(canvas);
}

/** Replaces the data of an existing chart's datasets (no redraw from scratch: for sliders). */
export function updateData(canvas, data) {
  const chart = live.get(canvas);
  if (!chart) return;
  data.forEach((values, i) => (chart.data.datasets[i].data = values));
  chart.update('none');
}

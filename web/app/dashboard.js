// The dashboard: a thin page over the engine's worker. `mount(element, options)` builds it
// inside any element (or shadow root); every panel is drawn from the report alone.
import { localZone } from '../src/time-zone.js';
import { WorkerEngine } from '../src/worker-client.js';
import { fill, h } from './dom.js';
import { download } from './export.js';
import { FilesPanel } from './files.js';
import { renderBasket } from './panels/basket.js';
import { renderDimensions } from './panels/dimensions.js';
import { renderExperiment, showExperimentEvidence } from './panels/experiment.js';
import { renderLtv } from './panels/ltv.js';
import { renderOffers } from './panels/offers.js';
import { renderAlerts, renderGaps, renderSummary } from './panels/overview.js';
import { renderSimulator } from './panels/simulator.js';
import { renderTrends } from './panels/trends.js';

const SECTIONS = [
  ['alerts', 'Alerts'], ['gaps', 'Data gaps'], ['summary', 'Summary'], ['trends', 'Over time'], ['dimensions', 'By dimension'],
  ['experiment', 'Experiment'], ['offers', 'Offers'], ['basket', 'Baskets'], ['ltv', 'Customer value'], ['simulator', 'Simulator'],
];

/**
 * Builds the dashboard inside `element`. Options: `engine` (a WorkerEngine to use), `workerUrl`,
 * `sampleBase` (URL of the folder with the sample files; default: ../sample/ beside this module).
 * Returns {engine, report, addFiles(files), loadSample(), destroy()}; the element receives a
 * `basketlift-report` event (detail: the report) after each analysis.
 */
export function mount(element, options = {}) {
  if (typeof WebAssembly !== 'object' || typeof Worker !== 'function') {
    // Never a blank page: say what is missing and what works.
    fill(element, h('p', { class: 'error', role: 'alert' },
      'Basketlift needs WebAssembly and Web Workers, which this browser does not offer. It runs in Chrome or Edge 80+, Firefox 114+ and Safari 15+.'));
    return null;
  }
  const ownEngine = !options.engine;  // destroy() stops only an engine the dashboard started
  const engine = options.engine ?? new WorkerEngine(options.workerUrl);
  const sampleBase = new URL(options.sampleBase ?? '../sample/', import.meta.url);
  const sections = Object.fromEntries(SECTIONS.map(([id, label]) => [id, h('section', { id, class: 'panel', 'aria-label': label, tabindex: '-1', hidden: true })]));
  const load = h('section', { id: 'load', class: 'panel', 'aria-labelledby': 'load-title' });
  const exportButton = h('button', { type: 'button', class: 'button secondary', id: 'export-report', disabled: true,
                                     onclick: () => download('basketlift-report.json', JSON.stringify(state.report, null, 2), 'application/json') },
                         'Download report (JSON)');
  const nav = h('nav', { class: 'sections', 'aria-label': 'Sections', hidden: true },
    h('ul', {}, SECTIONS.map(([id, label]) => h('li', {}, h('button', { type: 'button', class: 'link', dataset: { section: id }, onclick: () => goTo(id) }, label)))));
  const status = h('p', { class: 'status', role: 'status' });
  const root = h('div', { class: 'basketlift' },
    h('header', { class: 'page-header' },
      h('div', {}, h('h1', {}, 'Basketlift'), h('p', { class: 'privacy' }, 'Your files are analysed inside this browser tab. Nothing is uploaded.')),
      exportButton),
    nav,
    h('main', {}, load, status, Object.values(sections)));
  fill(element, root);
  const state = { report: null };

  function goTo(id, pointer) {
    const section = sections[id];
    if (!section || section.hidden) return;
    let target = section;
    if (pointer) {
      if (id === 'experiment') showExperimentEvidence(section, pointer);
      const filter = section.querySelector('#offer-filter');
      if (filter && filter.value) {
        filter.value = '';
        filter.dispatchEvent(new Event('change'));
      }
      let match = section.querySelector(`[data-pointer="${CSS.escape(pointer)}"]`);
      if (!match) {
        section.querySelectorAll('button.more:not([hidden])').forEach((b) => b.click());
        match = section.querySelector(`[data-pointer="${CSS.escape(pointer)}"]`);
      }
      if (match) {
        target = match;
        match.classList.add('highlight');
        setTimeout(() => match.classList.remove('highlight'), 4000);
      }
    }
    target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }

  async function show(report) {
    state.report = report;
    // The simulator's baseline is computed in the worker while the other panels are drawn.
    const simulator = report.offers.available ? engine.simulatorLoad({ grouping: 'offer' }) : null;
    simulator?.catch(() => {});  // its panel reports a failure
    exportButton.disabled = false;
    nav.hidden = false;
    const draw = [
      ['alerts', (root) => renderAlerts(root, report, { goTo })], ['gaps', (root) => renderGaps(root, report)],
      ['summary', (root) => renderSummary(root, report)],
      ['trends', (root) => renderTrends(root, report, { onGrain: (grain) => reanalyse({ ...report.settings, trend_grain: grain }) })],
      ['dimensions', (root) => renderDimensions(root, report)],
      ['experiment', (root) => renderExperiment(root, report)], ['offers', (root) => renderOffers(root, report)],
      ['basket', (root) => renderBasket(root, report)], ['ltv', (root) => renderLtv(root, report)],
      ['simulator', (root) => renderSimulator(root, report, engine, { preloaded: simulator })],
    ];
    for (const [id, render] of draw) {
      sections[id].hidden = false;
      try {
        await render(sections[id]);
      } catch (error) {
        // One panel failing must not hide the others.
        fill(sections[id], h('h2', {}, SECTIONS.find(([s]) => s === id)[1]), h('p', { class: 'error', role: 'alert' }, `This panel could not be drawn: ${error.message}`));
      }
    }
    fill(status, '');
    element.dispatchEvent(new CustomEvent('basketlift-report', { detail: report, bubbles: true, composed: true }));
  }

  // Another period length (or zone) for the same files: configure and analyse again; a failure
  // is shown where the panels' progress is.
  async function reanalyse(settings) {
    try {
      await engine.configure(settings);
      await files.reanalyse();
    } catch (error) {
      fill(status, h('span', { class: 'error', role: 'alert' }, `The files could not be analysed again: ${error.message}`));
    }
  }

  // Periods follow this browser's calendar unless the page brought its own engine (and settings).
  if (ownEngine) engine.configure({ timezone: localZone() }).catch(() => engine.configure({}));
  const files = new FilesPanel(load, engine, {
    sampleBase,
    onReport: (report) => show(report),
    onBusy: (text) => fill(status, text),
  });
  return {
    engine,
    get report() { return state.report; },
    addFiles: (list) => files.add([...list]),
    loadSample: () => files.loadSample(),
    destroy() {
      if (ownEngine) engine.terminate();
      element.replaceChildren();
    },
  };
}

// The "Load data" panel: picking or dropping files, per-file progress, detected table and
// format (changeable), cancel, and the column-mapping step for headers the engine does not know.
import { fill, fmt, h } from './dom.js';
import { mappingDialog, savedMapping } from './mapping.js';

const TABLES = ['orders', 'products', 'offers', 'sessions'];
const FORMATS = ['csv', 'json', 'ndjson'];
const SAMPLE = ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'];

/** Manages the files of one analysis and reads them into the worker engine. */
export class FilesPanel {
  #engine;
  #list;
  #error;
  #entries = [];  // {file, options, row, parts, controller}
  #onReport;
  #onBusy;
  #sampleBase;
  #queue = Promise.resolve();

  #root;

  constructor(root, engine, { onReport, onBusy = () => {}, sampleBase }) {
    this.#root = root;
    this.#engine = engine;
    this.#onReport = onReport;
    this.#onBusy = onBusy;
    this.#sampleBase = sampleBase;
    const input = h('input', { id: 'file-input', type: 'file', multiple: true, class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true', accept: '.csv,.tsv,.txt,.json,.ndjson,.jsonl',
                               onchange: () => {
                                 const picked = [...input.files];
                                 input.value = '';
                                 if (picked.length) this.add(picked);
                               } });
    const zone = h('div', { class: 'drop-zone' },
      h('p', {}, 'Drop order, product, offer and session files here (CSV, JSON or NDJSON), or'),
      input, h('button', { type: 'button', class: 'button', id: 'choose-files', onclick: () => input.click() }, 'Choose files'),
      h('p', { class: 'or' }, 'or try it with a sample store: ',
        h('button', { id: 'load-sample', type: 'button', class: 'button secondary', onclick: () => this.loadSample() }, 'Load sample data')));
    zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('dragging'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('dragging');
      if (e.dataTransfer.files.length) this.add([...e.dataTransfer.files]);
    });
    this.#list = h('ul', { class: 'file-list', 'aria-live': 'polite' });
    this.#error = h('p', { class: 'error', role: 'alert', hidden: true });
    fill(root, h('h2', { id: 'load-title' }, 'Load data'), zone, this.#list, this.#error);
  }

  /** Loads the bundled sample store (replacing the files loaded so far). */
  async loadSample() {
    try {
      const files = await Promise.all(SAMPLE.map(async (name) => {
        const response = await fetch(new URL(name, this.#sampleBase));
        if (!response.ok) throw new Error(`${name}: ${response.status}`);
        return new File([await response.blob()], name, { type: 'text/csv' });
      }));
      for (const entry of this.#entries) entry.controller?.abort();
      this.#entries = files.map((file) => ({ file, options: {} }));
      this.#list.replaceChildren();
      await this.reload();
    } catch (error) {
      this.#showError(`The sample could not be loaded: ${error.message}`);
    }
  }

  /** Reads more files into the engine (the ones read before stay) and analyses again. */
  add(files) {
    const added = files.map((file) => ({ file, options: {} }));
    this.#entries.push(...added);
    return this.#enqueue(async () => {
      for (const entry of added) await this.#read(entry);
    });
  }

  /** Analyses the files read again (after the settings changed). */
  reanalyse() {
    return this.#enqueue(async () => {});
  }

  /** Reads every file again into an empty engine (after a change of table, format or mapping). */
  reload() {
    return this.#enqueue(async () => {
      await this.#engine.reset();
      for (const entry of [...this.#entries]) await this.#read(entry);
    });
  }

  // Operations run one after another; each ends with an analysis of what is read.
  #enqueue(operation) {
    const run = async () => {
      this.#error.hidden = true;
      try {
        await operation();
        if (this.#entries.length === 0) return;
        this.#onBusy('Analysing…');
        const report = await this.#engine.analyze();
        this.#entries.forEach((entry, i) => {
          // An aggregates file stands for the warehouse tables it sums ("name › orders", ...).
          const tables = report.inputs.filter((input) => input.file.startsWith(`${entry.file.name} › `));
          if (tables.length) this.#settleAggregates(entry, tables);
          else this.#settle(entry, report.inputs[i]);
        });
        await this.#onReport(report);
      } catch (error) {
        this.#showError(error.message);
      } finally {
        this.#onBusy('');
      }
    };
    this.#queue = this.#queue.then(run);
    return this.#queue;
  }

  async #read(entry) {
    if (!this.#entries.includes(entry)) return;  // cancelled before its turn
    entry.row ??= this.#row(entry);
    if (!entry.row.isConnected) this.#list.append(entry.row);
    const { progress, status, cancel } = entry.parts;
    entry.controller = new AbortController();
    cancel.hidden = false;
    progress.value = 0;
    fill(status, 'reading');
    this.#onBusy(`Reading ${entry.file.name}…`);
    const mapping = entry.options.mapping ?? (await this.#mappingFor(entry));
    if (mapping) entry.options.mapping = mapping;
    try {
      await this.#engine.addFile(entry.file, {
        ...entry.options,
        signal: entry.controller.signal,
        onProgress: ({ loaded, rows }) => {
          progress.value = loaded;
          fill(status, `${fmt.count(rows)} rows read`);
        },
      });
      progress.value = progress.max;
    } catch (error) {
      if (error.code !== 'cancelled' && error.code !== 'too_large') return;  // listed in the report with its error
      // The engine has forgotten the file; so does the list.
      this.#entries.splice(this.#entries.indexOf(entry), 1);
      entry.row.remove();
      if (error.code === 'too_large') this.#showError(`${entry.file.name}: ${error.message}`);
    } finally {
      cancel.hidden = true;
    }
  }

  // A header the engine does not know gets the mapping remembered for it, or else the mapping
  // step (which the user may dismiss: the file is then read and reported as not understood).
  async #mappingFor(entry) {
    const header = await this.#engine.inspect(entry.file);
    if (header.table || header.aggregates || header.columns.length < 2) return null;
    const saved = savedMapping(header.columns.map((c) => c.name));
    if (saved) return saved;
    this.#onBusy(`Which columns of ${entry.file.name} hold what?`);
    const chosen = await mappingDialog(this.#root, entry.file.name, header);
    if (!chosen) return null;
    entry.options.table = chosen.table;
    entry.parts.table.value = chosen.table;
    return chosen.mapping;
  }

  #row(entry) {
    const progress = h('progress', { max: entry.file.size || 1, value: 0, 'aria-label': `Reading ${entry.file.name}` });
    const status = h('span', { class: 'file-status' }, 'waiting');
    const table = h('select', { 'aria-label': `Table of ${entry.file.name}`, onchange: () => this.#override(entry, 'table', table.value) },
                    h('option', { value: '' }, 'table: detect'), TABLES.map((t) => h('option', { value: t }, t)));
    const format = h('select', { 'aria-label': `Format of ${entry.file.name}`, onchange: () => this.#override(entry, 'format', format.value) },
                     h('option', { value: '' }, 'format: detect'), FORMATS.map((f) => h('option', { value: f }, f)));
    const cancel = h('button', { type: 'button', class: 'link', hidden: true, onclick: () => entry.controller?.abort() }, 'Cancel');
    const map = h('button', { type: 'button', class: 'link', hidden: true, onclick: () => this.#map(entry) }, 'Map columns');
    entry.parts = { progress, status, table, format, cancel, map };
    return h('li', {}, h('span', { class: 'file-name' }, entry.file.name), progress, table, format, status, cancel, map);
  }

  #override(entry, key, value) {
    if (value) entry.options[key] = value;
    else delete entry.options[key];
    this.reload();
  }

  #settle(entry, input) {
    const { table, format, status, map, progress } = entry.parts;
    if (input?.table) table.value = entry.options.table ?? input.table;
    if (input?.format) format.value = entry.options.format ?? input.format;
    entry.row.classList.toggle('failed', Boolean(input?.error));
    map.hidden = !input?.error;
    if (input?.error) {
      fill(status, 'not read: ', input.error);
      progress.value = 0;
    } else if (input) {
      fill(status, `${input.table}: ${fmt.count(input.rows_used)} rows used, ${fmt.count(input.rows_rejected)} rejected`);
    }
  }

  #settleAggregates(entry, tables) {
    const { table, status, map } = entry.parts;
    table.hidden = true;
    map.hidden = true;
    entry.row.classList.remove('failed');
    fill(status, 'aggregates from a warehouse: ', tables.map((t) =>
      `${t.table} ${fmt.count(t.rows_used)} rows used, ${fmt.count(t.rows_rejected)} rejected`).join(' · '));
  }

  async #map(entry) {
    const header = await this.#engine.inspect(entry.file, entry.options.mapping ?? null);
    const chosen = await mappingDialog(this.#root, entry.file.name, header);
    if (!chosen) return;
    entry.options.mapping = chosen.mapping;
    if (chosen.table) entry.options.table = chosen.table;
    await this.reload();
  }

  #showError(message) {
    fill(this.#error, message);
    this.#error.hidden = false;
  }
}

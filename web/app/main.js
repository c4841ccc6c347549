// The dashboard page: picks files, streams them into the engine's worker, shows the report.
// User data is only ever written with textContent.
import { WorkerEngine } from '../src/worker-client.js';

const engine = new WorkerEngine();
const fileList = document.getElementById('file-list');
const loadError = document.getElementById('load-error');

function formatFigure(kind, value, currency) {
  if (value === null || value === undefined) return '–';
  if (kind === 'money') {
    return currency
      ? new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value)
      : new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  }
  if (kind === 'percent') return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 }).format(value);
  return new Intl.NumberFormat().format(value);
}

const KPI_KINDS = { orders: 'count', revenue: 'money', aov: 'money', margin: 'money', cvr: 'percent', attach_rate: 'percent' };

function showSummary(report) {
  const { summary } = report;
  for (const [key, kind] of Object.entries(KPI_KINDS)) {
    const cell = document.querySelector(`[data-kpi="${key}"]`);
    cell.textContent = formatFigure(kind, summary[key], summary.currency);
    cell.dataset.value = summary[key] ?? '';
    cell.title = summary.unavailable?.[key] ?? '';
  }
  document.getElementById('summary').hidden = false;
}

function addFileRow(file) {
  const item = document.createElement('li');
  const name = document.createElement('span');
  name.className = 'file-name';
  name.textContent = file.name;
  const progress = document.createElement('progress');
  progress.max = file.size || 1;
  progress.value = 0;
  progress.setAttribute('aria-label', `Reading ${file.name}`);
  const status = document.createElement('span');
  status.className = 'file-status';
  status.textContent = 'waiting';
  item.append(name, progress, status);
  fileList.append(item);
  return { item, progress, status };
}

async function loadFiles(files) {
  loadError.hidden = true;
  for (const file of files) {
    const row = addFileRow(file);
    row.status.textContent = 'reading';
    try {
      await engine.addFile(file, { onProgress: ({ loaded }) => (row.progress.value = loaded) });
      row.progress.value = row.progress.max;
      row.status.textContent = 'read';
    } catch (error) {
      row.status.textContent = 'not read';
      row.item.classList.add('failed');
      loadError.textContent = error.message;
      loadError.hidden = false;
    }
  }
  const report = await engine.analyze();
  for (const [index, input] of report.inputs.entries()) {
    const status = fileList.children[index]?.querySelector('.file-status');
    if (status && !input.error) {
      status.textContent = `${input.table}: ${input.rows_used.toLocaleString()} rows used, ${input.rows_rejected.toLocaleString()} rejected`;
    }
  }
  showSummary(report);
}

const SAMPLE_FILES = ['products.csv', 'orders.csv', 'offers.csv', 'sessions.csv'];

async function loadSample() {
  const files = await Promise.all(
    SAMPLE_FILES.map(async (name) => {
      const response = await fetch(`sample/${name}`);
      if (!response.ok) throw new Error(`sample/${name}: ${response.status}`);
      return new File([await response.blob()], name, { type: 'text/csv' });
    }),
  );
  await engine.reset();
  fileList.replaceChildren();
  await loadFiles(files);
}

document.getElementById('load-sample').addEventListener('click', () => {
  loadSample().catch((error) => {
    loadError.textContent = `The sample could not be loaded: ${error.message}`;
    loadError.hidden = false;
  });
});

const input = document.getElementById('file-input');
input.addEventListener('change', () => {
  if (input.files.length > 0) loadFiles([...input.files]);
});

const dropZone = document.getElementById('drop-zone');
dropZone.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropZone.classList.add('dragging');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('dragging');
  if (event.dataTransfer.files.length > 0) loadFiles([...event.dataTransfer.files]);
});

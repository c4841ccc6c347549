// Exports: the report as JSON, tables as CSV, charts as PNG. Everything is built in the page
// and handed to the browser as a download; nothing leaves the tab.

/** Starts a download of `data` (string or Blob). */
export function download(name, data, type) {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with = + - @, a tab
 * or a carriage return) gets a leading apostrophe (OWASP's advice); numbers stay numbers.
 */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV text of rows (arrays of cells) under a header row. */
export function toCsv(header, rows) {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A PNG download of a Chart.js chart. */
export function downloadChart(chart, name) {
  const data = chart.toBase64Image('image/png', 1);
  const bytes = Uint8Array.from(atob(data.split(',')[1]), (c) => c.charCodeAt(0));
  download(name, new Blob([bytes], { type: 'image/png' }));
}

/** A "Download as CSV" button; `rows()` is called at click time. */
export function csvButton(fileName, header, rows, label = 'Download as CSV') {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link';
  button.textContent = label;
  button.addEventListener('click', () => download(fileName, toCsv(header, rows()), 'text/csv'));
  return button;
}

// The dashboard's CSV export: cells a spreadsheet would run as formulas are defused with a
// leading apostrophe (OWASP's advice), quoting follows RFC 4180, numbers stay numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { webDir } from '../wasm/helpers.mjs';

const { csvCell, toCsv } = await import(path.join(webDir, 'app/export.js'));

test('formula-looking text is defused; numbers and plain text are left alone', () => {
  assert.equal(csvCell('=HYPERLINK("http://evil.example","click")'), '"\'=HYPERLINK(""http://evil.example"",""click"")"');
  for (const lead of ['+', '-', '@', '\t', '\r']) assert.equal(csvCell(`${lead}1+1`).replace(/^"/, '')[0], "'", JSON.stringify(lead));
  assert.equal(csvCell(-12.5), '-12.5', 'a negative number is a number, not a formula');
  assert.equal(csvCell(Number.NaN), '');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell('Laptop, 15"'), '"Laptop, 15"""');
  assert.equal(toCsv(['a', 'b'], [[1, '=2+3']]), "a,b\r\n1,'=2+3\r\n");
});

/** A small CSV reader (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes). */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.cells);
}

/** One record of a CSV text: its cells, and its source text (without the line break that ends it). */
export interface CsvRecord {
  cells: string[];
  raw: string;
}

/** Splits CSV text into records (a quoted cell may hold line breaks); a lone CR ends a record as LF does. */
export function parseCsvRecords(text: string): CsvRecord[] {
  const rows: CsvRecord[] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  let start = 0;
  const end = (i: number) => {
    row.push(field);
    rows.push({ cells: row, raw: text.slice(start, i) });
    row = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { end(text[i - 1] === '\r' ? i - 1 : i); start = i + 1; }
    else if (c === '\r') {
      if (text[i + 1] !== '\n') { end(i); start = i + 1; }
    } else field += c;
  }
  if (field || row.length) end(text.length);
  return rows;
}

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, a tab or a CR first) gets a leading
 * ' (as OWASP recommends against CSV injection), and so does a cell that already starts with ', so
 * that `unescapeFormula` can take exactly one off again: every text comes back as it was.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export function escapeFormula(s: string): string {
  return FORMULA_START.test(s) || s.startsWith("'") ? "'" + s : s;
}
/** Undoes escapeFormula; a hand-written '=… or ''… reads as =… or '…, any other ' stays. */
export function unescapeFormula(s: string): string {
  return s.startsWith("'") && (FORMULA_START.test(s.slice(1)) || s[1] === "'") ? s.slice(1) : s;
}

/** One cell as written in a CSV file: formula-escaped, quoted when it holds " , or a line break. */
export function csvCell(s: string): string {
  const v = escapeFormula(s);
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

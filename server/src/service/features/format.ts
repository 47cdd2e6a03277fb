/**
 * Document formatting: aligns the values of table rows into columns, as a person would in a
 * spreadsheet. Only the white space between a row's key and its values and between the values
 * changes; a row written as a [list], on several lines, or with a comment is left as it is.
 * Numbers are right-aligned; widths count a 汉字 as two columns (as a monospace font shows it).
 */
import { Report, TablePart, TextEdit } from '../model';

/** Display width: East Asian wide and full-width characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

interface Line {
  start: number;
  end: number;
  prefix: string; // "    - 201 一般公共服务支出:"
  cells: string[];
}

function rowLines(text: string, part: TablePart): Line[] {
  const out: Line[] = [];
  for (const r of part.rows) {
    const ls = text.lastIndexOf('\n', r.keyRange.start - 1) + 1;
    let le = text.indexOf('\n', r.keyRange.start);
    if (le < 0) le = text.length;
    const line = text.slice(ls, le).replace(/\r$/, '');
    const m = /^(\s*-\s+)(.*?:)(\s+)([^[{#"'|>\s][^#]*?)\s*$/.exec(line);
    if (!m || line.includes('#')) continue;
    // the key must be this row's key, and the values must be the cells as parsed
    const cells = m[4].split(/[ \t\u3000]+/);
    if (cells.length !== r.cells.length || cells.some((c, i) => c !== r.cells[i].raw)) continue;
    out.push({ start: ls, end: ls + line.length, prefix: m[1] + m[2], cells });
  }
  return out;
}

export function formatDocument(text: string, report: Report): TextEdit[] {
  if (report.syntax === 'dsl') return formatDsl(text, report);
  const edits: TextEdit[] = [];
  for (const t of report.tables) {
    for (const p of t.parts) {
      edits.push(...align(text, rowLines(text, p).map((l) => ({ ...l, key: l.prefix })), ' '));
    }
  }
  return edits;
}

/**
 * The DSL: a table's rows written “key | v | v” line up into columns (key left, values right);
 * a row pasted with tabs becomes “|” columns; a row with a comment or an escape is left as it is.
 */
function formatDsl(text: string, report: Report): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const t of report.tables) {
    for (const p of t.parts) {
      const lines: Array<{ start: number; end: number; key: string; cells: string[] }> = [];
      for (const r of p.rows) {
        const ls = text.lastIndexOf('\n', r.keyRange.start - 1) + 1;
        let le = text.indexOf('\n', r.keyRange.start);
        if (le < 0) le = text.length;
        const line = text.slice(ls, le).replace(/\r$/, '');
        if (/[#\\]/.test(line)) continue;
        const parts = line.split(/[|\t]/).map((x) => x.trim());
        if (parts.length !== r.cells.length + 1 || parts[0] !== r.key || parts.slice(1).some((c, i) => c !== r.cells[i].raw)) continue;
        lines.push({ start: ls, end: ls + line.length, key: parts[0], cells: parts.slice(1) });
      }
      edits.push(...align(text, lines, ' | '));
    }
  }
  return edits;
}

/** Lines up rows: keys padded to one width, each column right-aligned, cells joined by `sep`. */
function align(text: string, lines: Array<{ start: number; end: number; key: string; cells: string[] }>, sep: string): TextEdit[] {
  if (lines.length < 2) return [];
  const keyW = Math.max(...lines.map((l) => displayWidth(l.key)));
  const n = Math.max(...lines.map((l) => l.cells.length));
  const colW = Array.from({ length: n }, (_, i) => Math.max(...lines.map((l) => (l.cells[i] ? displayWidth(l.cells[i]) : 0))));
  const edits: TextEdit[] = [];
  for (const l of lines) {
    let s = l.key + ' '.repeat(keyW - displayWidth(l.key));
    l.cells.forEach((c, i) => { s += sep + ' '.repeat(colW[i] - displayWidth(c)) + c; });
    s = s.replace(/ +$/, '');
    if (s !== text.slice(l.start, l.end)) edits.push({ range: { start: l.start, end: l.end }, newText: s });
  }
  return edits;
}

/**
 * A fast path for the DSL front end: table blocks written in the plain subset (no escapes, comments
 * only on lines of their own, no tabs or CR, continuation lines only under 注/说明, no line the
 * table does not understand, no field or side written twice, every “= 收入” naming a side and
 * holding 列 or rows) are read here, giving exactly what dsl.ts gives — the same model, ranges,
 * Texts (made with dsl.ts's own Chars) and findings. Anything else returns undefined and the block
 * goes to dsl.ts, which words every problem.
 * test/dsl-fast.test.ts proves the equality on every sample, on generated reports and on mutated ones.
 *
 *   【表 标题】
 *   类型：决算03                       编号 单位 类型 编制部门/编制单位: one line each
 *   注：本表反映……                      注/说明: continued on indented lines
 *   列：本年支出合计 | 基本支出          the columns (again after each “= 收入” line)
 *   201 一般公共服务支出 | 1.00 | 2.00   a row: its name and its cells, separated by |
 *   = 支出                               a side (named like one: 收入, 本年支出 …)
 *   # 注释                               a comment line
 */
import { RawBlock } from './blocks';
import { AmountUnit, Cell, Column, Finding, Range, Row, Str, Table, TablePart } from '../model';
import { allPlainAmounts, barPieces, blockKindOf, cellAt, isBlank, FindFn, outside, ParsedBlock, rowFromKey, setTableKind } from './common';
import { Chars, continuation, SIDE_NAME } from './dsl';
import { DslField, validateDslBlock } from './dsl-schema';
import { columnKind, sideOf } from '../layouts';
import * as l10n from '../l10n';
import schema from '../../../../schemas/report.schema.json';

const UNITS = ((schema.definitions as unknown as Record<string, { properties: Record<string, { enum?: string[] }> }>).table.properties['单位'].enum ?? []) as string[];
const FIELDS = new Set(['编号', '单位', '类型', '列', '注', '说明', '编制部门', '编制单位']);

const KEY_VALUE = /^([^：:|\t#【=\\][^：:|\t]*?)[ \t\u3000]*[：:]/;
const HEADING = /^=[ \t\u3000]*(.*?)[ \t\u3000]*$/;

/** The first character after white space from `from` is a |. */
function firstIsBar(s: string, from: number): boolean {
  let i = from;
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  return s.charCodeAt(i) === 124;
}

/** The last character before trailing white space is a |. */
function lastIsBar(s: string): boolean {
  let i = s.length;
  while (i > 0 && isBlank(s.charCodeAt(i - 1))) i--;
  return s.charCodeAt(i - 1) === 124;
}

/** A trimmed piece of a line: its text and where it is (an empty piece sits at `at`). */
interface Piece {
  value: string;
  start: number;
  end: number;
}

class FastDsl {
  private readonly findings: Finding[] = [];
  constructor(private readonly raw: RawBlock) {}

  private find(rule: string, severity: Finding['severity'], range: Range, message: string, text?: string): void {
    this.findings.push(text === undefined ? { rule, severity, range, message } : { rule, severity, range, message, text });
  }

  /** The callback through which readCell reports (one per block, not one per cell). */
  private readonly report: FindFn = (r, sv, g, m, text) => this.find(r, sv, g, m, text);

  /** s[from, to) trimmed, at absolute `base`; an empty piece is placed at `at`. */
  private piece(s: string, from: number, to: number, base: number, at: number): Piece {
    let a = from;
    let b = to;
    while (a < b && isBlank(s.charCodeAt(a))) a++;
    while (b > a && isBlank(s.charCodeAt(b - 1))) b--;
    return a === b ? { value: '', start: at, end: at } : { value: s.slice(a, b), start: base + a, end: base + b };
  }

  /** The cells of a line split at |, a | first or last on the line being a frame. */
  private cells(s: string, from: number, base: number): Piece[] {
    const out: Piece[] = [];
    let a = from;
    for (let i = from; i <= s.length; i++) {
      if (i === s.length || s.charCodeAt(i) === 124 /* | */) {
        out.push(this.piece(s, a, i, base, base + a));
        a = i + 1;
      }
    }
    if (out.length > 1 && out[0].value === '' && firstIsBar(s, from)) out.shift();
    if (out.length > 1 && out[out.length - 1].value === '' && lastIsBar(s)) out.pop();
    return out;
  }

  /** The parts of a piece separated by white space, or the piece itself when it has one part. */
  private words(p: Piece): Piece[] {
    const out: Piece[] = [];
    const re = /[^ \t\u3000]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(p.value))) out.push({ value: m[0], start: p.start + m.index, end: p.start + m.index + m[0].length });
    return out.length > 1 ? out : [p];
  }

  private str(p: Piece): Str {
    return { value: p.value, range: { start: p.start, end: p.end } };
  }

  private columns(s: string, base: number): Column[] {
    const colon = s.search(/[：:]/);
    return this.cells(s, colon + 1, base).filter((c) => c.value).map((c) => {
      const path = c.value.split('/').map((x) => x.trim()).filter((x) => x);
      const name = path.join('/');
      const range = { start: c.start, end: c.end };
      return name === c.value ? { name, path, kind: columnKind(c.value), range } : { name, path, kind: columnKind(c.value), range, written: c.value };
    });
  }

  /** Trimmed segment bounds of the line being read by rowDirect (start, end pairs; reused). */
  private readonly bounds: number[] = [];

  /**
   * The common row, “key | value | … | value” without frame bars, as many values as columns and none
   * empty: its cells made straight from the line (no pieces in between; the rows are most of a large
   * report's objects). Undefined for any other row: row() reads it.
   */
  private rowDirect(s: string, base: number, columns: Column[]): Row | undefined {
    const n = columns.length;
    if (n < 2 || firstIsBar(s, 0) || lastIsBar(s)) return undefined;
    const bounds = this.bounds;
    // an empty key or value, or too many values: row() reads it
    const k = barPieces(s, bounds, n + 1);
    if (k !== 2 * (n + 1)) return undefined;
    const row = rowFromKey(s.slice(bounds[0], bounds[1]), base + bounds[0], base + bounds[1], base, base + s.length);
    // plain amounts only (most rows of a large report): read again when they are asked for
    if (allPlainAmounts(s, bounds, 2, k, columns)) {
      row.plainCells({ src: s, at: 0, split: 'bar' });
      return row;
    }
    const cells = new Array<Cell>(n);
    for (let i = 0; i < n; i++) cells[i] = cellAt(s, bounds[2 * i + 2], bounds[2 * i + 3], base, columns[i].kind, this.report);
    row.cells = cells;
    return row;
  }

  private row(s: string, base: number, columns: Column[]): Row {
    const direct = this.rowDirect(s, base, columns);
    if (direct) return direct;
    const cells = this.cells(s, 0, base);
    const key = cells.shift()!;
    let values = cells;
    if (values.length === 1 && columns.length > 1) values = this.words(values[0]);
    const range = { start: base, end: base + s.length };
    const keyRange = { start: key.start, end: key.end };
    // no escapes or tabs here: the key is its source, its Text (dsl.ts's key.text()) verbatim, which rowFromKey does not keep
    const row = rowFromKey(key.value, keyRange.start, keyRange.end, range.start, range.end);
    if (!key.value && values.every((v) => !v.value)) outside(); // a row without a name: dsl.ts words it
    if (columns.length > 0 && values.length !== columns.length) {
      const where = values.length ? { start: values[0].start, end: values[values.length - 1].end } : keyRange;
      this.find('table.cells', 'error', where, l10n.t('此行有 {0} 个值，而表头有 {1} 列（{2}）', values.length, columns.length, columns.map((c) => c.name).join(l10n.listSep())));
    }
    row.cells = values.map((v, i) => cellAt(v.value, 0, v.value.length, v.start, columns[i]?.kind ?? 'amount', this.report));
    return row;
  }

  table(): ParsedBlock {
    const raw = this.raw;
    const text = raw.text;
    const head = text.indexOf(raw.key);
    const keyRange = { start: raw.start + Math.max(1, head), end: raw.start + Math.max(1, head) + raw.key.length };
    const title = raw.key.replace(/^表[ \u3000]+/, '').trim();
    const t: Table = { key: raw.key, keyRange, title, unit: '万元', parts: [], notes: [], range: { start: raw.start, end: raw.end } };
    let part: TablePart | undefined;
    const newPart = (name: string, at: Range) => {
      part = { name, columns: [], rows: [], range: at };
      t.parts.push(part);
      return part;
    };
    const seen = new Set<string>();
    /** The “键：值” lines read (but 列), for the schema as dsl.ts gives them to it. */
    const fields: DslField[] = [];
    // a 注/说明 continues on indented lines: its text (read with dsl.ts's Chars) is made when the next line is not one of them
    let note: { key: Str; value: Chars } | undefined;
    const flush = () => {
      if (!note) return;
      fields.push({ key: note.key, value: note.value.str(note.key.range.end) });
      t.notes.push({ key: note.key.value, text: note.value.text(note.key.range.end) });
      note = undefined;
    };
    let pos = text.indexOf('\n');
    if (pos < 0) pos = text.length;
    const firstLine = text.slice(0, pos);
    if (firstLine.slice(firstLine.indexOf('】') + 1).trim() !== '') outside();
    pos++;
    while (pos < text.length) {
      let eol = text.indexOf('\n', pos);
      if (eol < 0) eol = text.length;
      const s = text.slice(pos, eol);
      const base = raw.start + pos;
      pos = eol + 1;
      if (s.trim() === '') { flush(); continue; }
      if (s.charCodeAt(0) === 35 /* # */) continue; // a comment line
      if (s.includes('#')) outside(); // a comment after the content, or a # that may start one: dsl.ts
      if (isBlank(s.charCodeAt(0))) {
        // the continuation of a 注/说明, as dsl.ts reads it (no CR here: the line break before it is at base - 1)
        const n = note ?? outside();
        if (!continuation({ text: s, start: base, brk: base - 1 }, n.value)) outside();
        continue;
      }
      flush();
      const h = HEADING.exec(s);
      if (h) {
        // “== x” (no side), “=” without a name, a side written twice: dsl.ts words them
        if (!h[1] || s.charCodeAt(1) === 61 /* = */ || t.parts.some((x) => x.name === h[1])) outside();
        const p = newPart(h[1], { start: base, end: base + s.length });
        p.side = sideOf(h[1]);
        const at = base + s.indexOf(h[1], 1);
        p.nameRange = { start: at, end: at + h[1].length };
        continue;
      }
      const cellsLine = s.includes('|');
      // a row has cells; “列：a | b” has them too, and is the columns
      const colon = !cellsLine || s.charCodeAt(0) === 0x5217 /* 列 */ ? KEY_VALUE.exec(s) : null;
      if (cellsLine && !(colon && colon[1] === '列')) {
        const p = part ?? newPart('', { start: base, end: base + s.length });
        const row = this.row(s, base, p.columns);
        p.rows.push(row);
        p.range.end = base + s.length; // where the row ends (the part's range is its own, made from its first line)
        continue;
      }
      if (!colon) return outside(); // a line the table does not understand: dsl.ts words it
      const key = colon[1];
      if (!FIELDS.has(key) || (seen.has(key) && key !== '列')) outside();
      seen.add(key);
      const k = { value: key, range: { start: base, end: base + key.length } };
      if (key === '注' || key === '说明') {
        const c = new Chars();
        c.append(s, colon[0].length, s.length, base);
        note = { key: k, value: c.trim() };
        continue;
      }
      const v = this.piece(s, colon[0].length, s.length, base, k.range.end);
      if (key !== '列') fields.push({ key: k, value: this.str(v) });
      switch (key) {
        case '编号': t.number = this.str(v); break;
        case '单位':
          if (!UNITS.includes(v.value)) outside();
          t.unitNode = this.str(v) as Str & { value: AmountUnit };
          break;
        case '类型': t.kindNode = this.str(v); break;
        case '列':
          if (part && part.columns.length > 0) outside();
          (part ?? newPart('', { start: base, end: base + s.length })).columns = this.columns(s, base);
          break;
        default:
          if (t.preparer) outside();
          t.preparer = { key, value: this.str(v) };
      }
    }
    flush();
    t.note = t.notes[0]?.text;
    // a side that names no side, or has nothing under it: dsl.ts words it
    for (const p of t.parts) if (p.name && (!SIDE_NAME.test(p.name) || (!p.columns.length && !p.rows.length))) outside();
    // what the schema says of the fields: dsl.ts words it (in the subset it says nothing)
    if (validateDslBlock(raw.key, 'table', fields, keyRange).length > 0) outside();
    t.parts = t.parts.filter((p) => p.columns.length || p.rows.length);
    setTableKind(t, (r, sv, g, m) => this.find(r, sv, g, m));
    for (const p of t.parts) {
      if (p.columns.length === 0 && p.rows.length > 0) {
        this.find('table.columns', 'error', p.rows[0].keyRange, l10n.t('此表缺少“列”：请先列出各列的名称，如 列：本年收入合计 | 财政拨款收入'));
      }
    }
    return { raw, kind: 'table', findings: this.findings, table: t };
  }
}

/** The parse of a DSL table block in the plain subset (else undefined: dsl.ts parses it). Never throws. */
export function parseDslTableFast(raw: RawBlock): ParsedBlock | undefined {
  if (blockKindOf(raw.key) !== 'table') return undefined;
  const text = raw.text;
  if (text.includes('\\') || text.includes('\t') || text.includes('\r')) return undefined;
  try {
    return new FastDsl(raw).table();
  } catch {
    return undefined; // Outside, or anything unforeseen: dsl.ts decides
  }
}

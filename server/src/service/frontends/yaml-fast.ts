/**
 * A fast path for the YAML front end: a hand parser for the restricted subset that table blocks are
 * written in (most lines of a report are table rows), producing exactly what yaml.ts produces for
 * them — the same model, ranges, findings and data, its Texts made by makeText with each scalar's
 * style as yaml.ts makes them. Anything outside the subset (escapes, comments
 * after a value, anchors, tags, tabs, CR, multi-line plain values, folded scalars, a key twice, a
 * schema violation …) returns undefined and the block goes to yaml.ts, which reads every YAML and
 * words every error. test/yaml-fast.test.ts proves the equality on every
 * sample, on generated reports and on mutated ones.
 *
 * The subset, by indentation (spaces only):
 *
 *   表 标题:                       the block key, nothing after the colon
 *     类型: 决算03                 a field: a plain one-line scalar, or nothing
 *     列: [a, b/c, d]              a one-line flow sequence of plain or quoted scalars, or "- a" lines
 *     行:                          a block sequence of one-pair maps, deeper than its key
 *       - 201 一般公共服务支出: 1.00 2.00
 *       - "": ["1,000.00", ""]     keys plain or quoted; values a plain line or a flow sequence
 *     收入:                        a side: a nested map of the same fields
 *       列: […]
 *       行: …
 *     注: |                        a literal block scalar (| or |-), or a plain line
 *       说明
 *   # a comment line in the first column
 */
import { Document, Node, Pair as YPair, Scalar as YScalar, YAMLMap, YAMLSeq } from 'yaml';
import { RawBlock } from './blocks';
import { Cell, Column, ColumnKind, Finding, Range, Row, Str, Table, TablePart, Text } from '../model';
import { makeText } from '../text';
import { validateBlock } from './schema';
import { allPlainAmounts, blockKindOf, cellAt, FindFn, outside, ParsedBlock, readCell, rowFromKey, SourceRow, spacePieces, TABLE_FIELDS, tableHead } from './common';
import { columnKind, sideOf } from '../layouts';
import * as l10n from '../l10n';
import { Builder, buildBlock } from './yaml';

/** A parsed node: [start, valueEnd) is its content (what yaml.ts takes as its range), nodeEnd where the node ends. */
interface N {
  start: number;
  valueEnd: number;
  nodeEnd: number;
}
/** A scalar and its style, as the yaml library's Scalar.type names it (makeText decodes the source by it). */
interface Scalar extends N { t: 'scalar'; value: string; style: ScalarStyle }
type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL';
/** A sequence of scalars: [a, "b", c] on one line, or "- a" lines. */
interface Flow extends N { t: 'flow'; items: Scalar[] }
interface Pair { key: Scalar; value: Value }
interface MapN extends N { t: 'map'; pairs: Pair[] }
/** A block sequence: of one-pair maps (a table's rows, sections), or in prose also of flow sequences (单位构成's rows). */
interface SeqN extends N { t: 'seq'; items: Array<MapN | Flow> }
type Value = Scalar | Flow | MapN | SeqN;

/** Piece boundaries of one row's value (reused: rows are parsed one at a time). */
const BOUNDS: number[] = [];

// A plain scalar may not start with an indicator (a '-', '?' or ':' followed by a non-space may).
const BAD_START = /^(?:[,[\]{}#&*!|>'"%@`]|[-?:](?:[ ]|$))/;
// In flow context, also none of ,[]{} inside.
const FLOW_BAD = /[,[\]{}]/;

interface Line { start: number; end: number; indent: number }

const EMPTY_DOC = new Document();

class FastParser {
  private readonly lines: Line[] = [];
  private i = 0;

  /** `prose`: a block of text (报告, 概况, 情况说明, 名词解释), whose nested values are maps and sequences of one-pair maps. */
  constructor(private readonly text: string, private readonly prose = false) {
    let pos = 0;
    const n = text.length;
    while (pos <= n) {
      let eol = text.indexOf('\n', pos);
      if (eol < 0) eol = n;
      let ind = 0;
      while (pos + ind < eol && text.charCodeAt(pos + ind) === 32) ind++;
      // blank lines and comment lines (# in the first column) are skipped
      if (pos + ind < eol && text.charCodeAt(pos) !== 35) this.lines.push({ start: pos, end: eol, indent: ind });
      if (eol >= n) break;
      pos = eol + 1;
    }
  }

  /** Where a node that ends at `end` (trailing spaces included) ends with its line break. */
  private nodeEnd(lineEnd: number): number {
    return lineEnd < this.text.length ? lineEnd + 1 : lineEnd;
  }

  /** The value after "key:" on a line, from `from` to the line's end; the key is in column `keyCol`. */
  private inlineValue(from: number, line: Line, key: string, keyCol: number): Value {
    const t = this.text;
    let s = from;
    while (s < line.end && t.charCodeAt(s) === 32) s++;
    let e = line.end;
    while (e > s && t.charCodeAt(e - 1) === 32) e--;
    if (s === e) {
      // nothing after the colon: a nested block, or an empty scalar at the line's end
      const next = this.lines[this.i];
      if (next && next.indent > keyCol) return this.block(key);
      // a line between the dash and the key's column: another key of the item's map (yaml.ts)
      if (next && next.indent > line.indent) outside();
      // comment lines right after an empty value are part of its node in the YAML library: yaml.ts
      const hash = t.indexOf('#', line.end);
      if (hash >= 0 && hash < (next ? next.start : t.length)) outside();
      return { t: 'scalar', value: '', style: 'PLAIN', start: line.end, valueEnd: line.end, nodeEnd: line.end };
    }
    const v = t.slice(s, e);
    if (v.charCodeAt(0) === 91 /* [ */) return this.flow(s, e, line);
    if (v === '|' || v === '|-') return this.literal(s, line, v === '|-', keyCol);
    plainOk(v);
    if (v.charCodeAt(v.length - 1) === 58 /* : */) outside();
    const next = this.lines[this.i];
    if (next && next.indent > line.indent) outside(); // a multi-line scalar (or a stray line)
    return { t: 'scalar', value: v, style: 'PLAIN', start: s, valueEnd: e, nodeEnd: this.nodeEnd(line.end) };
  }

  /** A one-line flow sequence of plain or simply quoted scalars (no escapes), from [ at s to ] before e. */
  private flow(s: number, e: number, line: Line): Flow {
    const t = this.text;
    if (t.charCodeAt(e - 1) !== 93 /* ] */) outside();
    const items: Scalar[] = [];
    const close = e - 1;
    let p = s + 1;
    const spaces = () => { while (p < close && t.charCodeAt(p) === 32) p++; };
    spaces();
    if (p === close) outside(); // []: yaml.ts
    for (;;) {
      spaces();
      const c = t.charCodeAt(p);
      let item: Scalar;
      if (c === 34 /* " */ || c === 39 /* ' */) {
        const q = t.indexOf(c === 34 ? '"' : "'", p + 1);
        if (q < 0 || q >= close) outside();
        const v = t.slice(p + 1, q);
        if (v.includes('\\') || v.includes('\n')) outside();
        item = { t: 'scalar', value: v, style: c === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', start: p, valueEnd: q + 1, nodeEnd: q + 1 };
        p = q + 1;
        spaces();
      } else {
        let q = p;
        while (q < close && t.charCodeAt(q) !== 44 /* , */) q++;
        let b = q;
        while (b > p && t.charCodeAt(b - 1) === 32) b--;
        if (b === p) outside();
        const v = t.slice(p, b);
        plainOk(v);
        if (FLOW_BAD.test(v) || v.charCodeAt(v.length - 1) === 58) outside();
        item = { t: 'scalar', value: v, style: 'PLAIN', start: p, valueEnd: b, nodeEnd: b };
        p = q;
      }
      items.push(item);
      if (p === close) break;
      if (t.charCodeAt(p) !== 44) outside();
      p++;
      spaces();
      if (p === close) outside(); // a trailing comma: yaml.ts
    }
    const next = this.lines[this.i];
    if (next && next.indent > line.indent) outside();
    return { t: 'flow', items, start: s, valueEnd: e, nodeEnd: this.nodeEnd(line.end) };
  }

  /**
   * A literal block scalar (| or |-) whose header is at `s` on `line`: its content lines, more
   * indented than the line, blank lines kept inside, dropped at the end.
   */
  private literal(s: number, line: Line, strip: boolean, keyCol: number): Scalar {
    const t = this.text;
    const first = this.lines[this.i];
    // an empty block, or one not deeper than its key: yaml.ts
    if (!first || first.indent <= keyCol) outside();
    // blank lines before the first content line: yaml.ts
    if (first.start !== line.end + 1) outside();
    const ind = first.indent;
    const parts: string[] = [];
    let last = first;
    let pos = first.start;
    while (this.i < this.lines.length && this.lines[this.i].indent > line.indent) {
      const l = this.lines[this.i];
      if (l.indent < ind) outside(); // less indented than the block: yaml.ts
      // blank lines between content lines: empty in the value
      for (let n = this.gapLines(pos, l.start, ind, true); n > 0; n--) parts.push('');
      parts.push(t.slice(l.start + ind, l.end));
      last = l;
      pos = l.end + 1;
      this.i++;
    }
    // blank lines after the last content line: empty lines chomped away
    this.gapLines(last.end + 1, this.i < this.lines.length ? this.lines[this.i].start : t.length, ind, false);
    const value = parts.join('\n') + (strip ? '' : '\n');
    const end = this.nodeEnd(last.end);
    return { t: 'scalar', value, style: 'BLOCK_LITERAL', start: s, valueEnd: end, nodeEnd: end };
  }

  /**
   * The lines in [from, to) that the line scan skipped (spaces only, or a comment in the first column):
   * how many. One with more spaces than a block scalar's indentation `ind` is content to YAML (the spaces
   * past it and a line break), and a comment inside a block scalar (`inside`) ends it: yaml.ts, both.
   */
  private gapLines(from: number, to: number, ind: number, inside: boolean): number {
    const t = this.text;
    let n = 0;
    for (let q = from; q < to; n++) {
      let eol = t.indexOf('\n', q);
      if (eol < 0 || eol > to) eol = to;
      if (t.charCodeAt(q) === 35 ? inside : eol - q > ind) outside();
      q = eol + 1;
    }
    return n;
  }

  /** "- item" lines of plain scalars (a block sequence of column names). */
  private scalarSeq(ind: number): Flow {
    const items: Scalar[] = [];
    const t = this.text;
    const dash = this.lines[this.i].start + ind;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      if (line.indent < ind) break;
      if (line.indent > ind || t.charCodeAt(line.start + ind) !== 45 || t.charCodeAt(line.start + ind + 1) !== 32) outside();
      this.i++;
      let a = line.start + ind + 2;
      while (a < line.end && t.charCodeAt(a) === 32) a++;
      let b = line.end;
      while (b > a && t.charCodeAt(b - 1) === 32) b--;
      if (a === b) outside();
      const v = t.slice(a, b);
      plainOk(v);
      if (v.charCodeAt(v.length - 1) === 58 || v.charCodeAt(0) === 91 || v.charCodeAt(0) === 123) outside();
      const next = this.lines[this.i];
      if (next && next.indent > line.indent) outside();
      items.push({ t: 'scalar', value: v, style: 'PLAIN', start: a, valueEnd: b, nodeEnd: this.nodeEnd(line.end) });
    }
    const last = items[items.length - 1];
    return { t: 'flow', items, start: dash, valueEnd: last.nodeEnd, nodeEnd: last.nodeEnd };
  }

  /** The block under a key: a map, a sequence of one-pair maps (行) or of names (列). */
  private block(key: string): MapN | SeqN | Flow {
    const first = this.lines[this.i];
    const t = this.text;
    const ind = first.indent;
    const dash = t.charCodeAt(first.start + ind) === 45 /* - */ && t.charCodeAt(first.start + ind + 1) === 32;
    if (this.prose) return dash ? this.seq(ind, false) : this.map(ind);
    if (dash) {
      if (key === '列') return this.scalarSeq(ind);
      if (key !== '行') outside();
      return this.seq(ind, true);
    }
    if (!sideOf(key) || TABLE_FIELDS.includes(key)) outside();
    return this.map(ind);
  }

  /** "- key: value" lines at `ind`; `row`: a table's rows, whose values are on their line. */
  private seq(ind: number, row = true): SeqN {
    const items: Array<MapN | Flow> = [];
    const t = this.text;
    const dash = this.lines[this.i].start + ind;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      if (line.indent < ind) break;
      if (line.indent > ind || t.charCodeAt(line.start + ind) !== 45 || t.charCodeAt(line.start + ind + 1) !== 32) outside();
      this.i++;
      let k = line.start + ind + 2;
      while (k < line.end && t.charCodeAt(k) === 32) k++;
      if (!row && t.charCodeAt(k) === 91 /* [ */) {
        // "- [1, 某单位, 行政单位]": a row of 单位构成
        let e = line.end;
        while (e > k && t.charCodeAt(e - 1) === 32) e--;
        items.push(this.flow(k, e, line));
        continue;
      }
      const pair = this.pair(k, line, row);
      items.push({ t: 'map', pairs: [pair], start: pair.key.start, valueEnd: pair.value.nodeEnd, nodeEnd: pair.value.nodeEnd });
    }
    const last = items[items.length - 1];
    return { t: 'seq', items, start: dash, valueEnd: last.nodeEnd, nodeEnd: last.nodeEnd };
  }

  /** "key: value" starting at `k` on `line`; the key plain, or quoted without escapes. */
  private pair(k: number, line: Line, row: boolean): Pair {
    const t = this.text;
    let key: Scalar;
    let c: number;
    const q0 = t.charCodeAt(k);
    if (q0 === 34 /* " */ || q0 === 39 /* ' */) {
      const q = t.indexOf(q0 === 34 ? '"' : "'", k + 1);
      if (q < 0 || q >= line.end || t.charCodeAt(q + 1) !== 58 || (q + 2 < line.end && t.charCodeAt(q + 2) !== 32)) outside();
      const v = t.slice(k + 1, q);
      if (v.includes('\\')) outside();
      key = { t: 'scalar', value: v, style: q0 === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', start: k, valueEnd: q + 1, nodeEnd: q + 1 };
      c = q + 1;
    } else {
      c = t.indexOf(': ', k);
      if (c < 0 || c >= line.end) {
        if (t.charCodeAt(line.end - 1) !== 58) outside();
        c = line.end - 1;
      }
      // the key: a plain scalar without trailing spaces
      const keyText = t.slice(k, c);
      if (keyText === '' || keyText.charCodeAt(keyText.length - 1) === 32) outside();
      plainOk(keyText);
      key = { t: 'scalar', value: keyText, style: 'PLAIN', start: k, valueEnd: c, nodeEnd: c };
    }
    // an implicit key is at most 1024 characters long (the YAML library says so as an error): yaml.ts
    if (c - k > 1024) outside();
    const keyText = key.value;
    const keyCol = k - line.start;
    if (row) {
      const value = this.inlineValue(c + 1, line, '', keyCol);
      if (value.t !== 'scalar' && value.t !== 'flow') outside();
      return { key, value };
    }
    return { key, value: this.inlineValue(c + 1, line, keyText, keyCol) };
  }

  /** A block map at indentation `ind`. */
  map(ind: number): MapN {
    const pairs: Pair[] = [];
    const seen = new Set<string>();
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      if (line.indent < ind) break;
      if (line.indent > ind) outside();
      this.i++;
      const p = this.pair(line.start + ind, line, false);
      if (seen.has(p.key.value)) outside(); // a key twice: yaml.ts words it
      seen.add(p.key.value);
      pairs.push(p);
    }
    if (pairs.length === 0) outside();
    const last = pairs[pairs.length - 1].value;
    return { t: 'map', pairs, start: pairs[0].key.start, valueEnd: last.nodeEnd, nodeEnd: last.nodeEnd };
  }

  /** The whole block: "key:" on the first line, the table's map under it. */
  parse(key: string): { keyNode: Scalar; value: MapN } {
    return this.parseAny(key) as { keyNode: Scalar; value: MapN };
  }

  /** The whole block: "key:" on the first line, a map (or, in prose, a sequence) under it. */
  parseAny(key: string): { keyNode: Scalar; value: MapN | SeqN | Flow } {
    const first = this.lines[0];
    const t = this.text;
    if (!first || first.start !== 0 || first.indent !== 0) outside();
    let e = first.end;
    while (e > 0 && t.charCodeAt(e - 1) === 32) e--;
    if (t.charCodeAt(e - 1) !== 58 || t.slice(0, e - 1) !== key) outside();
    this.i = 1;
    const body = this.lines[1];
    if (!body || body.indent === 0) outside();
    const value = this.prose ? this.block(key) : this.map(body.indent);
    if (this.i !== this.lines.length) outside();
    return { keyNode: { t: 'scalar', value: key, style: 'PLAIN', start: 0, valueEnd: e - 1, nodeEnd: e - 1 }, value };
  }
}

function plainOk(v: string): void {
  if (BAD_START.test(v) || v.includes(': ') || v.includes(' #')) outside();
}

/** The plain value of a node, as yaml.ts's toJSON gives it; `firstRow`: each 行 with its first row only. */
function toJSON(v: Value, firstRow = false): unknown {
  switch (v.t) {
    case 'scalar': return v.value;
    case 'flow': return v.items.map((x) => x.value);
    case 'seq': return (firstRow ? v.items.slice(0, 1) : v.items).map((x) => toJSON(x, firstRow));
    case 'map': {
      const o: Record<string, unknown> = {};
      for (const p of v.pairs) o[p.key.value] = toJSON(p.value, firstRow);
      return o;
    }
  }
}

/** What yaml.ts's Builder does for the subset, on the parsed nodes. */
class TableBuilder {
  constructor(private readonly raw: RawBlock, private readonly findings: Finding[]) {}

  private find(rule: string, severity: Finding['severity'], range: Range, message: string, text?: string): void {
    this.findings.push(text === undefined ? { rule, severity, range, message } : { rule, severity, range, message, text });
  }

  private range(n: N | null | undefined): Range {
    const base = this.raw.start;
    if (!n) return { start: base, end: base };
    return { start: base + n.start, end: base + n.valueEnd };
  }

  private str(n: Value | null | undefined): Str | undefined {
    return n && n.t === 'scalar' ? { value: n.value, range: this.range(n) } : undefined;
  }

  /** A scalar as a Text, made as yaml.ts makes it (makeText with the scalar's style). */
  private text(n: Scalar): Text {
    const src = this.raw.text.slice(n.start, n.valueEnd);
    const t = makeText(n.value, src, this.raw.start + n.start, this.range(n), n.style);
    // its characters could not be mapped exactly: yaml.ts marks the block's inexact ranges
    if (t.inexact) outside();
    return t;
  }

  private get(m: MapN, key: string): Value | undefined {
    for (const p of m.pairs) if (p.key.value === key) return p.value;
    return undefined;
  }

  table(key: string, keyRange: Range, v: MapN): Table {
    const t = tableHead(key, keyRange, this.range(v).end, (k) => this.str(this.get(v, k)), (r, sv, g, m) => this.find(r, sv, g, m));
    if (this.get(v, '行') !== undefined || this.get(v, '列') !== undefined) t.parts.push(this.part('', v));
    for (const p of v.pairs) {
      const name = p.key.value;
      if ((name === '注' || name === '说明') && p.value.t === 'scalar') {
        t.notes.push({ key: name, text: this.text(p.value) });
      } else if (!TABLE_FIELDS.includes(name) && sideOf(name)) {
        const value = p.value;
        if (value.t !== 'map') return outside();
        const part = this.part(name, value);
        part.side = sideOf(name);
        part.nameRange = this.range(p.key);
        t.parts.push(part);
      }
    }
    t.note = t.notes[0]?.text;
    return t;
  }

  private columns(v: Value | undefined): Column[] {
    const cols: Column[] = [];
    if (v && v.t === 'flow') {
      for (const it of v.items) {
        const path = it.value.split('/').map((x) => x.trim()).filter((x) => x);
        const name = path.join('/');
        const range = this.range(it);
        cols.push(name === it.value ? { name, path, kind: columnKind(it.value), range } : { name, path, kind: columnKind(it.value), range, written: it.value });
      }
    } else if (v && v.t !== 'scalar') outside();
    return cols;
  }

  private part(name: string, v: MapN): TablePart {
    const part: TablePart = { name, columns: this.columns(this.get(v, '列')), rows: [], range: this.range(v) };
    const rowsNode = this.get(v, '行');
    if (rowsNode && rowsNode.t === 'seq') {
      for (const it of rowsNode.items) {
        const p = (it as MapN).pairs[0];
        part.rows.push(this.row(p.key, p.value as Scalar | Flow, this.range(it), part.columns));
      }
    } else if (rowsNode && rowsNode.t !== 'scalar') outside();
    if (part.columns.length === 0 && part.rows.length > 0) {
      const k = v.pairs.find((p) => p.key.value === '行')!.key;
      this.find('table.columns', 'error', this.range(k), l10n.t('此表缺少“列”：请先列出各列的名称，如 列: [本年收入合计, 财政拨款收入]'));
    }
    return part;
  }

  private row(keyNode: Scalar, val: Scalar | Flow, range: Range, columns: Column[]): Row {
    const key = this.str(keyNode)!;
    // a plain key (one line, no escapes here) is its source: its Text would be verbatim and rowFromKey
    // would not keep it, so none is made; a quoted key is mapped as yaml.ts maps it (Row.keyText)
    const row = rowFromKey(key.value, key.range.start, key.range.end, range.start, range.end, keyNode.style === 'PLAIN' ? undefined : this.text(keyNode));
    const cells = this.cells(val, columns, row, range.start);
    if (cells) row.cells = cells;
    return row;
  }

  /** The callback through which readCell reports (one per builder, not one per cell). */
  private readonly report: FindFn = (r, sv, g, msg, text) => this.find(r, sv, g, msg, text);

  /**
   * Cells of a row: a flow sequence (one item a cell) or a one-line plain scalar split at spaces.
   * Undefined when they are plain amounts only: the row reads them when they are asked for (PlainCells).
   */
  private cells(val: Scalar | Flow, columns: Column[], row: SourceRow, rowStart: number): Cell[] | undefined {
    const kind = (i: number): ColumnKind => columns[i]?.kind ?? 'amount';
    if (val.t === 'flow') {
      this.count(val, val.items.length, columns);
      return val.items.map((it, i) => readCell(it.value, this.range(it), kind(i), this.report));
    }
    const s = val.value;
    // a block scalar (| or |-, whose value may have no line break left): yaml.ts maps its offsets
    if (val.style !== 'PLAIN' || s.includes('\n')) outside();
    // the pieces between white space (space, tab, 全角 space), as [start, end) pairs
    const at = BOUNDS;
    const n = spacePieces(s, at);
    this.count(val, n / 2, columns);
    const base = this.raw.start + val.start;
    if (allPlainAmounts(s, at, 0, n, columns)) {
      row.plainCells({ src: s, at: base - rowStart, split: 'space' });
      return undefined;
    }
    const out: Cell[] = new Array(n / 2);
    for (let k = 0; k < n; k += 2) out[k / 2] = cellAt(s, at[k], at[k + 1], base, kind(k / 2), this.report);
    return out;
  }

  private count(val: N, pieces: number, columns: Column[]): void {
    if (columns.length > 0 && pieces !== columns.length) {
      this.find('table.cells', 'error', this.range(val),
        l10n.t('此行有 {0} 个值，而表头有 {1} 列（{2}）', pieces, columns.length, columns.map((c) => c.name).join(l10n.listSep())));
    }
  }
}

/**
 * The parse of a table block, when it is written in the subset above (else undefined: yaml.ts
 * parses it). Never throws.
 */
export function parseYamlTableFast(raw: RawBlock): ParsedBlock | undefined {
  if (blockKindOf(raw.key) !== 'table') return undefined;
  const text = raw.text;
  if (!plainBlock(text)) return undefined;
  try {
    const { keyNode, value } = new FastParser(text).parse(raw.key);
    const out: ParsedBlock = { raw, kind: 'table', findings: [] };
    // a schema violation is worded (and placed) by yaml.ts. Every row is a one-pair map of a scalar or a
    // list of scalars (the parser takes nothing else), so the schema says of all rows what it says of one:
    // it is given the block with the first row of each 行 only.
    if (validateBlock(raw.key, { [raw.key]: toJSON(value, true) }, EMPTY_DOC, raw.start).length > 0) return undefined;
    // the plain value of the whole block, made only if asked for (nothing in the checks reads it)
    let data: unknown;
    Object.defineProperty(out, 'data', { enumerable: true, configurable: true, get: () => (data ??= { [raw.key]: toJSON(new FastParser(text).parse(raw.key).value) }) });
    const b = new TableBuilder(raw, out.findings);
    const keyRange = { start: raw.start + keyNode.start, end: raw.start + keyNode.valueEnd };
    out.table = b.table(raw.key, keyRange, value);
    return out;
  } catch {
    return undefined; // Outside, or anything unforeseen: yaml.ts decides
  }
}

// characters YAML does not allow in a stream, or reads otherwise than as themselves (C0 and C1
// controls but LF, DEL, the byte order mark, U+2028/9, the noncharacters): yaml.ts
const ODD_CHARS = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;

/** Not written outside the subset at first sight: no comment after a value or indented (" #"), no tab, no CR, no odd character. */
function plainBlock(text: string): boolean {
  return !text.includes(' #') && !ODD_CHARS.test(text);
}

/** The yaml library's node for a parsed one, with the same value, style and range. */
function toNode(v: Value): Node {
  let n: YScalar | YAMLSeq | YAMLMap;
  switch (v.t) {
    case 'scalar': {
      const s = new YScalar(v.value);
      s.type = v.style;
      n = s;
      break;
    }
    case 'flow': case 'seq': {
      const q = new YAMLSeq();
      if (v.t === 'flow') q.flow = true;
      for (const it of v.items) q.items.push(toNode(it));
      n = q;
      break;
    }
    case 'map': {
      const m = new YAMLMap();
      for (const p of v.pairs) m.items.push(new YPair(toNode(p.key), toNode(p.value)));
      n = m;
      break;
    }
  }
  n.range = [v.start, v.valueEnd, v.nodeEnd];
  return n;
}

/** Blocks of text the fast path reads (the 报告 block, 概况, 情况说明, 其他, 名词解释). */
const PROSE_KINDS = new Set(['meta', 'overview', 'narrative', 'others', 'glossary']);

/**
 * The parse of a block of text, when it is written in the subset above (maps and sequences of
 * one-pair maps, plain one-line or literal scalars), else undefined: yaml.ts parses it. The model is
 * made by yaml.ts's own builder from the nodes the fast parser made; a block on which the builder or
 * the schema has anything to say, or whose text is not mapped exactly, is left to yaml.ts. Never throws.
 */
export function parseYamlProseFast(raw: RawBlock): ParsedBlock | undefined {
  const kind = blockKindOf(raw.key);
  if (!PROSE_KINDS.has(kind)) return undefined;
  const text = raw.text;
  if (!plainBlock(text)) return undefined;
  try {
    const { keyNode, value } = new FastParser(text, true).parseAny(raw.key);
    const out: ParsedBlock = { raw, kind, findings: [] };
    const inexact: Range[] = [];
    const root = new YAMLMap();
    root.items.push(new YPair(toNode(keyNode), toNode(value)));
    buildBlock(raw, out, { contents: root } as unknown as Parameters<typeof buildBlock>[2], new Builder(raw, out.findings, inexact), []);
    if (out.findings.length > 0 || inexact.length > 0) return undefined;
    return out;
  } catch {
    return undefined; // Outside, or anything unforeseen: yaml.ts decides
  }
}

/** Lines that are blank or a comment only (spaces, then # and anything to the line's end). */
const COMMENTS_ONLY = /^(?: *(?:#[^\n]*)?(?:\n|$))*$/;

/**
 * What comes before the first block when it is comment lines and blank lines only (most files: the
 * schema line, a note on the source): nothing to read, nothing to find, as yaml.ts finds; else undefined.
 */
export function parseYamlPreludeFast(raw: RawBlock): ParsedBlock | undefined {
  if (raw.key !== '' || !COMMENTS_ONLY.test(raw.text)) return undefined;
  return { raw, kind: blockKindOf(raw.key), findings: [] };
}

/** A block through the fast paths when it is written in their subsets (tables, text, a prelude of comments), else undefined. */
export function parseYamlFast(raw: RawBlock): ParsedBlock | undefined {
  return raw.key === '' ? parseYamlPreludeFast(raw) : parseYamlTableFast(raw) ?? parseYamlProseFast(raw);
}

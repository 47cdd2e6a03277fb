/**
 * The YAML front end: source text → report model. Built on the `yaml` library's document API,
 * with the failsafe schema so that every scalar stays the string that was written (335.56 is
 * never a float, "0.10" keeps its trailing zero).
 *
 * The text is split into top-level blocks (blocks.ts); each block is parsed alone and its result
 * cached by its text, so an edit re-parses only the block it touches. Syntax errors are findings,
 * never exceptions; a half-typed file still yields a model for all that parsed.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, parseDocument, visit, YAMLMap, YAMLSeq } from 'yaml';
import { RawBlock, splitByHeaders } from './blocks';
import {
  Cell, CellKind, Column, ColumnKind, Finding, GlossaryEntry, IndicatorRow, Meta, PerfEval, PrintedBlock, Range,
  Report, Row, Section, SectionBlock, Str, Syntax, Table, TablePart, Text, UnitRow,
} from '../model';
import { makeText, textRange } from '../text';
import { GLOSSARY_NUMBER } from '../names';
import { validateBlock } from './schema';
import * as l10n from '../l10n';
import { blockKindOf, DEFAULT_UNIT_COLUMNS, FindFn, META_FIELDS, setMetaField, indicatorKinds, indicatorRows, MAX_SECTION_DEPTH, ParsedBlock, readCell, rowFromKey, TABLE_FIELDS, tableHead, unitRow } from './common';
import { columnKind, sideOf } from '../layouts';

/**
 * Splits a YAML report into its top-level blocks: a block starts at a line that begins, in column 0,
 * with a mapping key (`表 收入决算表:`).
 */
export function splitYamlBlocks(text: string): RawBlock[] {
  return splitByHeaders(text, (line) => {
    if (line.length === 0 || /^[\s#]/.test(line)) return undefined;
    const m = KEY_LINE.exec(line);
    return m ? unquoteKey(m[0].replace(/:[ \t]*\r?$/, '').replace(/:[ \t]$/, '')) : undefined;
  });
}

// A line that starts a top-level key: not indented, not a comment, sequence entry, flow
// collection, directive or document marker; has a ':' followed by a space or the line end.
// (a # starts a comment only after white space: 表 a#b: is a key)
const KEY_LINE = /^(?![\s#\-[\]{},&*!|>%@`])(?:"[^"\n]*"|'[^'\n]*'|(?:[^\n:#]|(?<=[^ \t])#)*?(?::(?![ \t\r\n])(?:[^\n:#]|(?<=[^ \t])#)*?)*):(?:[ \t]|\r?$)/;


function unquoteKey(k: string): string {
  k = k.trim();
  if (k.length >= 2 && k.startsWith('"') && k.endsWith('"')) {
    try {
      return String(JSON.parse(k)); // YAML double quotes escape as JSON does (\t, \", \\, \u…)
    } catch {
      return k.slice(1, -1);
    }
  }
  if (k.length >= 2 && k.startsWith("'") && k.endsWith("'")) return k.slice(1, -1).replace(/''/g, "'");
  return k;
}


const YAML_CODES: Record<string, string> = {
  BAD_INDENT: '缩进不正确',
  TAB_AS_INDENT: '不能用制表符（Tab）缩进，请改用空格',
  MISSING_CHAR: '缺少配对的字符（引号或括号未闭合）',
  DUPLICATE_KEY: '键重复',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不正确',
  MULTILINE_IMPLICIT_KEY: '键不能跨行',
  UNEXPECTED_TOKEN: '此处有无法识别的内容',
  BAD_SCALAR_START: '值不能以此字符开头，请给整个值加引号',
  BAD_DQ_ESCAPE: '双引号字符串中的转义写法不正确',
  BLOCK_IN_FLOW: '方括号/花括号内不能换行写块结构',
  MULTIPLE_DOCS: '一个文件只能有一个文档（多余的 ---）',
  KEY_OVER_1024_CHARS: '键太长（超过 1024 个字符）',
  BAD_PROP_ORDER: '锚点/标签位置不对',
  IMPOSSIBLE: '无法解析',
};

const YAML_MESSAGES: Array<[RegExp, string]> = [
  [/Implicit map keys need to be followed by map values/, '这一行缺少冒号：键后面要有英文冒号和空格（如“表 收入决算表:”“- 合计: 335.56”）'],
  [/Missing closing "?quote|Missing closing ['"]/, '引号没有闭合：请补上配对的引号'],
  [/Expected .*flow sequence|Expected a ?\]|flow sequence.*end/i, '方括号没有闭合：请补上“]”'],
  [/flow map|Expected a ?\}/i, '花括号没有闭合：请补上“}”'],
  [/Tabs are not allowed|tab/i, '不能用制表符（Tab）缩进，请改用空格'],
  [/All mapping items must start at the same column/, '同一层级的各项要左端对齐（缩进相同的空格数）'],
  [/Nested mappings are not allowed in compact mappings/, '同一行里不能再写“键: 值”：请换行并缩进，或给值加引号'],
  [/A block sequence may not be used as an implicit map key/, '列表项不能作为键：请检查缩进'],
  [/Map keys must be unique/, '同一层级下键重复（每个键只能出现一次）'],
  [/Maximum call stack size exceeded|too much recursion/i, '嵌套的层级太多（方括号、花括号或缩进一层套一层），读不下去了：报告的各块只有几层，请检查是否多写了括号或缩进'],
];

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return l10n.t('同一层级下键重复（每个键只能出现一次）');
  for (const [re, zh] of YAML_MESSAGES) if (re.test(message)) return l10n.t('YAML 语法错误：{0}', l10n.t(zh));
  const zh = YAML_CODES[code];
  const first = message.split('\n')[0];
  return zh ? l10n.t('YAML 语法错误：{0}（{1}）', l10n.t(zh), first) : l10n.t('YAML 语法错误：{0}', first);
}

/** Parses one block. Never throws. */
export function parseYamlBlock(raw: RawBlock): ParsedBlock {
  const kind = blockKindOf(raw.key);
  const out: ParsedBlock = { raw, kind, findings: [] };
  try {
    parseBlockInto(raw, out);
  } catch (e) {
    out.findings.push({
      rule: 'parse.internal', severity: 'error', range: { start: raw.start, end: raw.start + raw.key.length },
      message: l10n.t('内部错误：此块未能解析（{0}）。请报告此问题。', (e as Error).message),
    });
  }
  return out;
}

/** Flow collections ([ … ], { … }) nested deeper than this are not given to the YAML library (its recursion depends on the stack left). */
const MAX_FLOW_DEPTH = 100;

/** Where flow brackets first nest deeper than MAX_FLOW_DEPTH (outside quotes and comments), or -1. */
function tooDeep(text: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) { const nl = text.indexOf('\n', i); i = nl < 0 ? text.length : nl; }
    else if (c === '[' || c === '{') { if (++depth > MAX_FLOW_DEPTH) return i; }
    else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return -1;
}

function parseBlockInto(raw: RawBlock, out: ParsedBlock): void {
  const deep = tooDeep(raw.text);
  if (deep >= 0) {
    out.findings.push({ rule: 'yaml.syntax', severity: 'error', range: { start: raw.start + deep, end: raw.start + deep + 1 }, message: yamlMessage('', 'Maximum call stack size exceeded') });
    return;
  }
  const doc = parseDocument(raw.text, { schema: 'failsafe', prettyErrors: false, uniqueKeys: true });
  const inexact: Range[] = [];
  const b = new Builder(raw, out.findings, inexact);
  const dashLines = new Set<number>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    const [s, t] = e.pos;
    // “- 合计: - 1.00 …”: a blank cell written “-” first on a row reads as a YAML list: one message, with a fix
    if (e.code === 'UNEXPECTED_TOKEN' && /block-seq-ind on same line with key/.test(e.message) && raw.text[s] === '-') {
      const lineStart = raw.text.lastIndexOf('\n', s - 1) + 1;
      dashLines.add(lineStart);
      const r = { start: raw.start + s, end: raw.start + s + 1 };
      out.findings.push({
        rule: 'yaml.syntax', severity: 'error', range: r,
        message: l10n.t('这一行的第一个值“-”会被 YAML 读成列表符号，整行因此读错：空格子请写作 "-"（加引号）或 —'),
        fixes: [{ title: l10n.t('改为 "-"'), edits: [{ range: r, newText: '"-"' }] }],
      });
      continue;
    }
    b.find('yaml.syntax', e.name === 'YAMLWarning' ? 'warning' : 'error', { start: raw.start + s, end: raw.start + Math.max(t, s + 1) },
      yamlMessage(e.code, e.message));
  }
  if (dashLines.size) {
    // the other errors of those lines follow from the “-”
    // (in place: the builder writes into this array)
    const kept = out.findings.filter((f) => f.rule !== 'yaml.syntax' || f.fixes || !dashLines.has(raw.text.lastIndexOf('\n', f.range.start - raw.start - 1) + 1));
    out.findings.splice(0, out.findings.length, ...kept);
  }
  // an alias (*a) stands for what an anchor (&a) marked: the report model has no such thing
  const aliasRanges: Range[] = [];
  visit(doc, {
    Alias(_k, n, path) {
      if (!n.range) return;
      const r = { start: raw.start + n.range[0], end: raw.start + n.range[1] };
      aliasRanges.push(r);
      const parent = path[path.length - 1];
      const grand = path[path.length - 2];
      const asRow = isSeq(parent) && isPair(grand) && isScalar(grand.key) && String(grand.key.value) === '行';
      const target = n.resolve(doc);
      const written = isScalar(target) && target.range ? raw.text.slice(target.range[0], target.range[1]) : undefined;
      out.findings.push({
        rule: 'yaml.alias', severity: 'error', range: r, text: `*${n.source}`,
        message: asRow
          ? l10n.t('表的一行不能写成 YAML 别名“*{0}”（别名引用前面用“&{0}”标记的内容）：本格式不读别名，这一行会被漏掉。请把这一行完整写出来，如“- 合计: 1.00 1.00”', n.source)
          : written !== undefined && !written.includes('\n')
            ? l10n.t('“*{0}”是 YAML 别名：它引用前面用“&{0}”标记的值（{1}）。本格式不读别名：请在这里直接写出这个值', n.source, written)
            : l10n.t('“*{0}”是 YAML 别名：它引用前面用“&{0}”标记的内容。本格式不读别名：请在这里直接写出内容', n.source),
      });
    },
  });
  if (out.kind === 'prelude') {
    // before the first block only comments: anything else belongs to no block and would be neither checked nor converted
    const c = doc.contents;
    if (c && c.range && out.findings.length === 0) {
      b.find('yaml.syntax', 'error', { start: raw.start + c.range[0], end: raw.start + Math.max(c.range[1], c.range[0] + 1) },
        l10n.t('这里的内容不属于任何块：第一个块（如“报告:”）之前只能写注释（以 # 开头）'));
    }
    return;
  }
  try {
    buildBlock(raw, out, doc, b, aliasRanges);
  } finally {
    if (inexact.length) out.inexact = inexact;
  }
}

/** The model of a block from its parsed document (also the fast path's, on the nodes it makes: yaml-fast.ts). */
export function buildBlock(raw: RawBlock, out: ParsedBlock, doc: ReturnType<typeof parseDocument>, b: Builder, aliasRanges: Range[]): void {
  const root = doc.contents;
  if (!isMap(root) || root.items.length === 0) return;
  const pair = root.items[0] as Pair<Node, Node | null>;
  // one top-level key per block: a second one here was not recognised as a block of its own
  for (const p of (root.items as Pair<Node, Node | null>[]).slice(1)) {
    const k = p.key as Node | null;
    b.find('yaml.syntax', 'error', b.range(k), l10n.t('“{0}”没有读取：它没有被认作一个新的块，请检查这一行的写法（顶层的键从行首写起，后面是英文冒号）', isScalar(k) ? String(k.value) : ''));
  }
  const keyNode = pair.key as Node;
  const value = pair.value as Node | null;
  out.data = { [raw.key]: value ? value.toJSON() : null };
  // what the schema says about an alias follows from it (an alias reads as something else): its own finding says it
  const schemaFindings = validateBlock(raw.key, out.data, doc, raw.start).filter((f) => !aliasRanges.some((a) => a.start < f.range.end && f.range.start < a.end));
  out.findings.push(...schemaFindings);
  const keyRange = b.range(keyNode);
  switch (out.kind) {
    case 'meta': out.meta = b.meta(value, keyRange); break;
    case 'overview': case 'narrative': case 'others': out.sections = b.sections(value); break;
    case 'table': out.table = b.table(raw.key, keyRange, value); break;
    case 'glossary': out.glossary = b.glossary(value); break;
    case 'perf': out.perf = b.perf(raw.key, keyRange, value); break;
    case 'cover': case 'contents': case 'heading':
      out.printed = { kind: out.kind, key: raw.key, keyRange, body: isScalar(value) && value.value !== null && value.value !== '' ? b.text(value) : undefined, range: { start: keyRange.start, end: Math.max(keyRange.end, b.range(value).end) } };
      break;
    case 'unknown':
      if (schemaFindings.length === 0) {
        b.find('schema.block', 'error', keyRange,
          l10n.t('未知的顶层块“{0}”。可用：报告、部门概况/单位概况、表 <表名>、情况说明、名词解释、绩效自评 <项目名称>、其他、封面、目录、第一部分 <标题>', raw.key));
      }
      break;
  }
}

export class Builder {
  constructor(private readonly raw: RawBlock, private readonly findings: Finding[], private readonly inexact: Range[] = []) {}

  find(rule: string, severity: Finding['severity'], range: Range, message: string, text?: string): void {
    this.findings.push(text === undefined ? { rule, severity, range, message } : { rule, severity, range, message, text });
  }

  range(n: Node | null | undefined): Range {
    const base = this.raw.start;
    if (!n || !n.range) return { start: base, end: base };
    return { start: base + n.range[0], end: base + n.range[1] };
  }

  str(n: Node | null | undefined): Str | undefined {
    if (!isScalar(n)) return undefined;
    return { value: String(n.value ?? ''), range: this.range(n) };
  }

  /** A scalar as a Text: every character mapped to the source (quotes, escapes and folded lines decoded). */
  text(n: Node | null | undefined): Text | undefined {
    if (!isScalar(n) || !n.range) return undefined;
    const value = String(n.value ?? '');
    const src = this.raw.text.slice(n.range[0], n.range[1]);
    const t = makeText(value, src, this.raw.start + n.range[0], this.range(n), n.type);
    if (t.inexact) this.inexact.push(t.range);
    return t;
  }

  /** Pairs of a map, or of a sequence of single-key maps (`- 标题: 值`). */
  entries(n: Node | null | undefined): Array<{ key: Node; value: Node | null; range: Range }> {
    const out: Array<{ key: Node; value: Node | null; range: Range }> = [];
    const addPairs = (m: YAMLMap, r?: Range) => {
      for (const p of m.items as Pair<Node, Node | null>[]) {
        if (!isPair(p) || !p.key) continue;
        const kr = this.range(p.key as Node);
        const end = p.value && (p.value as Node).range ? this.range(p.value as Node).end : kr.end;
        out.push({ key: p.key as Node, value: (p.value as Node | null) ?? null, range: r ?? { start: kr.start, end } });
      }
    };
    if (isMap(n)) addPairs(n);
    else if (isSeq(n)) {
      for (const it of n.items as Node[]) {
        if (isMap(it)) addPairs(it, this.range(it));
      }
    }
    return out;
  }

  get(m: Node | null | undefined, key: string): Node | null | undefined {
    if (!isMap(m)) return undefined;
    for (const p of m.items as Pair<Node, Node | null>[]) {
      if (isScalar(p.key) && String(p.key.value) === key) return (p.value as Node | null) ?? null;
    }
    return undefined;
  }

  keyOf(m: Node | null | undefined, key: string): Node | undefined {
    if (!isMap(m)) return undefined;
    for (const p of m.items as Pair<Node, Node | null>[]) {
      if (isScalar(p.key) && String(p.key.value) === key) return p.key as Node;
    }
    return undefined;
  }

  // ---------------------------------------------------------------- 报告
  meta(v: Node | null, keyRange: Range): Meta {
    const meta: Meta = { range: { start: keyRange.start, end: this.range(v).end } };
    for (const f of META_FIELDS) {
      const s = this.str(this.get(v, f.key));
      if (s) setMetaField(meta, f.key, s); // a value the schema rejects was reported by it
    }
    return meta;
  }

  // ---------------------------------------------------------------- sections
  sections(v: Node | null, depth = 1): Section[] {
    const out: Section[] = [];
    if (depth > MAX_SECTION_DEPTH) {
      this.find('yaml.syntax', 'error', this.range(v), l10n.t('小节的层级太多（超过 {0} 级）：更深的小节没有读取，请减少层级', MAX_SECTION_DEPTH));
      return out;
    }
    for (const e of this.entries(v)) {
      const title = this.str(e.key);
      if (!title) continue;
      const sec: Section = { title, children: [], range: e.range };
      const val = e.value;
      // “- 标题:” with nothing after it is a section without text (as in the DSL)
      if (isScalar(val)) sec.body = val.value === null || val.value === '' ? undefined : this.text(val);
      else if (isSeq(val)) sec.children = this.sections(val, depth + 1);
      else if (isMap(val)) {
        const body = this.get(val, '正文');
        if (isScalar(body)) sec.body = this.text(body);
        const sub = this.get(val, '小节');
        if (sub) sec.children = this.sections(sub, depth + 1);
        const units = this.get(val, '单位构成');
        if (isSeq(units)) sec.units = this.unitRows(units, DEFAULT_UNIT_COLUMNS);
        else if (isMap(units)) {
          sec.unitColumns = this.columns(this.get(units, '列'));
          const rows = this.get(units, '行');
          sec.units = isSeq(rows) ? this.unitRows(rows, sec.unitColumns.map((c) => c.name)) : [];
        }
      }
      out.push(sec);
    }
    return out;
  }

  unitRows(seq: YAMLSeq, columns: string[]): UnitRow[] {
    const rows: UnitRow[] = [];
    for (const it of seq.items as Node[]) {
      if (isSeq(it)) {
        const cells = (it.items as Node[]).map((n) => this.str(n) ?? { value: '', range: this.range(n) });
        rows.push(unitRow(columns, cells, this.range(it)));
      } else if (isMap(it)) {
        const cells = columns.map((c) => this.str(this.get(it, c)) ?? { value: '', range: this.range(it) });
        rows.push(unitRow(columns, cells, this.range(it)));
      }
    }
    return rows;
  }

  // ---------------------------------------------------------------- 表
  table(key: string, keyRange: Range, v: Node | null): Table {
    const t = tableHead(key, keyRange, this.range(v).end, (k) => this.str(this.get(v, k)), (r, sv, g, m) => this.find(r, sv, g, m));
    if (this.get(v, '行') !== undefined || this.get(v, '列') !== undefined) {
      t.parts.push(this.part('', v as Node));
    }
    if (isMap(v)) {
      for (const p of v.items as Pair<Node, Node | null>[]) {
        const k = isScalar(p.key) ? String(p.key.value) : '';
        if ((k === '注' || k === '说明') && isScalar(p.value)) {
          const text = this.text(p.value as Node);
          if (text) t.notes.push({ key: k, text });
        } else if (!TABLE_FIELDS.includes(k) && sideOf(k) && p.value) {
          const part = this.part(k, p.value as Node);
          part.side = sideOf(k);
          part.nameRange = this.range(p.key as Node);
          t.parts.push(part);
        }
      }
    }
    t.note = t.notes[0]?.text;
    return t;
  }

  columns(v: Node | null | undefined): Column[] {
    const cols: Column[] = [];
    if (isSeq(v)) {
      for (const it of v.items as Node[]) {
        const s = this.str(it);
        if (!s) continue;
        const path = s.value.split('/').map((x) => x.trim()).filter((x) => x);
        const name = path.join('/');
        cols.push(name === s.value ? { name, path, kind: columnKind(s.value), range: s.range } : { name, path, kind: columnKind(s.value), range: s.range, written: s.value });
      }
    }
    return cols;
  }

  part(name: string, v: Node): TablePart {
    const part: TablePart = { name, columns: this.columns(this.get(v, '列')), rows: [], range: this.range(v) };
    const rowsNode = this.get(v, '行');
    if (isSeq(rowsNode)) {
      for (const it of rowsNode.items as Node[]) {
        if (!isMap(it) || it.items.length === 0) continue;
        const p = it.items[0] as Pair<Node, Node | null>;
        const row = this.row(p.key as Node, (p.value as Node | null) ?? null, this.range(it), part.columns);
        if (row) part.rows.push(row);
      }
    }
    if (part.columns.length === 0 && part.rows.length > 0) {
      this.find('table.columns', 'error', this.keyRangeOf(v, '行'), l10n.t('此表缺少“列”：请先列出各列的名称，如 列: [本年收入合计, 财政拨款收入]'));
    }
    return part;
  }

  keyRangeOf(m: Node, key: string): Range {
    const k = this.keyOf(m, key);
    return k ? this.range(k) : this.range(m);
  }

  row(keyNode: Node, val: Node | null, range: Range, columns: Column[]): Row | undefined {
    const key = this.str(keyNode);
    if (!key) return undefined;
    const row = rowFromKey(key.value, key.range.start, key.range.end, range.start, range.end, this.text(keyNode));
    row.cells = this.cells(val, columns, key.range);
    return row;
  }

  /** Cells of a row: a sequence (one item a cell) or a scalar split at spaces. `keyRange` is where a wrong count is reported when the row has no value at all. */
  cells(val: Node | null, columns: Column[], keyRange: Range): Cell[] {
    const pieces: Array<{ raw: string; range: Range }> = [];
    if (isSeq(val)) {
      for (const it of val.items as Node[]) {
        const s = this.str(it);
        if (s) pieces.push({ raw: s.value, range: s.range });
        else pieces.push({ raw: '', range: this.range(it) });
      }
    } else if (isScalar(val)) {
      const t = this.text(val);
      if (t) {
        const re = /[^ \t\u3000\n]+/g;
        let mm: RegExpExecArray | null;
        while ((mm = re.exec(t.value))) {
          pieces.push({ raw: mm[0], range: textRange(t, mm.index, mm.index + mm[0].length) });
        }
      }
    }
    if (columns.length > 0 && pieces.length !== columns.length && (pieces.length > 0 || val !== null)) {
      const where = val ? this.range(val) : keyRange;
      this.find('table.cells', 'error', where,
        l10n.t('此行有 {0} 个值，而表头有 {1} 列（{2}）', pieces.length, columns.length, columns.map((c) => c.name).join(l10n.listSep())));
    }
    return pieces.map((p, i) => this.cell(p.raw, p.range, columns[i]?.kind ?? 'amount'));
  }

  cell(raw: string, range: Range, kind: ColumnKind | 'auto'): Cell {
    return readCell(raw, range, kind, (r, s, g, m, t) => this.find(r, s, g, m, t));
  }

  // ---------------------------------------------------------------- 名词解释
  glossary(v: Node | null): GlossaryEntry[] {
    const out: GlossaryEntry[] = [];
    for (const e of this.entries(v)) {
      const k = this.str(e.key);
      if (!k) continue;
      const m = GLOSSARY_NUMBER.exec(k.value);
      const kt = this.text(e.key)!;
      // the term: after the numbering, without the spaces around it
      let a = m ? m[0].length : 0;
      let z = k.value.length;
      while (a < z && /\s/.test(k.value[a])) a++;
      while (z > a && /\s/.test(k.value[z - 1])) z--;
      const term = k.value.slice(a, z);
      const numberAt = m ? m[0].indexOf(m[1]) : 0;
      const def = isScalar(e.value) ? this.text(e.value) : undefined;
      out.push({
        key: k.value, number: m ? m[1] : undefined, numberRange: m ? textRange(kt, numberAt, numberAt + m[1].length) : undefined,
        term, termRange: z > a ? textRange(kt, a, z) : { start: k.range.end, end: k.range.end },
        definition: def ?? makeText('', '', k.range.end, { start: k.range.end, end: k.range.end }), range: e.range,
      });
    }
    return out;
  }

  // ---------------------------------------------------------------- 绩效自评
  perf(key: string, keyRange: Range, v: Node | null): PerfEval {
    const project = key.replace(/^绩效自评[ \u3000]+/, '').trim();
    const p: PerfEval = {
      key, keyRange, project, fields: {}, indicatorColumns: [], indicators: [],
      range: { start: keyRange.start, end: Math.max(keyRange.end, this.range(v).end) },
    };
    for (const e of this.entries(isMap(v) ? v : null)) {
      const k = this.str(e.key)?.value;
      if (!k) continue;
      const val = e.value;
      if (k === '资金') p.funds = this.part('资金', val as Node);
      else if (k === '年度目标') {
        const ex = this.get(val, '预期目标');
        const ac = this.get(val, '实际完成情况');
        p.goals = { expected: this.text(ex), achieved: this.text(ac), range: this.range(val) };
      } else if (k === '指标') {
        p.indicatorColumns = this.columns(this.get(val, '列'));
        this.indicators(this.get(val, '行'), p);
      } else if (k === '合计') {
        const cols: Column[] = ['分值', '得分'].map((n) => ({ name: n, path: [n], kind: 'number' as ColumnKind, range: this.range(val) }));
        const cells = this.cells(val, cols, this.range(e.key));
        p.totalWeight = cells[0];
        p.totalScore = cells[1];
      } else if (isScalar(val)) {
        const s = this.str(val);
        if (s) p.fields[k] = s;
      }
    }
    return p;
  }

  indicators(rowsNode: Node | null | undefined, p: PerfEval): void {
    if (!isSeq(rowsNode)) return;
    const cols = p.indicatorColumns;
    const kinds = indicatorKinds(cols);
    const rows: Array<{ cells: Cell[]; range: Range }> = [];
    for (const item of rowsNode.items as Node[]) {
      if (!isSeq(item)) continue;
      const pieces = (item.items as Node[]).map((n) => this.str(n) ?? { value: '', range: this.range(n) });
      if (cols.length > 0 && pieces.length !== cols.length) {
        this.find('table.cells', 'error', this.range(item), l10n.t('此指标行有 {0} 项，而指标表头有 {1} 列（{2}）', pieces.length, cols.length, cols.map((c) => c.name).join(l10n.listSep())));
      }
      rows.push({ cells: pieces.map((pc, i) => this.cell(pc.value, pc.range, kinds[i] ?? 'auto')), range: this.range(item) });
    }
    p.indicators = indicatorRows(cols, rows);
  }
}


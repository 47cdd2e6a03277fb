/**
 * The line DSL (*.jsgk): a second front end that produces the same report model as the YAML one,
 * so that every check and every editor feature works on it unchanged. It is written the way a
 * report is printed: a block per 【标题】, a section per “= 标题” line, a table row per line with
 * its cells separated by “|” (or by tabs, as a row copied from Excel arrives):
 *
 *     【报告】
 *     类型：部门决算
 *     年度：2023
 *     单位：某单位
 *
 *     【情况说明】
 *     = 一、收入支出决算总体情况说明
 *     2023年度收、支总计均为335.56万元。
 *     == （一）收入
 *     ……
 *
 *     【表 收入决算表】
 *     编号：公开02表
 *     列：本年收入合计 | 财政拨款收入 | 其他收入
 *     合计 | 335.56 | 335.56 | 0.00
 *     201 一般公共服务支出 | 270.38 | 270.38 | 0.00
 *     注：本表反映……
 *
 * Lines starting with # are comments (and “  # …” after a row or a “键：值” line). A text line that
 * would read as syntax (starting with =, 【, #, \ or a space) is written with a leading \. In a cell
 * or a value, \| and \# stand for | and #. A value continues on the next lines when they are
 * indented. See docs/dsl.md.
 *
 * Like the YAML front end it parses block by block (ReportParser caches the blocks), never throws,
 * and reports what it cannot read as findings, in the same words.
 */
import { RawBlock, splitByHeaders } from './blocks';
import {
  AmountUnit, Cell, Column, Finding, GlossaryEntry, Meta, PerfEval, PrintedBlock, Range, ReportType, Row, Section,
  Str, Table, TablePart, Text,
} from '../model';
import { blockKindOf, DEFAULT_UNIT_COLUMNS, indicatorKinds, indicatorRows, MAX_SECTION_DEPTH, ParsedBlock, readCell, rowFromKey, setMetaField, setTableKind, unitRow } from './common';
import { DslField, validateDslBlock } from './dsl-schema';
import { columnKind, sideOf } from '../layouts';
import { splitSentences } from '../text';
import * as l10n from '../l10n';
import { GLOSSARY_NUMBER } from '../names';
import schema from '../../../../schemas/report.schema.json';

const HEADER = /^【([^】\n]*)】/;

/** The name of a side of a two-sided table (收入, 本年支出 …): the schema's pattern for a table's part keys. */
export const SIDE_NAME = new RegExp(Object.keys((schema.definitions.table as unknown as { patternProperties: Record<string, unknown> }).patternProperties)[0]);
/** Fields that hold text: their value may continue on indented lines. */
const TEXT_FIELDS = new Set(['注', '说明', '预期目标', '实际完成情况']);

/** Splits DSL text into blocks: each starts at a 【…】 line. */
export function splitDslBlocks(text: string): RawBlock[] {
  return splitByHeaders(text, (line) => (line.charCodeAt(0) === 0x3010 /* 【 */ ? HEADER.exec(line)?.[1].trim() : undefined));
}

/**
 * One line of a block: its text without the line break, the absolute offset of its start, and where
 * the line break before it starts (the end of the previous line's text).
 */
interface Line {
  text: string;
  start: number;
  brk: number;
}

function linesOf(raw: RawBlock): Line[] {
  const out: Line[] = [];
  let pos = 0;
  const t = raw.text;
  let brk = raw.start - 1;
  while (pos < t.length) {
    let eol = t.indexOf('\n', pos);
    if (eol < 0) eol = t.length;
    let line = t.slice(pos, eol);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    out.push({ text: line, start: raw.start + pos, brk });
    brk = raw.start + pos + line.length;
    pos = eol + 1;
  }
  return out;
}

const WS = /[ \t\u3000]/;
const isWs = (c: number) => c === 32 || c === 9 || c === 0x3000;
/** After a \ in a cell or a value: | # \ stand for themselves, t for a tab (a tab itself separates cells). */
const ESCAPED = '|#\\t';
const unescape = (c: string) => (c === 't' ? '\t' : c);
const isBlank = (s: string) => s.trim() === '';
const isComment = (s: string) => /^[ \t\u3000]*#/.test(s);

/**
 * A string with the source range of each of its characters ([offset, end): two for an escape such as
 * \|). Kept as runs, like Spans (text.ts): a line of free text appended whole is one entry, not a
 * number per character; the per-character bounds are made only where a piece is cut out (slice, trim).
 */
export class Chars {
  value = '';
  /**
   * Entries of three numbers: [s, e, 1] one character read from src[s, e); [s, e, 0] the e − s
   * characters of src[s, e), each from itself.
   */
  private marks: number[] = [];
  /** Where it is in the source when it has no character (an empty cell between two |). */
  at?: number;
  push(ch: string, at: number, end = at + 1): void {
    this.value += ch;
    this.mark(at, end);
  }
  /** Appends src[from, to) as it is: each character one of the source, at base + its index (one entry). */
  pushVerbatim(src: string, from: number, to: number, base: number): void {
    if (from >= to) return;
    this.value += from === 0 && to === src.length ? src : src.slice(from, to);
    const m = this.marks;
    const k = m.length;
    if (k > 0 && m[k - 1] === 0 && m[k - 2] === base + from) m[k - 2] = base + to;
    else m.push(base + from, base + to, 0);
  }
  /** Appends src[from, to) (absolute `base` of src), turning \| \# \\ \t into | # \ and a tab. */
  append(src: string, from: number, to: number, base: number): void {
    let run = from;
    for (let i = from; i < to; i++) {
      if (src.charCodeAt(i) === 92 /* \ */ && i + 1 < to && ESCAPED.includes(src[i + 1])) {
        this.pushVerbatim(src, run, i, base);
        this.push(unescape(src[i + 1]), base + i, base + i + 2);
        i++;
        run = i + 1;
      }
    }
    this.pushVerbatim(src, run, to, base);
  }
  /** Drops the last character. */
  pop(): void {
    if (!this.value.length) return;
    this.value = this.value.slice(0, -1);
    const m = this.marks;
    const k = m.length;
    if (m[k - 1] === 0 && m[k - 2] - m[k - 3] > 1) m[k - 2]--;
    else m.length = k - 3;
  }
  /** Each character's source bounds, in order. */
  private bounds(each: (offset: number, end: number) => void): void {
    const m = this.marks;
    for (let k = 0; k < m.length; k += 3) {
      if (m[k + 2] === 1) each(m[k], m[k + 1]);
      else for (let i = m[k]; i < m[k + 1]; i++) each(i, i + 1);
    }
  }
  slice(s: number, e: number): Chars {
    const c = new Chars();
    c.at = this.at;
    if (s >= e) return c;
    if (s === 0 && e === this.value.length) {
      c.value = this.value;
      c.marks = this.marks.slice();
      return c;
    }
    c.value = this.value.slice(s, e);
    let i = 0;
    this.bounds((o, end) => {
      if (i >= s && i < e) c.mark(o, end);
      i++;
    });
    return c;
  }
  /** Records a character's bounds (its value already written). */
  private mark(o: number, end: number): void {
    const m = this.marks;
    const k = m.length;
    if (end === o + 1 && k > 0 && m[k - 1] === 0 && m[k - 2] === o) m[k - 2] = end;
    else m.push(o, end, end === o + 1 ? 0 : 1);
  }
  trim(): Chars {
    let s = 0;
    let e = this.value.length;
    while (s < e && isWs(this.value.charCodeAt(s))) s++;
    while (e > s && isWs(this.value.charCodeAt(e - 1))) e--;
    return this.slice(s, e);
  }
  /** Without the white space at its end only. */
  trimEnd(): Chars {
    let e = this.value.length;
    while (e > 0 && isWs(this.value.charCodeAt(e - 1))) e--;
    return this.slice(0, e);
  }
  /** The parts separated by white space ("335.56 335.56 0.00" → three), or itself when it has one part. */
  words(): Chars[] {
    const out: Chars[] = [];
    const re = /[^ \t\u3000]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(this.value))) out.push(this.slice(m.index, m.index + m[0].length));
    return out.length > 1 ? out : [this];
  }
  range(fallback: number): Range {
    const m = this.marks;
    if (this.value.length) return { start: m[0], end: m[m.length - 2] };
    const at = this.at ?? fallback;
    return { start: at, end: at };
  }
  str(fallback: number): Str {
    return { value: this.value, range: this.range(fallback) };
  }
  text(fallback: number, range?: Range): Text {
    const n = this.value.length;
    const offsets = new Int32Array(n);
    const ends = new Int32Array(n);
    let i = 0;
    const m = this.marks;
    for (let k = 0; k < m.length; k += 3) {
      if (m[k + 2] === 1) {
        offsets[i] = m[k];
        ends[i++] = m[k + 1];
      } else {
        for (let j = m[k]; j < m[k + 1]; j++) {
          offsets[i] = j;
          ends[i++] = j + 1;
        }
      }
    }
    return { value: this.value, range: range ?? this.range(fallback), offsets, ends, sentences: splitSentences(this.value, offsets, ends) };
  }
}

/** Where the content of a “键：值” or row line ends: before a “  # …” comment. */
function contentEnd(s: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '#' && s[i - 1] !== '\\' && WS.test(s[i - 1]) && (i + 1 === s.length || WS.test(s[i + 1]))) return i;
  }
  return s.length;
}

/**
 * Splits a line at unescaped | and tabs: the cells, trimmed, with their ranges. A leading or trailing
 * | is a frame. `name`: the first cell is a row's name, which a leading \ may escape (\=合计, \【x】,
 * \列：a, \　其中…): the \ is not part of the name, and the name keeps its leading white space.
 */
function splitCells(line: Line, from = 0, name = false): Chars[] {
  const s = line.text;
  const end = contentEnd(s);
  const raws: Chars[] = [];
  let cur = new Chars();
  cur.at = line.start + from;
  const escapedName = name && s[from] === '\\' && from + 1 < end;
  if (escapedName && !ESCAPED.includes(s[from + 1])) {
    from++;
    cur.at = line.start + from;
  }
  for (let i = from; i < end; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < end && ESCAPED.includes(s[i + 1])) {
      cur.push(unescape(s[i + 1]), line.start + i, line.start + i + 2);
      i++;
    } else if (c === '|' || c === '\t') {
      raws.push(cur);
      cur = new Chars();
      cur.at = line.start + i + 1;
    } else cur.push(c, line.start + i);
  }
  raws.push(cur);
  const out = raws.map((c, k) => (k === 0 && escapedName ? c.trimEnd() : c.trim()));
  if (!escapedName && out.length > 1 && out[0].value === '' && /^[ \t\u3000]*\|/.test(s.slice(from))) out.shift();
  if (out.length > 1 && out[out.length - 1].value === '' && /\|[ \t\u3000]*$/.test(s.slice(0, end))) out.pop();
  return out;
}

/**
 * A heading line (“= 标题”, “== 标题” …): its level and title. The title is read like a value (\| \#
 * \\ \t stand for | # \ and a tab), up to a “  # …” comment.
 */
function heading(line: Line): { level: number; title: Chars } | undefined {
  const s = line.text;
  if (s[0] !== '=') return undefined;
  let i = 0;
  while (s[i] === '=') i++;
  const level = i;
  const end = contentEnd(s);
  if (end < i) return undefined;
  const title = new Chars();
  title.at = line.start + i;
  title.append(s, i, end, line.start);
  const t = title.trim();
  if (!t.value.length) t.at = line.start + Math.min(end, i + (s.slice(i, end).length - s.slice(i, end).trimStart().length));
  return { level, title: t };
}

/** “列：a | b”: the column names, not a row (it has | too). */
const COLUMNS_LINE = /^[ \t\u3000]*列[ \t\u3000]*[：:]/;

const hasCells = (s: string) => /(^|[^\\])[|\t]/.test(s.slice(0, contentEnd(s)));

/** “键：值” (or 键: 值): the key and the value's characters; undefined when the line is not one. */
function keyValue(line: Line): { key: Str; value: Chars } | undefined {
  const s = line.text;
  // the key is before a “  # …” comment (a # there ends the line's content)
  const m = /^[ \t\u3000]*([^：:|\t#【=\\][^：:|\t]*?)[ \t\u3000]*[：:]/.exec(s.slice(0, contentEnd(s)));
  if (!m) return undefined;
  const keyStart = s.indexOf(m[1]);
  const v = new Chars();
  v.append(s, m[0].length, contentEnd(s), line.start);
  return { key: { value: m[1], range: { start: line.start + keyStart, end: line.start + keyStart + m[1].length } }, value: v.trim() };
}

/** A continuation line of a value: indented, not a comment. Its text without the indentation and an escaping \. */
export function continuation(line: Line, into: Chars): boolean {
  if (!/^[ \t\u3000]/.test(line.text) || isBlank(line.text) || isComment(line.text)) return false;
  const s = line.text;
  let i = 0;
  while (i < s.length && WS.test(s[i])) i++;
  if (s[i] === '\\' && (i + 1 >= s.length || !'|#\\'.includes(s[i + 1]))) i++; // an escaping \ (alone: an empty line)
  else if (s[i] === '\\' && s[i + 1] === '\\') i++;
  let end = contentEnd(s);
  if (end < s.length) while (end > i && WS.test(s[end - 1])) end--; // the spaces before a comment
  // the line feed stands for the line break, the indentation and an escaping \
  into.push('\n', line.brk, line.start + i);
  into.append(s, i, end, line.start);
  return true;
}

/** A line of free text: everything as written, except a leading \ that escapes syntax. `join`: a line feed before it. */
function textLine(line: Line, into: Chars, join: boolean): void {
  const s = line.text;
  const i = s.startsWith('\\') ? 1 : 0;
  if (join) into.push('\n', line.brk, line.start + i);
  into.pushVerbatim(s, i, s.length, line.start);
}

class DslBuilder {
  readonly lines: Line[];
  readonly keyRange: Range;
  /** The “键：值” lines read, validated with the JSON Schema after the block is built (dsl-schema.ts). */
  readonly fieldsRead: DslField[] = [];
  constructor(private readonly raw: RawBlock, private readonly findings: Finding[]) {
    const all = linesOf(raw);
    this.lines = all.slice(1);
    const head = raw.text.indexOf(raw.key);
    this.keyRange = { start: raw.start + Math.max(1, head), end: raw.start + Math.max(1, head) + raw.key.length };
    const first = all[0];
    const rest = first ? first.text.slice(first.text.indexOf('】') + 1) : '';
    if (rest.trim() !== '' && !isComment(rest)) {
      const at = first.start + first.text.indexOf('】') + 1;
      this.find('dsl.syntax', 'error', { start: at, end: first.start + first.text.length }, l10n.t('【{0}】这一行的后面不能再写内容：请换行书写', raw.key));
    }
  }

  find(rule: string, severity: Finding['severity'], range: Range, message: string, text?: string): void {
    this.findings.push(text === undefined ? { rule, severity, range, message } : { rule, severity, range, message, text });
  }

  lineRange(l: Line): Range {
    return { start: l.start, end: l.start + l.text.length };
  }

  notUnderstood(l: Line, hint: string): void {
    this.find('dsl.syntax', 'error', this.lineRange(l), hint);
  }

  /**
   * 键：值 lines with indented continuation lines; `each` sees every other line first (true: taken).
   * A field is handed to `onField` once its continuation lines are read.
   */
  fields(each: (l: Line, i: number) => boolean, onField: (k: Str, v: Chars, l: Line) => void, repeatable: (key: string) => boolean = () => false): void {
    let pending: { key: Str; value: Chars; line: Line } | undefined;
    const seen = new Map<string, Str>();
    const flush = () => {
      if (!pending) return;
      const k = pending.key;
      const first = seen.get(k.value);
      if (first && !repeatable(k.value)) {
        // as in YAML: a key written twice is a format error (the second would silently win)
        this.findings.push({
          rule: 'dsl.syntax', severity: 'error', range: k.range, message: l10n.t('“{0}”重复：同一块中每个键只能写一次', k.value),
          related: [{ range: first.range, message: l10n.t('第一次出现在这里') }],
        });
      } else {
        seen.set(k.value, k);
        this.fieldsRead.push({ key: k, value: pending.value.str(k.range.end) });
        onField(k, pending.value, pending.line);
      }
      pending = undefined;
    };
    for (let i = 0; i < this.lines.length; i++) {
      const l = this.lines[i];
      if (isBlank(l.text)) { flush(); continue; }
      if (isComment(l.text)) continue;
      // a line with cells is a row (or a finding), never the continuation of the value above it; 列 does not continue
      if (pending && pending.key.value !== '列' && !(hasCells(l.text) && !TEXT_FIELDS.has(pending.key.value)) && continuation(l, pending.value)) continue;
      flush();
      if (each(l, i)) continue;
      const kv = keyValue(l);
      if (kv) pending = { key: kv.key, value: kv.value, line: l };
    }
    flush();
  }

  // ---------------------------------------------------------------- 【报告】
  meta(): Meta {
    const meta: Meta = { range: { start: this.raw.start, end: this.raw.end } };
    this.fields((l) => {
      if (keyValue(l)) return false;
      this.notUnderstood(l, l10n.t('这一行应写作“键：值”，如“类型：部门决算”'));
      return true;
    }, (k, v) => {
      // values the schema rejects (and unknown keys, missing fields) are reported by validateDslBlock
      setMetaField(meta, k.value, v.str(k.range.end));
    });
    return meta;
  }

  // ---------------------------------------------------------------- sections
  sections(): Section[] {
    const top: Section[] = [];
    const stack: Array<{ level: number; sec: Section; body: Chars; bodyOpen: boolean }> = [];
    let unitsOf: Section | undefined;
    let tooDeep = false;
    const close = (upTo: number) => {
      while (stack.length && stack[stack.length - 1].level >= upTo) {
        const s = stack.pop()!;
        this.finishBody(s.sec, s.body);
      }
    };
    for (const l of this.lines) {
      const h = heading(l);
      if (h) {
        let level = h.level;
        if (level > MAX_SECTION_DEPTH) {
          // deeper headings are read as the deepest level, so that nothing nests without end (said once per block)
          if (!tooDeep) this.find('dsl.syntax', 'error', { start: l.start, end: l.start + level }, l10n.t('标题的层级太多（{0} 个“=”，最多 {1} 个）：请减少层级', level, MAX_SECTION_DEPTH));
          tooDeep = true;
          level = MAX_SECTION_DEPTH;
        }
        close(level);
        const title: Str = h.title.str(l.start + h.level);
        if (!h.title.value) this.notUnderstood(l, l10n.t('“=”后面要写这一节的标题'));
        const sec: Section = { title, children: [], range: { start: l.start, end: l.start + l.text.length } };
        const parent = stack[stack.length - 1];
        if (parent) {
          parent.sec.children.push(sec);
          parent.bodyOpen = false;
        } else top.push(sec);
        stack.push({ level, sec, body: new Chars(), bodyOpen: true });
        unitsOf = undefined;
        continue;
      }
      if (isComment(l.text)) continue;
      const cur = stack[stack.length - 1];
      if (/^单位构成[ \t\u3000]*[：:][ \t\u3000]*$/.test(l.text) && cur) {
        unitsOf = cur.sec;
        unitsOf.units = [];
        cur.bodyOpen = false;
        this.extend(stack, l);
        continue;
      }
      if (unitsOf && COLUMNS_LINE.test(l.text) && unitsOf.units!.length === 0 && !unitsOf.unitColumns) {
        unitsOf.unitColumns = this.columns(l);
        this.extend(stack, l);
        continue;
      }
      if (unitsOf && hasCells(l.text)) {
        const cells = splitCells(l).map((c) => c.str(l.start));
        unitsOf.units!.push(unitRow(unitsOf.unitColumns?.map((c) => c.name) ?? DEFAULT_UNIT_COLUMNS, cells, this.lineRange(l)));
        this.extend(stack, l);
        continue;
      }
      if (isBlank(l.text)) {
        if (cur?.bodyOpen && cur.body.value.length) cur.body.push('\n', l.brk, l.start + l.text.length);
        continue;
      }
      unitsOf = undefined;
      if (!cur) {
        this.notUnderstood(l, l10n.t('正文前面要有标题：以“= 标题”开始一节'));
        continue;
      }
      if (!cur.bodyOpen) {
        this.notUnderstood(l, l10n.t('下一级标题之后的正文属于那一节；这一节的正文要写在第一个下一级标题之前'));
        continue;
      }
      textLine(l, cur.body, cur.body.value.length > 0);
      this.extend(stack, l);
    }
    close(0);
    return top;
  }

  /** The sections open at line `l` reach to its end (their ranges are their own, made at their headings). */
  private extend(stack: Array<{ sec: Section }>, l: Line): void {
    const end = l.start + l.text.length;
    for (const s of stack) if (s.sec.range.end < end) s.sec.range.end = end;
  }

  private finishBody(sec: Section, body: Chars): void {
    const v = body;
    while (v.value.endsWith('\n')) v.pop();
    if (v.value.length) sec.body = v.text(sec.range.end);
  }

  // ---------------------------------------------------------------- 【名词解释】
  glossary(): GlossaryEntry[] {
    const out: GlossaryEntry[] = [];
    let def: Chars | undefined;
    let entry: GlossaryEntry | undefined;
    const finish = () => {
      if (entry && def) {
        entry.definition = def.text(entry.termRange.end);
        entry.range = { start: entry.range.start, end: Math.max(entry.range.end, def.range(entry.range.end).end) };
      }
    };
    for (const l of this.lines) {
      if (isBlank(l.text) || isComment(l.text)) continue;
      if (def && continuation(l, def)) continue;
      finish();
      entry = undefined;
      def = undefined;
      const m = /^([^：:]*?)[ \t\u3000]*[：:]/.exec(l.text);
      if (!m || !m[1].trim()) {
        this.notUnderstood(l, l10n.t('每项写作“1.术语：定义”，一项一行（定义较长时，后续行缩进书写）'));
        continue;
      }
      // the key, read like a value (\# \| \\ \t); a leading \ escapes a term that would read as syntax
      const keyChars = new Chars();
      keyChars.append(l.text, l.text[0] === '\\' && !ESCAPED.includes(l.text[1] ?? '') ? 1 : 0, m[1].length, l.start);
      const k = keyChars.trim();
      const keyStart = k.range(l.start).start;
      const nm = GLOSSARY_NUMBER.exec(k.value);
      let a = nm ? nm[0].length : 0;
      let z = k.value.length;
      while (a < z && /\s/.test(k.value[a])) a++;
      while (z > a && /\s/.test(k.value[z - 1])) z--;
      const termChars = k.slice(a, z);
      const term = termChars.value;
      const numberAt = nm ? nm[0].indexOf(nm[1]) : 0;
      def = new Chars();
      def.append(l.text, m[0].length, contentEnd(l.text), l.start);
      def = def.trim();
      entry = {
        key: k.value, number: nm ? nm[1] : undefined, numberRange: nm ? k.slice(numberAt, numberAt + nm[1].length).range(keyStart) : undefined,
        term, termRange: termChars.range(k.range(l.start).end),
        definition: { value: '', range: { start: keyStart, end: keyStart }, offsets: new Int32Array(0), sentences: [] },
        range: this.lineRange(l),
      };
      out.push(entry);
    }
    finish();
    return out;
  }

  // ---------------------------------------------------------------- 【表 …】
  table(): Table {
    const title = this.raw.key.replace(/^表[ \u3000]+/, '').trim();
    const t: Table = { key: this.raw.key, keyRange: this.keyRange, title, unit: '万元', parts: [], notes: [], range: { start: this.raw.start, end: this.raw.end } };
    let part: TablePart | undefined;
    const newPart = (name: string, at: Range) => {
      part = { name, columns: [], rows: [], range: at };
      t.parts.push(part);
      return part;
    };
    this.fields((l) => {
      const h = heading(l);
      if (h && h.level === 1) {
        const name = h.title.value;
        if (name) {
          const first = t.parts.find((x) => x.name === name);
          const nameRange = h.title.range(l.start + 1);
          if (first) {
            // as in YAML (a key written twice): the rows of the second would silently join or replace the first
            this.findings.push({
              rule: 'dsl.syntax', severity: 'error', range: nameRange, message: l10n.t('“= {0}”重复：同一张表中每一栏只能写一次', name),
              related: [{ range: first.nameRange ?? first.range, message: l10n.t('第一次出现在这里') }],
            });
          }
          const p = newPart(name, this.lineRange(l));
          p.side = sideOf(name);
          p.nameRange = nameRange;
        } else this.notUnderstood(l, l10n.t('“=”后面要写这一栏的名称，如“= 收入”“= 本年支出”'));
        return true;
      }
      if (hasCells(l.text) && !COLUMNS_LINE.test(l.text)) {
        const p = part ?? newPart('', this.lineRange(l));
        const row = this.row(l, p.columns, false);
        if (row) {
          p.rows.push(row);
          p.range = { start: p.range.start, end: row.range.end };
        }
        return true;
      }
      if (keyValue(l)) return false;
      this.notUnderstood(l, l10n.t('表的一行写作“行名 | 各列的值”（用“|”分隔），其他内容写作“键：值”'));
      return true;
    }, (k, v, l) => {
      switch (k.value) {
        case '编号': t.number = v.str(k.range.end); break;
        case '单位': {
          const s = v.str(k.range.end);
          if (s.value === '元' || s.value === '万元') t.unitNode = s as Str & { value: AmountUnit };
          break;
        }
        case '类型': t.kindNode = v.str(k.range.end); break;
        case '列': {
          // after “= 收入” the part is open and waits for its columns; otherwise 列 starts the table's part
          if (part && part.columns.length > 0) {
            this.notUnderstood(l, l10n.t('这一栏已经有“列”：两栏的表请用“= 收入”“= 支出”分开'));
            break;
          }
          (part ?? newPart('', this.lineRange(l))).columns = this.columns(l);
          break;
        }
        case '注': case '说明': t.notes.push({ key: k.value, text: v.text(k.range.end) }); break;
        case '编制部门': case '编制单位':
          if (t.preparer) this.find('dsl.syntax', 'error', k.range, l10n.t('“{0}”重复：同一块中每个键只能写一次', k.value));
          else t.preparer = { key: k.value, value: v.str(k.range.end) };
          break;
      }
    }, (key) => key === '列');
    t.note = t.notes[0]?.text;
    for (const p of t.parts) {
      if (!p.name || !p.nameRange) continue;
      // as in YAML, where a key that names no side is not a part of the table
      if (!SIDE_NAME.test(p.name)) this.find('schema', 'error', p.nameRange, l10n.t('“= {0}”不是表的一栏：分栏的名称要说明是收入还是支出，如“= 收入”“= 本年支出”', p.name));
      else if (!p.columns.length && !p.rows.length) this.find('dsl.syntax', 'error', p.nameRange, l10n.t('“= {0}”下面没有“列”和行', p.name));
    }
    t.parts = t.parts.filter((p) => p.columns.length || p.rows.length);
    setTableKind(t, (r, sv, g, m) => this.find(r, sv, g, m));
    for (const p of t.parts) {
      if (p.columns.length === 0 && p.rows.length > 0) {
        this.find('table.columns', 'error', p.rows[0].keyRange, l10n.t('此表缺少“列”：请先列出各列的名称，如 列：本年收入合计 | 财政拨款收入'));
      }
    }
    return t;
  }

  columns(l: Line): Column[] {
    const colon = l.text.search(/[：:]/);
    return splitCells(l, colon + 1).filter((c) => c.value).map((c) => {
      const path = c.value.split('/').map((x) => x.trim()).filter((x) => x);
      const name = path.join('/');
      return name === c.value ? { name, path, kind: columnKind(c.value), range: c.range(l.start) } : { name, path, kind: columnKind(c.value), range: c.range(l.start), written: c.value };
    });
  }

  /** A table row: key | values (or key | values separated by spaces, as in YAML). */
  row(l: Line, columns: Column[], indicator: boolean): Row | undefined {
    const cells = splitCells(l, 0, true);
    const key = cells.shift()!;
    let values = cells;
    if (!indicator && values.length === 1 && columns.length > 1) values = values[0].words();
    const range = this.lineRange(l);
    const kr = key.range(l.start);
    const row = rowFromKey(key.value, kr.start, kr.end, range.start, range.end, key.text(l.start));
    // a row without a name (the only data row of a 三公 table) is written “| | 10.81 | …”: an empty first cell
    if (!key.value && values.every((v) => !v.value)) this.notUnderstood(l, l10n.t('这一行缺少行名（“|”前面是行名或“科目代码 科目名称”）'));
    if (columns.length > 0 && values.length !== columns.length) {
      const where = values.length ? { start: values[0].range(l.start).start, end: values[values.length - 1].range(l.start).end } : key.range(l.start);
      this.find('table.cells', 'error', where, l10n.t('此行有 {0} 个值，而表头有 {1} 列（{2}）', values.length, columns.length, columns.map((c) => c.name).join(l10n.listSep())));
    }
    row.cells = values.map((v, i) => this.cell(v, l, columns[i]?.kind ?? 'amount'));
    return row;
  }

  cell(v: Chars, l: Line, kind: Column['kind'] | 'auto'): Cell {
    return readCell(v.value, v.range(l.start), kind, (r, s, g, m, t) => this.find(r, s, g, m, t));
  }

  // ---------------------------------------------------------------- 【封面】【目录】【第一部分 …】
  /** The printed lines as a text: every line as written (a leading \ escapes syntax), comments aside. */
  printed(kind: 'cover' | 'contents' | 'heading'): PrintedBlock {
    const body = new Chars();
    let last: Line | undefined;
    for (const l of this.lines) {
      if (isComment(l.text)) continue;
      if (isBlank(l.text)) {
        if (body.value.length) body.push('\n', l.brk, l.start + l.text.length);
        continue;
      }
      textLine(l, body, body.value.length > 0);
      last = l;
    }
    while (body.value.endsWith('\n')) body.pop();
    const end = last ? last.start + last.text.length : this.keyRange.end + 1;
    return { kind, key: this.raw.key, keyRange: this.keyRange, body: body.value.length ? body.text(end) : undefined, range: { start: this.raw.start, end } };
  }

  // ---------------------------------------------------------------- 【绩效自评 …】
  perf(): PerfEval {
    const project = this.raw.key.replace(/^绩效自评[ \u3000]+/, '').trim();
    const p: PerfEval = { key: this.raw.key, keyRange: this.keyRange, project, fields: {}, indicatorColumns: [], indicators: [], range: { start: this.raw.start, end: this.raw.end } };
    let mode: '' | '资金' | '年度目标' | '指标' = '';
    const rows: Array<{ cells: Cell[]; range: Range }> = [];
    this.fields((l) => {
      const hd = heading(l);
      const h = hd && hd.level === 1 ? [l.text, hd.title.value] : undefined;
      if (h) {
        if (h[1] === '资金' || h[1] === '年度目标' || h[1] === '指标') {
          mode = h[1];
          if (mode === '资金') p.funds = { name: '资金', columns: [], rows: [], range: this.lineRange(l) };
          if (mode === '年度目标') p.goals = { range: this.lineRange(l) };
        } else this.notUnderstood(l, l10n.t('绩效自评表中的分节标题是“= 资金”“= 年度目标”“= 指标”，而这里是“{0}”', h[1]));
        return true;
      }
      if (/^[ \t\u3000]*合计[ \t\u3000]*[：:]/.test(l.text)) {
        const colon = l.text.search(/[：:]/);
        let cells = splitCells(l, colon + 1);
        if (cells.length === 1) cells = cells[0].words();
        if (cells.length !== 2) this.find('table.cells', 'error', this.lineRange(l), l10n.t('此行有 {0} 个值，而表头有 {1} 列（{2}）', cells.length, 2, ['分值', '得分'].join(l10n.listSep())));
        p.totalWeight = cells[0] ? this.cell(cells[0], l, 'number') : undefined;
        p.totalScore = cells[1] ? this.cell(cells[1], l, 'number') : undefined;
        return true;
      }
      if (hasCells(l.text) && !COLUMNS_LINE.test(l.text)) {
        if (mode === '资金') {
          const row = this.row(l, p.funds!.columns, false);
          if (row) { p.funds!.rows.push(row); p.funds!.range = { start: p.funds!.range.start, end: row.range.end }; }
        } else if (mode === '指标') {
          const cells = splitCells(l);
          const cols = p.indicatorColumns;
          if (cols.length > 0 && cells.length !== cols.length) {
            this.find('table.cells', 'error', this.lineRange(l), l10n.t('此指标行有 {0} 项，而指标表头有 {1} 列（{2}）', cells.length, cols.length, cols.map((c) => c.name).join(l10n.listSep())));
          }
          const kinds = indicatorKinds(cols);
          rows.push({ cells: cells.map((c, i) => this.cell(c, l, kinds[i] ?? 'auto')), range: this.lineRange(l) });
        } else this.notUnderstood(l, l10n.t('表格行要写在“= 资金”或“= 指标”之下'));
        return true;
      }
      if (keyValue(l)) return false;
      this.notUnderstood(l, l10n.t('这一行应写作“键：值”，或写在“= 资金”“= 指标”下的表格行'));
      return true;
    }, (k, v, l) => {
      if (k.value === '列' && (mode === '资金' || mode === '指标')) {
        if (mode === '资金') p.funds!.columns = this.columns(l);
        else p.indicatorColumns = this.columns(l);
      } else if (mode === '年度目标' && (k.value === '预期目标' || k.value === '实际完成情况')) {
        const text = v.text(k.range.end);
        if (k.value === '预期目标') p.goals!.expected = text;
        else p.goals!.achieved = text;
        p.goals!.range = { start: p.goals!.range.start, end: Math.max(p.goals!.range.end, text.range.end) };
      } else {
        p.fields[k.value] = v.str(k.range.end);
      }
    }, (key) => key === '列');
    p.indicators = indicatorRows(p.indicatorColumns, rows);
    return p;
  }
}

/** Parses one DSL block. Never throws. */
export function parseDslBlock(raw: RawBlock): ParsedBlock {
  const kind = blockKindOf(raw.key);
  const out: ParsedBlock = { raw, kind, findings: [] };
  try {
    if (kind === 'prelude') {
      for (const l of linesOf(raw)) {
        if (isBlank(l.text) || isComment(l.text)) continue;
        out.findings.push({ rule: 'dsl.syntax', severity: 'error', range: { start: l.start, end: l.start + l.text.length }, message: l10n.t('第一个【块】之前只能有注释（以 # 开头），如需正文请写在【部门概况】等块中') });
      }
      return out;
    }
    const b = new DslBuilder(raw, out.findings);
    switch (kind) {
      case 'meta': out.meta = b.meta(); out.findings.push(...validateDslBlock(raw.key, 'meta', b.fieldsRead, b.keyRange)); break;
      case 'overview': case 'narrative': case 'others': out.sections = b.sections(); break;
      case 'table': out.table = b.table(); out.findings.push(...validateDslBlock(raw.key, 'table', b.fieldsRead, b.keyRange)); break;
      case 'glossary': out.glossary = b.glossary(); break;
      case 'perf': out.perf = b.perf(); break;
      case 'cover': case 'contents': case 'heading': out.printed = b.printed(kind); break;
      default:
        out.findings.push({ rule: 'schema.block', severity: 'error', range: b.keyRange, message: l10n.t('未知的块【{0}】。可用：【报告】【部门概况】或【单位概况】【表 表名】【情况说明】【名词解释】【绩效自评 项目名称】【其他】【封面】【目录】【第一部分 标题】', raw.key) });
    }
  } catch (e) {
    out.findings.push({
      rule: 'parse.internal', severity: 'error', range: { start: raw.start, end: raw.start + raw.key.length + 2 },
      message: l10n.t('内部错误：此块未能解析（{0}）。请报告此问题。', (e as Error).message),
    });
  }
  return out;
}

/**
 * 转换为 DSL / 转换为 YAML: writes a report in the other syntax from its model, keeping every value
 * as written (amounts with their decimals and separators, texts line by line) and every comment
 * (a comment line goes before the element that follows it; a comment after a row or a “键：值” stays
 * on that line, so 出错说明 keep working).
 *
 * A file with format errors is not converted: what could not be read would be lost.
 */
import { Parser } from 'yaml';
import { Cell, Column, Finding, GlossaryEntry, Meta, PerfEval, PrintedBlock, Range, Report, Row, Section, Str, Syntax, Table, TablePart, Text, UnitRow } from '../model';
import { parseReport } from '../frontends/report-parser';
import { META_FIELDS } from '../frontends/common';
import { LineIndex, loneCrAsLf } from '../text';
import { formatDocument } from './format';
import * as l10n from '../l10n';

export type ConvertResult = { ok: true; text: string } | { ok: false; message: string; findings: Finding[] };

/** What the other syntax cannot write: conversion stops and says where and why (nothing is lost silently). */
class Refusal extends Error {
  constructor(readonly range: Range, message: string) {
    super(message);
  }
}

function refuse(range: Range, message: string): never {
  throw new Refusal(range, message);
}

/** Every section of a report, depth first, without recursion. */
function allSectionsOf(r: Report): Section[] {
  const out: Section[] = [];
  const stack: Section[] = [];
  for (const b of [...r.sectionBlocks].reverse()) for (const s of [...b.sections].reverse()) stack.push(s);
  while (stack.length) {
    const s = stack.pop()!;
    out.push(s);
    for (let i = s.children.length - 1; i >= 0; i--) stack.push(s.children[i]);
  }
  return out;
}

/** Findings that mean part of the file was not understood. */
const FORMAT_RULES = /^(yaml\.|dsl\.|schema|table\.cells|table\.columns|parse\.)/;

interface Comment {
  offset: number;
  text: string;
  line: number;
  trailing: boolean;
}

function yamlComments(text: string, li: LineIndex): Comment[] {
  const out: Comment[] = [];
  const walk = (o: unknown): void => {
    if (!o || typeof o !== 'object') return;
    if (Array.isArray(o)) { for (const x of o) walk(x); return; }
    const r = o as Record<string, unknown>;
    if (r.type === 'comment' && typeof r.offset === 'number' && typeof r.source === 'string') {
      const line = li.position(r.offset).line;
      const before = text.slice(li.offset(line, 0), r.offset);
      out.push({ offset: r.offset, text: r.source, line, trailing: before.trim() !== '' });
      return;
    }
    for (const [k, v] of Object.entries(r)) if (k !== 'source') walk(v);
  };
  for (const t of new Parser().parse(text)) walk(t);
  return out;
}

function dslComments(text: string, li: LineIndex, report: Report): Comment[] {
  // text lines (section bodies, printed blocks): a # there is content
  // body lines of sections are text: a # there is content
  const bodies: Array<{ start: number; end: number }> = [];
  for (const s of allSectionsOf(report)) if (s.body) bodies.push(s.body.range);
  for (const p of report.printed) if (p.body) bodies.push(p.body.range);
  const inBody = (o: number) => bodies.some((b) => b.start <= o && o < b.end);
  const out: Comment[] = [];
  let pos = 0;
  for (let line = 0; pos <= text.length; line++) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const s = text.slice(pos, eol).replace(/\r$/, '');
    if (/^[ \t\u3000]*#/.test(s)) out.push({ offset: pos, text: s.trim(), line, trailing: false });
    else if (!inBody(pos)) {
      // on a 【…】 line a comment can only follow the closing 】 (a # in the block's name is part of it)
      const from = s.startsWith('【') ? Math.max(1, s.indexOf('】') + 1) : 1;
      for (let i = from; i < s.length; i++) {
        if (s[i] === '#' && s[i - 1] !== '\\' && /[ \t\u3000]/.test(s[i - 1]) && (i + 1 === s.length || /[ \t\u3000]/.test(s[i + 1]))) {
          out.push({ offset: pos + i, text: s.slice(i).trim(), line, trailing: true });
          break;
        }
      }
    }
    if (eol >= text.length) break;
    pos = eol + 1;
  }
  return out;
}

/** Writes lines, placing the source's comments before (full-line) or after (trailing) the element they belong to. */
class Writer {
  readonly out: string[] = [];
  private next = 0;
  private readonly used = new Set<Comment>();
  private readonly trailingAt = new Map<number, Comment>();
  constructor(private readonly comments: Comment[], private readonly li: LineIndex) {
    for (const c of comments) if (c.trailing && !this.trailingAt.has(c.line)) this.trailingAt.set(c.line, c);
  }

  /** Full-line comments before source offset `at` (and trailing ones no element took), at this indentation. */
  flush(at: number, indent: string): void {
    while (this.next < this.comments.length && this.comments[this.next].offset < at) {
      const c = this.comments[this.next++];
      if (this.used.has(c)) continue;
      this.used.add(c);
      this.out.push(indent + c.text);
    }
  }

  /** A line for the element at source offset `src`: comments before it first, its trailing comment after it. */
  line(s: string, src?: number, indent = ''): void {
    if (src === undefined) {
      this.out.push(s);
      return;
    }
    this.flush(src, indent);
    const line = this.li.position(src).line;
    const t = this.trailingAt.get(line);
    if (t && !this.used.has(t)) {
      this.used.add(t);
      // a comment after a value is “# …” with a space (in the DSL “#x” would be part of the value)
      this.out.push(`${s}  ${t.text.replace(/^#(?![ \t]|$)/, '# ')}`);
    } else this.out.push(s);
  }

  raw(s: string): void {
    this.out.push(s);
  }

  /** A blank line between blocks (none before the first). */
  nextBlock(): void {
    if (this.blocks++ > 0) this.out.push('');
  }
  private blocks = 0;

  done(): string {
    this.flush(Number.MAX_SAFE_INTEGER, '');
    while (this.out.length && this.out[this.out.length - 1] === '') this.out.pop();
    return this.out.join('\n') + '\n';
  }
}

/** Converts a report to the other syntax (`to`). */
export function convert(text: string, from: Syntax, to: Syntax): ConvertResult {
  const parsed = parseReport(text, from);
  const bad = parsed.findings.filter((f) => FORMAT_RULES.test(f.rule) && f.severity === 'error');
  if (bad.length) {
    return { ok: false, message: l10n.t('文件中有 {0} 处格式错误，转换会丢失读不懂的内容：请先修正（见“问题”面板）再转换', bad.length), findings: bad };
  }
  if (from === to) return { ok: true, text };
  const li = new LineIndex(text);
  const comments = (from === 'yaml' ? yamlComments(text, li) : dslComments(text, li, parsed.report)).sort((a, b) => a.offset - b.offset);
  const w = new Writer(comments, li);
  try {
    if (to === 'dsl') writeDsl(parsed.report, w);
    else writeYaml(parsed.report, w);
  } catch (e) {
    if (e instanceof Refusal) return refusal(text, e.range, e.message, to);
    throw e;
  }
  // rows lined up as the formatter would
  const out = w.done();
  // one pass over the text (an edit at a time would copy the whole text for every row)
  const edits = formatDocument(out, parseReport(out, to).report).sort((a, b) => a.range.start - b.range.start);
  const pieces: string[] = [];
  let pos = 0;
  for (const e of edits) {
    if (e.range.start < pos) continue;
    pieces.push(out.slice(pos, e.range.start), e.newText);
    pos = e.range.end;
  }
  pieces.push(out.slice(pos));
  const result = pieces.join('');
  // the written file must read back as the same report with the same comments: otherwise say what would change
  const back = parseReport(loneCrAsLf(result), to);
  const badBack = back.findings.find((f) => FORMAT_RULES.test(f.rule) && f.severity === 'error');
  const a = reportValues(parsed.report);
  const b = reportValues(back.report);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] && b[i] && a[i].what === b[i].what && a[i].value === b[i].value) continue;
    const at = a[i] ?? a[a.length - 1];
    const where = at?.range ?? { start: 0, end: 0 };
    const got = b[i] && b[i].what === at?.what ? b[i].value : undefined;
    const what = whatLabel(at?.what ?? '');
    const value = (at?.value ?? '').replace(/\n/g, '↵');
    const moved = got === undefined && at !== undefined && b.some((x) => x.what === at.what && x.value === at.value);
    return refusal(text, where, moved
      ? l10n.t('{0}“{1}”在另一种写法中不能留在原来的位置', what, value)
      : got === undefined
      ? l10n.t('{0}“{1}”在另一种写法中写不出来（转换后读不到它）', what, value)
      : l10n.t('{0}“{1}”在另一种写法中写不出来（转换后读成了“{2}”）', what, value, got.replace(/\n/g, '↵')), to);
  }
  if (badBack) return refusal(text, { start: 0, end: 0 }, l10n.t('转换结果有格式错误（{0}）', badBack.message), to);
  const ca = comments.map((c) => c.text.trim());
  const cb = (to === 'yaml' ? yamlComments(result, new LineIndex(result)) : dslComments(result, new LineIndex(result), back.report)).sort((x, y) => x.offset - y.offset).map((c) => c.text.trim());
  for (let i = 0; i < Math.max(ca.length, cb.length); i++) {
    if (ca[i] === cb[i] || (ca[i] !== undefined && cb[i] !== undefined && ca[i].replace(/^#\s*/, '') === cb[i].replace(/^#\s*/, ''))) continue;
    const c = comments[Math.min(i, comments.length - 1)];
    return refusal(text, c ? { start: c.offset, end: c.offset + c.text.length } : { start: 0, end: 0 }, l10n.t('注释“{0}”在另一种写法中不能原样保留', ca[i] ?? cb[i] ?? ''), to);
  }
  return { ok: true, text: result };
}

/** What a value of reportValues is, in the message language. */
function whatLabel(what: string): string {
  switch (what) {
    case '栏名': return l10n.t('栏名');
    case '列名': return l10n.t('列名');
    case '行名': return l10n.t('行名');
    case '值的个数': return l10n.t('一行的值的个数');
    case '单元格': return l10n.t('单元格');
    case '键': return l10n.t('键');
    case '值': return l10n.t('值');
    case '块名': return l10n.t('块名');
    case '标题': return l10n.t('标题');
    case '层级': return l10n.t('标题的层级');
    case '正文': return l10n.t('正文');
    case '单位构成': return l10n.t('单位构成的行数');
    case '注': return l10n.t('表注');
    case '术语': return l10n.t('名词解释的术语');
    case '定义': return l10n.t('名词解释的定义');
    case '预期目标': return l10n.t('预期目标');
    case '实际完成情况': return l10n.t('实际完成情况');
    case '合计': return l10n.t('合计');
    default: return l10n.t('内容');
  }
}

function refusal(text: string, range: Range, why: string, to: Syntax): ConvertResult {
  const line = new LineIndex(text).position(range.start).line + 1;
  const message = l10n.t('无法转换为 {0}：第 {1} 行，{2}。为免丢失内容，没有转换', to === 'dsl' ? 'DSL' : 'YAML', line, why);
  return { ok: false, message, findings: [{ rule: 'convert', severity: 'error', range, message: why }] };
}

/** Every value of a report in document order, with what it is and where: what a conversion must keep. */
export function reportValues(r: Report): Array<{ what: string; value: string; range?: Range }> {
  const out: Array<{ what: string; value: string; range?: Range }> = [];
  const str = (what: string, s: Str | undefined) => { if (s) out.push({ what, value: s.value, range: s.range }); };
  const text = (what: string, t: Text | undefined, at?: Range) => { if (t) out.push({ what, value: t.value.replace(/\n+$/, ''), range: t.range.end > t.range.start ? t.range : at ?? t.range }); };
  const cells = (what: string, cs: Cell[]) => { for (const c of cs) out.push({ what, value: c.raw, range: c.range }); };
  const part = (p: TablePart) => {
    if (p.name) out.push({ what: '栏名', value: p.name, range: p.nameRange ?? p.range });
    for (const c of p.columns) out.push({ what: '列名', value: c.written ?? c.name, range: c.range });
    for (const row of p.rows) {
      out.push({ what: '行名', value: row.key, range: row.keyRange });
      out.push({ what: '值的个数', value: String(row.cells.length), range: row.range });
      cells('单元格', row.cells);
    }
  };
  for (const item of blocksInOrder(r)) {
    switch (item.kind) {
      case 'meta': {
        const m = item.value as Meta;
        for (const [k, v] of metaFields(m)) { out.push({ what: '键', value: k, range: v.range }); str('值', v); }
        break;
      }
      case 'sections': {
        const { key, list } = item.value as { key: string; list: Section[] };
        out.push({ what: '块名', value: key, range: { start: item.start, end: item.start + key.length } });
        const stack = [...list].reverse().map((s) => ({ s, level: 1 }));
        while (stack.length) {
          const { s, level } = stack.pop()!;
          out.push({ what: '标题', value: s.title.value, range: s.title.range });
          out.push({ what: '层级', value: String(level), range: s.title.range });
          text('正文', s.body, s.title.range);
          if (s.unitColumns) for (const c of s.unitColumns) out.push({ what: '列名', value: c.written ?? c.name, range: c.range });
          if (s.units) {
            out.push({ what: '单位构成', value: String(s.units.length), range: s.title.range });
            for (const u of s.units) for (const c of u.cells) str('单元格', c);
          }
          for (let i = s.children.length - 1; i >= 0; i--) stack.push({ s: s.children[i], level: level + 1 });
        }
        break;
      }
      case 'printed': {
        const p = item.value as PrintedBlock;
        out.push({ what: '块名', value: p.key, range: p.keyRange });
        text('正文', p.body, p.keyRange);
        break;
      }
      case 'table': {
        const t = item.value as Table;
        out.push({ what: '块名', value: t.key, range: t.keyRange });
        for (const [k, v] of tableFields(t)) { out.push({ what: '键', value: k, range: v.range }); str('值', v); }
        for (const p of [...t.parts.filter((x) => !x.name), ...t.parts.filter((x) => x.name)]) part(p);
        for (const n of t.notes) { out.push({ what: '键', value: n.key, range: n.text.range }); text('注', n.text); }
        break;
      }
      case 'glossary':
        out.push({ what: '块名', value: '名词解释', range: { start: item.start, end: item.start + 4 } });
        for (const e of item.value as GlossaryEntry[]) {
          out.push({ what: '术语', value: e.key ?? `${e.number ?? ''}${e.term}`, range: e.termRange });
          text('定义', e.definition, e.termRange);
        }
        break;
      case 'perf': {
        const p = item.value as PerfEval;
        out.push({ what: '块名', value: p.key, range: p.keyRange });
        // every value where it is in the source (the DSL may write a field between two goals or two rows, which YAML cannot
        // keep there): what the other syntax would move is found by comparing the two lists
        const items: Array<{ start: number; put: () => void }> = [];
        for (const [key, v] of Object.entries(p.fields)) items.push({ start: v.range.start, put: () => { out.push({ what: '键', value: key, range: v.range }); str('值', v); } });
        for (const [what, t] of [['预期目标', p.goals?.expected], ['实际完成情况', p.goals?.achieved]] as Array<[string, Text | undefined]>) {
          if (t) items.push({ start: t.range.start, put: () => text(what, t) });
        }
        if (p.funds) {
          for (const c of p.funds.columns) items.push({ start: c.range.start, put: () => out.push({ what: '列名', value: c.written ?? c.name, range: c.range }) });
          for (const row of p.funds.rows) {
            items.push({ start: row.range.start, put: () => { out.push({ what: '行名', value: row.key, range: row.keyRange }); out.push({ what: '值的个数', value: String(row.cells.length), range: row.range }); cells('单元格', row.cells); } });
          }
        }
        for (const c of p.indicatorColumns) items.push({ start: c.range.start, put: () => out.push({ what: '列名', value: c.written ?? c.name, range: c.range }) });
        for (const row of p.indicators) items.push({ start: row.range.start, put: () => { for (const c of indicatorCells(p, row.cells)) out.push({ what: '单元格', value: c, range: row.range }); } });
        const total = [p.totalWeight, p.totalScore].filter((c): c is Cell => !!c);
        if (total.length) items.push({ start: total[0].range.start, put: () => cells('合计', total) });
        for (const x of items.sort((m, n) => m.start - n.start)) x.put();
        break;
      }
    }
  }
  return out;
}

/** The blocks of a report in source order, for the writers. */
function blocksInOrder(r: Report): Array<{ start: number; kind: string; value: unknown }> {
  const items: Array<{ start: number; kind: string; value: unknown }> = [];
  if (r.meta) items.push({ start: r.meta.range.start, kind: 'meta', value: r.meta });
  for (const b of r.sectionBlocks) items.push({ start: b.range.start, kind: 'sections', value: { key: b.key, list: b.sections } });
  for (const p of r.printed) items.push({ start: p.range.start, kind: 'printed', value: p });
  for (const t of r.tables) items.push({ start: t.range.start, kind: 'table', value: t });
  const g = r.blocks.find((b) => b.key === '名词解释');
  if (g) items.push({ start: g.range.start, kind: 'glossary', value: r.glossary });
  for (const p of r.perf) items.push({ start: p.range.start, kind: 'perf', value: p });
  return items.sort((a, b) => a.start - b.start);
}

/** A 单位构成 row's cells as written. */
function unitCells(u: UnitRow): string[] {
  return u.cells.map((x) => x.value);
}

/** The 报告 fields that were written, in the order they were written. */
function metaFields(m: Meta): Array<[string, Str]> {
  const all: Array<[string, Str | undefined]> = META_FIELDS.map((f) => [f.key, m[f.field]]);
  return (all.filter((f) => f[1]) as Array<[string, Str]>).sort((a, b) => a[1].range.start - b[1].range.start);
}

const textLines = (t: Text | undefined) => (t ? t.value.replace(/\n+$/, '').split('\n') : []);

// ==================================================================== DSL

const dslValue = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/#/g, '\\#').replace(/\t/g, '\\t');

/**
 * A row's name in the DSL: escaped like a value, and with a leading \ when its line would read as
 * something else (a heading =, a block 【, the columns 列：, leading white space that would be trimmed).
 */
function dslRowName(name: string): string {
  const v = dslValue(name);
  return /^[=【 \u3000]|^列[ \t\u3000]*[：:]/.test(name) ? '\\' + v : v;
}

/** A 【block】 name: written as it is; a 】 in it would end it early. */
function dslBlockKey(key: string, range: Range): string {
  if (key.includes('】')) refuse(range, l10n.t('块名“{0}”含有“】”，DSL 的【块名】中写不出', key));
  return `【${key}】`;
}

/** A key of a “键：值” line: no colon, |, # or line break in it, and not starting with what would read as syntax. */
function dslKey(key: string, range: Range, what: string): string {
  if (/[：:]/.test(key)) refuse(range, l10n.t('{0}“{1}”含有冒号，DSL 的“键：值”写法中写不出（冒号会把它分成键和值）', what, key));
  if (/[|\t\n\r]|(^|[ \t\u3000])#/.test(key) || /^[#【=\\ \t\u3000]/.test(key) || key === '') refuse(range, l10n.t('{0}“{1}”在 DSL 的“键：值”写法中写不出', what, key));
  return key;
}

/** No lone CR in a DSL value: the DSL reads it as a line break. */
function noCr(value: string, range: Range): void {
  if (value.includes('\r')) refuse(range, l10n.t('“{0}”含有回车符（CR），DSL 会把它读成换行', value.replace(/\r/g, '\\r').slice(0, 40)));
}

function writeDsl(r: Report, w: Writer): void {
  for (const item of blocksInOrder(r)) {
    w.nextBlock();
    switch (item.kind) {
      case 'meta': {
        const m = item.value as Meta;
        w.line('【报告】', m.range.start);
        for (const [k, v] of metaFields(m)) dslField(w, k, v);
        break;
      }
      case 'sections': {
        const { key, list } = item.value as { key: string; list: Section[] };
        w.line(dslBlockKey(key, { start: item.start, end: item.start + key.length }), item.start);
        const sec = (s: Section, level: number) => {
          noCr(s.title.value, s.title.range);
          w.line(`${'='.repeat(level)} ${dslValue(s.title.value)}`, s.title.range.start);
          if (s.body) noCr(s.body.value, s.body.range);
          for (const l of textLines(s.body)) w.raw(dslTextLine(l));
          if (s.units) {
            w.raw('单位构成：');
            if (s.unitColumns) w.line(`列：${s.unitColumns.map((c) => dslValue(c.written ?? c.name)).join(' | ')}`, s.unitColumns[0]?.range.start);
            for (const u of s.units) {
              for (const c of u.cells) noCr(c.value, c.range);
              w.line(`| ${unitCells(u).map(dslValue).join(' | ')} |`, u.range.start);
            }
          }
          for (const c of s.children) sec(c, level + 1);
        };
        for (const s of list) sec(s, 1);
        break;
      }
      case 'printed': {
        const p = item.value as PrintedBlock;
        w.line(dslBlockKey(p.key, p.keyRange), p.keyRange.start);
        if (p.body) noCr(p.body.value, p.body.range);
        for (const l of textLines(p.body)) w.raw(dslTextLine(l));
        break;
      }
      case 'table': {
        const t = item.value as Table;
        w.line(dslBlockKey(t.key, t.keyRange), t.keyRange.start);
        for (const [k, v] of tableFields(t)) dslField(w, k, v);
        // a part without a side name first (its rows come before any “= 收入”)
        for (const p of [...t.parts.filter((x) => !x.name), ...t.parts.filter((x) => x.name)]) {
          if (p.name) {
            noCr(p.name, p.nameRange ?? p.range);
            w.line(`= ${dslValue(p.name)}`, p.range.start);
          }
          dslPart(w, p);
        }
        for (const n of t.notes) dslField(w, n.key, { value: n.text.value, range: n.text.range });
        break;
      }
      case 'glossary': {
        w.line('【名词解释】', item.start);
        for (const e of item.value as GlossaryEntry[]) {
          const key = e.key ?? `${e.number ?? ''}${e.term}`;
          if (/[：:]/.test(key)) refuse(e.termRange, l10n.t('{0}“{1}”含有冒号，DSL 的“键：值”写法中写不出（冒号会把它分成键和值）', l10n.t('名词解释的术语'), key));
          noCr(key, e.termRange);
          const k = dslValue(key);
          dslField(w, /^[=【 \t\u3000]/.test(key) ? '\\' + k : k, { value: e.definition.value, range: e.definition.range.end > e.definition.range.start ? e.definition.range : e.termRange }, e.range.start);
        }
        break;
      }
      case 'perf': {
        const p = item.value as PerfEval;
        w.line(dslBlockKey(p.key, p.keyRange), p.keyRange.start);
        for (const part of perfParts(p)) {
          if (part.kind === 'field') dslField(w, dslKey(part.key, part.value.range, l10n.t('键')), part.value);
          else if (part.kind === 'funds') { w.line('= 资金', part.start); dslPart(w, p.funds!); }
          else if (part.kind === 'goals') {
            w.line('= 年度目标', part.start);
            if (p.goals!.expected) dslField(w, '预期目标', p.goals!.expected);
            if (p.goals!.achieved) dslField(w, '实际完成情况', p.goals!.achieved);
          } else if (part.kind === 'indicators') {
            w.line('= 指标', part.start);
            w.line(`列：${p.indicatorColumns.map((c) => dslValue(c.written ?? c.name)).join(' | ')}`, p.indicatorColumns[0]?.range.start);
            for (const row of p.indicators) {
              for (const c of indicatorCells(p, row.cells)) noCr(c, row.range);
              w.line(`| ${indicatorCells(p, row.cells).map((c) => dslValue(c)).join(' | ')} |`, row.range.start);
            }
          } else if (part.kind === 'total') {
            w.line(`合计：${p.totalWeight?.raw ?? ''} | ${p.totalScore?.raw ?? ''}`, part.start);
          }
        }
        break;
      }
    }
  }
}

/** A line of free text in the DSL: escaped with a leading \ when it would read as syntax. */
function dslTextLine(l: string): string {
  return l === '' ? '' : /^[=【#\\ \t\u3000]|^单位构成[ \t\u3000]*[：:][ \t\u3000]*$/.test(l) ? '\\' + l : l;
}

/** A table's fields in the order written. */
function tableFields(t: Table): Array<[string, Str]> {
  const all: Array<[string, Str | undefined]> = [['编号', t.number], ['单位', t.unitNode], ['类型', t.kindNode], [t.preparer?.key ?? '编制部门', t.preparer?.value]];
  return (all.filter((f) => f[1]) as Array<[string, Str]>).sort((a, b) => a[1].range.start - b[1].range.start);
}

function dslField(w: Writer, key: string, v: { value: string; range: Range }, src = v.range.start): void {
  noCr(v.value, v.range);
  const lines = v.value.replace(/\n+$/, '').split('\n');
  w.line(`${key}：${dslValue(lines[0])}`, src);
  for (const l of lines.slice(1)) w.raw(l === '' ? '  \\' : '  ' + (/^[ \t\u3000\\]/.test(l) ? '\\' : '') + dslValue(l));
}

function dslPart(w: Writer, p: TablePart): void {
  if (p.columns.length) w.line(`列：${p.columns.map((c) => dslValue(c.written ?? c.name)).join(' | ')}`, p.columns[0].range.start);
  for (const row of p.rows) {
    noCr(row.key, row.keyRange);
    for (const c of row.cells) noCr(c.raw, c.range);
    const cells = row.cells.map((c) => dslValue(c.raw));
    // a row without a name: its empty first cell after a frame “|”
    const key = row.key === '' ? '| ' : `${dslRowName(row.key)} `;
    w.line(`${key}| ${cells.join(' | ')}${cells.length && cells[cells.length - 1] === '' ? ' |' : ''}`, row.range.start);
  }
}

type PerfPart =
  | { kind: 'field'; start: number; key: string; value: Str }
  | { kind: 'funds' | 'goals' | 'indicators' | 'total'; start: number };

function perfParts(p: PerfEval): PerfPart[] {
  const parts: PerfPart[] = Object.entries(p.fields).map(([key, value]) => ({ kind: 'field' as const, start: value.range.start, key, value }));
  if (p.funds) parts.push({ kind: 'funds', start: p.funds.range.start });
  if (p.goals) parts.push({ kind: 'goals', start: p.goals.range.start });
  if (p.indicatorColumns.length || p.indicators.length) parts.push({ kind: 'indicators', start: p.indicatorColumns[0]?.range.start ?? p.indicators[0].range.start });
  if (p.totalWeight || p.totalScore) parts.push({ kind: 'total', start: (p.totalWeight ?? p.totalScore)!.range.start });
  return parts.sort((a, b) => a.start - b.start);
}

function indicatorCells(p: PerfEval, cells: Record<string, Cell>): string[] {
  return p.indicatorColumns.map((c: Column) => cells[c.name]?.raw ?? '');
}

// ==================================================================== YAML

/** A scalar that YAML reads back as the same string (failsafe schema: no type guessing). */
function yScalar(s: string, flow = false): string {
  if (s === '') return '""';
  let unsafe = /^[\s?:,[\]{}#&*!|>'"%@`]/.test(s) || /^-(\s|$)/.test(s) || /\s$/.test(s) || /: |:$| #|[\n\t\r]/.test(s);
  if (flow && /[,[\]{}]/.test(s)) unsafe = true;
  return unsafe ? JSON.stringify(s) : s;
}

/** A text value: plain when it is one line, else a block (| keeps one final line break, |- none), else quoted. */
function yBlock(w: Writer, head: string, value: string, indent: string, src?: number): void {
  const trail = /\n*$/.exec(value)![0].length;
  const v = value.slice(0, value.length - trail);
  if (trail === 0 && !v.includes('\n') && yScalar(v) === v) { w.line(`${head} ${v}`, src, indent); return; }
  if (trail > 1 || v === '' || /^[ \t]/.test(v) || /[\r\t]/.test(v) || /\n[ \t]/.test(v)) { w.line(`${head} ${JSON.stringify(value)}`, src, indent); return; }
  w.line(`${head} ${trail === 1 ? '|' : '|-'}`, src, indent);
  for (const l of v.split('\n')) w.raw(l === '' ? '' : `${indent}  ${l}`);
}

function writeYaml(r: Report, w: Writer): void {
  for (const item of blocksInOrder(r)) {
    w.nextBlock();
    switch (item.kind) {
      case 'meta': {
        const m = item.value as Meta;
        w.line('报告:', m.range.start);
        for (const [k, v] of metaFields(m)) w.line(`  ${k}: ${yScalar(v.value)}`, v.range.start, '  ');
        break;
      }
      case 'sections': {
        const { key, list } = item.value as { key: string; list: Section[] };
        w.line(`${key}:`, item.start);
        const sec = (s: Section, indent: string) => {
          const head = `${indent}- ${yScalar(s.title.value)}:`;
          const inner = indent + '    ';
          if (!s.units && s.children.length === 0) {
            if (s.body) yBlock(w, head, s.body.value, indent + '  ', s.title.range.start);
            else w.line(head, s.title.range.start, indent);
            return;
          }
          w.line(head, s.title.range.start, indent);
          if (!s.units && !s.body) { for (const c of s.children) sec(c, inner); return; }
          if (s.body) yBlock(w, `${inner}正文:`, s.body.value, inner);
          if (s.children.length) {
            w.raw(`${inner}小节:`);
            for (const c of s.children) sec(c, inner + '  ');
          }
          if (s.units && s.unitColumns) {
            w.raw(`${inner}单位构成:`);
            w.line(`${inner}  列: [${s.unitColumns.map((c) => yScalar(c.written ?? c.name, true)).join(', ')}]`, s.unitColumns[0]?.range.start, inner + '  ');
            w.raw(`${inner}  行:${s.units.length ? '' : ' []'}`);
            for (const u of s.units) w.line(`${inner}    - [${unitCells(u).map((x) => yScalar(x, true)).join(', ')}]`, u.range.start, inner + '    ');
          } else if (s.units) {
            w.raw(`${inner}单位构成:${s.units.length ? '' : ' []'}`);
            for (const u of s.units) w.line(`${inner}  - [${unitCells(u).map((x) => yScalar(x, true)).join(', ')}]`, u.range.start, inner + '  ');
          }
        };
        for (const s of list) sec(s, '  ');
        break;
      }
      case 'printed': {
        const p = item.value as PrintedBlock;
        if (p.body) yBlock(w, `${yScalar(p.key)}:`, p.body.value, '', p.keyRange.start);
        else w.line(`${yScalar(p.key)}:`, p.keyRange.start);
        break;
      }
      case 'table': {
        const t = item.value as Table;
        w.line(`${yScalar(t.key)}:`, t.keyRange.start);
        for (const [k, v] of tableFields(t)) w.line(`  ${k}: ${yScalar(v.value)}`, v.range.start, '  ');
        for (const p of t.parts) {
          if (p.name) { w.line(`  ${yScalar(p.name)}:`, p.range.start, '  '); yamlPart(w, p, '    '); } else yamlPart(w, p, '  ');
        }
        for (const n of t.notes) yBlock(w, `  ${n.key}:`, n.text.value, '  ', n.text.range.start);
        break;
      }
      case 'glossary': {
        w.line('名词解释:', item.start);
        for (const e of item.value as GlossaryEntry[]) yBlock(w, `  - ${yScalar(e.key ?? `${e.number ?? ''}${e.term}`)}:`, e.definition.value, '    ', e.range.start);
        break;
      }
      case 'perf': {
        const p = item.value as PerfEval;
        w.line(`${yScalar(p.key)}:`, p.keyRange.start);
        for (const part of perfParts(p)) {
          if (part.kind === 'field') yBlock(w, `  ${yScalar(part.key)}:`, part.value.value, '  ', part.value.range.start);
          else if (part.kind === 'funds') { w.line('  资金:', part.start, '  '); yamlPart(w, p.funds!, '    '); }
          else if (part.kind === 'goals') {
            w.line('  年度目标:', part.start, '  ');
            if (p.goals!.expected) yBlock(w, '    预期目标:', p.goals!.expected.value, '    ', p.goals!.expected.range.start);
            if (p.goals!.achieved) yBlock(w, '    实际完成情况:', p.goals!.achieved.value, '    ', p.goals!.achieved.range.start);
          } else if (part.kind === 'indicators') {
            w.line('  指标:', part.start, '  ');
            w.raw(`    列: [${p.indicatorColumns.map((c) => yScalar(c.written ?? c.name, true)).join(', ')}]`);
            w.raw('    行:');
            for (const row of p.indicators) w.line(`      - [${indicatorCells(p, row.cells).map((c) => yScalar(c, true)).join(', ')}]`, row.range.start, '      ');
          } else if (part.kind === 'total') {
            w.line(`  合计: ${[p.totalWeight?.raw ?? '-', p.totalScore?.raw ?? '-'].join(' ')}`, part.start, '  ');
          }
        }
        break;
      }
    }
  }
}

function yamlPart(w: Writer, p: TablePart, indent: string): void {
  if (p.columns.length) w.line(`${indent}列: [${p.columns.map((c) => yScalar(c.written ?? c.name, true)).join(', ')}]`, p.columns[0].range.start, indent);
  if (!p.rows.length) return;
  w.raw(`${indent}行:`);
  for (const row of p.rows) w.line(`${indent}  - ${yScalar(row.key)}: ${yamlCells(row)}`, row.range.start, indent + '  ');
}

function yamlCells(row: Row): string {
  const raws = row.cells.map((c) => c.raw);
  const plain = raws.length > 0 && raws.every((s) => s !== '' && !/[\s,[\]{}#"'`]/.test(s) && yScalar(s) === s);
  return plain && yScalar(raws.join(' ')) === raws.join(' ') ? raws.join(' ') : `[${raws.map((s) => yScalar(s, true)).join(', ')}]`;
}

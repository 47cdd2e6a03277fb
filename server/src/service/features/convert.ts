/**
 * 转换为 DSL / 转换为 YAML: writes a report in the other syntax from its model, keeping every value
 * as written (amounts with their decimals and separators, texts line by line) and every comment
 * (a comment line goes before the element that follows it; a comment after a row or a “键：值” stays
 * on that line, so 出错说明 keep working).
 *
 * A file with format errors is not converted: what could not be read would be lost.
 */
import { Parser } from 'yaml';
import { Cell, Column, Finding, GlossaryEntry, Meta, PerfEval, PrintedBlock, Report, Row, Section, SectionBlock, Str, Syntax, Table, TablePart, Text, UnitRow } from '../model';
import { parseReport } from '../frontends/report-parser';
import { META_FIELDS } from '../frontends/common';
import { LineIndex } from '../text';
import { formatDocument } from './format';
import * as l10n from '../l10n';

export type ConvertResult = { ok: true; text: string } | { ok: false; message: string; findings: Finding[] };

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
  // body lines of sections are text: a # there is content
  const bodies: Array<{ start: number; end: number }> = [];
  const visit = (ss: Section[]) => { for (const s of ss) { if (s.body) bodies.push(s.body.range); visit(s.children); } };
  visit(report.overview); visit(report.narrative); visit(report.others);
  const inBody = (o: number) => bodies.some((b) => b.start <= o && o < b.end);
  const out: Comment[] = [];
  let pos = 0;
  for (let line = 0; pos <= text.length; line++) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const s = text.slice(pos, eol).replace(/\r$/, '');
    if (/^[ \t\u3000]*#/.test(s)) out.push({ offset: pos, text: s.trim(), line, trailing: false });
    else if (!inBody(pos)) {
      for (let i = 1; i < s.length; i++) {
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
  if (to === 'dsl') writeDsl(parsed.report, w);
  else writeYaml(parsed.report, w);
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
  return { ok: true, text: pieces.join('') };
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

function writeDsl(r: Report, w: Writer): void {
  for (const item of blocksInOrder(r)) {
    w.nextBlock();
    switch (item.kind) {
      case 'meta': {
        const m = item.value as Meta;
        w.line('【报告】', m.range.start);
        for (const [k, v] of metaFields(m)) dslField(w, k, v.value, v.range.start);
        break;
      }
      case 'sections': {
        const { key, list } = item.value as { key: string; list: Section[] };
        w.line(`【${key}】`, item.start);
        const sec = (s: Section, level: number) => {
          w.line(`${'='.repeat(level)} ${s.title.value}`, s.title.range.start);
          for (const l of textLines(s.body)) w.raw(dslTextLine(l));
          if (s.units) {
            w.raw('单位构成：');
            if (s.unitColumns) w.line(`列：${s.unitColumns.map((c) => dslValue(c.name)).join(' | ')}`, s.unitColumns[0]?.range.start);
            for (const u of s.units) w.line(`| ${unitCells(u).map(dslValue).join(' | ')} |`, u.range.start);
          }
          for (const c of s.children) sec(c, level + 1);
        };
        for (const s of list) sec(s, 1);
        break;
      }
      case 'printed': {
        const p = item.value as PrintedBlock;
        w.line(`【${p.key}】`, p.keyRange.start);
        for (const l of textLines(p.body)) w.raw(dslTextLine(l));
        break;
      }
      case 'table': {
        const t = item.value as Table;
        w.line(`【${t.key}】`, t.keyRange.start);
        for (const [k, v] of tableFields(t)) dslField(w, k, v.value, v.range.start);
        // a part without a side name first (its rows come before any “= 收入”)
        for (const p of [...t.parts.filter((x) => !x.name), ...t.parts.filter((x) => x.name)]) {
          if (p.name) w.line(`= ${p.name}`, p.range.start);
          dslPart(w, p);
        }
        for (const n of t.notes) dslField(w, n.key, n.text.value, n.text.range.start);
        break;
      }
      case 'glossary': {
        w.line('【名词解释】', item.start);
        for (const e of item.value as GlossaryEntry[]) dslField(w, `${e.number ?? ''}${e.term}`, e.definition.value, e.range.start);
        break;
      }
      case 'perf': {
        const p = item.value as PerfEval;
        w.line(`【${p.key}】`, p.keyRange.start);
        for (const part of perfParts(p)) {
          if (part.kind === 'field') dslField(w, part.key, part.value.value, part.value.range.start);
          else if (part.kind === 'funds') { w.line('= 资金', part.start); dslPart(w, p.funds!); }
          else if (part.kind === 'goals') {
            w.line('= 年度目标', part.start);
            if (p.goals!.expected) dslField(w, '预期目标', p.goals!.expected.value, p.goals!.expected.range.start);
            if (p.goals!.achieved) dslField(w, '实际完成情况', p.goals!.achieved.value, p.goals!.achieved.range.start);
          } else if (part.kind === 'indicators') {
            w.line('= 指标', part.start);
            w.line(`列：${p.indicatorColumns.map((c) => dslValue(c.name)).join(' | ')}`, p.indicatorColumns[0]?.range.start);
            for (const row of p.indicators) w.line(`| ${indicatorCells(p, row.cells).map((c) => dslValue(c)).join(' | ')} |`, row.range.start);
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

function dslField(w: Writer, key: string, value: string, src: number): void {
  const lines = value.replace(/\n+$/, '').split('\n');
  w.line(`${key}：${dslValue(lines[0])}`, src);
  for (const l of lines.slice(1)) w.raw(l === '' ? '  \\' : '  ' + (/^[ \t\u3000\\]/.test(l) ? '\\' : '') + dslValue(l));
}

function dslPart(w: Writer, p: TablePart): void {
  if (p.columns.length) w.line(`列：${p.columns.map((c) => dslValue(c.name)).join(' | ')}`, p.columns[0].range.start);
  for (const row of p.rows) {
    const cells = row.cells.map((c) => dslValue(c.raw));
    // a row without a name: its empty first cell after a frame “|”
    const key = row.key === '' ? '| ' : `${dslValue(row.key)} `;
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
            w.line(`${inner}  列: [${s.unitColumns.map((c) => yScalar(c.name, true)).join(', ')}]`, s.unitColumns[0]?.range.start, inner + '  ');
            w.raw(`${inner}  行:`);
            for (const u of s.units) w.line(`${inner}    - [${unitCells(u).map((x) => yScalar(x, true)).join(', ')}]`, u.range.start, inner + '    ');
          } else if (s.units) {
            w.raw(`${inner}单位构成:`);
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
        for (const e of item.value as GlossaryEntry[]) yBlock(w, `  - ${yScalar(`${e.number ?? ''}${e.term}`)}:`, e.definition.value, '    ', e.range.start);
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
            w.raw(`    列: [${p.indicatorColumns.map((c) => yScalar(c.name, true)).join(', ')}]`);
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
  if (p.columns.length) w.line(`${indent}列: [${p.columns.map((c) => yScalar(c.name, true)).join(', ')}]`, p.columns[0].range.start, indent);
  if (!p.rows.length) return;
  w.raw(`${indent}行:`);
  for (const row of p.rows) w.line(`${indent}  - ${yScalar(row.key)}: ${yamlCells(row)}`, row.range.start, indent + '  ');
}

function yamlCells(row: Row): string {
  const raws = row.cells.map((c) => c.raw);
  const plain = raws.length > 0 && raws.every((s) => s !== '' && !/[\s,[\]{}#"'`]/.test(s) && yScalar(s) === s);
  return plain && yScalar(raws.join(' ')) === raws.join(' ') ? raws.join(' ') : `[${raws.map((s) => yScalar(s, true)).join(', ')}]`;
}

/**
 * The incremental ReportParser above both front ends: a document is split into blocks, each block
 * is parsed alone by its front end and cached by its text, so an edit re-parses only the block it
 * touches; the blocks are then assembled into one Report. Never throws.
 */
import { Finding, Report, SectionBlock, Syntax } from '../model';
import { splitYamlBlocks, parseYamlBlock } from './yaml';
import { parseYamlFast } from './yaml-fast';
import { gridOf, makeGrid } from '../grid';
import { parseDslBlock, splitDslBlocks } from './dsl';
import { parseDslTableFast } from './dsl-fast';
import { ParsedBlock, SourceCell, SourceRow } from './common';
import { tableKindOf } from '../layouts';
import { syntaxOf } from '../workspace/files';
import { changedSpan } from '../text';
import * as l10n from '../l10n';

export { syntaxOf };

/** What moves when a block moves: its ranges (each once) and the offset arrays of its texts. */
interface Movables {
  ranges: Array<{ start: number; end: number }>;
  arrays: Int32Array[];
  /** Rows and cells keep their offsets (and move the ranges they made, when they made some). */
  rows: SourceRow[];
  cells: SourceCell[];
}
const movablesOf = new WeakMap<ParsedBlock, Movables>();

/** Finds every range and offset array inside a parsed block (once per block: an edit above it moves it again and again). */
function collect(pb: ParsedBlock): Movables {
  const m: Movables = { ranges: [], arrays: [], rows: [], cells: [] };
  const seen = new Set<object>();
  const walk = (o: unknown): void => {
    if (o === null || typeof o !== 'object' || seen.has(o as object)) return;
    seen.add(o as object);
    if (o instanceof Int32Array) {
      m.arrays.push(o);
      return;
    }
    if (o instanceof SourceCell) {
      m.cells.push(o);
      return;
    }
    if (o instanceof SourceRow) {
      m.rows.push(o);
      // the cells it was given (those it makes from plain amounts, it moves itself)
      walk(o.given);
      walk(o.keyText);
      return;
    }
    if (Array.isArray(o)) {
      for (const x of o) walk(x);
      return;
    }
    const rec = o as Record<string, unknown>;
    if (typeof rec.start === 'number' && typeof rec.end === 'number' && Object.keys(rec).length === 2) {
      m.ranges.push(rec as { start: number; end: number });
      return;
    }
    for (const k of Object.keys(rec)) {
      const v = rec[k];
      if (k !== 'data' && v !== null && typeof v === 'object') walk(v);
    }
  };
  walk({ meta: pb.meta, sections: pb.sections, table: pb.table, glossary: pb.glossary, perf: pb.perf, printed: pb.printed, findings: pb.findings, inexact: pb.inexact });
  return m;
}

/** Adds `delta` to every offset inside a parsed block (used when an edit above it moved it). */
export function rebase(pb: ParsedBlock, delta: number): void {
  if (delta === 0) return;
  let m = movablesOf.get(pb);
  if (!m) movablesOf.set(pb, (m = collect(pb)));
  for (const r of m.ranges) {
    r.start += delta;
    r.end += delta;
  }
  for (const a of m.arrays) for (let i = 0; i < a.length; i++) a[i] += delta;
  // after the offset arrays: a row's code and name ranges are read from its keyText's
  for (const c of m.cells) c.move(delta);
  for (const r of m.rows) r.move(delta);
  pb.raw = { ...pb.raw, start: pb.raw.start + delta, end: pb.raw.end + delta };
}

/** The result of parsing a whole document. */
export interface ParseResult {
  report: Report;
  findings: Finding[];
  blocks: ParsedBlock[];
  /** How many blocks were parsed anew (the rest came from the cache). */
  reparsed: number;
}

/**
 * Parses documents, reusing the blocks that did not change since the last parse of the same
 * document. One ReportParser per document (the LSP server keeps one per open file).
 */
export class ReportParser {
  /** The last text parsed and its blocks (the blocks before and after what an edit changed are found by position). */
  private prev?: { text: string; blocks: ParsedBlock[] };
  /** Blocks found by their text: those of the last parse inside what changed (a block moved whole, or text pasted back). */
  private cache = new Map<string, ParsedBlock[]>();

  /**
   * `keep` false: the blocks are not kept for the next parse (a one-shot parse, the command line).
   */
  constructor(readonly syntax: Syntax = 'yaml', private readonly keep = true) {}

  parse(text: string): ParseResult {
    const dsl = this.syntax === 'dsl';
    const raws = dsl ? splitDslBlocks(text) : splitYamlBlocks(text);
    const blocks: ParsedBlock[] = [];
    let reparsed = 0;
    const keep = this.keep;
    // the last parse's blocks before the first changed character and after the last one, by where they
    // start in this text (their text is this text's there): no block's text hashed or compared (a large
    // report has hundreds of blocks and an edit changes one); the others by their text
    const byStart = keep && this.prev ? this.placed(this.prev, text) : undefined;
    for (const raw of raws) {
      let pb: ParsedBlock | undefined;
      const at = byStart?.get(raw.start);
      if (at && at.end === raw.end) {
        pb = at.pb;
        byStart!.delete(raw.start);
      } else if (keep) pb = this.cache.get(raw.text)?.shift();
      if (pb) {
        rebase(pb, raw.start - pb.raw.start);
        pb.raw = raw;
      } else {
        // blocks written in the usual subset take the fast paths (yaml-fast.ts: tables and text; dsl-fast.ts: tables), the rest the front ends
        pb = dsl ? parseDslTableFast(raw) ?? parseDslBlock(raw) : parseYamlFast(raw) ?? parseYamlBlock(raw);
        // the amounts of each part in one block of memory, for the sum rules (grid.ts): made while its cells are fresh in memory
        if (pb.table) for (const p of pb.table.parts) makeGrid(p);
        reparsed++;
      }
      blocks.push(pb);
    }
    this.cache = new Map();
    if (keep) this.prev = { text, blocks };
    return assemble(blocks, reparsed, text, this.syntax);
  }

  /**
   * The last parse's blocks that lie wholly before the first character `text` changed, or wholly after
   * the last, by their start and end in `text`; the others go into the cache by their text.
   */
  private placed(prev: { text: string; blocks: ParsedBlock[] }, text: string): Map<number, { pb: ParsedBlock; end: number }> {
    const { prefix: p, suffix } = changedSpan(prev.text, text);
    const after = prev.text.length - suffix;
    const delta = text.length - prev.text.length;
    const byStart = new Map<number, { pb: ParsedBlock; end: number }>();
    for (const pb of prev.blocks) {
      const r = pb.raw;
      if (r.end <= p) byStart.set(r.start, { pb, end: r.end });
      else if (r.start >= after) byStart.set(r.start + delta, { pb, end: r.end + delta });
      else {
        const l = this.cache.get(r.text);
        if (l) l.push(pb);
        else this.cache.set(r.text, [pb]);
      }
    }
    return byStart;
  }
}

/** One-shot parse (no cache). */
export function parseReport(text: string, syntax: Syntax = 'yaml'): ParseResult {
  return new ReportParser(syntax, false).parse(text);
}


function assemble(blocks: ParsedBlock[], reparsed: number, text: string, syntax: Syntax): ParseResult {
  const report: Report = { syntax, overview: [], tables: [], narrative: [], glossary: [], perf: [], others: [], sectionBlocks: [], printed: [], blocks: [] };
  const findings: Finding[] = [];
  const seen = new Map<string, ParsedBlock>();
  for (const pb of blocks) {
    findings.push(...pb.findings);
    if (pb.kind === 'prelude') continue;
    const keyStart = pb.raw.start + (syntax === 'dsl' ? 1 : 0); // after 【 in the DSL
    const keyRange = { start: keyStart, end: keyStart + pb.raw.key.length };
    report.blocks.push({ key: pb.raw.key, range: { start: pb.raw.start, end: pb.raw.end } });
    const prev = seen.get(pb.raw.key);
    if (prev) {
      findings.push({
        rule: 'yaml.duplicateBlock', severity: 'error', range: keyRange,
        message: l10n.t('顶层块“{0}”重复（第一次出现在前面），请合并或改名', pb.raw.key),
        related: [{ range: { start: prev.raw.start, end: prev.raw.start + prev.raw.key.length }, message: l10n.t('第一次出现在这里') }],
      });
      continue;
    }
    seen.set(pb.raw.key, pb);
    if (pb.meta) report.meta = pb.meta;
    if (pb.sections) {
      if (pb.kind === 'overview') report.overview.push(...pb.sections);
      else if (pb.kind === 'narrative') report.narrative.push(...pb.sections);
      else report.others.push(...pb.sections);
      report.sectionBlocks.push({ key: pb.raw.key, keyRange, kind: pb.kind as SectionBlock['kind'], sections: pb.sections, range: { start: pb.raw.start, end: pb.raw.end } });
    }
    if (pb.printed) report.printed.push(pb.printed);
    if (pb.table) {
      report.tables.push(pb.table);
      // a block parsed elsewhere (a test's) has none yet
      for (const p of pb.table.parts) if (!gridOf(p)) makeGrid(p);
    }
    if (pb.glossary) report.glossary.push(...pb.glossary);
    if (pb.perf) report.perf.push(pb.perf);
    if (pb.inexact) (report.inexact ??= []).push(...pb.inexact);
  }
  if (!report.meta && text.trim() !== '') {
    findings.push({
      rule: 'schema.required', severity: 'error', range: { start: 0, end: Math.min(text.length, Math.max(1, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'))) },
      message: syntax === 'dsl' ? l10n.t('缺少【报告】块：请在文件开头写明【报告】及类型、年度、单位、金额单位') : l10n.t('缺少“报告”块：请在文件开头写明 报告: 类型、年度、单位、金额单位'),
    });
  }
  const unitName = report.meta?.unitName?.value;
  for (const t of report.tables) {
    t.unit = t.unitNode?.value ?? report.meta?.amountUnit?.value ?? '万元';
    // the kind from the title, knowing the unit's name (a title may start with it); 类型 decides when written
    if (!t.kindNode) t.kind = tableKindOf(t.title, undefined, unitName) || undefined;
  }
  return { report, findings, blocks, reparsed };
}

/**
 * Hover: the computation of a checked total first (its parts linked to their cells when the shell
 * says how); a block's key (what the block is, a table's standard kind and columns); a narrative
 * amount and the cell it was compared with; a 科目 code with its catalogue path; a 名词解释 term with
 * its definition, or a standard term. Where a format rule found something, and on block keys, a link
 * to the format guide (when the shell gives one).
 * Text that comes from the report or a catalogue file is escaped: it cannot add links or images.
 */
import { CheckResult } from '../index';
import { Finding, GlossaryEntry, Range, RelatedInfo, Report } from '../model';
import { Catalogue, STATUS_TEXT } from '../kemu';
import { reportEdition } from '../rules/kemu/common';
import { codeOfTerm, STANDARD_TERMS, standardTerm } from '../rules/glossary/terms';
import { normName } from '../names';
import { formatComputation, totalsAt } from './computation';
import { kindById } from '../layouts';
import { ruleMeta } from '../rules/registry';
import { escapeMarkdown as md } from './markdown';
import * as l10n from '../l10n';

export interface HoverResult {
  range: Range;
  /** Markdown. */
  contents: string;
}

const BUILTIN_NOTE = () => l10n.t('（本报告的名词解释中没有这一条）');

function glossaryAt(report: Report, text: string, offset: number): { entry: GlossaryEntry; range: Range } | undefined {
  // Longest term that covers the offset.
  let best: { entry: GlossaryEntry; range: Range } | undefined;
  for (const g of report.glossary) {
    const term = g.term;
    if (term.length < 2) continue;
    const from = Math.max(0, offset - term.length + 1);
    const window = text.slice(from, offset + term.length);
    let i = window.indexOf(term);
    while (i >= 0) {
      const s = from + i;
      if (s <= offset && offset < s + term.length) {
        if (!best || term.length > best.entry.term.length) best = { entry: g, range: { start: s, end: s + term.length } };
        break;
      }
      i = window.indexOf(term, i + 1);
    }
  }
  return best;
}

/** What the shell adds to hovers: links into the document and to the format guide. */
export interface HoverOptions {
  /** A Markdown link target for a range of this document (the parts of a computation link to their cells). */
  link?: (r: Range) => string | undefined;
  /** A Markdown link target that opens the format guide (docs/format.md or docs/dsl.md). */
  guide?: string;
}

export function hover(res: CheckResult, text: string, offset: number, catalogue?: Catalogue, kemuEdition?: number, opts: HoverOptions = {}): HoverResult | undefined {
  const h = hoverAt(res, text, offset, catalogue, kemuEdition, opts);
  // where the format is wrong (a syntax error, a placeholder …), the guide is a click away
  const guide = opts.guide ? formatFindingAt(res, offset) : undefined;
  if (!guide) return h;
  const line = l10n.t('写法见{0}', `[${l10n.t('格式说明')}](${opts.guide})`);
  if (h) return h.contents.includes(opts.guide!) ? h : { range: h.range, contents: `${h.contents}\n\n${line}` };
  return { range: guide.range, contents: line };
}

/** A finding of the format rules (what the front ends report, placeholders) at the offset. */
function formatFindingAt(res: CheckResult, offset: number): { range: Range } | undefined {
  return res.findings.find((f) => f.range.start <= offset && offset <= f.range.end && ruleMeta(f.rule)?.group === 'format');
}

function hoverAt(res: CheckResult, text: string, offset: number, catalogue: Catalogue | undefined, kemuEdition: number | undefined, opts: HoverOptions): HoverResult | undefined {
  const totals = totalsAt(res, offset);
  if (totals.length > 0) {
    return { range: totals[0].range, contents: totals.map((t) => formatComputation(t, opts.link)).join('\n\n---\n\n') };
  }
  const block = blockKeyAt(res, text, offset);
  if (block) return blockHover(res, block, opts.guide);
  const link = res.links.find((l) => l.range.start <= offset && offset <= l.range.end);
  if (link) {
    const mark = link.verdict === 'ok' ? l10n.t('✓ 一致') : link.verdict === 'rounding' ? l10n.t('≈ 在舍入误差以内') : l10n.t('≠ 不一致');
    return { range: link.range, contents: l10n.t('文中 {0} 对应 {1}：{2}　{3}', `**${md(link.text)}**`, md(link.where), md(link.cell.raw + (link.unit ?? '')), mark) };
  }
  const code = codeAt(res, text, offset);
  if (code) {
    const parts: string[] = [];
    const cat = catalogue;
    const edition = reportEdition(res.report, kemuEdition);
    if (cat) {
      const path = cat.path(code.code, edition);
      const e = cat.get(code.code, edition);
      if (e) {
        parts.push(path.map((x) => `${x.code} ${md(x.name)}`).join(' › '));
        if (e.description) parts.push(md(e.description));
        parts.push(l10n.t('{0} 版 · {1}', e.editions.join(l10n.listSep()), STATUS_TEXT[e.status] ? l10n.t(STATUS_TEXT[e.status]) : e.status) + (e.sources.length ? ' · ' + l10n.t('来源：{0}', md(e.sources.slice(0, 3).join('；'))) : ''));
        const older = (e.aliases ?? []).filter((a) => a.kind !== 'variant');
        if (older.length) parts.push(older.map((a) => l10n.t('曾用名/误写：{0}（{1}）', md(a.name), md(a.note))).join('\n\n'));
      } else parts.push(l10n.t('{0}：科目目录中没有这个代码（目录可能不全）', `**${code.code}**`));
    }
    const g = res.report.glossary.find((x) => codeOfTerm(x.term) === code.code);
    if (g) parts.push(l10n.t('名词解释 {0}：{1}', md((g.number ?? '') + g.term), md(g.definition.value.trim())));
    if (parts.length) return { range: code.range, contents: parts.join('\n\n') };
  }
  const g = glossaryAt(res.report, text, offset);
  if (g && !(g.entry.termRange.start <= offset && offset <= g.entry.termRange.end)) {
    return { range: g.range, contents: `**${md(g.entry.term)}**` + (g.entry.number ? l10n.t('（名词解释 {0}）', md(g.entry.number)) : l10n.t('（名词解释）')) + `\n\n${md(g.entry.definition.value.trim())}` };
  }
  const std = standardAt(res.report, text, offset);
  if (std) {
    return { range: std.range, contents: `**${md(std.term.term)}**` + l10n.t('（标准名词解释 · {0}）', BUILTIN_NOTE()) + `\n\n${md(std.term.definition)}\n\n` + l10n.t('来源：{0}', md(std.term.source)) };
  }
  return undefined;
}

/** The top-level block whose key (报告:, 表 收入决算表:, 【情况说明】 …) is under the cursor. */
function blockKeyAt(res: CheckResult, text: string, offset: number): { key: string; range: Range } | undefined {
  const dsl = res.report.syntax === 'dsl';
  for (const b of res.report.blocks) {
    const start = b.range.start;
    if (offset < start || offset > start + b.key.length + 2) continue;
    const written = dsl ? `【${b.key}】` : b.key;
    if (text.startsWith(written, start) && offset <= start + written.length) return { key: b.key, range: { start, end: start + written.length } };
  }
  return undefined;
}

/** What a top-level block is: a table's standard kind, number and columns; a block's contents; the guide. */
function blockHover(res: CheckResult, b: { key: string; range: Range }, guide?: string): HoverResult {
  const parts: string[] = [];
  const table = res.report.tables.find((t) => t.keyRange.start <= b.range.start && b.range.start <= t.keyRange.end) ?? res.report.tables.find((t) => t.key === b.key);
  const word = b.key.split(/\s/)[0];
  if (table) {
    const kind = kindById(table.kind);
    parts.push(`**${md(table.title)}**` + (kind ? l10n.t('（标准表 {0}{1}）', kind.id, kind.number ? ` · ${kind.number}` : '') : l10n.t('（不是已知的标准表：只核对表内的合计）')));
    const cols = table.parts.map((p) => (p.name ? `${md(p.name)}：` : '') + p.columns.map((c) => md(c.name)).join(l10n.listSep()));
    if (cols.some(Boolean)) parts.push(l10n.t('列：{0}', cols.join('；')));
    parts.push(l10n.t('{0} 行；金额单位：{1}', table.parts.reduce((n, p) => n + p.rows.length, 0), table.unit));
  } else {
    const what: Record<string, string> = {
      报告: l10n.t('报告的类型、年度、单位与金额单位。'),
      部门概况: l10n.t('部门职责、机构设置与单位构成，按标题分节。'),
      单位概况: l10n.t('部门职责、机构设置与单位构成，按标题分节。'),
      情况说明: l10n.t('各表的情况说明，按标题分节；文中的金额与表中的数核对。'),
      名词解释: l10n.t('名词解释：编号、名词与解释；用到的核心名词应有解释。'),
      其他: l10n.t('其他内容（联系方式、附件 …），按标题分节。'),
      绩效自评: l10n.t('项目支出绩效自评表：项目资金、年度总体目标、绩效指标；核对资金与得分。'),
      封面: l10n.t('照印刷稿保留，不核对。'),
      目录: l10n.t('照印刷稿保留，不核对。'),
    };
    parts.push(`**${md(b.key)}**` + (what[word] ? `　${what[word]}` : ''));
  }
  if (guide) parts.push(`[${l10n.t('格式说明')}](${guide})`);
  return { range: b.range, contents: parts.join('\n\n') };
}

/** A 科目 code under the cursor: a row key ("2011308 招商引资") or "201（一般公共服务）13（商贸事务）08（招商引资）" in the text. */
function codeAt(res: CheckResult, text: string, offset: number): { code: string; range: Range } | undefined {
  for (const t of res.report.tables) {
    if (offset < t.range.start || offset > t.range.end) continue;
    for (const p of t.parts) for (const r of p.rows) {
      if (r.code && r.codeRange && r.keyRange.start <= offset && offset <= r.keyRange.end) return { code: r.code, range: r.keyRange };
    }
  }
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  const re = /(\d{3})\s*[（(][^）)]{1,20}[）)]\s*(\d{2})\s*[（(][^）)]{1,20}[）)](?:\s*(\d{2})\s*[（(][^）)]{1,20}[）)])?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    const s = lineStart + m.index;
    if (s <= offset && offset <= s + m[0].length) return { code: m[1] + m[2] + (m[3] ?? ''), range: { start: s, end: s + m[0].length } };
  }
  return undefined;
}

/** A standard term under the cursor that the report's own glossary does not define. */
function standardAt(report: Report, text: string, offset: number): { term: (typeof STANDARD_TERMS)[number]; range: Range } | undefined {
  const defined = new Set(report.glossary.map((g) => normName(g.term)));
  let best: { term: (typeof STANDARD_TERMS)[number]; range: Range } | undefined;
  for (const st of STANDARD_TERMS) {
    for (const name of [st.term, ...(st.aliases ?? [])]) {
      if (defined.has(normName(name)) || standardTerm(name) !== st) continue;
      const from = Math.max(0, offset - name.length + 1);
      const i = text.slice(from, offset + name.length).indexOf(name);
      if (i >= 0 && (!best || name.length > best.range.end - best.range.start)) best = { term: st, range: { start: from + i, end: from + i + name.length } };
    }
  }
  return best;
}

/**
 * The related locations a diagnostic carries at most; a finding with more (a 部门 total names a cell
 * in each of its units' reports: 99 of them) carries the first ones and a last entry that says how
 * many more there are, all of which the hover at the finding lists with links (relatedHover). The
 * Problems panel showed 99 rows under each such finding, and the message of a 部门 report with 95 of
 * them held 7,524 locations (2.4 MB), sent while the editor waited.
 */
export const RELATED_SHOWN = 10;

/** The related locations of a finding as its diagnostic carries them (see RELATED_SHOWN). */
export function shownRelated(f: Finding): Finding['related'] {
  return f.related && f.related.length > RELATED_SHOWN + 1 ? f.related.slice(0, RELATED_SHOWN) : f.related;
}

/**
 * All the related locations of the findings at the offset whose diagnostics do not carry them all
 * (shownRelated), each linked to its place by `link` (which may point into another report), under the
 * finding's message (several findings may share a range: a table's name carries every 科目 row its
 * units have and the 部门 table lacks).
 */
export function relatedHover(res: CheckResult, offset: number, link: (x: RelatedInfo) => string | undefined): HoverResult | undefined {
  const out: string[] = [];
  let range: Range | undefined;
  for (const f of res.findings) {
    const rel = f.related;
    if (!rel || offset < f.range.start || offset > f.range.end || shownRelated(f)!.length === rel.length) continue;
    range ??= f.range;
    out.push(l10n.t('{0} 的全部 {1} 处相关位置：', '`' + f.rule + '`', rel.length), '', md(f.message), '');
    for (const x of rel) {
      const target = link(x);
      const text = md(x.message);
      out.push('- ' + (target ? `[${text}](${target})` : text));
    }
    out.push('');
  }
  return range && { range, contents: out.join('\n').trimEnd() };
}

/**
 * Editor features over a checked document, in offsets and plain data (no LSP types): outline,
 * folding, hover, inlay hints, completion. The LSP server maps them onto the protocol.
 */
import { CheckResult } from './index';
import { GlossaryEntry, Range, Report, REPORT_TYPES, Section, Syntax, Table } from './model';
import { TotalInfo } from './checks/tables';
import { normalizeTitle, TOP_KEYS } from './parser';
import tableKinds from './data/table-kinds.json';
import glossaryData from './data/glossary.json';
import { codeOfTerm, STANDARD_TERMS, standardTerm } from './checks/glossary';
import { tokens } from './checks/narrative';
import { normName } from './checks/tables';
import { Catalogue, KemuEntry, STATUS_TEXT } from './kemu';
import { isEconomicTable, reportEdition } from './checks/kemu';
import * as l10n from './l10n';

export type SymbolKind = 'report' | 'section' | 'table' | 'part' | 'glossary' | 'term' | 'perf';

export interface OutlineItem {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: OutlineItem[];
}

function sectionItems(secs: Section[]): OutlineItem[] {
  return secs.map((s) => ({
    name: s.title.value || l10n.t('（无标题）'), kind: 'section' as const, range: s.range, selectionRange: s.title.range, children: sectionItems(s.children),
  }));
}

export function outline(report: Report): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (const b of report.blocks) {
    const at = b.range.start + (report.syntax === 'dsl' ? 1 : 0); // after 【
    const kr = { start: at, end: at + b.key.length };
    if (b.key === '报告' && report.meta) {
      items.push({ name: '报告', detail: [report.meta.type?.value, report.meta.year?.value, report.meta.unitName?.value].filter(Boolean).join(' · '), kind: 'report', range: b.range, selectionRange: kr, children: [] });
    } else if ((TOP_KEYS.overview as readonly string[]).includes(b.key)) {
      items.push({ name: b.key, kind: 'section', range: b.range, selectionRange: kr, children: sectionItems(report.overview) });
    } else if (b.key === '情况说明') {
      items.push({ name: b.key, kind: 'section', range: b.range, selectionRange: kr, children: sectionItems(report.narrative) });
    } else if (b.key === '其他') {
      items.push({ name: b.key, kind: 'section', range: b.range, selectionRange: kr, children: sectionItems(report.others) });
    } else if (b.key === '名词解释') {
      items.push({
        name: b.key, detail: l10n.t('{0} 条', report.glossary.length), kind: 'glossary', range: b.range, selectionRange: kr,
        children: report.glossary.map((g) => ({ name: g.term, detail: g.number, kind: 'term' as const, range: g.range, selectionRange: g.termRange, children: [] })),
      });
    } else {
      const t = report.tables.find((x) => x.keyRange.start === at);
      if (t) {
        items.push({
          name: t.title, detail: [t.number?.value, t.kind].filter(Boolean).join(' · '), kind: 'table', range: b.range, selectionRange: t.keyRange,
          children: t.parts.filter((p) => p.name).map((p) => ({ name: p.name, detail: l10n.t('{0} 行', p.rows.length), kind: 'part' as const, range: p.range, selectionRange: p.range, children: [] })),
        });
        continue;
      }
      const p = report.perf.find((x) => x.keyRange.start === at);
      if (p) items.push({ name: `绩效自评 ${p.project}`, kind: 'perf', range: b.range, selectionRange: p.keyRange, children: [] });
    }
  }
  return items;
}

/** Folding: every block, section, table part and multi-line text. Returned as offset ranges. */
export function foldingRanges(report: Report): Range[] {
  const out: Range[] = report.blocks.map((b) => b.range);
  const walk = (secs: Section[]) => {
    for (const s of secs) {
      out.push(s.range);
      walk(s.children);
    }
  };
  walk(report.overview);
  walk(report.narrative);
  walk(report.others);
  for (const t of report.tables) for (const p of t.parts) if (p.name) out.push(p.range);
  return out;
}

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

export function formatComputation(t: TotalInfo): string {
  const mark = t.verdict === 'ok' ? '✓' : t.verdict === 'rounding' ? l10n.t('≈（尾数误差）') : '≠';
  const lines = [`**${t.label}** = ${t.stated.toString()}　Σ ${t.computed.toString()} ${mark}`, '', l10n.t('规则 {0}，计算过程：', '`' + t.rule + '`'), ''];
  for (const p of t.parts) lines.push('- ' + l10n.t('{0}：{1}', p.label, p.raw || l10n.t('（空）')));
  lines.push('', l10n.t('合计 {0}', t.computed.toString()));
  return lines.join('\n');
}

/**
 * The checked totals ordered by where they start, per check result: a typed array of
 * start·2^20 + place in check order, sorted numerically (a few ms for 60,000 totals).
 */
const totalsIndex = new WeakMap<TotalInfo[], { keys: Float64Array; longest: number }>();
const PLACE = 1048576; // 2^20

/** The checked totals whose cell contains `offset`, in the order they were checked: a binary search, not a scan. */
export function totalsAt(res: CheckResult, offset: number): TotalInfo[] {
  const totals = res.totals;
  if (totals.length >= PLACE) return totals.filter((t) => t.range.start <= offset && offset <= t.range.end);
  let idx = totalsIndex.get(totals);
  if (!idx) {
    const keys = new Float64Array(totals.length);
    let longest = 0;
    totals.forEach((t, i) => {
      keys[i] = t.range.start * PLACE + i;
      longest = Math.max(longest, t.range.end - t.range.start);
    });
    keys.sort();
    totalsIndex.set(totals, (idx = { keys, longest }));
  }
  const { keys, longest } = idx;
  // the first key past every total that starts at or before offset
  let lo = 0;
  let hi = keys.length;
  const bound = (offset + 1) * PLACE;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < bound) lo = mid + 1;
    else hi = mid;
  }
  const places: number[] = [];
  for (let k = lo - 1; k >= 0; k--) {
    const i = keys[k] % PLACE;
    const t = totals[i];
    if (t.range.start < offset - longest) break;
    if (offset <= t.range.end) places.push(i);
  }
  return places.sort((a, b) => a - b).map((i) => totals[i]);
}

export function hover(res: CheckResult, text: string, offset: number, catalogue?: Catalogue, kemuEdition?: number): HoverResult | undefined {
  const totals = totalsAt(res, offset);
  if (totals.length > 0) {
    return { range: totals[0].range, contents: totals.map(formatComputation).join('\n\n---\n\n') };
  }
  const link = res.links.find((l) => l.range.start <= offset && offset <= l.range.end);
  if (link) {
    const mark = link.verdict === 'ok' ? l10n.t('✓ 一致') : link.verdict === 'rounding' ? l10n.t('≈ 在舍入误差以内') : l10n.t('≠ 不一致');
    return { range: link.range, contents: l10n.t('文中 {0} 对应 {1}：{2}　{3}', `**${link.text}**`, link.where, link.cell.raw, mark) };
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
        parts.push(path.map((x) => `${x.code} ${x.name}`).join(' › '));
        if (e.description) parts.push(e.description);
        parts.push(l10n.t('{0} 版 · {1}', e.editions.join(l10n.listSep()), STATUS_TEXT[e.status] ? l10n.t(STATUS_TEXT[e.status]) : e.status) + (e.sources.length ? ' · ' + l10n.t('来源：{0}', e.sources.slice(0, 3).join('；')) : ''));
        const older = (e.aliases ?? []).filter((a) => a.kind !== 'variant');
        if (older.length) parts.push(older.map((a) => l10n.t('曾用名/误写：{0}（{1}）', a.name, a.note)).join('\n\n'));
      } else parts.push(l10n.t('{0}：科目目录中没有这个代码（目录可能不全）', `**${code.code}**`));
    }
    const g = res.report.glossary.find((x) => codeOfTerm(x.term) === code.code);
    if (g) parts.push(l10n.t('名词解释 {0}：{1}', (g.number ?? '') + g.term, g.definition.value.trim()));
    if (parts.length) return { range: code.range, contents: parts.join('\n\n') };
  }
  const g = glossaryAt(res.report, text, offset);
  if (g && !(g.entry.termRange.start <= offset && offset <= g.entry.termRange.end)) {
    return { range: g.range, contents: `**${g.entry.term}**` + (g.entry.number ? l10n.t('（名词解释 {0}）', g.entry.number) : l10n.t('（名词解释）')) + `\n\n${g.entry.definition.value.trim()}` };
  }
  const std = standardAt(res.report, text, offset);
  if (std) {
    return { range: std.range, contents: `**${std.term.term}**` + l10n.t('（标准名词解释 · {0}）', BUILTIN_NOTE()) + `\n\n${std.term.definition}\n\n` + l10n.t('来源：{0}', std.term.source) };
  }
  return undefined;
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

export interface InlayHint {
  offset: number;
  label: string;
  tooltip: string;
}

/** After every checked total: Σ computed, with ✓ / ≈ / ≠. */
export function inlayHints(res: CheckResult, from = 0, to = Number.MAX_SAFE_INTEGER): InlayHint[] {
  const seen = new Map<number, TotalInfo[]>();
  for (const t of res.totals) {
    if (t.range.end < from || t.range.start > to) continue;
    const l = seen.get(t.range.end) ?? [];
    l.push(t);
    seen.set(t.range.end, l);
  }
  const out: InlayHint[] = [];
  for (const [offset, list] of seen) {
    const worst = list.find((t) => t.verdict === 'error') ?? list.find((t) => t.verdict === 'rounding') ?? list[0];
    const mark = worst.verdict === 'ok' ? '✓' : worst.verdict === 'rounding' ? '≈' : '≠';
    out.push({ offset, label: ` Σ ${worst.computed.toString()} ${mark}`, tooltip: list.map(formatComputation).join('\n\n') });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

export interface CompletionItem {
  label: string;
  detail?: string;
  documentation?: string;
  insertText: string;
  kind: 'module' | 'field' | 'snippet' | 'value';
  filterText?: string;
  /** The text from this offset to the cursor is replaced (and is what the editor filters against). */
  replaceFrom?: number;
}

const STANDARD_TABLES = tableKinds.kinds;
const EMPTY_NOTES = glossaryData.emptyTableNotes as Record<string, string>;

/** Completion at the start of a top-level line: the block keys, and every standard table with its columns. */
export function completion(res: CheckResult, text: string, offset: number, catalogue?: Catalogue, kemuEdition?: number): CompletionItem[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (res.report.syntax === 'dsl') return dslCompletion(res, text, offset, lineStart, before, catalogue, kemuEdition);
  // At the start of a top-level line (a block key being typed, possibly with spaces: “表 收入”).
  if (before === '' || /^[^\s#\-:[{][^:]*$/.test(before)) return newBlocks(res, lineStart, 'yaml');
  const row = /^(\s*-\s+)([^:：#\[\]{}]*)$/.exec(before);
  if (row && catalogue) {
    const t = res.report.tables.find((x) => x.range.start <= offset && offset <= x.range.end + 1);
    if (t) return kemuCompletion(res, t, text, offset, lineStart + row[1].length, row[2], catalogue, kemuEdition);
  }
  return fieldValues(/^\s+(类型|金额单位|单位):\s*(\S*)$/.exec(before), offset);
}

/** The same completions in the DSL: blocks after 【, 科目 in a row key (before the first |), values of 类型/单位. */
function dslCompletion(res: CheckResult, text: string, offset: number, lineStart: number, before: string, catalogue?: Catalogue, kemuEdition?: number): CompletionItem[] {
  const table = res.report.tables.find((x) => x.range.start < lineStart && offset <= x.range.end + 1);
  if (before === '' && table && catalogue) return kemuCompletion(res, table, text, offset, lineStart, '', catalogue, kemuEdition);
  if (before === '' || /^【[^】|：:]*$/.test(before)) return newBlocks(res, lineStart, 'dsl');
  const field = /^(类型|金额单位|单位)[ \t]*[：:][ \t]*(\S*)$/.exec(before);
  if (field) return fieldValues(field, offset);
  // a row key: in a table, before the first |, not a heading, field or comment
  if (catalogue && table && /^[^|\t=#【：:]*$/.test(before)) return kemuCompletion(res, table, text, offset, lineStart, before, catalogue, kemuEdition);
  return [];
}

/** The values of 类型 and 金额单位/单位 (m: the key and what is typed after it). */
function fieldValues(m: RegExpExecArray | null, offset: number): CompletionItem[] {
  if (!m) return [];
  const [values, detail] = m[1] === '类型' ? [REPORT_TYPES, l10n.t('报告类型')] : [['万元', '元'], l10n.t('金额单位')];
  return values.map((t) => ({ label: t, kind: 'value' as const, insertText: t, detail, replaceFrom: offset - m[2].length }));
}

/** How a new block and a new standard table are written in each syntax. */
const NEW_BLOCKS: Record<Syntax, {
  label: (key: string) => string;
  blocks: Array<[string, string]>;
  table: (title: string, number: string | undefined, parts: Array<[string, string[]]>, note: string | undefined) => string;
}> = {
  yaml: {
    label: (k) => k,
    blocks: [
      ['报告', '报告:\n  类型: 部门决算\n  年度: \n  单位: \n  金额单位: 万元\n'],
      ['部门概况', '部门概况:\n  - 一、部门职责: |\n      \n'],
      ['情况说明', '情况说明:\n  - 一、收入支出决算总体情况说明: |\n      \n'],
      ['名词解释', '名词解释:\n  - 1.基本支出: 指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。\n'],
      ['其他', '其他:\n  - 标题: |\n      \n'],
    ],
    table: (title, number, parts, note) => `表 ${title}:\n${number ? `  编号: ${number}\n` : ''}${parts.map(([side, cols]) => side
      ? `  ${side}:\n    列: [${cols.join(', ')}]\n    行:\n      - 本年${side}合计: ${zeros(cols, ' ')}\n`
      : `  列: [${cols.join(', ')}]\n  行:\n    - 合计: ${zeros(cols, ' ')}\n`).join('')}${note ? `  注: ${note}\n` : ''}`,
  },
  dsl: {
    label: (k) => `【${k}】`,
    blocks: [
      ['报告', '【报告】\n类型：部门决算\n年度：\n单位：\n金额单位：万元\n'],
      ['部门概况', '【部门概况】\n= 一、部门职责\n'],
      ['情况说明', '【情况说明】\n= 一、收入支出决算总体情况说明\n'],
      ['名词解释', '【名词解释】\n1.基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。\n'],
      ['其他', '【其他】\n= 标题\n'],
    ],
    table: (title, number, parts, note) => `【表 ${title}】\n${number ? `编号：${number}\n` : ''}${parts.map(([side, cols]) => side
      ? `= ${side}\n列：${cols.join(' | ')}\n本年${side}合计 | ${zeros(cols, ' | ')}\n`
      : `列：${cols.join(' | ')}\n合计 | ${zeros(cols, ' | ')}\n`).join('')}${note ? `注：${note}\n` : ''}`,
  },
};

const zeros = (cols: string[], sep: string) => cols.map((c) => (c === '行次' ? '1' : '0.00')).join(sep);

/** The blocks a report does not have yet, and the standard tables of its type that it lacks, with their columns. */
function newBlocks(res: CheckResult, lineStart: number, syntax: Syntax): CompletionItem[] {
  const w = NEW_BLOCKS[syntax];
  const present = new Set(res.report.blocks.map((b) => b.key));
  const items: CompletionItem[] = w.blocks.filter(([k]) => !present.has(k))
    .map(([k, snippet]) => ({ label: w.label(k), kind: 'module' as const, insertText: snippet, detail: l10n.t('顶层块'), replaceFrom: lineStart, filterText: w.label(k) }));
  const type = res.report.meta?.type?.value;
  for (const k of STANDARD_TABLES) {
    if (type && !(k.reports as string[]).includes(type)) continue;
    const title = k.titles[0].replace(/"([^"]*)"/g, '“$1”');
    if (res.report.tables.some((t) => normalizeTitle(t.title) === normalizeTitle(title))) continue;
    const kk = k as { parts?: Record<string, string[]>; columns?: string[]; number?: string };
    const parts: Array<[string, string[]]> = kk.parts ? Object.entries(kk.parts) : kk.columns ? [['', kk.columns]] : [];
    const label = w.label(`表 ${title}`);
    items.push({
      label, kind: 'snippet', detail: [kk.number, k.id].filter(Boolean).join(' · '),
      documentation: kk.columns ? l10n.t('列：{0}', kk.columns.join(l10n.listSep())) : undefined,
      insertText: w.table(title, kk.number, parts, EMPTY_NOTES[k.id]), replaceFrom: lineStart, filterText: label,
    });
  }
  return items;
}

/**
 * 科目 completion in a table row key: under a 类 its 款, under a 款 its 项 (after the nearest
 * coded row above); digits search by code prefix, 汉字 by name, latin letters by pinyin initials;
 * an 经济分类 table offers 3xx/5xx codes only, other tables 功能分类 codes.
 */
function kemuCompletion(res: CheckResult, t: Table, text: string, offset: number, keyStart: number, typed: string, cat: Catalogue, kemuEdition?: number): CompletionItem[] {
  const edition = reportEdition(res.report, kemuEdition);
  const econ = isEconomicTable(t);
  const fits = (e: KemuEntry) => (econ ? e.system !== 'function' : e.system === 'function') && (!edition || e.editions.includes(edition) || !cat.get(e.code, edition) || cat.get(e.code, edition) === e);
  const q = typed.trim();
  let found: KemuEntry[] = [];
  if (/^\d+$/.test(q)) found = cat.byPrefix(q, 300);
  else if (/^[a-zA-Z]+$/.test(q)) found = cat.searchName(q, 300);
  else if (q) found = cat.searchName(q, 300);
  else {
    // context: the nearest coded row above the cursor in this table
    let above: string | undefined;
    for (const p of t.parts) for (const r of p.rows) if (r.code && r.keyRange.start < offset) above = r.code;
    if (above) {
      const kids = above.length < 7 ? cat.children(above) : [];
      const parent = above.length > 3 ? above.slice(0, above.length - 2) : undefined;
      const siblings = parent ? cat.children(parent).filter((e) => e.code > above!) : [];
      found = [...kids, ...siblings];
    }
    if (found.length === 0) found = cat.byPrefix(econ ? '3' : '2', 400).filter((e) => e.level === '类');
  }
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const e of found) {
    if (!fits(e) || seen.has(e.code)) continue;
    seen.add(e.code);
    const chain = cat.path(e.code, edition).map((x) => `${x.code} ${x.name}`);
    items.push({
      label: `${e.code} ${e.name}`, kind: 'value', detail: chain.slice(0, -1).join(' › ') || l10n.t('类'),
      documentation: [chain.join(' › '), e.description, l10n.t('{0} 版 · {1}', e.editions.join(l10n.listSep()), STATUS_TEXT[e.status] ? l10n.t(STATUS_TEXT[e.status]) : e.status)].filter(Boolean).join('\n\n'),
      insertText: `${e.code} ${e.name}`, replaceFrom: keyStart, filterText: `${e.code} ${e.name} ${cat.pinyinInitials(e)}`,
    });
    if (items.length >= 100) break;
  }
  return items;
}

/** Semantic tokens: the amounts and percentages inside 情况说明 text (YAML sees only a string there). */
export function narrativeNumbers(report: Report): Range[] {
  const out: Range[] = [];
  for (const secs of [report.narrative, report.others, report.overview]) {
    const walk = (list: Section[]) => {
      for (const sec of list) {
        const t = sec.body;
        if (t) {
          for (const tok of tokens(t.value)) {
            const start = t.offsets[tok.start];
            const end = t.offsets[tok.end - 1] + 1;
            if (end > start && end - start <= tok.end - tok.start + 4) out.push({ start, end });
          }
        }
        walk(sec.children);
      }
    };
    walk(secs);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Editor features over a checked document, in offsets and plain data (no LSP types): outline,
 * folding, hover, inlay hints, completion. The LSP server maps them onto the protocol.
 */
import { CheckResult } from './index';
import { GlossaryEntry, Range, Report, Section } from './model';
import { TotalInfo } from './checks/tables';
import { normalizeTitle, TOP_KEYS } from './parser';
import tableKinds from './data/table-kinds.json';

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
    name: s.title.value || '（无标题）', kind: 'section' as const, range: s.range, selectionRange: s.title.range, children: sectionItems(s.children),
  }));
}

export function outline(report: Report): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (const b of report.blocks) {
    const kr = { start: b.range.start, end: b.range.start + b.key.length };
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
        name: b.key, detail: `${report.glossary.length} 条`, kind: 'glossary', range: b.range, selectionRange: kr,
        children: report.glossary.map((g) => ({ name: g.term, detail: g.number, kind: 'term' as const, range: g.range, selectionRange: g.termRange, children: [] })),
      });
    } else {
      const t = report.tables.find((x) => x.keyRange.start === b.range.start);
      if (t) {
        items.push({
          name: t.title, detail: [t.number?.value, t.kind].filter(Boolean).join(' · '), kind: 'table', range: b.range, selectionRange: t.keyRange,
          children: t.parts.filter((p) => p.name).map((p) => ({ name: p.name, detail: `${p.rows.length} 行`, kind: 'part' as const, range: p.range, selectionRange: p.range, children: [] })),
        });
        continue;
      }
      const p = report.perf.find((x) => x.keyRange.start === b.range.start);
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

const BUILTIN_NOTE = '（本报告的名词解释中没有这一条）';

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
  const mark = t.verdict === 'ok' ? '✓' : t.verdict === 'rounding' ? '≈（尾数误差）' : '≠';
  const lines = [`**${t.label}** = ${t.stated.toString()}　Σ ${t.computed.toString()} ${mark}`, '', `规则 \`${t.rule}\`，计算过程：`, ''];
  for (const p of t.parts) lines.push(`- ${p.label}：${p.raw || '（空）'}`);
  lines.push('', `合计 ${t.computed.toString()}`);
  return lines.join('\n');
}

export function hover(res: CheckResult, text: string, offset: number): HoverResult | undefined {
  const totals = res.totals.filter((t) => t.range.start <= offset && offset <= t.range.end);
  if (totals.length > 0) {
    return { range: totals[0].range, contents: totals.map(formatComputation).join('\n\n---\n\n') };
  }
  const g = glossaryAt(res.report, text, offset);
  if (g && !(g.entry.termRange.start <= offset && offset <= g.entry.termRange.end)) {
    return { range: g.range, contents: `**${g.entry.term}**（名词解释 ${g.entry.number ?? ''}）\n\n${g.entry.definition.value.trim()}` };
  }
  void BUILTIN_NOTE;
  return undefined;
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

/** Completion at the start of a top-level line: the block keys, and every standard table with its columns. */
export function completion(res: CheckResult, text: string, offset: number): CompletionItem[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const items: CompletionItem[] = [];
  const type = res.report.meta?.type?.value;
  // At the start of a top-level line (a block key being typed, possibly with spaces: “表 收入”).
  if (before === '' || /^[^\s#\-:[{][^:]*$/.test(before)) {
    const present = new Set(res.report.blocks.map((b) => b.key));
    const blocks: Array<[string, string]> = [
      ['报告', '报告:\n  类型: 部门决算\n  年度: \n  单位: \n  金额单位: 万元\n'],
      ['部门概况', '部门概况:\n  - 一、部门职责: |\n      \n'],
      ['情况说明', '情况说明:\n  - 一、收入支出决算总体情况说明: |\n      \n'],
      ['名词解释', '名词解释:\n  - 1.基本支出: 指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。\n'],
      ['其他', '其他:\n  - 标题: |\n      \n'],
    ];
    for (const [k, snippet] of blocks) {
      if (present.has(k)) continue;
      items.push({ label: k, kind: 'module', insertText: snippet, detail: '顶层块', replaceFrom: lineStart, filterText: k });
    }
    for (const k of STANDARD_TABLES) {
      if (type && !(k.reports as string[]).includes(type)) continue;
      const title = k.titles[0].replace(/"([^"]*)"/g, '“$1”');
      if (res.report.tables.some((t) => normalizeTitle(t.title) === normalizeTitle(title))) continue;
      const kk = k as { parts?: Record<string, string[]>; columns?: string[]; number?: string };
      let body = '';
      const zeros = (cols: string[]) => cols.map((c) => (c === '行次' ? '1' : '0.00')).join(' ');
      if (kk.parts) {
        for (const [side, cols] of Object.entries(kk.parts)) body += `  ${side}:\n    列: [${cols.join(', ')}]\n    行:\n      - 本年${side}合计: ${zeros(cols)}\n`;
      } else if (kk.columns) {
        body = `  列: [${kk.columns.join(', ')}]\n  行:\n    - 合计: ${zeros(kk.columns)}\n`;
      }
      items.push({
        label: `表 ${title}`, kind: 'snippet', detail: [kk.number, k.id].filter(Boolean).join(' · '),
        documentation: kk.columns ? `列：${kk.columns.join('、')}` : undefined,
        insertText: `表 ${title}:\n${kk.number ? `  编号: ${kk.number}\n` : ''}${body}`,
        replaceFrom: lineStart, filterText: `表 ${title}`,
      });
    }
    return items;
  }
  const m = /^\s+类型:\s*(\S*)$/.exec(before);
  if (m) {
    for (const t of ['部门决算', '单位决算', '部门预算', '单位预算']) items.push({ label: t, kind: 'value', insertText: t, detail: '报告类型', replaceFrom: offset - m[1].length });
  }
  const u = /^\s+(金额单位|单位):\s*(\S*)$/.exec(before);
  if (u) for (const t of ['万元', '元']) items.push({ label: t, kind: 'value', insertText: t, detail: '金额单位', replaceFrom: offset - u[2].length });
  return items;
}

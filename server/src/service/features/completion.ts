/**
 * Completion: new blocks and the standard tables a report lacks (with their columns), 科目 in a row
 * key (by code, name or pinyin initials, under the 类/款 above), values of 类型 and 单位.
 */
import { CheckResult } from '../index';
import { REPORT_TYPES, Syntax, Table } from '../model';
import { normalizeTitle } from '../names';
import { TABLE_KINDS } from '../layouts';
import glossaryData from '../data/glossary.json';
import { Catalogue, KemuEntry, STATUS_TEXT } from '../kemu';
import { isEconomicTable, reportEdition } from '../rules/kemu/common';
import * as l10n from '../l10n';

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

const STANDARD_TABLES = TABLE_KINDS;
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
    const t = tableAt(res, offset);
    if (t) return kemuCompletion(res, t, text, offset, lineStart + row[1].length, row[2], catalogue, kemuEdition);
  }
  // a fresh row under 行: (Enter indented the line, no “- ” yet), empty or with a code, name or initials typed
  const fresh = /^(\s+)([^\s\-:：#\[\]{}][^:：#\[\]{}]*)?$/.exec(before);
  if (fresh && catalogue && inRows(text, lineStart, fresh[1].length)) {
    const t = tableAt(res, offset);
    if (t) return kemuCompletion(res, t, text, offset, lineStart + fresh[1].length, fresh[2] ?? '', catalogue, kemuEdition, '- ');
  }
  return fieldValues(/^\s+(类型|金额单位|单位):\s*(\S*)$/.exec(before), offset);
}

/**
 * The table the cursor is in or right after: the last one starting before it, unless another block
 * starts between its end and the cursor (blank or indented lines after a table's last row still
 * belong to it).
 */
function tableAt(res: CheckResult, offset: number): Table | undefined {
  let t: Table | undefined;
  for (const x of res.report.tables) if (x.range.start < offset && (!t || x.range.start > t.range.start)) t = x;
  if (!t) return undefined;
  if (offset <= t.range.end + 1) return t;
  const between = res.report.blocks.some((b) => b.range.start > t!.range.start && b.range.start < offset) || res.report.tables.some((x) => x !== t && x.range.start > t!.range.start && x.range.start < offset);
  return between ? undefined : t;
}

/**
 * A YAML line indented by `indent` is a row slot of a table: the nearest line above that is not
 * blank is “行:” (less indented) or a row “- …” at the same indentation.
 */
function inRows(text: string, lineStart: number, indent: number): boolean {
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (/^\s*(#.*)?$/.test(line)) continue;
    const ind = /^\s*/.exec(line)![0].length;
    if (/^\s*行\s*:\s*(#.*)?$/.test(line)) return ind < indent;
    if (/^\s*-\s/.test(line)) return ind === indent;
    return false;
  }
  return false;
}

/** The same completions in the DSL: blocks after 【, 科目 in a row key (before the first |), values of 类型/单位. */
function dslCompletion(res: CheckResult, text: string, offset: number, lineStart: number, before: string, catalogue?: Catalogue, kemuEdition?: number): CompletionItem[] {
  const table = tableAt(res, lineStart);
  if (before === '' && table && catalogue && inDslRows(text, lineStart)) return kemuCompletion(res, table, text, offset, lineStart, '', catalogue, kemuEdition);
  if (before === '' || /^【[^】|：:]*$/.test(before)) return newBlocks(res, lineStart, 'dsl');
  const field = /^(类型|金额单位|单位)[ \t]*[：:][ \t]*(\S*)$/.exec(before);
  if (field) return fieldValues(field, offset);
  // a row key: in a table, before the first |, not a heading, field or comment
  if (catalogue && table && /^[^|\t=#【：:]*$/.test(before)) return kemuCompletion(res, table, text, offset, lineStart, before, catalogue, kemuEdition);
  return [];
}

/**
 * An empty DSL line is a row slot of a table when the nearest line above that is not blank is
 * “列：…” or a row (a line with “|”), not a heading, note or field.
 */
function inDslRows(text: string, lineStart: number): boolean {
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (/^\s*(#.*)?$/.test(line)) continue;
    return /^列[：:]/.test(line) || (/\|/.test(line) && !/^(【|=|注[：:]|说明[：:]|编号[：:])/.test(line));
  }
  return false;
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
function kemuCompletion(res: CheckResult, t: Table, text: string, offset: number, keyStart: number, typed: string, cat: Catalogue, kemuEdition?: number, prefix = ''): CompletionItem[] {
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
      insertText: `${prefix}${e.code} ${e.name}`, replaceFrom: keyStart, filterText: `${e.code} ${e.name} ${cat.pinyinInitials(e)}`,
    });
    if (items.length >= 100) break;
  }
  return items;
}


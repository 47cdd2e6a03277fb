/**
 * The table equalities of data/rules.json, typed, and how their operands are found (through the
 * layouts): a rule runs only when every operand it names is found; otherwise it records why not.
 */
import { Row, Table, TablePart } from '../../model';
import { findColumn, findRow, hasNumbering, numberingLevel, partOf } from '../../layouts';
import { RuleContext } from '../types';
import * as l10n from '../../l10n';
import data from '../../data/rules.json';

export interface RowRule {
  id: string;
  tables: string[];
  part?: string;
  total: string;
  parts: string[] | { numbered: boolean };
  optional?: boolean;
  after?: boolean;
  unless?: string[];
  required?: boolean;
  source: string;
}

export interface OutlineRule {
  id: string;
  tables: string[];
  part?: string;
  source: string;
}

export interface ColumnRule {
  id: string;
  tables: string[];
  part?: string;
  total: string;
  parts: string[];
  optional?: boolean;
  complete?: boolean;
  groups?: Record<string, string[]>;
  if?: string;
  source: string;
}

export interface Side {
  table: string;
  part?: string;
  row?: string;
  rows?: string[];
  column: string;
  numbered?: boolean;
}

export interface CrossRule {
  id: string;
  a: Side;
  b: Side;
  when?: { table: string; part?: string; zero: string[] };
  if?: string;
  source: string;
}

export const ROW_RULES = data.rowRules as RowRule[];
export const OUTLINE_RULES = data.outlineRules as OutlineRule[];
export const COLUMN_RULES = data.columnRules as ColumnRule[];
export const CROSS_RULES = data.crossRules as CrossRule[];

/** The part a rule names, or undefined after recording why not (a standard table lacking a side). */
export function rulePart(ctx: RuleContext, t: Table, name: string | undefined, what: string): TablePart | undefined {
  const p = partOf(t, name ?? '');
  if (!p) ctx.couldNot(t, what, name ? l10n.t('找不到“{0}”栏；本表的栏：{1}', name, t.parts.map((x) => x.name || l10n.t('（不分栏）')).join(l10n.listSep())) : l10n.t('本表没有行'));
  return p;
}

/** Top-level numbered rows before `end` (一、 … when sub-items 1. 2. follow them), without 科目代码. */
export function numberedRows(part: TablePart, end: number): Row[] {
  const rows = part.rows.slice(0, end).filter((r) => !r.code && hasNumbering(r));
  if (rows.length === 0) return rows;
  const top = Math.min(...rows.map((r) => numberingLevel(r.name) || 9));
  return rows.filter((r) => (numberingLevel(r.name) || 9) === top);
}

/** Every row of `names` (alternatives “|”) is 0, empty or absent in that table part. */
export function allZero(ctx: RuleContext, w: { table: string; part?: string; zero: string[] }): boolean {
  const t = ctx.model.tables.find((x) => x.kind === w.table);
  if (!t) return false;
  const p = partOf(t, w.part ?? '');
  if (!p) return false;
  for (const spec of w.zero) {
    const r = findRow(p, spec);
    if (!r) continue;
    for (let i = 0; i < p.columns.length; i++) {
      if (p.columns[i].kind !== 'amount') continue;
      const c = r.cells[i];
      if (c && c.kind !== 'empty' && (!c.value || !c.value.isZero())) return false;
    }
  }
  return true;
}

/** Whether the layout has what a rule's `if` names (a column or a row). */
export function has(part: TablePart, name: string | undefined): boolean {
  if (!name) return true;
  return findColumn(part, name).kind !== 'missing' || !!findRow(part, name);
}

/** The report's tables of a standard kind, in document order (grouped once per report: every rule and link asks). */
export function tablesOfKind(ctx: RuleContext, kind: string): Table[] {
  const by = ctx.memo(ctx.model, 'tables:byKind', (m) => {
    const map = new Map<string, Table[]>();
    for (const t of m.tables) {
      if (!t.kind) continue;
      const list = map.get(t.kind);
      if (list) list.push(t);
      else map.set(t.kind, [t]);
    }
    return map;
  });
  return by.get(kind) ?? [];
}

/** The messages of the operand lookups, with their English. */
export const SPEC_MESSAGES: Record<string, string> = {
  '找不到“{0}”栏；本表的栏：{1}': 'No side "{0}"; the sides of this table: {1}',
  '（不分栏）': '(one side)',
  '本表没有行': 'This table has no rows',
};

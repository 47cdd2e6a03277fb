/**
 * The 科目 rows of the report's function-classification tables, and which of them a 科目 path of the text
 * names: by its code (201（…）13（…）08（…）, 公共安全支出（204类）司法（06款）行政运行（01项）) or by its
 * names (一般公共服务支出（类）商贸事务（款）行政运行（项）, “一般公共服务支出-…-行政运行”). A path whose
 * names all match one row resolves to it; so does one with a single name that differs (the 类 or 款
 * written under another name), which is then that name's mistake (text.kemu).
 */
import { Catalogue } from '../../kemu';
import { Cell, Row, Table, TablePart } from '../../model';
import { normKemuName } from '../../names';
import { KemuPath, Level, pathCode } from '../../narrative/kemu-path';
import { RuleContext } from '../types';

/** Where the amounts of a 项 are, in order: the 一般公共预算 table, the 基金 and 国资 tables, then all money. */
const TABLES = { account: ['决算05', '决算07', '决算08', '决算03'], budget: ['预算05', '预算08', '预算09', '预算03'] };
/** The column of a row's total, by its last header level. */
const TOTAL_COLUMNS = ['小计', '合计', '本年支出合计'];

export interface KemuRow { table: Table; part: TablePart; row: Row; column: number }

export interface FunctionRows {
  /** Per code, where it is in the first table (in TABLES order) that has it, with its total column. */
  byCode: Map<string, KemuRow>;
  /** Per code, the name the tables give it. */
  names: Map<string, string>;
  /** Paths already resolved in this check. */
  resolved: Map<KemuPath, Resolved | undefined>;
  catalogue: Catalogue;
}

function totalColumn(part: TablePart): number {
  for (const c of TOTAL_COLUMNS) {
    const i = part.columns.findIndex((x) => x.kind === 'amount' && (x.name === c || x.path[x.path.length - 1] === c));
    if (i >= 0) return i;
  }
  return -1;
}

export function functionRows(ctx: RuleContext): FunctionRows {
  return ctx.memo(ctx.model, 'narrative:functionRows', (m) => {
    const byCode = new Map<string, KemuRow>();
    const names = new Map<string, string>();
    const kinds = m.meta?.type?.value.endsWith('预算') ? TABLES.budget : TABLES.account;
    for (const kind of kinds) {
      const ofKind = m.tables.filter((t) => t.kind === kind);
      if (ofKind.length !== 1) continue; // none, or several (部门 and 单位 tables): which one is meant is not certain
      for (const part of ofKind[0].parts) {
        const column = totalColumn(part);
        for (const row of part.rows) {
          if (!row.code || !/^\d{3}(\d{2}){0,2}$/.test(row.code)) continue;
          if (!names.has(row.code)) names.set(row.code, row.name);
          if (column >= 0 && !byCode.has(row.code)) byCode.set(row.code, { table: ofKind[0], part, row, column });
        }
      }
    }
    return { byCode, names, resolved: new Map(), catalogue: ctx.catalogue };
  });
}

/** A written name and a table's name for one 科目: the same, or the same but for a trailing 支出. */
export function sameKemuName(written: string, name: string): boolean {
  const a = normKemuName(written).replace(/^[“"]|[”"]$/g, '');
  const b = normKemuName(name);
  return a === b || a + '支出' === b || a === b.replace(/支出$/, '');
}

const LENGTH: Record<Level, number> = { 类: 3, 款: 5, 项: 7 };

export interface Resolved { code: string; byName: boolean }

/** The code a path names: its digits, or the one row whose names match (all, else all but one). */
export function resolvePath(rows: FunctionRows, p: KemuPath): Resolved | undefined {
  if (!rows.resolved.has(p)) rows.resolved.set(p, resolve(rows, p));
  return rows.resolved.get(p);
}

function resolve(rows: FunctionRows, p: KemuPath): Resolved | undefined {
  const digits = p.form === 'codes' ? p.segments.map((s) => s.digits).join('') : pathCode(p);
  if (digits) return { code: digits, byName: false };
  const leaf = p.segments[p.segments.length - 1];
  const candidates = [...rows.names.keys()].filter((c) => c.length === LENGTH[leaf.level] && sameKemuName(leaf.name, rows.names.get(c)!));
  const misses = (code: string) => p.segments.slice(0, -1).filter((s) => {
    const name = rows.names.get(code.slice(0, LENGTH[s.level]));
    return name === undefined ? false : !sameKemuName(s.name, name);
  }).length;
  // a name that differs may be the 科目's other name, unless the catalogue gives it to a sibling (政协事务 is 20102, not 20101)
  const sibling = (code: string) => p.segments.slice(0, -1).some((s) => {
    const own = code.slice(0, LENGTH[s.level]);
    const name = rows.names.get(own);
    return name !== undefined && !sameKemuName(s.name, name) && namedElsewhere(rows.catalogue, s.name, own);
  });
  for (const allowed of [0, 1]) {
    // a leaf name alone says little (行政运行 is under many 款): an ancestor must be known too, unless the path is one 类
    const anchored = (c: string) => leaf.level === '类' || p.segments.slice(0, -1).some((s) => rows.names.has(c.slice(0, LENGTH[s.level])));
    const fit = candidates.filter((c) => misses(c) === allowed && anchored(c) && (allowed === 0 || !sibling(c)));
    if (fit.length === 1) return { code: fit[0], byName: true };
    if (fit.length > 1) return undefined;
  }
  return undefined;
}

/** Does the catalogue give this name to another 科目 of the same level (under the same parent)? */
function namedElsewhere(catalogue: Catalogue, written: string, code: string): boolean {
  const others = code.length === 3 ? catalogue.searchName(written).filter((e) => e.code.length === 3) : catalogue.children(code.slice(0, -2));
  return others.some((e) => e.code !== code && sameKemuName(written, e.name));
}

/** The code of a path's segment once the path is resolved (its level's prefix). */
export const segmentCode = (code: string, level: Level): string => code.slice(0, LENGTH[level]);

/** The cell a resolved code's amount is compared with. */
export function totalCell(rows: FunctionRows, code: string): (KemuRow & { cell: Cell }) | undefined {
  const r = rows.byCode.get(code);
  const cell = r?.row.cells[r.column];
  return r && cell && cell.kind === 'amount' && cell.value ? { ...r, cell } : undefined;
}

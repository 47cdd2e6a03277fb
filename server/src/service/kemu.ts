/**
 * The 科目 catalogue (政府收支分类科目): loaded once from data/kemu.json (built by
 * scripts/build-catalogue.ts), extended or corrected by a workspace file, indexed for prefix search
 * on codes and for search on names (汉字 or pinyin initials: zsyz → 2011308 招商引资).
 */
import type * as PinyinPro from 'pinyin-pro';
import data from './data/kemu.json';
import { parseCsvRecords, unescapeFormula } from './csv';
import * as l10n from './l10n';

export type KemuSystem = 'function' | 'econ-dept' | 'econ-gov';

export interface KemuAlias {
  name: string;
  /** older: an older edition's name; variant: an accepted variant; mistake: a known wrong name. */
  kind: 'older' | 'variant' | 'mistake';
  note: string;
}

export interface KemuEntry {
  code: string;
  name: string;
  level: '类' | '款' | '项';
  system: KemuSystem;
  editions: number[];
  description?: string;
  /** checked | observed | compiled | compiled:pattern | workspace */
  status: string;
  sources: string[];
  aliases?: KemuAlias[];
  /** The pinyin initials of the name (the built-in catalogue's, computed when it is built). */
  initials?: string;
}

export const STATUS_TEXT: Record<string, string> = {
  checked: '已与公开来源核对',
  observed: '见于公开来源',
  compiled: '本项目整理，未经核对',
  'compiled:pattern': '本项目按常规编码整理，未经核对',
  workspace: '工作区科目补充文件',
};

let pinyinPro: typeof PinyinPro | undefined;

/**
 * The pinyin initials of a name (zsyz for 招商引资). The built-in catalogue carries them (computed when
 * it is built: scripts/build-catalogue.ts); pinyin-pro is loaded only for other names (a workspace 科目
 * file's): loading it made the language server 15–18 MB larger from its start.
 */
export function initialsOf(name: string): string {
  try {
    pinyinPro ??= require('pinyin-pro') as typeof PinyinPro;
    return pinyinPro.pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
  } catch {
    return '';
  }
}

export class Catalogue {
  private readonly byCode = new Map<string, KemuEntry[]>();
  private readonly sorted: KemuEntry[];
  private readonly pinyinOf = new Map<KemuEntry, string>();
  readonly editions: number[];

  constructor(entries: KemuEntry[], editions: number[]) {
    this.editions = editions;
    for (const e of entries) {
      const list = this.byCode.get(e.code);
      if (list) list.push(e);
      else this.byCode.set(e.code, [e]);
    }
    this.sorted = [...entries].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  static builtin(): Catalogue {
    return new Catalogue((data as { entries: KemuEntry[] }).entries, (data as { editions: number[] }).editions);
  }

  /** A catalogue with workspace entries added or replacing built-in ones (same code and edition). */
  withOverrides(extra: KemuEntry[]): Catalogue {
    if (extra.length === 0) return this;
    const keep = this.sorted.filter((e) => !extra.some((x) => x.code === e.code && x.editions.some((y) => e.editions.includes(y))));
    // an override for some editions keeps the built-in entry for the others
    const rest = this.sorted.filter((e) => !keep.includes(e)).map((e) => ({ ...e, editions: e.editions.filter((y) => !extra.some((x) => x.code === e.code && x.editions.includes(y))) })).filter((e) => e.editions.length > 0);
    return new Catalogue([...keep, ...rest, ...extra], [...new Set([...this.editions, ...extra.flatMap((x) => x.editions)])].sort());
  }

  /** The entry for a code in an edition (the nearest edition if the exact one is not listed). */
  get(code: string, edition?: number): KemuEntry | undefined {
    const list = this.byCode.get(code);
    if (!list || list.length === 0) return undefined;
    if (edition === undefined) return list[list.length - 1];
    // asked for every row of every table by several rules: a plain loop, no closure
    for (const e of list) if (e.editions.includes(edition)) return e;
    return [...list].sort((a, b) => dist(a, edition) - dist(b, edition))[0];
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** Codes starting with a prefix, in code order (binary search on the sorted list). */
  byPrefix(prefix: string, limit = 200): KemuEntry[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid].code < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: KemuEntry[] = [];
    for (let i = lo; i < this.sorted.length && out.length < limit && this.sorted[i].code.startsWith(prefix); i++) out.push(this.sorted[i]);
    return out;
  }

  /** The direct children of a code (类 → 款, 款 → 项). */
  children(code: string): KemuEntry[] {
    const len = code.length + 2;
    return this.byPrefix(code).filter((e) => e.code.length === len);
  }

  /** The path 201 一般公共服务支出 › 20113 商贸事务 › 2011308 招商引资. */
  path(code: string, edition?: number): KemuEntry[] {
    const out: KemuEntry[] = [];
    for (let l = 3; l <= code.length; l += 2) {
      const e = this.get(code.slice(0, l), edition);
      if (e) out.push(e);
    }
    return out;
  }

  /** Name search: 汉字 substring or pinyin initials (zsyz). */
  searchName(q: string, limit = 100): KemuEntry[] {
    const out: KemuEntry[] = [];
    const lower = q.toLowerCase();
    const latin = /^[a-z]+$/.test(lower);
    for (const e of this.sorted) {
      if (latin) {
        const p = this.pinyinInitials(e);
        if (p.startsWith(lower) || (lower.length >= 3 && p.includes(lower))) out.push(e);
      } else if (e.name.includes(q)) out.push(e);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** The pinyin initials of an entry's name: the built-in catalogue's own, a workspace entry's computed once. */
  pinyinInitials(e: KemuEntry): string {
    if (e.initials !== undefined) return e.initials;
    let p = this.pinyinOf.get(e);
    if (p === undefined) this.pinyinOf.set(e, (p = initialsOf(e.name)));
    return p;
  }

  get size(): number {
    return this.sorted.length;
  }
}

function dist(e: KemuEntry, edition: number): number {
  return Math.min(...e.editions.map((y) => Math.abs(y - edition)));
}

export function systemOfCode(code: string): KemuSystem {
  return code.startsWith('3') ? 'econ-dept' : code.startsWith('5') ? 'econ-gov' : 'function';
}

/** The columns of a jsgk-kemu.csv header row (-1 where there is none): 科目编码, 科目名称, 说明, 版本. */
export function overrideColumns(headRow: string[]): { code: number; name: number; description: number; edition: number } {
  const head = headRow.map((s) => s.trim());
  return {
    code: head.findIndex((h) => /科目编码|科目代码|编码|代码|code/.test(h)),
    name: head.findIndex((h) => /科目名称|名称|name/.test(h)),
    description: head.findIndex((h) => /说明|description/.test(h)),
    edition: head.findIndex((h) => /版本|edition|年度/.test(h)),
  };
}

/**
 * The workspace file (jsgk-kemu.csv) that adds or renames entries: a header row, then
 * 科目编码,科目名称,说明,版本 (说明 and 版本 optional; 版本 "2024" or "2024;2025", empty = every edition).
 * Error lines are the file's lines (a quoted 说明 may span several).
 */
export function parseOverrideCsv(text: string, editions: number[]): { entries: KemuEntry[]; errors: Array<{ line: number; message: string }> } {
  const entries: KemuEntry[] = [];
  const errors: Array<{ line: number; message: string }> = [];
  const rows = parseCsvRecords(text.replace(/^\uFEFF/, ''));
  const { code: ci, name: ni, description: di, edition: ei } = overrideColumns(rows[0]?.cells ?? []);
  if (ci < 0 || ni < 0) return { entries, errors: [{ line: 1, message: l10n.t('第一行应为表头，至少有“科目编码”和“科目名称”两列') }] };
  let line = 1;
  for (let i = 1; i < rows.length; i++) {
    line += (rows[i - 1].raw.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
    // a cell that looks like a formula was written with a leading ' (see csvCell): read it back without
    const cells = rows[i].cells.map(unescapeFormula);
    if (cells.every((c) => !c.trim()) || (cells[0] ?? '').trim().startsWith('#')) continue;
    const code = (cells[ci] ?? '').trim();
    const name = (cells[ni] ?? '').trim();
    if (!/^(\d{3}|\d{5}|\d{7})$/.test(code)) {
      errors.push({ line, message: l10n.t('科目编码“{0}”应为 3、5 或 7 位数字', code) });
      continue;
    }
    if (!name) {
      errors.push({ line, message: l10n.t('科目 {0} 没有名称', code) });
      continue;
    }
    const ed = ei >= 0 && cells[ei]?.trim() ? cells[ei].split(/[;；、\s]+/).map(Number).filter((n) => n > 1990) : editions;
    entries.push({
      code, name, level: code.length === 3 ? '类' : code.length === 5 ? '款' : '项', system: systemOfCode(code), editions: ed.length ? ed : editions,
      description: di >= 0 && cells[di]?.trim() ? cells[di].trim() : undefined, status: 'workspace', sources: ['工作区科目补充文件'],
    });
  }
  return { entries, errors };
}

let builtin: Catalogue | undefined;
export function builtinCatalogue(): Catalogue {
  return (builtin ??= Catalogue.builtin());
}

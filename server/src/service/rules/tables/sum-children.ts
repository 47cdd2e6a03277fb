/**
 * sum.children: 类 = Σ 款, 款 = Σ 项 (and 301 = Σ 301xx) wherever the children are listed; and, in the
 * tables rules.json names (outlineRules), a numbered item = Σ its sub-items (一、财政拨款收入 =
 * 1. 一般公共预算 + 2. 政府性基金预算 + 3. 国有资本经营预算).
 */
import { Row, Table, TablePart } from '../../model';
import { numberingLevel } from '../../layouts';
import { Rule, RuleContext } from '../types';
import { perCodes } from '../context';
import { cellRef, checkRowSums, checkSum, EQUALITY_MESSAGES, rowsAt } from './equality';
import { OUTLINE_RULES, rulePart, SPEC_MESSAGES } from './spec';
import * as l10n from '../../l10n';

function hierarchy(ctx: RuleContext, t: Table, part: TablePart, names: { kuan: string; xiang: string; other: string }): void {
  // the sums follow from the codes row by row alone: parts written alike (the unit tables of a
  // consolidated report) share them within a check
  const sums = perCodes(ctx, 'sum.children:sums', part, () => childSums(part, names));
  if (sums.length) checkRowSums(ctx, t, part, sums);
}

/** A code's prefix of `len` digits as a number key (unique for a length; codes of up to 12 digits). */
const prefixKey = (value: number, len: number) => value * 16 + len;

/**
 * Each listed code's children (as row numbers): its descendants (found through the code's prefixes of
 * 3 and 5 … digits) of the shortest code length. The first row of a code stands for it.
 */
function childSums(part: TablePart, names: { kuan: string; xiang: string; other: string }): Array<{ r: number; children: number[]; what: string }> {
  const rows = part.rows;
  const coded: number[] = [];
  for (let i = 0; i < rows.length; i++) if (rows[i].code) coded.push(i);
  if (coded.length < 2) return [];
  // codes are digits: a prefix is looked up by its value and length, not by a new string
  const numeric = coded.every((i) => rows[i].code!.length <= 12 && /^\d+$/.test(rows[i].code!));
  const byKey = new Map<number | string, number>();
  for (const i of coded) {
    const c = rows[i].code!;
    let k: number | string = c;
    if (numeric) {
      let v = 0;
      for (let j = 0; j < c.length; j++) v = v * 10 + (c.charCodeAt(j) - 48);
      k = prefixKey(v, c.length);
    }
    if (!byKey.has(k)) byKey.set(k, i);
  }
  const below = new Map<number, number[]>();
  for (const x of coded) {
    const c = rows[x].code!;
    let v = 0;
    for (let l = 1; l < c.length; l++) {
      if (numeric) v = v * 10 + (c.charCodeAt(l - 1) - 48);
      if (l < 3 || (l - 3) % 2 !== 0) continue;
      const parent = byKey.get(numeric ? prefixKey(v, l) : c.slice(0, l));
      if (parent === undefined || parent === x) continue;
      const list = below.get(parent);
      if (list) list.push(x);
      else below.set(parent, [x]);
    }
  }
  const sums: Array<{ r: number; children: number[]; what: string }> = [];
  for (const [r, desc] of below) {
    let len = Infinity;
    for (const x of desc) if (rows[x].code!.length < len) len = rows[x].code!.length;
    const children = desc.filter((x) => rows[x].code!.length === len);
    const level = rows[r].level;
    sums.push({ r, children, what: level === '类' && len === 5 ? names.kuan : level === '款' && len === 7 ? names.xiang : names.other });
  }
  return sums;
}

/** Numbered items over their sub-items: an item is followed by rows numbered one level down. */
function outline(ctx: RuleContext, t: Table, part: TablePart): void {
  const rows = part.rows;
  for (let i = 0; i < rows.length; i++) {
    const lv = numberingLevel(rows[i].name);
    if (!lv || rows[i].code) continue;
    // the sub-items are the rows of the first level found below (一、 → 1. when no （一） is printed)
    const subs: Row[] = [];
    let sub = 0;
    for (let j = i + 1; j < rows.length; j++) {
      const l = numberingLevel(rows[j].name);
      if (l === 0 || l <= lv) break;
      if (!sub) sub = l;
      if (l === sub) subs.push(rows[j]);
    }
    if (subs.length < 2) continue;
    part.columns.forEach((col, c) => {
      if (col.kind === 'amount') checkSum(ctx, cellRef(t, part, rows[i], c), rowsAt(t, part, subs, c), l10n.t('其下各项之和'), { table: t });
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'sum.children', group: 'tables', severity: 'error', fixable: 'number',
    description: '类 = Σ 款、款 = Σ 项（经济分类 301 = Σ 301xx），只在下级列出时；收支总表中带编号的项 = Σ 其下各子项',
    descriptionEn: '类 = Σ 款 and 款 = Σ 项 (301 = Σ 301xx) where the children are listed; a numbered item of a 收支总表 = Σ its sub-items',
    example: '201 一般公共服务支出 270.38 ≠ 其下各款之和 270.39（差 0.01）',
    messages: { ...EQUALITY_MESSAGES, ...SPEC_MESSAGES, '其下各款之和': 'the sum of its 款', '其下各项之和': 'the sum of its 项', '其下各科目之和': 'the sum of its sub-items', '带编号的项 = Σ 其下各子项': 'a numbered item = Σ its sub-items' },
  },
  run(ctx) {
    const names = { kuan: l10n.t('其下各款之和'), xiang: l10n.t('其下各项之和'), other: l10n.t('其下各科目之和') };
    for (const t of ctx.model.tables) {
      ctx.cached(t, () => {
        for (const part of t.parts) hierarchy(ctx, t, part, names);
        for (const r of OUTLINE_RULES) {
          if (!t.kind || !r.tables.includes(t.kind)) continue;
          const part = rulePart(ctx, t, r.part, l10n.t('带编号的项 = Σ 其下各子项'));
          if (part) outline(ctx, t, part);
        }
      }, t.kind);
    }
  },
};

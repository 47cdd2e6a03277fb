/** kemu.parent: a 款 or 项 whose 类 or 款 neither the catalogue nor the report knows. */
import { Row, TablePart } from '../../model';
import { codeLengthAt, gridOf } from '../../grid';
import { Rule } from '../types';
import * as l10n from '../../l10n';

/**
 * The 款 and 项 rows of a table whose parents the catalogue lacks. By the grid's code numbers: a row is
 * read only for a code not seen before in this check (`known`), or when it is one of them.
 */
function orphansOf(parts: TablePart[], parentsKnown: (code: string) => boolean, known: Map<number, boolean>): Row[] {
  const orphans: Row[] = [];
  for (const part of parts) {
    const codes = gridOf(part)?.codes;
    for (let r = 0; r < part.rows.length; r++) {
      if (codeLengthAt(codes, part, r) <= 3) continue;
      const c = codes?.[r];
      let k = c === undefined ? undefined : known.get(c);
      if (k === undefined) {
        k = parentsKnown(part.rows[r].code!);
        if (c !== undefined) known.set(c, k);
      }
      if (!k) orphans.push(part.rows[r]);
    }
  }
  return orphans;
}

export const rule: Rule = {
  meta: {
    id: 'kemu.parent', group: 'kemu', severity: 'warning',
    description: '款或项的上级科目既不在科目目录中，也不在本报告中',
    descriptionEn: 'A 款 or 项 whose parent is neither in the catalogue nor in the report',
    example: '目录和本报告中都没有 2999901 的上级科目 29999',
    messages: { '目录和本报告中都没有 {0} 的上级科目 {1}': 'Neither the catalogue nor the report has the parent of {0}: {1}' },
  },
  run(ctx) {
    // per table (memoized while it is unchanged): its codes (made only when a parent is missing from the
    // catalogue), and its rows whose parents the catalogue lacks
    const cat = ctx.catalogue;
    const tables = ctx.model.tables.map((t) => ctx.memo(t, 'kemu.parent', (): { codes?: Set<string>; below: number; orphans: Map<object, Row[]> } => {
      let below = 0; // 款 and 项 rows: the candidates examined
      for (const p of t.parts) {
        const codes = gridOf(p)?.codes;
        for (let r = 0; r < p.rows.length; r++) if (codeLengthAt(codes, p, r) > 3) below++;
      }
      return { below, orphans: new Map() };
    }));
    const codesOf = (i: number) => {
      const x = tables[i];
      if (!x.codes) {
        x.codes = new Set<string>();
        for (const p of ctx.model.tables[i].parts) for (const r of p.rows) if (r.code) x.codes.add(r.code);
      }
      return x.codes;
    };
    const inReport = (code: string) => tables.some((_, i) => codesOf(i).has(code));
    // whether the catalogue has a code's parents, once per code (a large report repeats the same codes in every table)
    const known = new Map<string, boolean>();
    const knownByNumber = new Map<number, boolean>();
    const parentsKnown = (code: string) => {
      let k = known.get(code);
      if (k === undefined) known.set(code, (k = cat.has(code.slice(0, 3)) && (code.length !== 7 || cat.has(code.slice(0, 5)))));
      return k;
    };
    ctx.model.tables.forEach((t, i) => {
      if (tables[i].below) ctx.examined(tables[i].below);
      let orphans = tables[i].orphans.get(cat);
      if (!orphans) {
        orphans = orphansOf(t.parts, parentsKnown, knownByNumber);
        tables[i].orphans.clear(); // one catalogue at a time
        tables[i].orphans.set(cat, orphans);
      }
      for (const row of orphans) {
        const code = row.code!;
        const missing = [code.slice(0, 3), code.length === 7 ? code.slice(0, 5) : ''].filter((p) => p && !cat.has(p) && !inReport(p));
        if (missing.length) ctx.report({ range: row.codeRange ?? row.keyRange, text: code, message: l10n.t('目录和本报告中都没有 {0} 的上级科目 {1}', code, missing.join(l10n.listSep())) });
      }
    });
  },
};

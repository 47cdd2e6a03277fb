/** What the 科目 rules share: the edition a report is checked against, names compared, the 科目 written in the text. */
import { KemuEntry } from '../../kemu';
import { Range, Report, Row, Table, TablePart, Text } from '../../model';
import { normKemuName } from '../../names';
import { allSections } from '../../query';
import { textRange } from '../../text';
import { RuleContext } from '../types';

export const norm = normKemuName;

export function isEconomicTable(t: Table): boolean {
  return t.kind === '决算06' || t.kind === '预算06' || /经济科目|经济分类/.test(t.title);
}

export function reportEdition(report: Report, override?: number): number | undefined {
  return override ?? report.meta?.edition?.year ?? report.meta?.year?.year;
}

/** How a written name relates to the catalogue entry. */
export function nameVerdict(written: string, e: KemuEntry, allowShort = false): 'ok' | 'older' | 'mistake' | 'differs' {
  if (written === e.name) return 'ok'; // most rows: the name as the catalogue has it
  const w = norm(written);
  if (w === norm(e.name) || (allowShort && (w + '支出' === norm(e.name) || w === norm(e.name).replace(/支出$/, '')))) return 'ok';
  const a = (e.aliases ?? []).find((x) => norm(x.name) === w);
  if (a) return a.kind === 'variant' ? 'ok' : a.kind === 'older' ? 'older' : 'mistake';
  return 'differs';
}

/** The rows of a table that have a 科目 code and a name (memoized per table with ctx.memo). */
export function codedRows(t: Table): Row[] {
  const out: Row[] = [];
  for (const p of t.parts) for (const r of p.rows) if (r.code && r.name) out.push(r);
  return out;
}

/**
 * The catalogue's entry (in the edition checked) for the code of row r of a part, asked once per code of
 * a rule's run: by the grid's code numbers `codes` when the parser made them (a large report repeats its
 * codes; a row is read only for a code not asked before).
 */
export function entryLookup(ctx: RuleContext): (codes: Int32Array | undefined, part: TablePart, r: number) => KemuEntry | undefined {
  const byNumber = new Map<number, KemuEntry | undefined>();
  return (codes, part, r) => {
    const c = codes?.[r];
    if (c === undefined || !byNumber.has(c)) {
      const code = part.rows[r].code;
      const e = code ? ctx.catalogue.get(code, ctx.edition) : undefined;
      if (c !== undefined) byNumber.set(c, e);
      return e;
    }
    return byNumber.get(c);
  };
}

/** A token that changes when the catalogue or the edition changes (cache version of the 科目 rules). */
export function catalogueVersion(ctx: RuleContext): object {
  return ctx.memo(ctx.catalogue, `edition:${ctx.edition ?? ''}`, () => ({}));
}

/** A 科目 written in the 情况说明 as 201（一般公共服务）13（商贸事务）08（招商引资）: each level's code, name and range. */
export interface TextKemu { code: string; name: string; range: Range; text: Text }

export function kemuInText(report: Report): TextKemu[] {
  const out: TextKemu[] = [];
  for (const s of allSections(report.narrative)) {
    const t = s.body;
    if (!t) continue;
    for (const m of t.value.matchAll(/(\d{3})\s*（([^）]{1,30})）\s*(\d{2})\s*（([^）]{1,30})）(?:\s*(\d{2})\s*（([^）]{1,30})）)?/g)) {
      const segs: Array<[string, string]> = [[m[1], m[2]], [m[1] + m[3], m[4]]];
      if (m[5]) segs.push([m[1] + m[3] + m[5], m[6]]);
      let off = m.index!;
      for (const [code, name] of segs) {
        const at = t.value.indexOf(`（${name}）`, off);
        off = at + name.length + 2;
        out.push({ code, name, range: textRange(t, at + 1, at + 1 + name.length), text: t });
      }
    }
  }
  return out;
}

/** A row key that starts like a code but is the row's numbering (1. 一般公共预算, 12、…): not a code. */
export const ROW_NUMBERING = /^[ \u3000]*\d{1,2}[.、．](?!\d)/;

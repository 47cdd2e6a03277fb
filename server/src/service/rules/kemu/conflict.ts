/** kemu.conflict: one code with two names in the same report. */
import { Range, Row } from '../../model';
import { Rule } from '../types';
import { hashString, HASH_START } from '../../chars';
import { addSeen, seenAlike } from '../context';
import { codedRows, norm } from './common';
import * as l10n from '../../l10n';

/** A hash of the codes and names of rows (equal rows, equal hash; the rows are compared when hashes are). */
function hashRows(rows: Row[]): number {
  let h = HASH_START;
  // over the characters of `${code}\t${name}\n`, without making that string
  for (const r of rows) {
    h = hashString(hashString(h, String(r.code)), '\t');
    h = hashString(hashString(h, String(r.name)), '\n');
  }
  return h >>> 0;
}

export const rule: Rule = {
  meta: {
    id: 'kemu.conflict', group: 'kemu', severity: 'warning',
    description: '同一科目代码在本报告中有两个名称',
    descriptionEn: 'One 科目 code with two names in the same report',
    example: '科目 2011350 在本报告中有两个名称：“事业运行”和“事业运行支出”',
    messages: { '科目 {0} 在本报告中有两个名称：“{1}”和“{2}”': '科目 {0} has two names in this report: "{1}" and "{2}"', '这里写作“{0}”': 'Written "{0}" here' },
  },
  run(ctx) {
    const seen = new Map<string, { name: string; norm: string; range: Range }>();
    // a table whose codes and names are exactly those of an earlier table that agreed with every
    // name seen before adds nothing either (the unit tables of a consolidated report)
    const agreed = new Map<number, Row[][]>();
    const sameRows = (a: Row[], b: Row[]) => a.length === b.length && a.every((r, i) => r.code === b[i].code && r.name === b[i].name);
    for (const t of ctx.model.tables) {
      const rows = ctx.memo(t, 'kemu.coded', codedRows);
      const sig = ctx.memo(t, 'kemu.codedHash', () => hashRows(rows));
      if (rows.length) ctx.examined(rows.length);
      if (seenAlike(ctx, t, 'kemu.conflict:alike', agreed, rows, sig, sameRows)) continue;
      let conflicts = 0;
      for (const r of rows) {
        const first = seen.get(r.code!);
        if (!first) { seen.set(r.code!, { name: r.name, norm: norm(r.name), range: r.nameRange }); continue; }
        if (r.name === first.name || norm(r.name) === first.norm) continue;
        conflicts++;
        ctx.report({
          range: r.nameRange, text: r.name,
          message: l10n.t('科目 {0} 在本报告中有两个名称：“{1}”和“{2}”', r.code!, first.name, r.name),
          related: [{ range: first.range, message: l10n.t('这里写作“{0}”', first.name) }],
        });
      }
      if (conflicts === 0) addSeen(agreed, rows, sig);
    }
  },
};

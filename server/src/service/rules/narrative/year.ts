/**
 * text.year: a year that is not the report's where the text means the report's own (沿用上年文稿); and a
 * comparison whose base is the report's own year — 比2026年预算增加 in a 2026 budget, 与2024年度决算相比 in
 * a 2024 决算 — where the year before was meant.
 */
import { Text } from '../../model';
import { isDigit } from '../../chars';
import { alt, WORDS } from '../../narrative/phrases';
import { Rule, RuleContext } from '../types';
import { eachText, rr } from './common';
import * as l10n from '../../l10n';

const COMPARISON = /相比|对比|比上|比\d{4}|较|上年|同比|持平|增加|减少|增长|下降|截至|截止|以前|结转|以来|前|上一|与\d{4}/;

/**
 * The year whose 年 is at k, as /(\d{4})年(?!\d{1,2}月)/g finds it (the four digits before a 年 that no
 * month follows; it starts at k − 4), or −1 — read in place, without a match object per year.
 */
export function yearBefore(v: string, k: number): number {
  if (k < 4 || !isDigit(v.charCodeAt(k - 1)) || !isDigit(v.charCodeAt(k - 2)) || !isDigit(v.charCodeAt(k - 3)) || !isDigit(v.charCodeAt(k - 4))) return -1;
  // 2024年12月, 2024年1月: a date (the regex's lookahead)
  if (isDigit(v.charCodeAt(k + 1)) && (v.charCodeAt(k + 2) === 0x6708 /* 月 */ || (isDigit(v.charCodeAt(k + 2)) && v.charCodeAt(k + 3) === 0x6708))) return -1;
  return (v.charCodeAt(k - 4) - 48) * 1000 + (v.charCodeAt(k - 3) - 48) * 100 + (v.charCodeAt(k - 2) - 48) * 10 + (v.charCodeAt(k - 1) - 48);
}

function otherYears(ctx: RuleContext, t: Text, year: number, budget: boolean): void {
  for (const s of t.sentences) {
    for (let k = s.text.indexOf('年'); k >= 0; k = s.text.indexOf('年', k + 1)) {
      const y = yearBefore(s.text, k);
      const at = k - 4;
      if (y < 0 || y === year || y < year - 3 || y > year + 1) continue;
      // a comparison, a date or a history legitimately names another year
      const clauseStart = Math.max(s.text.lastIndexOf('，', at), s.text.lastIndexOf(',', at)) + 1;
      const next = s.text.indexOf('，', at);
      if (COMPARISON.test(s.text.slice(clauseStart, Math.max(at + 12, next < 0 ? s.text.length : next)))) continue;
      if (y === year - 1 && budget) continue; // a budget speaks of last year's execution
      const start = s.start + at;
      ctx.report({ range: rr(t, start, start + 5), message: l10n.t('这里写的是 {0} 年，而报告年度是 {1} 年（可能是沿用上年文稿未改）', y, year) });
    }
  }
}

const CHANGE = alt([...WORDS.up, ...WORDS.down, ...WORDS.flat, '相比', '对比']);
const BASE = alt(WORDS.bases.filter((w) => w !== '同比'));

/** 比2026年预算 / 与2026年预算持平 in a 2026 budget; 与2024年度决算相比 / 比2024年度 in a 2024 决算. */
function selfBaseRe(year: number, budget: boolean): RegExp {
  const own = budget ? '预算(?!执行)' : `度?(?:决算数?)?(?=${CHANGE})`;
  return new RegExp(`(?:${BASE})(${year})年${own}`, 'g');
}

function selfBase(ctx: RuleContext, t: Text, year: number, re: RegExp): void {
  if (!t.value.includes(String(year))) return;
  for (const m of t.value.matchAll(re)) {
    const at = m.index! + m[0].indexOf(m[1]);
    const range = rr(t, at, at + 4);
    ctx.report({
      range, message: l10n.t('比较的基准写成了报告年度 {0} 年本身（“{1}”）：应是上年，{2} 年', year, m[0], year - 1),
      fixes: [{ title: l10n.t('改为 {0} 年', year - 1), edits: [{ range, newText: String(year - 1) }], safe: false }],
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'text.year', group: 'narrative', severity: 'warning',
    description: '情况说明中出现与报告年度不符的年份（可能沿用了上年文稿），或与报告年度本身作比较（比2026年预算增加，而报告就是2026年预算）',
    descriptionEn: 'A year other than the report\'s (perhaps last year\'s text), or a comparison with the report\'s own year',
    example: '这里写的是 2022 年，而报告年度是 2023 年（可能是沿用上年文稿未改）',
    messages: {
      '这里写的是 {0} 年，而报告年度是 {1} 年（可能是沿用上年文稿未改）': 'This says {0}, but the report year is {1} (probably copied from last year\'s text)',
      '比较的基准写成了报告年度 {0} 年本身（“{1}”）：应是上年，{2} 年': 'The comparison is with the report\'s own year {0} ("{1}"): it should be the year before, {2}',
      '改为 {0} 年': 'Change to {0}',
    },
  },
  run(ctx) {
    const year = ctx.model.meta?.year?.year ?? 0;
    if (!year) return;
    const budget = ctx.model.meta?.type?.value.endsWith('预算') ?? false;
    const re = selfBaseRe(year, budget);
    eachText(ctx, (t) => {
      otherYears(ctx, t, year, budget);
      selfBase(ctx, t, year, re);
    });
  },
};

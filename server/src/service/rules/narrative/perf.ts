/**
 * text.perf: a paragraph that opens with a project's name ("2.口岸运转费项目自评综述：…项目自评得分100.00分。
 * 全年预算数为180.00万元，执行数为180.00万元") against that project's 绩效自评表: the score with 合计得分
 * (exactly: points are not rounded), the amounts with 年度资金总额 (by the interval rule).
 */
import { readNumeral } from '../../decimal';
import { PerfEval, Text } from '../../model';
import { lines } from '../../narrative/sentences';
import { Tok } from '../../narrative/tokens';
import { Rule, RuleContext } from '../types';
import { read, rr, texts } from './common';
import * as l10n from '../../l10n';

const LEAD = /^[ \t\u3000]*(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)?[ \t\u3000]*/;
/** Which 资金 column an amount of the summary is compared with, by the words before it. */
const PAIRS: Array<[RegExp, RegExp]> = [[/全年预算数(?:为)?[ \t\u3000]*$/, /^(全年预算数|全年预算|调整后预算数)$/], [/执行数(?:为)?[ \t\u3000]*$/, /^(全年执行数|预算执行数|执行数)$/]];

function score(ctx: RuleContext, t: Text, p: PerfEval, line: string, base: number): void {
  const m = /得分(?:为)?[ \t\u3000]*(\d+(?:\.\d+)?)[ \t\u3000]*分/.exec(line);
  if (!m || !p.totalScore?.value) return;
  const r = readNumeral(m[1]);
  if (!r.ok || r.value.eq(p.totalScore.value)) return;
  const s0 = base + m.index + m[0].indexOf(m[1]);
  ctx.report({
    range: rr(t, s0, s0 + m[1].length),
    message: l10n.t('“{0}”的自评得分文中写 {1} 分，而其绩效自评表合计得分为 {2} 分', p.project, m[1], p.totalScore.raw),
    related: [{ range: p.totalScore.range, message: l10n.t('绩效自评表合计得分：{0}', p.totalScore.raw) }],
  });
}

function funds(ctx: RuleContext, t: Text, p: PerfEval, toks: Tok[], start: number, end: number): void {
  const first = p.funds?.rows[0];
  if (!p.funds || !first) return;
  for (const [before, col] of PAIRS) {
    const ci = p.funds.columns.findIndex((c) => col.test(c.name));
    const cell = ci >= 0 ? first.cells[ci] : undefined;
    if (!cell || cell.kind !== 'amount' || !cell.value) continue;
    const tok = toks.find((x) => x.kind === 'amount' && x.start >= start && x.end <= end && before.test(t.value.slice(Math.max(start, x.start - 10), x.start)));
    if (!tok || tok.wan.sub(cell.value).abs().cmp(tok.half.add(cell.value.halfUlp())) <= 0) continue;
    ctx.report({
      range: rr(t, tok.start, tok.end),
      message: l10n.t('“{0}”的{1}文中写 {2}，而其绩效自评表为 {3}万元', p.project, p.funds.columns[ci].name, tok.raw, cell.raw),
      related: [{ range: cell.range, message: l10n.t('绩效自评表{0}（{1}）：{2}', first.name, p.funds.columns[ci].name, cell.raw) }],
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'text.perf', group: 'narrative', severity: 'error',
    description: '项目自评综述中的得分、金额与其绩效自评表不符',
    descriptionEn: 'A project summary differs from its performance self-evaluation table',
    example: '“口岸运转费”的自评得分文中写 98 分，而其绩效自评表合计得分为 100 分',
    messages: {
      '“{0}”的自评得分文中写 {1} 分，而其绩效自评表合计得分为 {2} 分': 'The text gives "{0}" a self-evaluation score of {1}, but its 绩效自评表 totals {2}',
      '绩效自评表合计得分：{0}': '绩效自评表 total score: {0}',
      '“{0}”的{1}文中写 {2}，而其绩效自评表为 {3}万元': 'The text gives {1} of "{0}" as {2}, but its 绩效自评表 says {3}万元',
      '绩效自评表{0}（{1}）：{2}': '绩效自评表 {0} ({1}): {2}',
    },
  },
  run(ctx) {
    if (ctx.model.perf.length === 0) return;
    for (const { text } of texts(ctx)) {
      const toks = read(ctx, text).toks;
      for (const l of lines(text.value)) {
        const head = l.text.replace(LEAD, '');
        const p = ctx.model.perf.filter((x) => x.project && head.startsWith(x.project)).sort((a, b) => b.project.length - a.project.length)[0];
        if (!p) continue;
        ctx.examined();
        score(ctx, text, p, l.text, l.start);
        funds(ctx, text, p, toks, l.start, l.end);
      }
    }
  },
};

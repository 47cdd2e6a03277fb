/**
 * The computation of a checked total, as Markdown (hover, inlay tooltips, 显示计算过程), and the
 * totals at a position.
 */
import { CheckResult } from '../index';
import { TotalInfo } from '../rules/types';
import { totalsOver } from '../rules/totals';
import { Range } from '../model';
import { escapeMarkdown as md } from './markdown';
import * as l10n from '../l10n';

/**
 * `link`, when given, makes each part's value a link to its cell (a Markdown link target, e.g. the
 * document's uri with #L12,5): the hover leads to the parts, so a finding on a total needs no
 * related locations of its own.
 */
export function formatComputation(t: TotalInfo, link?: (r: Range) => string | undefined): string {
  const mark = t.verdict === 'ok' ? '✓' : t.verdict === 'rounding' ? l10n.t('≈（尾数误差）') : '≠';
  const lines = [`**${md(t.label)}** = ${t.stated.toString()}　Σ ${t.computed.toString()} ${mark}`, '', l10n.t('规则 {0}，计算过程：', '`' + t.rule + '`'), ''];
  for (const p of t.parts) {
    const value = md(p.raw) || l10n.t('（空）');
    const target = link?.(p.range);
    lines.push('- ' + l10n.t('{0}：{1}', md(p.label), target ? `[${value}](${target})` : value));
  }
  lines.push('', l10n.t('合计 {0}', t.computed.toString()));
  return lines.join('\n');
}

/**
 * The checked totals whose cell contains `offset`, in the order they were checked: the recorded ones
 * there, and those of the agreeing equalities of the table part there (made now, once).
 */
export function totalsAt(res: CheckResult, offset: number): TotalInfo[] {
  return totalsOver(res.totalChunks, offset, offset);
}

/**
 * The computation of a checked total, as Markdown (hover, inlay tooltips, 显示计算过程), and the
 * totals at a position (a binary search over an index built once per check).
 */
import { CheckResult } from '../index';
import { TotalInfo } from '../rules/types';
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
 * The checked totals ordered by where they start, per check result: a typed array of
 * start·2^20 + place in check order, sorted numerically (a few ms for 60,000 totals).
 */
const totalsIndex = new WeakMap<TotalInfo[], { keys: Float64Array; longest: number }>();
const PLACE = 1048576; // 2^20

/** The checked totals whose cell contains `offset`, in the order they were checked: a binary search, not a scan. */
export function totalsAt(res: CheckResult, offset: number): TotalInfo[] {
  const totals = res.totals;
  if (totals.length >= PLACE) return totals.filter((t) => t.range.start <= offset && offset <= t.range.end);
  let idx = totalsIndex.get(totals);
  if (!idx) {
    const keys = new Float64Array(totals.length);
    let longest = 0;
    totals.forEach((t, i) => {
      keys[i] = t.range.start * PLACE + i;
      longest = Math.max(longest, t.range.end - t.range.start);
    });
    keys.sort();
    totalsIndex.set(totals, (idx = { keys, longest }));
  }
  const { keys, longest } = idx;
  // the first key past every total that starts at or before offset
  let lo = 0;
  let hi = keys.length;
  const bound = (offset + 1) * PLACE;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < bound) lo = mid + 1;
    else hi = mid;
  }
  const places: number[] = [];
  for (let k = lo - 1; k >= 0; k--) {
    const i = keys[k] % PLACE;
    const t = totals[i];
    if (t.range.start < offset - longest) break;
    if (offset <= t.range.end) places.push(i);
  }
  return places.sort((a, b) => a - b).map((i) => totals[i]);
}


/**
 * Coverage the user sees: for every table taken as standard, how many equalities were checked and
 * which could not be, and why. Silence means “checked and fine” only where the coverage says so.
 */
import { CheckResult } from '../index';
import { Range } from '../model';
import * as l10n from '../l10n';

export interface TableCoverageView {
  title: string;
  kind: string;
  range: Range;
  checked: number;
  missing: Array<{ rule: string; what: string; why: string }>;
}

/** Every standard table of a report with its coverage (a standard table with no entry checked nothing). */
export function coverageSummary(res: CheckResult): TableCoverageView[] {
  const by = new Map(res.coverage.map((c) => [c.table, c]));
  return res.report.tables.filter((t) => t.kind).map((t) => {
    const c = by.get(t);
    return { title: t.title, kind: t.kind!, range: t.keyRange, checked: c?.checked ?? 0, missing: c?.missing ?? [] };
  });
}

/** One line per file for the command line: “标准表 9 张，核对 512 处；2 张表有未能核对的规则”. */
export function coverageLine(res: CheckResult): string {
  const views = coverageSummary(res);
  const checked = views.reduce((s, v) => s + v.checked, 0);
  const partial = views.filter((v) => v.missing.length > 0);
  if (views.length === 0) return l10n.t('没有识别出标准表：表间与表内的标准规则没有运行');
  return partial.length === 0
    ? l10n.t('标准表 {0} 张，核对 {1} 处，全部规则都已运行', views.length, checked)
    : l10n.t('标准表 {0} 张，核对 {1} 处；{2} 张表有规则未能运行：{3}', views.length, checked, partial.length,
      partial.map((v) => l10n.t('{0}（{1}）', v.title, v.missing.map((m) => `${m.rule} ${m.why}`).join(l10n.listSep()))).join('；'));
}

/** Hover text for a table title: what was checked there. */
export function coverageHover(v: TableCoverageView): string {
  const lines = [l10n.t('标准表 {0}：核对了 {1} 处等式', v.kind, v.checked)];
  if (v.missing.length) {
    lines.push('', l10n.t('未能核对：'));
    for (const m of v.missing) lines.push(`- \`${m.rule}\` ${m.what}：${m.why}`);
  }
  return lines.join('\n');
}

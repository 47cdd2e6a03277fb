/**
 * table.coverage: a table taken as standard (by its title or 类型) on which some rule could not run
 * (an operand it names was not found): an information on the table's title, so that silence is not
 * read as “checked and fine”. Made from the coverage every table rule records (after all rules ran).
 */
import { Finding } from '../../model';
import { Rule, TableCoverage } from '../types';
import * as l10n from '../../l10n';

export const rule: Rule = {
  meta: {
    id: 'table.coverage', group: 'tables', severity: 'information',
    description: '按标题或类型认作标准表，但有规则因找不到列、行或栏而未能运行（说明原因）',
    descriptionEn: 'A standard table on which some rules could not run (an operand not found), with why',
    example: '“收入决算表”有 1 条规则未能运行：sum.columns 找不到列“金额”；本表的列：决算数',
    messages: {
      '“{0}”有 {1} 条规则未能运行：{2}': '"{0}": {1} rules could not run: {2}',
    },
  },
};

/** The findings of table.coverage from the coverage of a check. */
export function coverageFindings(coverage: TableCoverage[]): Finding[] {
  return coverage.filter((c) => c.table.kind && c.missing.length).map((c) => ({
    rule: 'table.coverage', severity: 'information', range: c.table.keyRange, text: c.table.key,
    message: l10n.t('“{0}”有 {1} 条规则未能运行：{2}', c.table.title, c.missing.length, c.missing.map((m) => `${m.rule} ${m.why}`).join('；')),
  }));
}

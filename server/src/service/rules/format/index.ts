/**
 * The rules whose findings the front ends make while reading the file (format errors): their
 * metadata only. One file for them (an exception to one file per rule: they have no code of their
 * own; their messages are in data/messages.en.json with the front ends').
 */
import { Rule, RuleMeta } from '../types';

const meta = (id: string, severity: RuleMeta['severity'], description: string, descriptionEn: string, example: string, fixable?: RuleMeta['fixable']): Rule => ({
  meta: { id, group: 'format', severity, description, descriptionEn, example, messages: {}, parse: true, fixable },
});

export const rules: Rule[] = [
  meta('yaml.syntax', 'error', 'YAML 语法错误（缩进、引号、冒号、行首的“-”空格子 …）', 'YAML syntax errors', '这一行缺少冒号：键后面要有英文冒号和空格', 'safe'),
  meta('yaml.duplicateBlock', 'error', '同一个顶层块写了两次', 'A top-level block written twice', '顶层块“情况说明”重复（第一次出现在前面），请合并或改名'),
  meta('yaml.alias', 'error', 'YAML 别名（*名字）不能用作表的一行或值：请把内容写出来', 'A YAML alias used as a row or value', '不能用 YAML 别名“*a”代替表的一行或一个值：请把内容写出来'),
  meta('dsl.syntax', 'error', 'DSL 语法错误（读不懂的行、重复的键 …）', 'DSL syntax errors', '表的一行写作“行名 | 各列的值”'),
  meta('schema', 'error', '不认识的键、缺少必填项、值的类型不对', 'Unknown keys, missing required fields, wrong value types', '不认识的键“颜色”。此处可用的键：类型、年度、单位 …'),
  meta('schema.required', 'error', '缺少“报告”块', 'The 报告 block is missing', '缺少“报告”块：请在文件开头写明 报告: 类型、年度、单位、金额单位'),
  meta('schema.block', 'error', '不认识的顶层块', 'An unknown top-level block', '未知的顶层块“附表”'),
  meta('parse.amount', 'error', '金额写法不对（335.5六、12.3.4、千位分隔符位置不对、金额列中的百分数）', 'An amount that cannot be read', '金额“1,68.40”的千位分隔符位置不对'),
  meta('parse.internal', 'error', '内部错误：一块未能解析（请报告此问题）', 'Internal error: a block could not be parsed', '内部错误：此块未能解析'),
  meta('table.cells', 'error', '一行的值的个数与表头的列数不同', 'A row with another number of values than the table has columns', '此行有 6 个值，而表头有 7 列'),
  meta('table.columns', 'error', '有行没有列', 'Rows without columns', '此表缺少“列”'),
  meta('table.kind', 'warning', '“类型”写的不是已知的标准表', 'An unknown standard table kind', '未知的表类型“决算99”，按自定义表处理'),
  meta('file', 'error', '文件读不了（编码、权限、大小、不是普通文件 …）', 'A file that cannot be read', '文件是 UTF-16 编码：请以 UTF-8 保存'),
  meta('rule.internal', 'error', '内部错误：一条检查规则出错（其余规则照常检查；请报告此问题）', 'Internal error: a rule failed (the others ran)', '内部错误：规则 sum.total 出错'),
];

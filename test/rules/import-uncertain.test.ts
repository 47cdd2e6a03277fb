/**
 * import.uncertain (information): a “# 导入待核：…” marker written by jsgk import, at the end of a row or on a line
 * of its own, names what to compare with the original (and its page). The fix deletes the marker (with the spaces
 * before it, or its whole line); it is never safe: only a person who looked at the original may delete it.
 */
import { JUE, RuleTester } from '../helpers/rule-tester';
import { D03 } from './tables';

RuleTester.run('import.uncertain', {
  valid: [
    { name: 'a report without markers', source: JUE + D03(['2011308 招商引资: 1.00'], ['本年支出合计']) },
    { name: 'a comment that is no marker', source: JUE + '# 导入时核对过第 3 页\n' },
  ],
  invalid: [
    {
      name: 'a marker at the end of a row, with its page',
      source: JUE + D03(['2011308 招商引资: 1.00  «# 导入待核：“1.00”在两列之间，放在了“本年支出合计”（原文第 3 页）»'], ['本年支出合计']),
      message: '导入时无法确定：“1.00”在两列之间，放在了“本年支出合计”，请核对原文第 3 页', severity: 'information', safe: false,
      fixTitle: '已核对原文，删除此标注',
      output: JUE + D03(['2011308 招商引资: 1.00'], ['本年支出合计']),
    },
    {
      name: 'a marker on a line of its own, without a page: the line is deleted',
      source: '«# 导入待核：未能从原文读出年度»\n' + JUE,
      message: '导入时无法确定：未能从原文读出年度，请核对原文', safe: false,
      output: JUE,
      fixTitle: '已核对原文，删除此标注',
    },
    {
      name: 'a half-width colon and brackets; the trailing comma of what is said is dropped',
      source: JUE + '«# 导入待核: 表名不清楚，(原文第12页)»\n',
      message: '导入时无法确定：表名不清楚，请核对原文第 12 页',
      fixTitle: '已核对原文，删除此标注',
    },
    {
      name: 'an indented marker on a line of its own: the whole line is deleted',
      source: JUE + '表 支出决算表:\n  列: [本年支出合计]\n  行:\n    «# 导入待核：这一行的名称不清楚（原文第 2 页）»\n    - 合计: 1.00\n',
      message: '导入时无法确定：这一行的名称不清楚，请核对原文第 2 页',
      output: JUE + '表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 合计: 1.00\n',
    },
    { name: 'the last line, without a line break after it', source: JUE + '«# 导入待核：未能读出编制单位»', message: '导入时无法确定：未能读出编制单位，请核对原文', output: JUE },
    {
      name: 'CRLF line ends: the CR is no part of what is said, nor deleted', syntax: 'yaml',
      source: (JUE + '表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 合计: 1.00  «# 导入待核：“1.00”在两列之间（原文第 3 页）»\n').replace(/\n/g, '\r\n'),
      message: '导入时无法确定：“1.00”在两列之间，请核对原文第 3 页',
      output: (JUE + '表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 合计: 1.00\n').replace(/\n/g, '\r\n'),
    },
  ],
});

/** glossary.missing: a core term the report uses but its 名词解释 does not define (fix: add the standard definition). */
import { JUE, RuleTester } from '../helpers/rule-tester';
import { D05 } from './tables';

const USES = JUE + D05(['合计: 10.00 6.00 4.00']);
const BASIC = '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。';

RuleTester.run('glossary.missing', {
  valid: [
    { name: 'a term split by a line break is no use of it', source: JUE + '情况说明:\n  - 一、项目:\n      正文: 支出如下。\n名词解释:\n  - 1.基本支出: 指……\n' },
    { name: 'no 名词解释 at all: nothing is said (the report may have none)', source: USES },
    { name: 'the used terms are defined', source: USES + `名词解释:\n  - 1.基本支出: ${BASIC}\n  - 2.项目支出: 指……\n` },
    { name: 'an alias counts as the term (基本支出预算)', source: USES + `名词解释:\n  - 1.基本支出预算: ${BASIC}\n  - 2.项目支出: 指……\n` },
  ],
  invalid: [
    { name: 'a term used only in the text of a lower section of 情况说明 (not in any table)', source: JUE + '情况说明:\n  - 一、支出:\n      正文: 总体情况如下。\n      小节:\n        - （一）构成: 其中项目支出占一半。\n名词解释:\n  - «1.基本支出»: 指……\n', message: '报告中用到“项目支出”，名词解释中没有它的定义', severity: 'information', safe: true,
      output: JUE + '情况说明:\n  - 一、支出:\n      正文: 总体情况如下。\n      小节:\n        - （一）构成: 其中项目支出占一半。\n名词解释:\n  - 1.基本支出: 指……\n  - 2.项目支出: 指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。\n' },
    { name: 'a table column uses 基本支出, undefined: the fix adds it at the end, numbered', source: USES + '名词解释:\n  - «1.项目支出»: 指……\n', message: '报告中用到“基本支出”，名词解释中没有它的定义', severity: 'information', safe: true,
      output: USES + `名词解释:\n  - 1.项目支出: 指……\n  - 2.基本支出: ${BASIC}\n` },
  ],
});

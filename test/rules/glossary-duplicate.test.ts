/** glossary.duplicate: a term defined twice (fix: delete the second entry). */
import { JUE, RuleTester } from '../helpers/rule-tester';

RuleTester.run('glossary.duplicate', {
  valid: [{ name: 'different terms', source: JUE + '名词解释:\n  - 1.基本支出: 定义甲\n  - 2.项目支出: 定义乙\n' }],
  invalid: [
    { name: 'the second definition is flagged, its fix deletes the entry', source: JUE + '名词解释:\n  - 1.基本支出: 定义甲\n  - 2.项目支出: 定义乙\n  - 3.«基本支出»: 定义甲\n', message: '“基本支出”在名词解释中定义了两次（前面第 1 条已有定义）', severity: 'warning', safe: true, related: true,
      output: JUE + '名词解释:\n  - 1.基本支出: 定义甲\n  - 2.项目支出: 定义乙\n' },
    { name: 'names compared after normalisation (quotes, widths)', source: JUE + '名词解释:\n  - 公务用车购置及运行费（含购置）: 定义\n  - «公务用车购置及运行费 (含购置)»: 定义\n', message: /^“公务用车购置及运行费 \(含购置\)”在名词解释中定义了两次/ },
  ],
});

/** glossary.missing: a core term the report uses but its 名词解释 does not define (fix: add the standard definition). */
import * as assert from 'assert';
import { getLanguageService } from '../../server/src/service';
import { STANDARD_TERMS } from '../../server/src/service/rules/glossary/terms';
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

describe('glossary.missing in a report checked again after an edit (what each table holds, kept with the table)', () => {
  // three tables with the same names (none holds a core term), then a row of the last one renamed
  const table = (title: string, row: string) => `表 ${title}:\n  列: [金额]\n  行:\n    - 合计: 10.00\n    - ${row}: 10.00\n\n`;
  const report = (third: string) => JUE + table('甲表', '办公费') + table('乙表', '办公费') + table('丙表', third) + '名词解释:\n  - 1.项目支出: 指……\n';
  const said = (ls: ReturnType<typeof getLanguageService>, text: string) => ls.check('t.jsgk.yaml', text).findings.filter((f) => f.rule === 'glossary.missing').map((f) => f.message);

  it('finds a term in the one table that was edited, and no longer when it is edited back', () => {
    const ls = getLanguageService();
    assert.deepStrictEqual(said(ls, report('办公费')), []);
    assert.deepStrictEqual(said(ls, report('基本支出补助')), ['报告中用到“基本支出”，名词解释中没有它的定义']);
    assert.deepStrictEqual(said(ls, report('办公费')), []);
    // the same in the first table, the others unchanged since the check before
    const first = report('办公费').replace('    - 办公费: 10.00', '    - 机关运行经费: 10.00');
    assert.deepStrictEqual(said(ls, first), ['报告中用到“机关运行经费”，名词解释中没有它的定义']);
  });

  it('a table with the names of another holds what it holds (the term in the second of two equal tables)', () => {
    const ls = getLanguageService();
    const text = JUE + table('甲表', '基本支出补助') + table('乙表', '基本支出补助') + '名词解释:\n  - 1.项目支出: 指……\n';
    assert.deepStrictEqual(said(ls, text), ['报告中用到“基本支出”，名词解释中没有它的定义']);
    // the first one without it: only the second holds it
    assert.deepStrictEqual(said(getLanguageService(), text.replace('    - 基本支出补助: 10.00\n\n表 乙表', '    - 办公费: 10.00\n\n表 乙表')), ['报告中用到“基本支出”，名词解释中没有它的定义']);
  });

  it('the core terms and their aliases fit the bits of a number (what a table holds is kept as one)', () => {
    const n = STANDARD_TERMS.filter((st) => st.core).reduce((k, st) => k + 1 + (st.aliases?.length ?? 0), 0);
    assert.ok(n > 0 && n <= 30, `${n} core names`);
  });
});

/** annotation.unused: a 出错说明 that justifies no finding (fix: remove it). */
import * as assert from 'assert';
import { Finding, getLanguageService } from '../../server/src/service';
import { applyFix } from '../helpers/markers';
import { JUE, RuleTester } from '../helpers/rule-tester';
import { D03 } from './tables';

const T = (note: string) => JUE + D03([`合计: 310.00${note}`, '201 一般公共服务支出: 270.00', '208 社会保障和就业支出: 30.00'], ['本年支出合计']);

RuleTester.run('annotation.unused', {
  valid: [
    { name: 'an annotation that justifies the sum.total finding of its line', source: T('   # 出错说明(sum.total): 含待核销的暂付款，已与财政核对') },
    { name: 'an annotation without a rule id on its line', source: T('   # 出错说明: 原表如此') },
  ],
  invalid: [
    { name: 'for another rule: unused (and the finding stays)', source: T('   «# 出错说明(sum.children): 无关»'), message: /出错说明/, severity: 'warning', safe: true },
    { name: 'on a line with no finding: its fix removes it', source: JUE + '名词解释:\n  - 基本支出: 定义  «# 出错说明: 多余»\n', message: /出错说明/, output: JUE + '名词解释:\n  - 基本支出: 定义\n' },
  ],
});

RuleTester.run('annotation.unused', {
  invalid: [
    { name: 'an annotation on a line of its own: its fix removes the line', source: JUE + '名词解释:\n  «# 出错说明: 多余»\n  - 基本支出: 定义\n', message: /出错说明/, output: JUE + '名词解释:\n  - 基本支出: 定义\n' },
  ],
});

const check = (text: string): Finding[] => getLanguageService().check('mem://t', text).findings;

describe('出错说明 (justifying a finding in the source)', () => {
  const base = JUE + '表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 合计: 310.00';
  const tail = '\n    - 201 一般公共服务支出: 270.00\n    - 208 社会保障和就业支出: 30.00\n';
  it('a trailing annotation turns that one finding off', () => {
    assert.ok(check(base + tail).some((f) => f.rule === 'sum.total'));
    const fs = check(base + '   # 出错说明(sum.total): 含待核销的暂付款，已与财政核对' + tail);
    // (the one-column 支出决算表 also gets a coverage note: its column identity cannot run)
    assert.deepStrictEqual(fs.map((f) => f.rule).filter((r) => r !== 'table.coverage'), []);
  });
  it('an annotation on the line above also works, and one for another rule does not', () => {
    const above = JUE + '表 支出决算表:\n  列: [本年支出合计]\n  行:\n    # 出错说明: 原表如此\n    - 合计: 310.00' + tail;
    assert.deepStrictEqual(check(above).map((f) => f.rule).filter((r) => r !== 'table.coverage'), []);
    const other = check(base + '   # 出错说明(sum.children): 无关' + tail);
    assert.ok(other.some((f) => f.rule === 'sum.total'));
    assert.ok(other.some((f) => f.rule === 'annotation.unused'));
  });
  it('an unused annotation is reported with a fix that removes it', () => {
    const text = JUE + '名词解释:\n  - 基本支出: 定义  # 出错说明: 多余\n';
    const fs = check(text);
    const f = fs.find((x) => x.rule === 'annotation.unused')!;
    assert.ok(f);
    assert.strictEqual(text.slice(f.range.start, f.range.end), '# 出错说明: 多余');
    assert.ok(!applyFix(text, f).includes('出错说明'));
  });
});

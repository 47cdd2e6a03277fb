/** The rules added with the editor, coverage and import work: placeholder.field, table.coverage, kemu.duplicateRow, import.uncertain. */
import * as assert from 'assert';
import { Finding, getLanguageService } from '../../server/src/service';
import { JUE } from '../helpers/rule-tester';
import { D03 } from './tables';

const check = (text: string, uri = 'mem://r.jsgk.yaml'): Finding[] => getLanguageService().check(uri, text).findings;
const at = (text: string, f: Finding) => text.slice(f.range.start, f.range.end);

describe('rule placeholder.field', () => {
  it('an unfilled 单位 is flagged; a filled one is not', () => {
    const t = JUE.replace('单位: 测试单位', '单位: XX单位');
    const f = check(t).filter((x) => x.rule === 'placeholder.field');
    assert.deepStrictEqual(f.map((x) => at(t, x)), ['XX单位']);
    assert.match(f[0].message, /“单位”还是模板中的“XX单位”/);
    assert.deepStrictEqual(check(JUE).filter((x) => x.rule === 'placeholder.field'), []);
  });
  it('XXX in a table title is flagged where it is', () => {
    const t = JUE + '表 XXX项目明细表:\n  列: [金额]\n  行:\n    - 合计: 1.00\n';
    const f = check(t).filter((x) => x.rule === 'placeholder.field');
    assert.deepStrictEqual(f.map((x) => at(t, x)), ['XXX']);
  });
});

describe('rule table.coverage', () => {
  it('a standard table whose identity cannot run (a column missing) gets an information saying why; a complete one none', () => {
    const part = JUE + D03(['合计: 10.00 6.00 4.00'], ['本年支出合计', '基本支出', '项目支出']);
    const f = check(part).filter((x) => x.rule === 'table.coverage');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].severity, 'information');
    assert.match(f[0].message, /“支出决算表”有 1 条规则未能运行：sum\.columns 找不到列“上缴上级支出、经营支出、对附属单位补助支出”/);
    const full = JUE + D03(['合计: 10.00 6.00 4.00 0.00 0.00 0.00'], ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']);
    assert.deepStrictEqual(check(full).filter((x) => x.rule === 'table.coverage'), []);
  });
});

describe('rule kemu.duplicateRow', () => {
  it('one 科目 written twice in a table is flagged on the second row; once is fine', () => {
    const t = JUE + D03(['2011308 招商引资: 1.00', '2011308 招商引资: 1.00'], ['本年支出合计']);
    const f = check(t).filter((x) => x.rule === 'kemu.duplicateRow');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].range.start, t.lastIndexOf('2011308 招商引资'));
    assert.ok(f[0].fixes && f[0].fixes[0].safe === false, 'deleting a row removes typed numbers: not safe');
    assert.deepStrictEqual(check(JUE + D03(['2011308 招商引资: 1.00'], ['本年支出合计'])).filter((x) => x.rule === 'kemu.duplicateRow'), []);
  });
});

describe('rule import.uncertain', () => {
  it('a “# 导入待核：…” marker is an information naming the page; a report without markers has none', () => {
    const t = JUE + D03(['2011308 招商引资: 1.00  # 导入待核：“1.00”在两列之间，放在了“本年支出合计”（原文第 3 页）'], ['本年支出合计']);
    const f = check(t).filter((x) => x.rule === 'import.uncertain');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].severity, 'information');
    assert.match(f[0].message, /导入时无法确定：.*请核对原文第 3 页/);
    assert.deepStrictEqual(check(JUE).filter((x) => x.rule === 'import.uncertain'), []);
  });
});

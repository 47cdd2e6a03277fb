import * as assert from 'assert';
import { getLanguageService, Finding } from '../server/src/service';
import { hover } from '../server/src/service/features';
import { numberOf, codeOfTerm } from '../server/src/service/rules/glossary/terms';
import { sample } from './helpers/samples';
import { applyFix } from './helpers/markers';

const HEAD = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试单位\n\n';
const check = (t: string): Finding[] => getLanguageService().check('mem://g', t).findings;

describe('名词解释', () => {
  it('reads numbering written in digits or in Chinese', () => {
    assert.deepStrictEqual(['1.', '十二、', '二十一、', '8、', '（3）', '十、'].map(numberOf), [1, 12, 21, 8, 3, 10]);
    assert.strictEqual(codeOfTerm('一般公共服务（201）商贸事务（13）招商引资（08）'), '2011308');
    assert.strictEqual(codeOfTerm('社会保障和就业支出（ 208）其他社会保障和就业支出（99）其他社会保障和就业支出（99）'), '2089999');
    assert.strictEqual(codeOfTerm('基本支出'), undefined);
  });

  it('002: the four terms defined twice and the repeated number 12 are found', () => {
    const fs = getLanguageService().check('002', sample('002').text).findings;
    const dup = fs.filter((f) => f.rule === 'glossary.duplicate').map((f) => f.message.replace(/（.*/, ''));
    assert.deepStrictEqual(dup, ['“基本支出”在名词解释中定义了两次', '“项目支出”在名词解释中定义了两次', '““三公”经费”在名词解释中定义了两次', '“机关运行经费”在名词解释中定义了两次']);
    const num = fs.filter((f) => f.rule === 'glossary.numbering').map((f) => f.message);
    assert.deepStrictEqual(num, ['编号 12 重复（前面已有第 12 条“社会保障和就业支出（208）行政事业单位养老支出（05）机关事业单位基本养老保险缴费支出（05）”）']);
  });

  it('000, 001 and 004: no glossary finding (no duplicates, numbering in order)', () => {
    for (const s of ['000', '001', '004']) {
      const fs = getLanguageService().check(s, sample(s).text).findings.filter((f) => f.rule.startsWith('glossary'));
      assert.deepStrictEqual(fs.map((f) => f.message), [], s);
    }
  });

  it('a duplicate definition has a fix that deletes it', () => {
    const text = HEAD + '名词解释:\n  - 1.基本支出: 定义甲\n  - 2.项目支出: 定义乙\n  - 3.基本支出: 定义甲\n';
    const f = check(text).find((x) => x.rule === 'glossary.duplicate')!;
    const after = applyFix(text, f);
    assert.strictEqual(after, HEAD + '名词解释:\n  - 1.基本支出: 定义甲\n  - 2.项目支出: 定义乙\n');
  });

  it('a skipped and an out-of-order number are found; a sequence in order is not', () => {
    const ok = HEAD + '名词解释:\n  - 一、基本支出: 甲\n  - 二、项目支出: 乙\n  - 三、经营支出: 丙\n';
    assert.deepStrictEqual(check(ok).filter((f) => f.rule === 'glossary.numbering'), []);
    const skipped = check(HEAD + '名词解释:\n  - 1.基本支出: 甲\n  - 3.项目支出: 乙\n').find((f) => f.rule === 'glossary.numbering')!;
    assert.match(skipped.message, /缺第 2 条/);
    const back = check(HEAD + '名词解释:\n  - 1.基本支出: 甲\n  - 2.项目支出: 乙\n  - 1.经营支出: 丙\n').find((f) => f.rule === 'glossary.numbering')!;
    assert.match(back.message, /编号 1 重复/);
  });

  it('a core term used but not defined: information with a fix that inserts the standard definition', () => {
    const text = HEAD + '情况说明:\n  - 一、支出: |\n      本年基本支出100.00万元，项目支出50.00万元。\n\n名词解释:\n  - 1.基本支出: 指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。\n';
    const f = check(text).find((x) => x.rule === 'glossary.missing')!;
    assert.ok(f, JSON.stringify(check(text)));
    assert.match(f.message, /用到“项目支出”，名词解释中没有它的定义/);
    const after = applyFix(text, f);
    assert.ok(after.endsWith('  - 2.项目支出: 指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。\n'), after);
    assert.ok(!check(after).some((x) => x.rule === 'glossary.missing'));
  });

  it('an empty 政府性基金 table without a note: warning with a fix inserting the standard note; 000’s notes are fine', () => {
    const text = HEAD + '表 政府性基金预算财政拨款收入支出决算表:\n  列: [年初结转和结余, 本年收入]\n  行:\n    - 合计: 0.00 0.00\n';
    const f = check(text).find((x) => x.rule === 'table.emptyNote')!;
    assert.ok(f);
    const after = applyFix(text, f);
    assert.ok(after.includes('  注: 本部门没有政府性基金预算财政拨款收入和支出，故本表为空表。\n'), after);
    assert.ok(!check(after).some((x) => x.severity === 'error' || x.rule === 'table.emptyNote'), JSON.stringify(check(after)));
    const fs000 = getLanguageService().check('000e', sample('000').text).findings;
    assert.ok(!fs000.some((x) => x.rule === 'table.emptyNote'));
  });

  it('hover: a 科目 code shows the report’s own 科目 explanation; a term without a definition shows the standard one', () => {
    const { text } = sample('002');
    const r = getLanguageService().check('002h', text);
    const at = text.indexOf('201（一般公共服务）13（商贸事务）08（招商引资）') + 2;
    const h = hover(r, text, at)!;
    assert.match(h.contents, /名词解释 10\.一般公共服务（201）商贸事务（13）招商引资（08）：反映用于招商引资、优化经济环境等方面的支出/);
    const t2 = HEAD + '情况说明:\n  - 一: |\n      本年上缴上级支出0万元。\n';
    const r2 = getLanguageService().check('std', t2);
    const h2 = hover(r2, t2, t2.indexOf('上缴上级支出') + 2)!;
    assert.match(h2.contents, /^\*\*上缴上级支出\*\*（标准名词解释/);
  });
});

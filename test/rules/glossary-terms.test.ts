/** How 名词解释 entries are numbered and named (rules/glossary/terms.ts), shared by the glossary rules, hover and completion. */
import * as assert from 'assert';
import { codeOfTerm, lineEndOf, lineStartOf, numberOf, standardTerm } from '../../server/src/service/rules/glossary/terms';

describe('rule glossary terms (numbering, codes, standard terms)', () => {
  it('numbering in digits or in Chinese, up to the hundreds', () => {
    const cases: Array<[string | undefined, number | undefined]> = [
      ['1.', 1], ['12、', 12], ['（3）', 3], ['十、', 10], ['十二、', 12], ['二十一、', 21], ['九十九、', 99], ['一百、', 100], ['百、', 100], ['一百零五、', 105], ['二百三十、', 230],
      [undefined, undefined], ['', undefined], ['、', undefined], ['甲、', undefined],
    ];
    assert.deepStrictEqual(cases.map(([s]) => numberOf(s)), cases.map(([, n]) => n));
  });

  it('the 科目 code a term explains: the digits in brackets, 3 + 2 + 2', () => {
    assert.strictEqual(codeOfTerm('一般公共服务（201）商贸事务（13）招商引资（08）'), '2011308');
    assert.strictEqual(codeOfTerm('一般公共服务(201)商贸事务(13)'), '20113');
    assert.strictEqual(codeOfTerm('一般公共服务（ 201 ）'), '201');
    assert.strictEqual(codeOfTerm('社会保障和就业支出（208）其他（99）其他（99）'), '2089999');
    assert.strictEqual(codeOfTerm('基本支出'), undefined);
    assert.strictEqual(codeOfTerm('商贸事务（13）'), undefined, 'a code starts with its 类');
    assert.strictEqual(codeOfTerm('一般公共服务（201）商贸事务（13）（08）（01）'), undefined, 'nine digits is no code');
    assert.strictEqual(codeOfTerm('第（1）项'), undefined);
  });

  it('standard terms by name or alias, names compared after normalisation', () => {
    assert.strictEqual(standardTerm('基本支出')?.term, '基本支出');
    assert.strictEqual(standardTerm('基本支出预算')?.term, '基本支出');
    assert.strictEqual(standardTerm(' 基本 支出')?.term, '基本支出');
    assert.strictEqual(standardTerm('不是术语'), undefined);
  });

  it('line start, and the end (with its line break) of the line a range ending at pos ends on', () => {
    const t = 'ab\ncd\nef';
    assert.deepStrictEqual([0, 1, 2, 3, 4, 5, 6, 8].map((p) => lineStartOf(t, p)), [0, 0, 0, 3, 3, 3, 6, 6]);
    assert.deepStrictEqual([0, 1, 3, 4, 6, 8].map((p) => lineEndOf(t, p)), [3, 3, 3, 6, 6, 8]);
    assert.strictEqual(lineEndOf('abc', 1), 3);
  });
});

/** glossary.numbering: the 名词解释 numbering repeated, out of order or skipped. */
import { JUE, RuleTester } from '../helpers/rule-tester';

const g = (...entries: string[]) => JUE + '名词解释:\n' + entries.map((e) => `  - ${e}\n`).join('');

RuleTester.run('glossary.numbering', {
  valid: [
    { name: '1. 2. 3.', source: g('1.甲: 定义', '2.乙: 定义', '3.丙: 定义') },
    { name: 'Chinese numbering 一、二、', source: g('一、甲: 定义', '二、乙: 定义') },
    { name: 'unnumbered entries', source: g('甲: 定义', '乙: 定义') },
  ],
  invalid: [
    { name: 'repeated', source: g('1.甲: 定义', '2.乙: 定义', '«2.»丙: 定义'), message: '编号 2 重复（前面已有第 2 条“乙”）', severity: 'warning', related: true },
    { name: 'out of order', source: g('1.甲: 定义', '3.乙: 定义', '«2.»丙: 定义'), message: '编号顺序不对：上一条是第 3 条，这一条是第 2 条' },
    { name: 'skipped', source: g('1.甲: 定义', '«3.»乙: 定义'), message: '编号跳过了：上一条是第 1 条，这一条是第 3 条（缺第 2 条）' },
    { name: 'skipped, Chinese numbering', source: g('九、甲: 定义', '«十一、»乙: 定义'), message: '编号跳过了：上一条是第 9 条，这一条是第 11 条（缺第 10 条）' },
  ],
});

/** kemu.unknown: a code the catalogue does not know (information: the catalogue may be incomplete). */
import { JUE, RuleTester } from '../helpers/rule-tester';
import { D03 } from './tables';

const T = (row: string) => JUE + D03([`${row}: 1.00`], ['本年支出合计']);

RuleTester.run('kemu.unknown', {
  valid: [{ name: 'a known code', source: T('2011308 招商引资') }],
  invalid: [
    { name: 'unknown under a known 类', source: T('«2011377» 某项'), message: '目录中没有科目 2011377（201 一般公共服务支出 下）；目录可能不全，请核对2023 版政府收支分类科目', severity: 'information' },
    { name: 'unknown 类', source: T('«288» 某类'), message: '目录中没有科目 288；目录可能不全，请核对2023 版政府收支分类科目' },
    { name: 'kemuEdition setting: the edition named is the setting\'s', source: T('«2011377» 某项'), settings: { kemuEdition: '2024' }, message: /请核对2024 版政府收支分类科目$/ },
  ],
});

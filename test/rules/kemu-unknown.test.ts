/** kemu.unknown: a code the catalogue does not know (information: the catalogue may be incomplete). */
import { JUE, RuleTester } from '../helpers/rule-tester';
import { D03 } from './tables';

const T = (row: string) => JUE + D03([`${row}: 1.00`], ['本年支出合计']);

RuleTester.run('kemu.unknown', {
  valid: [
    { name: 'a known code', source: T('2011308 招商引资') },
    { name: 'known codes written in the text', source: JUE + '情况说明:\n  - 一、支出:\n      正文: 主要用于201（一般公共服务）13（商贸事务）08（招商引资）。\n' },
  ],
  invalid: [
    { name: 'unknown under a known 类', source: T('«2011377» 某项'), message: '目录中没有科目 2011377（201 一般公共服务支出 下）；目录可能不全，请核对2023 版政府收支分类科目', severity: 'information' },
    { name: 'unknown 类', source: T('«288» 某类'), message: '目录中没有科目 288；目录可能不全，请核对2023 版政府收支分类科目' },
    { name: 'a 项 written in the text (201（…）13（…）77（…）) that the catalogue does not know', source: JUE + '情况说明:\n  - 一、支出:\n      正文: 主要用于201（一般公共服务）13（商贸事务）77（«某项»）。\n', message: '目录中没有科目 2011377；目录可能不全，请核对' },
    { name: 'a 款 written in the text', source: JUE + '情况说明:\n  - 一、支出:\n      正文: 主要用于201（一般公共服务）77（«某款»）支出。\n', message: '目录中没有科目 20177；目录可能不全，请核对' },
    { name: 'a 5-digit code under a known 类', source: T('«20177» 某款'), message: '目录中没有科目 20177（201 一般公共服务支出 下）；目录可能不全，请核对2023 版政府收支分类科目' },
    { name: 'kemuEdition setting: the edition named is the setting\'s', source: T('«2011377» 某项'), settings: { kemuEdition: '2024' }, message: /请核对2024 版政府收支分类科目$/ },
  ],
});

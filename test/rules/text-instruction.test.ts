/**
 * text.instruction: an instruction of the official template to the writer left in the published text (every
 * sentence of narrative/template.json's instructions), in any free text of the report (情况说明, 其他, 部门概况,
 * 名词解释, notes), compared without spaces and line breaks and with brackets, colons, commas and quotes of either
 * width. The fix deletes it.
 */
import { RuleTester } from '../helpers/rule-tester';
import { head, jue } from './narrative';

const MSG = (ins: string) => `模板中给编写者的说明“${ins}”留在了正文中，应删去（并按它的要求写）`;

RuleTester.run('text.instruction', {
  valid: [
    { name: 'the template’s 持平 done as it says (020)', source: jue('与2022年度相比，收入支出总计持平。') },
    { name: 'the words of an instruction without its brackets', source: jue('如持平作持平表述。') },
    { name: 'an instruction’s words with one more character', source: jue('（如持平则作持平表述）') },
    { name: 'the first half of an instruction', source: jue('按上述格式依次说明到各项级科目。') },
    { name: 'the statement the instruction asks for (020: 无国有资本经营预算财政拨款收入和支出)', source: jue('本部门2023年度无国有资本经营预算财政拨款收入和支出。') },
  ],
  invalid: [
    {
      name: '（如持平作持平表述） after the sentence it is about',
      source: jue('与2022年度相比，收入支出总计持平。«（如持平作持平表述）»'),
      message: MSG('（如持平作持平表述）'), severity: 'error', fix: '', safe: true, fixTitle: '删去这段模板说明',
    },
    { name: 'half-width brackets', source: jue('收入支出总计持平。«(如持平作持平表述)»'), message: MSG('（如持平作持平表述）'), fix: '', fixTitle: '删去这段模板说明' },
    {
      name: 'with a space after the comma',
      source: jue('收入支出总计持平。«按上述格式依次说明到各项级科目， 预决算持平的不用说明变动原因。»'),
      message: MSG('按上述格式依次说明到各项级科目，预决算持平的不用说明变动原因。'), fix: '',
      fixTitle: '删去这段模板说明',
    },
    {
      name: 'a half-width colon',
      source: jue('«无“三公”经费财政拨款支出的部门，作下述说明:»本部门无“三公”经费。'),
      message: MSG('无“三公”经费财政拨款支出的部门，作下述说明：'), fix: '',
      fixTitle: '删去这段模板说明',
    },
    {
      name: 'straight quotes',
      source: jue('«无"三公"经费财政拨款支出的部门，作下述说明：»本部门无“三公”经费。'),
      message: MSG('无“三公”经费财政拨款支出的部门，作下述说明：'),
      fixTitle: '删去这段模板说明',
    },
    { name: 'twice in one text: the second found too', source: jue('（不涉及的不列）甲。«（不涉及的不列）»'), message: MSG('（不涉及的不列）'), fixTitle: '删去这段模板说明' },
    { name: 'cut by a line break', syntax: 'yaml', source: jue('收入支出总计持平。«（如持平作\n持平表述）»'), message: MSG('（如持平作持平表述）'), fixTitle: '删去这段模板说明' },
    {
      name: 'in the 名词解释',
      source: jue('说明。') + '名词解释:\n  - 事业收入: 指事业单位开展专业业务活动取得的收入。«（无事业收入的单位保留事业收入的名词解释，但不列举主要内容，以下同）»\n',
      message: MSG('（无事业收入的单位保留事业收入的名词解释，但不列举主要内容，以下同）'), fix: '',
      fixTitle: '删去这段模板说明',
    },
    {
      name: 'in the 部门概况',
      source: head('部门决算', 2023) + '部门概况:\n  - 一、主要职能: |\n      «由主管部门根据三定方案等相关规定中有关主要职能填写。»\n',
      message: MSG('由主管部门根据三定方案等相关规定中有关主要职能填写。'), fix: '',
      fixTitle: '删去这段模板说明',
    },
    {
      name: 'in a note under a table',
      source: jue('说明。', '\n表 项目明细表:\n  列: [金额]\n  行:\n    - 合计: 1.00\n  注: «无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：»本表无数据。\n'),
      message: MSG('无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：'),
      fixTitle: '删去这段模板说明',
    },
    { name: 'a tab and an ideographic space inside it', source: jue('收入支出总计持平。«（如持平作\t持平\u3000表述）»'), message: MSG('（如持平作持平表述）'), fix: '' },
  ],
});

/**
 * text.placeholder: a placeholder of the template left in the 情况说明 and 其他 — a run of X (XX, XXX, XX%, XX.X%;
 * ＸＸ and ×× as other templates write it, but not the XX of a latin word), a pair of alternatives (增加（减少）,
 * 011), a label (（制度名称）). Where the rate can be computed (完成年初预算的XX.X% after its two figures), the
 * fix writes it, to the decimals of the placeholder; elsewhere there is no fix. Placeholders outside these
 * texts are placeholder.field's.
 */
import { RuleTester } from '../helpers/rule-tester';
import { head, jue, yu } from './narrative';

RuleTester.run('text.placeholder', {
  valid: [
    { name: 'seed 001 corrected: 完成年初预算的104.44%', source: jue('年初预算22.95万元，支出决算23.97万元，完成年初预算的104.44%。') },
    { name: 'a single X (X光机)', source: jue('购置X光机一台。') },
    { name: 'the XX of a latin word (XXL, MAXX) is no placeholder', source: jue('采购XXL号作训服，MAXX品牌。') },
    { name: 'a bracket after a change word that explains it', source: jue('收入增加（主要是拨款增加）10万元。') },
    { name: 'a change word in brackets with more in them', source: jue('支出减少（下降10%）。') },
    { name: '011 corrected: 增加的主要原因', source: yu(2026, '财政拨款收入支出增加的主要原因是业务量增加。') },
    { name: 'a placeholder in the 部门概况 is placeholder.field’s', source: head('部门决算', 2023) + '部门概况:\n  - 一、职能: |\n      本单位共有XX个内设机构。\n' },
    { name: 'a change word in brackets after a word that is none (人员经费（增加）)', source: jue('人员经费（增加）主要用于工资。') },
  ],
  invalid: [
    {
      name: 'seed 001: 完成年初预算的XX.X% where the 年初预算 is 0: no fix (the rate means nothing)',
      source: jue('3．行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）。年初预算0万元，支出决算12.59万元，完成年初预算的«XX.X%»。'),
      message: '模板占位符“XX.X%”没有替换成实际内容', severity: 'error', fix: null,
    },
    {
      name: 'XX.X% after its two figures: the fix writes the computed rate to one decimal',
      source: jue('年初预算22.95万元，支出决算23.97万元，完成年初预算的«XX.X%»。'),
      message: '模板占位符“XX.X%”没有替换成实际内容', fix: '104.4%', safe: true, fixTitle: '改为计算值 104.4%（23.97万元 ÷ 22.95万元）',
    },
    {
      name: 'XX%: no decimals',
      source: jue('年初预算22.95万元，支出决算23.97万元，完成年初预算的«XX%»。'),
      message: '模板占位符“XX%”没有替换成实际内容', fix: '104%', fixTitle: '改为计算值 104%（23.97万元 ÷ 22.95万元）',
    },
    {
      name: 'XX.XX%: two decimals',
      source: jue('年初预算22.95万元，支出决算23.97万元，完成年初预算的«XX.XX%»。'),
      message: '模板占位符“XX.XX%”没有替换成实际内容', fix: '104.44%',
      fixTitle: '改为计算值 104.44%（23.97万元 ÷ 22.95万元）',
    },
    {
      name: '执行率为XX.X% after 全年预算数 and 执行数',
      source: jue('全年预算数为100.00万元，执行数为96.00万元，执行率为«XX.X%»。'),
      message: '模板占位符“XX.X%”没有替换成实际内容', fix: '96.0%', fixTitle: '改为计算值 96.0%（96.00万元 ÷ 100.00万元）',
    },
    { name: 'XXX before 万元: no fix', source: jue('支出决算«XXX»万元。'), message: '模板占位符“XXX”没有替换成实际内容', fix: null },
    { name: 'XXXX (a year)', source: jue('«XXXX»年度收入支出总计10.00万元。'), message: '模板占位符“XXXX”没有替换成实际内容' },
    { name: 'XX.X without %', source: jue('完成«XX.X»万元。'), message: '模板占位符“XX.X”没有替换成实际内容' },
    { name: 'full-width ＸＸ', source: jue('本单位共有«ＸＸ»个内设机构。'), message: '模板占位符“ＸＸ”没有替换成实际内容' },
    { name: '×× (the sign, as other templates write it)', source: jue('«××»单位2023年度收入支出总计10.00万元。'), message: '模板占位符“××”没有替换成实际内容' },
    { name: '011: 增加（减少）', source: yu(2026, '财政拨款收入支出«增加（减少）»的主要原因是业务量增加。'), message: '模板占位符“增加（减少）”没有替换成实际内容', fix: null },
    { name: 'half-width brackets: 增长(下降)', source: yu(2026, '财政拨款收入支出«增长(下降)»10.00%。'), message: '模板占位符“增长(下降)”没有替换成实际内容' },
    { name: '大于（小于）', source: jue('决算数«大于（小于）»预算数的主要原因：节约。'), message: '模板占位符“大于（小于）”没有替换成实际内容' },
    {
      name: 'an alternative cut by a line break (小于（大\\n于）, pasted from the template)', syntax: 'yaml',
      source: jue('决算数«小于（大\n于）»预算数的主要原因：节约。'),
      message: '模板占位符“小于（大于）”没有替换成实际内容',
    },
    { name: '（制度名称） in a 其他 section', source: jue('说明。') + '其他:\n  - 一、补充: |\n      制度：«（制度名称）»。\n', message: '模板占位符“（制度名称）”没有替换成实际内容' },
    { name: '（制度名称） opens the text', source: jue('«（制度名称）»已制定。'), message: '模板占位符“（制度名称）”没有替换成实际内容' },
    { name: '（制度名称） right after an XX', source: jue('XX«（制度名称）»已制定。'), message: '模板占位符“（制度名称）”没有替换成实际内容' },
    { name: 'XX without % after 完成年初预算的: no computed fix', source: jue('年初预算22.95万元，支出决算23.97万元，完成年初预算的«XX»。'), message: '模板占位符“XX”没有替换成实际内容', fix: null },
  ],
});

/**
 * text.kemu (warning): a 科目 written in the 情况说明 as a path of names (医疗卫生与计划生育支出（210类）…, 一般公共服务支出
 * （类）商贸事务（款）…（项）, “…-…-…”) under a name that is not the one the report's own tables give that code
 * (010 item 11), or — when no table has it — not the catalogue's (an older name of the catalogue is then no
 * mistake). The fix writes the table's (or the catalogue's) name. The code form 201（…）13（…）08（…） is kemu.name's.
 */
import { RuleTester } from '../helpers/rule-tester';
import { BUDGET_TABLE, jue, yu } from './narrative';

const Y26 = (body: string, table = BUDGET_TABLE) => yu(2026, body, table);
/** A budget table with 20805 under its current name (行政事业单位养老支出; 行政和事业单位离退休 is its older name). */
const PENSION = '\n表 一般公共预算支出功能分类预算表:\n  单位: 元\n  列: [合计, 基本支出, 项目支出]\n  行:\n    - 208 社会保障和就业支出: 500,000.00 500,000.00 0.00\n    - 20805 行政事业单位养老支出: 500,000.00 500,000.00 0.00\n    - 2080505 机关事业单位基本养老保险缴费支出: 500,000.00 500,000.00 0.00\n';
const D05 = '\n表 一般公共预算财政拨款支出决算表:\n  列: [小计, 基本支出, 项目支出]\n  行:\n    - 201 一般公共服务支出: 299.97 0.00 299.97\n    - 20113 商贸事务: 299.97 0.00 299.97\n    - 2011308 招商引资: 299.97 0.00 299.97\n';

/** The budget table with 210 and 2101101 but not 21011. */
const NO_KUAN = `\n表 一般公共预算支出功能分类预算表:\n  单位: 元\n  列: [合计, 基本支出, 项目支出]\n  行:\n    - 210 卫生健康支出: 1,149,678.00 1,149,678.00 0.00\n    - 2101101 行政单位医疗: 1,149,678.00 1,149,678.00 0.00\n`;

RuleTester.run('text.kemu', {
  valid: [
    { name: '010 item 11 corrected: 卫生健康支出（210类）', source: Y26('11、卫生健康支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）114.97万元。主要用于：医疗保险缴费。') },
    { name: 'a name without its trailing 支出 (卫生健康（210类）)', source: Y26('11、卫生健康（210类）行政事业单位医疗（11款）行政单位医疗（01项）114.97万元。') },
    { name: 'a name the catalogue gives a sibling (公共卫生 is 21004): the path is not that row', source: Y26('1. “卫生健康支出（类）公共卫生（款）行政单位医疗（项）”124.97万元。') },
    { name: 'the code form is kemu.name’s (招商 for 招商引资 is flagged there)', source: jue('2.201（一般公共服务）13（商贸事务）08（招商）:支出决算为299.97万元。', D05) },
    { name: 'not in the tables: the catalogue’s short name (一般公共服务)', source: Y26('1、一般公共服务（201类）商贸事务（13款）招商引资（08项）10.00万元。') },
    { name: 'not in the tables: an older name of the catalogue is no mistake', source: Y26('5、社会保障和就业支出（208类）行政和事业单位离退休（05款）机关事业单位基本养老保险缴费支出（05项）50.00万元。') },
    { name: 'the table’s own (old) name', source: Y26('1、医疗卫生与计划生育支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）10.00万元。', BUDGET_TABLE.replace('210 卫生健康支出', '210 医疗卫生与计划生育支出')) },
    { name: 'codes in no table and not in the catalogue', source: Y26('1、甲乙支出（299类）丙丁（99款）戊己（99项）10.00万元。') },
    { name: 'two function tables of one kind: which one is meant is not certain', source: Y26('5、社会保障和就业支出（208类）行政和事业单位离退休（05款）机关事业单位基本养老保险缴费支出（05项）50.00万元。', PENSION + PENSION.replace('一般公共预算支出功能分类预算表', '一般公共预算支出功能分类预算表（单位）')) },
    { name: 'a path resolved by its names whose 款 is in no table: the catalogue is not asked', source: Y26('1. “卫生健康支出（类）行政单位医疗保险（款）行政单位医疗（项）”114.97万元。', NO_KUAN) },
    { name: 'not in the tables: a short name (教育 for 教育支出) is the catalogue’s', source: Y26('1、教育（205类）普通教育（02款）小学教育（02项）10.00万元。') },
  ],
  invalid: [
    {
      name: '010 item 11: 医疗卫生与计划生育支出（210类）',
      source: Y26('11、«医疗卫生与计划生育支出»（210类）行政事业单位医疗（11款）行政单位医疗（01项）114.97万元。主要用于：医疗保险缴费。'),
      message: '科目 210（类）文中写作“医疗卫生与计划生育支出”，而报告的表中名为“卫生健康支出”', severity: 'warning',
      fix: '卫生健康支出', safe: true, fixTitle: '改为表中的名称“卫生健康支出”',
    },
    {
      name: 'a path of names with one name that is not the table’s',
      source: Y26('1. “卫生健康支出（类）«行政单位医疗保险»（款）行政单位医疗（项）”114.97万元，主要用于医疗保险缴费。'),
      message: '科目 21011（款）文中写作“行政单位医疗保险”，而报告的表中名为“行政事业单位医疗”', fix: '行政事业单位医疗',
      fixTitle: '改为表中的名称“行政事业单位医疗”',
    },
    {
      name: 'a dash path',
      source: Y26('1. “卫生健康支出-«行政单位医疗保险»-行政单位医疗”科目114.97万元。'),
      message: '科目 21011（款）文中写作“行政单位医疗保险”，而报告的表中名为“行政事业单位医疗”', fix: '行政事业单位医疗',
      fixTitle: '改为表中的名称“行政事业单位医疗”',
    },
    {
      name: 'an older name where the table has the current one: said so',
      source: Y26('5、社会保障和就业支出（208类）«行政和事业单位离退休»（05款）机关事业单位基本养老保险缴费支出（05项）50.00万元。', PENSION),
      message: '科目 20805（款）文中写作“行政和事业单位离退休”，而报告的表中名为“行政事业单位养老支出”（“行政和事业单位离退休”是旧版本的名称）',
      fix: '行政事业单位养老支出',
      fixTitle: '改为表中的名称“行政事业单位养老支出”',
    },
    {
      name: 'not in the tables: a name that is not the catalogue’s',
      source: Y26('1、一般公共服务支出（201类）«商务事务»（13款）招商引资（08项）10.00万元。'),
      message: '科目 20113（款）文中写作“商务事务”，而科目目录中名为“商贸事务”', fix: '商贸事务', safe: true, fixTitle: '改为目录名称“商贸事务”',
    },
    {
      name: 'a 类 in the table, its 款 and 项 not: the table’s name for the 类',
      source: Y26('1、«医疗卫生与计划生育支出»（210类）公共卫生（04款）其他公共卫生支出（99项）10.00万元。'),
      message: '科目 210（类）文中写作“医疗卫生与计划生育支出”，而报告的表中名为“卫生健康支出”',
      fixTitle: '改为表中的名称“卫生健康支出”',
    },
    {
      name: 'the catalogue’s current name where the table has the old one: the table’s name',
      source: Y26('1. “«卫生健康支出»（类）行政事业单位医疗（款）行政单位医疗（项）”114.97万元。', BUDGET_TABLE.replace('210 卫生健康支出', '210 医疗卫生与计划生育支出')),
      message: '科目 210（类）文中写作“卫生健康支出”，而报告的表中名为“医疗卫生与计划生育支出”', fix: '医疗卫生与计划生育支出',
    },
  ],
});

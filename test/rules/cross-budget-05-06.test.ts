/** cross.预算05-06: 一般公共预算支出表 合计（基本支出） = 一般公共预算基本支出表 合计. */
import { RuleTester } from '../helpers/rule-tester';
import { tbl, YU } from './tables';

const src = (basic: string) => YU + tbl('一般公共预算支出表', ['合计', '基本支出', '项目支出'], [`合计: 543.75 ${basic} 24.90`]) + tbl('一般公共预算基本支出表', ['合计', '人员经费', '公用经费'], ['合计: 518.85 459.86 58.99']);

RuleTester.run('cross.预算05-06', {
  valid: [{ name: 'equal (national titles)', source: src('518.85') }],
  invalid: [{ name: 'differs', source: src('«528.85»'), message: '一般公共预算支出表 合计（基本支出） 528.85 ≠ 一般公共预算基本支出表中的数 518.85（差 10.00）', fix: null }],
  rounding: [{ name: 'one decimal', source: YU + tbl('一般公共预算支出表', ['合计', '基本支出', '项目支出'], ['合计: 543.8 «518.9» 24.9']) + tbl('一般公共预算基本支出表', ['合计', '人员经费', '公用经费'], ['合计: 518.85 459.86 58.99']) }],
});

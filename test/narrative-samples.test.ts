/**
 * The 情况说明 checks on the real 上海 samples (010–015: budgets as published, their mistakes kept; notes in
 * each sample's opening comments) and on the constructed 上海 决算 020 (consistent numbers): every finding is
 * listed — the real mistakes are found, nothing else is said. Each line: rule, (尾数) for a rounding note,
 * the text it sits on, the message.
 */
import * as assert from 'assert';
import { getLanguageService } from '../server/src/service';
import { hover } from '../server/src/service/features';
import { sample } from './helpers/samples';

function narrativeFindings(n: string): string[] {
  const { file, text } = sample(n);
  return getLanguageService().check(file, text).findings
    .filter((f) => f.rule.startsWith('text.'))
    .map((f) => `${f.rule}${f.rounding ? ' (尾数)' : ''} [${text.slice(f.range.start, f.range.end)}] ${f.message}`);
}

const SELF_YEAR = (w: string) => `text.year [2026] 比较的基准写成了报告年度 2026 年本身（“${w}2026年预算”）：应是上年，2025 年`;
const BI_FLAT = (base: string) => `text.flat [比] “比2024年${base}持平”：说持平应写“与…持平”，不用“比”`;

describe('情况说明 on the real 上海 budgets (010–015) and the constructed 决算 (020)', () => {
  it('010 (司法局 2026 部门预算): 比2026年预算 ×5, item 6’s 43269.3 against +17.62%, item 7 truncated, item 9’s 17.66%, item 11’s old 类 name, item 12’s 201.50, 比…持平', () => {
    assert.deepStrictEqual(narrativeFindings('010'), [
      SELF_YEAR('比'), SELF_YEAR('比'), SELF_YEAR('比'), SELF_YEAR('与'), SELF_YEAR('与'),
      'text.direction [增加17.62%] 文中说“增加17.62%”，而预算安排 3845.49万元 与预算执行数 43269.3万元 相比是减少 39423.81万元（91.11%）',
      'text.change (尾数) [2.21%] 按预算执行数 59.11万元、预算安排 57.8万元 计算，减少率应为 2.22%，文中写 2.21%（在舍入误差以内，可能为尾数误差）',
      'text.change [17.66%] 按预算执行数 77.99万元、预算安排 91.97万元 计算，增加率应为 17.93%，文中写的是 17.66%',
      'text.kemu [医疗卫生与计划生育支出] 科目 210（类）文中写作“医疗卫生与计划生育支出”，而报告的表中名为“卫生健康支出”',
      'text.table [201.50万元] “住房公积金”文中写 201.50万元，而2026年部门一般公共预算支出功能分类预算表 住房公积金（一般公共预算支出/合计）为 2087959.00元',
      'text.flat [比] “比2025年预算持平”：说持平应写“与…持平”，不用“比”',
    ]);
  });

  it('011 (司法局 2026 单位预算): 增加（减少）, item 1’s 1.10%, item 7’s 57.8, item 13’s 170.03 and +21.74%, the old 类 name; items 10 and 11 within rounding', () => {
    assert.deepStrictEqual(narrativeFindings('011'), [
      'text.placeholder [增加（减少）] 模板占位符“增加（减少）”没有替换成实际内容',
      'text.change [1.10%] 按预算执行数 1690.69万元、预算安排 1434.89万元 计算，减少率应为 15.13%，文中写的是 1.10%',
      'text.table [57.8万元] “行政单位离退休”文中写 57.8万元，而2026年预算单位一般公共预算支出功能分类预算表 行政单位离退休（一般公共预算支出/合计）为 561,240.00元',
      'text.change (尾数) [22.22%] 按预算执行数 0.50万元、预算安排 0.62万元 计算，增加率应为 24.00%，文中写 22.22%（在舍入误差以内，可能为尾数误差）',
      'text.kemu [医疗卫生与计划生育支出] 科目 210（类）文中写作“医疗卫生与计划生育支出”，而报告的表中名为“卫生健康支出”',
      'text.change (尾数) [93.51%] 按预算执行数 50.78万元、预算安排 98.27万元 计算，增加率应为 93.52%，文中写 93.51%（在舍入误差以内，可能为尾数误差）',
      'text.table [170.03万元] “购房补贴”文中写 170.03万元，而2026年预算单位一般公共预算支出功能分类预算表 购房补贴（一般公共预算支出/合计）为 2,070,000.00元',
      'text.direction [增加21.74%] 文中说“增加21.74%”，而本项的 207万元（本项开头所写）与预算执行数 241.76万元 相比是减少 34.76万元（14.38%）',
    ]);
  });

  it('012 and 013 (商务委员会 2025): only 比2024年预算执行数持平 (twice); the 项目 lists that restate their total are no error', () => {
    for (const n of ['012', '013']) assert.deepStrictEqual(narrativeFindings(n), [BI_FLAT('预算执行数'), BI_FLAT('预算执行数')], n);
  });

  it('014 and 015 (区政府办公室 2025): only 比2024年预算持平 (twice)', () => {
    for (const n of ['014', '015']) assert.deepStrictEqual(narrativeFindings(n), [BI_FLAT('预算'), BI_FLAT('预算')], n);
  });

  it('020 (constructed 决算, consistent numbers): no finding', () => {
    assert.deepStrictEqual(narrativeFindings('020'), []);
  });

  it('every amount of a budget item is linked to its 项 row, by code path (010, 011), by names (012, 013) or by dashes (014, 015); 020’s items and 类 too', () => {
    const links = (n: string) => {
      const { file, text } = sample(n);
      return getLanguageService().check(file, text).links;
    };
    const count = (n: string, verdict: string) => links(n).filter((l) => l.verdict === verdict).length;
    // 010, 011: 13 items, each with its heading amount and its 预算安排; the wrong ones are 201.50 (010) and 57.8, 170.03 (011)
    assert.deepStrictEqual([count('010', 'ok'), count('010', 'error')], [25, 1]);
    assert.deepStrictEqual([count('011', 'ok'), count('011', 'error')], [24, 2]);
    for (const n of ['012', '013']) assert.deepStrictEqual([count(n, 'ok'), links(n).length], [16, 16], n);
    for (const n of ['014', '015']) assert.deepStrictEqual([count(n, 'ok'), links(n).length], [12, 12], n);
    const l020 = links('020');
    assert.ok(l020.every((l) => l.verdict === 'ok'));
    assert.ok(l020.some((l) => l.text === '1862.45万元' && l.where === '一般公共预算财政拨款支出决算表 行政运行（合计）'), JSON.stringify(l020.map((l) => [l.text, l.where])));
    assert.ok(l020.some((l) => l.text === '45.60万元' && /政府性基金/.test(l.where)), 'the 基金 item is linked to the 政府性基金 table');
    assert.ok(l020.some((l) => l.text === '6021.71万元' && / 一般公共服务支出（/.test(l.where)), 'a 类 with its amount is linked to its row');
  });

  it('hover on a budget item’s amount shows the cell in 元 it agrees (or not) with', () => {
    const { file, text } = sample('010');
    const r = getLanguageService().check(file, text);
    const at = (w: string) => text.indexOf(w) + 2;
    assert.strictEqual(hover(r, text, at('208.8万元'))!.contents, '文中 **208.8万元** 对应 2026年部门一般公共预算支出功能分类预算表 住房公积金（一般公共预算支出/合计）：2087959.00元　✓ 一致');
    assert.match(hover(r, text, at('201.50万元'))!.contents, /：2087959\.00元　≠ 不一致$/);
  });
});

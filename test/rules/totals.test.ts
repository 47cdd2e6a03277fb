/** What the table rules record besides findings: each checked total with its parts (hover, inlay hints, 显示计算过程) and coverage. */
import * as assert from 'assert';
import { runCheck } from '../helpers/rule-tester';
import { D03, D07, JUE } from './tables';

describe('checked totals and coverage of the table rules', () => {
  it('a subtracted part is labelled “− …”, each part with its raw text and range; the verdict and the computed value', () => {
    const text = JUE + D07(['合计: 5.00 20.00 10.00 0.00 10.00 16.00'], ['年初结转和结余', '本年收入', '本年支出/小计', '本年支出/基本支出', '本年支出/项目支出', '年末结转和结余']);
    const r = runCheck(text, 'yaml');
    const t = r.totals.find((x) => x.rule === 'sum.columns' && x.label.includes('年末结转和结余'))!;
    assert.deepStrictEqual(t.parts.map((p) => [p.label, p.raw, text.slice(p.range.start, p.range.end)]), [
      ['合计（年初结转和结余）', '5.00', '5.00'], ['合计（本年收入）', '20.00', '20.00'], ['− 合计（本年支出/小计）', '10.00', '10.00'],
    ]);
    assert.deepStrictEqual([t.stated.toString(), t.computed.toString(), t.verdict], ['16.00', '15.00', 'error']);
    assert.strictEqual(text.slice(t.range.start, t.range.end), '16.00');
  });

  it('an empty part (—) is listed with its text and counts as 0', () => {
    const text = JUE + D03(['合计: 10.00', '201 一般公共服务支出: 10.00', '205 教育支出: —'], ['本年支出合计']);
    const t = runCheck(text, 'yaml').totals.find((x) => x.rule === 'sum.total')!;
    assert.deepStrictEqual(t.parts.map((p) => [p.label, p.raw]), [['201 一般公共服务支出', '10.00'], ['205 教育支出', '—']]);
    assert.deepStrictEqual([t.computed.toString(), t.verdict], ['10.00', 'ok']);
  });

  it('a flagged total carries no related locations (VS Code would show them above the computation); its computation lists every part', () => {
    const rows = ['合计: 11.00', ...['201 一般公共服务支出: 10.00', '202 外交支出: 0.00', '203 国防支出: 0.00', '204 公共安全支出: 0.00', '205 教育支出: 0.00', '206 科学技术支出: 0.00', '207 文化旅游体育与传媒支出: 0.00']];
    const r = runCheck(JUE + D03(rows, ['本年支出合计']), 'yaml');
    const f = r.findings.find((x) => x.rule === 'sum.total')!;
    assert.deepStrictEqual(f.related ?? [], []);
    const t = r.totals.find((x) => x.rule === 'sum.total' && x.range.start === f.range.start)!;
    assert.deepStrictEqual(t.parts.map((p) => `${p.label}：${p.raw}`), rows.slice(1).map((x) => x.replace(': ', '：')));
  });

  it('coverage counts the equalities checked per table, and says which could not be', () => {
    const six = ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'];
    const c = runCheck(JUE + D03(['合计: 10.00 6.00 4.00 0.00 0.00 0.00', '201 一般公共服务支出: 10.00 6.00 4.00 0.00 0.00 0.00'], six), 'yaml').coverage.find((x) => x.table.kind === '决算03')!;
    // sum.total: 合计 = Σ 类 in six columns; sum.columns: two rows
    assert.deepStrictEqual([c.checked, c.missing], [8, []]);
    const three = runCheck(JUE + D03(['合计: 10.00 6.00 4.00', '201 一般公共服务支出: 10.00 6.00 4.00']), 'yaml').coverage.find((x) => x.table.kind === '决算03')!;
    assert.strictEqual(three.checked, 3);
    assert.deepStrictEqual(three.missing.map((m) => [m.rule, m.what]), [['sum.columns', '本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出']]);
  });
});

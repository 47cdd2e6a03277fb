/**
 * The real documents on the 上海 templates (samples 010–015, faithful transcriptions with their mistakes
 * kept) and the constructed 上海 决算 (020, consistent numbers): every standard table is recognised and
 * every one of its rules runs; the tables' real mistakes are found, at the cell that carries them, and
 * nothing else in the tables is flagged. (The 情况说明 findings are asserted in test/narrative-samples.test.ts, the seeds’ in test/narrative.test.ts.)
 */
import * as assert from 'assert';
import { CheckResult, getLanguageService } from '../server/src/service';
import { coverageSummary } from '../server/src/service/features/coverage';
import { sample } from './helpers/samples';

function check(id: string): { r: CheckResult; text: string } {
  const s = sample(id);
  const r = getLanguageService().check(s.file, s.text);
  return { r, text: s.text };
}

/** Findings of the table rules (not the 情况说明's): [rule, rounding?, the text at the finding]. */
function tableFindings(id: string): string[] {
  const { r, text } = check(id);
  return r.findings.filter((f) => !f.rule.startsWith('text.') && f.severity !== 'hint')
    .map((f) => `${f.rule}${f.rounding ? ' ≈' : ''} ${text.slice(f.range.start, f.range.end)}`);
}

describe('real 上海 budgets and the constructed 上海 决算 (tables)', () => {
  for (const id of ['010', '011', '012', '013', '014', '015', '020']) {
    it(`${id}: nine standard tables recognised, every rule of each ran`, () => {
      const { r } = check(id);
      const cov = coverageSummary(r);
      assert.strictEqual(cov.length, 9, cov.map((c) => c.title).join('、'));
      for (const c of cov) {
        assert.deepStrictEqual(c.missing, [], `${c.title}: ${JSON.stringify(c.missing)}`);
        const t = r.report.tables.find((x) => x.title === c.title)!;
        const hasAmounts = t.parts.some((p) => p.rows.some((row) => row.cells.some((cell) => cell.kind === 'amount')));
        if (hasAmounts) assert.ok(c.checked > 0, `${c.title}: nothing checked`);
      }
    });
  }

  for (const id of ['010', '012', '013', '014', '015']) {
    it(`${id}: the tables add up (the transcriber recomputed them): no finding in the tables`, () => {
      assert.deepStrictEqual(tableFindings(id), []);
    });
  }

  it('020 (constructed, consistent): no error or warning; the catalogue lacks the 彩票公益金 item (information)', () => {
    assert.deepStrictEqual(tableFindings('020'), ['kemu.unknown 2296099', 'kemu.unknown 2296099', 'kemu.unknown 2296099']);
  });

  it('011: its real table mistakes, each where it is printed', () => {
    assert.deepStrictEqual(tableFindings('011').sort(), [
      // 支出预算总表 and 一般公共预算支出功能分类预算表: 2040601 行政运行 prints 项目支出 64,840,547.00 (should be 0.00)
      'sum.columns 14,348,853.34', 'sum.columns 14,348,853.34',
      // … so the 项 under 20406 司法 add up to twice its 项目支出
      'sum.children 64,840,547.00', 'sum.children 64,840,547.00',
      // 财务收支预算总表 人员经费/公用经费 differ from the 基本支出 table's by 101,200 (only 一般公共预算 money)
      'cross.预算01-06 20,374,181', 'cross.预算01-06 1,744,680',
      // 合计 基本支出 printed 22,118,861 against 22,118,861.34: within rounding of the printed figure
      'sum.total ≈ 22,118,861', 'sum.total ≈ 22,118,861', 'cross.预算05-06 ≈ 22,118,861',
      // 财务收支预算总表: parts printed without decimals, totals with .34: within rounding
      'sum.columns ≈ 79,189,400.34', 'sum.columns ≈ 86,959,408.34', 'sum.columns ≈ 86,959,408.34', 'sum.columns ≈ 86,959,408.34',
    ].sort());
  });

  it('the 单位 variant of the 财务收支预算总表 (预算数/基本支出/人员经费 …) is checked row by row: 合计 = 基本支出 + 项目支出', () => {
    const { r } = check('013');
    const t = r.totals.filter((x) => x.rule === 'sum.columns' && x.label.includes('预算数/合计'));
    assert.ok(t.length >= 5, `${t.length} rows`);
    assert.deepStrictEqual(t[0].parts.map((p) => p.label.replace(/^.*（|）$/g, '')), ['预算数/基本支出/人员经费', '预算数/基本支出/公用经费', '预算数/项目支出']);
  });
});

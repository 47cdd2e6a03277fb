import * as assert from 'assert';
import { getLanguageService } from '../server/src/service';
import { displayWidth, formatDocument } from '../server/src/service/features/format';
import { parseReport } from '../server/src/service/frontends/report-parser';
import { sampleFiles } from './helpers/samples';
import * as fs from 'fs';
import * as path from 'path';

function apply(text: string, edits: Array<{ range: { start: number; end: number }; newText: string }>): string {
  let t = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) t = t.slice(0, e.range.start) + e.newText + t.slice(e.range.end);
  return t;
}

describe('document formatting (aligns table rows)', () => {
  it('counts a 汉字 as two columns', () => {
    assert.strictEqual(displayWidth('合计:'), 5);
    assert.strictEqual(displayWidth('2011308 招商引资'), 16);
  });

  it('aligns the rows of a table, right-aligning the numbers', () => {
    const text = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 某\n\n表 支出决算表:\n  列: [本年支出合计, 基本支出]\n  行:\n    - 合计: 300.00 200.00\n    - 201 一般公共服务支出: 27.00 7.00\n';
    const out = apply(text, formatDocument(text, parseReport(text).report));
    assert.strictEqual(out.split('\n').slice(8, 10).join('\n'), '    - 合计:                 300.00 200.00\n    - 201 一般公共服务支出:  27.00   7.00');
  });

  for (const file of sampleFiles()) {
    it(`${path.basename(file).slice(0, 3)}: loses nothing, changes only white space, and is idempotent`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const once = apply(text, formatDocument(text, parseReport(text).report));
      assert.strictEqual(once.replace(/[ \t]/g, ''), text.replace(/[ \t]/g, ''));
      const cells = (t: string) => parseReport(t).report.tables.flatMap((x) => x.parts.flatMap((p) => p.rows.map((r) => [r.key, ...r.cells.map((c) => c.raw)].join('|'))));
      assert.deepStrictEqual(cells(once), cells(text));
      assert.deepStrictEqual(formatDocument(once, parseReport(once).report), []);
      const msgs = (t: string) => getLanguageService().check('f', t).findings.map((f) => `${f.rule}: ${f.message}`);
      assert.deepStrictEqual(msgs(once), msgs(text));
    });
  }
});

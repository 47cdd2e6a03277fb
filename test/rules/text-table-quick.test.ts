/**
 * text.table's quick test before it reads the term before an amount (mayEndWithTerm): it says no
 * only where the term, as termBefore reads it, names no link — on every text of every sample and on
 * random clauses of terms, unit names, numbering, years, 为/是, spaces and amounts.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { LINK_BY_TERM, mayEndWithTerm, termBefore } from '../../server/src/service/rules/narrative/table';
import { tokens } from '../../server/src/service/narrative/tokens';
import { narrativeTexts } from '../../server/src/service/narrative/reader';
import { parseReport } from '../../server/src/service/frontends/report-parser';
import { corpus } from '../helpers/corpus';

function check(v: string, unitName: string): { linked: number; skipped: number } {
  let linked = 0;
  let skipped = 0;
  for (const tok of tokens(v)) {
    if (tok.kind !== 'amount') continue;
    const link = LINK_BY_TERM.get(termBefore(v, tok, unitName));
    if (link) linked++;
    if (!mayEndWithTerm(v, tok, unitName)) {
      skipped++;
      assert.strictEqual(link, undefined, `${JSON.stringify(v)} @${tok.start} (${unitName})`);
    }
  }
  return { linked, skipped };
}

describe('text.table: the quick test before the term', () => {
  it('never says no before an amount whose term links, in every text of every sample', () => {
    let linked = 0;
    let skipped = 0;
    for (const f of corpus()) {
      const r = parseReport(f.text, f.syntax).report;
      for (const { text } of narrativeTexts(r)) {
        const c = check(text.value, r.meta?.unitName?.value ?? '');
        linked += c.linked;
        skipped += c.skipped;
      }
    }
    assert.ok(linked > 20 && skipped > 200, `${linked} linked, ${skipped} skipped`);
  });

  it('says yes where the unit name, which termBefore takes out, stands before the amount (even behind spaces)', () => {
    const term = [...LINK_BY_TERM.keys()][0];
    for (const gap of ['', ' ', ' '.repeat(40)]) {
      const v = `${term}某单位${gap}100.00万元`;
      const tok = tokens(v)[0];
      assert.ok(LINK_BY_TERM.get(termBefore(v, tok, '某单位')), v);
      assert.ok(mayEndWithTerm(v, tok, '某单位'), v);
      assert.ok(!mayEndWithTerm(v, tok, '别的单位'), v);
    }
  });

  it('nor in random clauses', () => {
    const terms = [...LINK_BY_TERM.keys()].slice(0, 12);
    const words = [...terms, '某单位', '单位', '为', '是', ' ', ' '.repeat(30), '\u3000', '\n', '，', '：', '其中', '其中：', '2023年', '2023年度，', '一、', '（一）', '1.', '1、', '100.00万元', '5万元', '12%', '合计', '支出', '收入', '增加'];
    let linked = 0;
    let skipped = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 10 }), fc.constantFrom('', '某单位', '单位', '支出'), (ws, unit) => {
      const c = check(ws.join(''), unit);
      linked += c.linked;
      skipped += c.skipped;
    }), { numRuns: 20000, endOnFailure: true });
    assert.ok(linked > 300 && skipped > 1000, `${linked} linked, ${skipped} skipped`);
  });
});

/**
 * ctx.memo: what a rule memoises for an object is seen by the other rules of the run; a language
 * service that keeps its checks (the editor) keeps the memos for the next check of the same objects,
 * one that keeps nothing (the command line) starts each run afresh.
 */
import * as assert from 'assert';
import { RuleEngine } from '../../server/src/service/rules/context';
import { Rule, RuleMeta } from '../../server/src/service/rules/types';
import { builtinCatalogue, parseReport } from '../../server/src/service';

const meta = (id: string) => ({ id, group: 'format', severity: 'hint', description: id, descriptionEn: id, example: '', messages: {} }) as unknown as RuleMeta;

describe('rule memos (ctx.memo)', () => {
  const report = parseReport('报告:\n  类型: 部门决算\n  年度: 2024\n  单位: 某单位\n').report;
  const catalogue = builtinCatalogue();
  let made = 0;
  const seen: unknown[] = [];
  const rules: Rule[] = [
    { meta: meta('a'), run: (ctx) => { seen.push(ctx.memo(report, 'x', () => ({ n: ++made }))); } },
    { meta: meta('b'), run: (ctx) => { seen.push(ctx.memo(report, 'x', () => ({ n: ++made }))); } },
  ];
  const run = (e: RuleEngine) => e.run({ uri: 'u', text: '', report, catalogue, rules });

  beforeEach(() => {
    made = 0;
    seen.length = 0;
  });

  it('is made once per run and shared by the rules of the run, in both modes', () => {
    for (const keep of [true, false]) {
      made = 0;
      seen.length = 0;
      run(new RuleEngine(keep));
      assert.strictEqual(made, 1, `keep ${keep}`);
      assert.strictEqual(seen[0], seen[1]);
    }
  });

  it('is kept for the next run when the engine keeps its checks, made anew when it does not', () => {
    const kept = new RuleEngine(true);
    run(kept);
    run(kept);
    assert.strictEqual(made, 1);
    assert.strictEqual(seen[0], seen[2]);
    made = 0;
    seen.length = 0;
    const fresh = new RuleEngine(false);
    run(fresh);
    run(fresh);
    assert.strictEqual(made, 2);
    assert.strictEqual(seen[0], seen[1]);
    assert.notStrictEqual(seen[0], seen[2]);
  });
});

/**
 * ctx.memo: what a rule memoises for an object is seen by the other rules of the run; a language
 * service that keeps its checks (the editor) keeps the memos for the next check of the same objects,
 * one that keeps nothing (the command line) starts each run afresh.
 */
import * as assert from 'assert';
import { addSeen, RuleEngine, seenAlike } from '../../server/src/service/rules/context';
import { Report, Table } from '../../server/src/service/model';
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

describe('tables written alike (seenAlike)', () => {
  const catalogue = builtinCatalogue();
  type T = { range: { start: number; end: number }; names: string[] };
  const table = (names: string[]): T => ({ range: { start: 0, end: 0 }, names });
  let compared = 0;
  let answers: boolean[] = [];
  const rule: Rule = {
    meta: meta('alike'),
    run: (ctx) => {
      const seen = new Map<number, string[][]>();
      for (const t of (ctx.model as unknown as { tables: T[] }).tables) {
        // the list memoised with the table, as the rules do (an unchanged table keeps its list object)
        const items = ctx.memo(t, 'items', () => [...t.names]);
        const hash = items.join('\n').length;
        const same = (a: string[], b: string[]) => (compared++, a.length === b.length && a.every((x, i) => x === b[i]));
        const alike = seenAlike(ctx, t as unknown as Table, 'alike', seen, items, hash, same);
        answers.push(alike);
        if (!alike) addSeen(seen, items, hash);
      }
    },
  };
  const run = (e: RuleEngine, tables: T[]) => {
    compared = 0;
    answers = [];
    e.run({ uri: 'u', text: '', report: { tables } as unknown as Report, catalogue, rules: [rule] });
  };

  it('after the first of tables written alike is made anew (an edit in it), compares one later table with it, not each', () => {
    const names = ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款'];
    const later = [table(names), table(names), table(names), table(names)];
    const e = new RuleEngine(true);
    run(e, [table(names), ...later]);
    assert.deepStrictEqual(answers, [false, true, true, true, true]);
    assert.strictEqual(compared, 4);
    // the first table edited (a new object, the same names): one comparison finds it alike, the others follow
    run(e, [table(names), ...later]);
    assert.deepStrictEqual(answers, [false, true, true, true, true]);
    assert.strictEqual(compared, 1);
    // and unchanged again: nothing compared
    const first = table(names);
    run(e, [first, ...later]);
    run(e, [first, ...later]);
    assert.strictEqual(compared, 0);
    // the first table's names changed: the second is now the first of its kind; the third is compared
    // with it, and the two after follow the third (they were like the same list)
    run(e, [table(['合计', '其他']), ...later]);
    assert.deepStrictEqual(answers, [false, false, true, true, true]);
    assert.strictEqual(compared, 1);
  });

  it('never takes for alike a table whose names differ from those it was like before', () => {
    const a = ['合计', '基本支出'];
    const b = ['合计', '基本支出', '项目支出'];
    const e = new RuleEngine(true);
    const t2 = table(a);
    run(e, [table(a), t2]);
    assert.deepStrictEqual(answers, [false, true]);
    // the first table becomes b (other hash): t2 is first of its kind now
    run(e, [table(b), t2]);
    assert.deepStrictEqual(answers, [false, false]);
  });
});

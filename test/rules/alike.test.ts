/**
 * seenAlike / addSeen (rules/context.ts): a rule skips a table whose rows (or names) equal those of a
 * table before it in the check — by hash, then compared — and remembers which list it equalled, so that
 * a later check compares nothing again while that list is still there. A hash alone never decides.
 */
import * as assert from 'assert';
import { addSeen, seenAlike } from '../../server/src/service/rules/context';
import { RuleContext } from '../../server/src/service/rules/types';
import { Table } from '../../server/src/service/model';

/** The one part of a rule context seenAlike uses: memo, kept per object (as the engine keeps it). */
function context(): RuleContext {
  const memos = new WeakMap<object, Map<string, unknown>>();
  return {
    memo(key: object, name: string, fn: (k: object) => unknown) {
      let m = memos.get(key);
      if (!m) memos.set(key, (m = new Map()));
      if (!m.has(name)) m.set(name, fn(key));
      return m.get(name);
    },
  } as unknown as RuleContext;
}
const table = () => ({}) as Table;
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

describe('seenAlike: tables written alike, found once', () => {
  it('equal lists under one hash are alike; a list that only shares the hash is not', () => {
    const ctx = context();
    const seen = new Map<number, string[][]>();
    addSeen(seen, ['201 一般公共服务支出'], 7);
    assert.strictEqual(seenAlike(ctx, table(), 'x', seen, ['201 一般公共服务支出'], 7, same), true);
    assert.strictEqual(seenAlike(ctx, table(), 'x', seen, ['205 教育支出'], 7, same), false, 'same hash, other content');
    assert.strictEqual(seenAlike(ctx, table(), 'x', seen, ['201 一般公共服务支出'], 8, same), false, 'another hash: not looked at');
  });

  it('a table remembers the list it equalled: while that list is seen, nothing is compared again', () => {
    const ctx = context();
    const t = table();
    const first = ['201 一般公共服务支出', '20101 人大事务'];
    const seen = new Map<number, string[][]>();
    addSeen(seen, first, 1);
    let compared = 0;
    const counting = (a: string[], b: string[]) => { compared++; return same(a, b); };
    assert.ok(seenAlike(ctx, t, 'x', seen, [...first], 1, counting));
    assert.strictEqual(compared, 1);
    // the next check: a new map with the same list in it
    const again = new Map<number, string[][]>();
    addSeen(again, first, 1);
    assert.ok(seenAlike(ctx, t, 'x', again, [...first], 1, counting));
    assert.strictEqual(compared, 1, 'no comparison');
    // the list it equalled is gone (that table was edited): compared again, with the new one
    const edited = new Map<number, string[][]>();
    addSeen(edited, ['201 一般公共服务支出', '20102 政协事务'], 1);
    assert.strictEqual(seenAlike(ctx, t, 'x', edited, [...first], 1, counting), false);
    assert.strictEqual(compared, 2);
  });
});

/** parse.internal: a block whose parsing throws is an internal error on its key; the other blocks are read. */
import * as assert from 'assert';
import * as schema from '../../server/src/service/frontends/schema';
import { JUE, runCheck } from '../helpers/rule-tester';

describe('rule parse.internal', () => {
  it('YAML: the block that failed is named by its key, the 报告 block is still read', () => {
    const s = schema as { validateBlock: typeof schema.validateBlock };
    const orig = s.validateBlock;
    s.validateBlock = (key, ...rest) => { if (key === '名词解释') throw new Error('boom'); return orig(key, ...rest); };
    try {
      const text = JUE + '名词解释:\n  - 基本支出: 定义\n';
      const r = runCheck(text, 'yaml', { allowInternal: true });
      const f = r.findings.filter((x) => x.rule === 'parse.internal');
      assert.deepStrictEqual(f.map((x) => [x.severity, text.slice(x.range.start, x.range.end), x.message]), [['error', '名词解释', '内部错误：此块未能解析（boom）。请报告此问题。']]);
      assert.strictEqual(r.report.meta?.unitName?.value, '测试单位');
    } finally {
      s.validateBlock = orig;
    }
  });
});

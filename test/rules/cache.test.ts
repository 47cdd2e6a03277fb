/**
 * The rules' per-table caches are invalidated by what else they read: a table reused unchanged is
 * checked again when the 科目 edition changed. (The other version a rule gives its cache, the table's
 * kind, cannot change while the table's text does not: docs/mutation.md.)
 */
import * as assert from 'assert';
import { DEFAULT_SETTINGS, getLanguageService } from '../../server/src/service';
import { D03, D06, JUE } from './tables';

describe('rule caches follow the catalogue', () => {
  it('kemu.* follow the 科目 edition (a setting changed between two checks of the same text)', () => {
    const ls = getLanguageService();
    const text = JUE + D03(['2011377 某项: 1.00', '201 一般公共服务支出: 1.00'], ['本年支出合计']) + D06(['30217 公务招待费: 1.00']);
    const msgs = (rule: string) => ls.check('mem://k.jsgk.yaml', text).findings.filter((f) => f.rule === rule).map((f) => f.message);
    assert.ok(msgs('kemu.unknown').every((m) => m.includes('2023 版')));
    assert.ok(msgs('kemu.name').every((m) => m.includes('2023 版')));
    ls.configure({ settings: { ...DEFAULT_SETTINGS, kemuEdition: '2025' } });
    assert.ok(msgs('kemu.unknown').some((m) => m.includes('2025 版')), JSON.stringify(msgs('kemu.unknown')));
    assert.ok(msgs('kemu.name').some((m) => m.includes('2025 版')), JSON.stringify(msgs('kemu.name')));
  });
});

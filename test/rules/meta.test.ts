/**
 * Every rule's metadata says what it is in both languages: a description, its English, an example,
 * and for every message it writes an English text with the same placeholders.
 */
import * as assert from 'assert';
import { RULES } from '../../server/src/service/rules/registry';

const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join(',');

describe('rule metadata', () => {
  for (const r of RULES) {
    it(`${r.meta.id}: description, English, example; each message has its English with the same placeholders`, () => {
      const m = r.meta;
      assert.match(m.id, /^[a-z]+(\.[\w\u4e00-\u9fff-]+)*$/);
      for (const [k, v] of [['description', m.description], ['descriptionEn', m.descriptionEn], ['example', m.example]] as const) assert.ok(v.trim().length > 3, `${m.id} ${k}`);
      assert.ok(/[\u4e00-\u9fff]/.test(m.description), `${m.id}: the description is Chinese`);
      assert.ok(/[A-Za-z]{3}/.test(m.descriptionEn), `${m.id}: descriptionEn is English`);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(m.severity));
      for (const [zh, en] of Object.entries(m.messages)) {
        assert.ok(zh.trim().length > 0 && en.trim().length > 0, `${m.id}: “${zh}” → “${en}”`);
        assert.strictEqual(placeholders(en), placeholders(zh), `${m.id}: placeholders of “${zh}”`);
      }
    });
  }
});

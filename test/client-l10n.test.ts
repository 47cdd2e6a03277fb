/**
 * The extension's own messages (client/src: vscode.l10n.t('…') and the messages newReport.ts
 * returns) are in l10n/bundle.l10n.json and have an English translation with the same
 * placeholders; neither bundle has a stale entry.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers/samples';

const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort().join();

describe('the extension’s messages (l10n bundles)', () => {
  const keys = new Set<string>();
  for (const m of read('client/src/extension.ts').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) keys.add(m[1]);
  for (const m of read('client/src/newReport.ts').matchAll(/return \['((?:[^'\\]|\\.)*)'/g)) keys.add(m[1]);
  const zh = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, string>;
  const en = JSON.parse(read('l10n/bundle.l10n.en.json')) as Record<string, string>;

  it('every message is in both bundles, and no entry is stale', () => {
    assert.ok(keys.size > 30, `only ${keys.size} messages found: the extraction is broken`);
    assert.deepStrictEqual([...keys].filter((k) => zh[k] !== k), []);
    assert.deepStrictEqual([...keys].filter((k) => !en[k]), []);
    assert.deepStrictEqual(Object.keys(zh).filter((k) => !keys.has(k)), []);
    assert.deepStrictEqual(Object.keys(en).filter((k) => !keys.has(k)), []);
  });

  it('each English message keeps the placeholders', () => {
    assert.deepStrictEqual(Object.entries(en).filter(([k, v]) => placeholders(k) !== placeholders(v)).map(([k]) => k), []);
  });
});

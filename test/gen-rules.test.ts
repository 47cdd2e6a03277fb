/** The README's rule table and package.json's jsgk.severity are generated from the registry (npm run gen:rules) and kept equal. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ruleTable, severitySetting, withSeverity, withTable, LEVELS } from '../scripts/gen-rules';
import { readSettings, RULE_IDS } from '../server/src/service';
import { ROOT } from './helpers/samples';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const pkgText = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');

describe('generated from the rule registry (npm run gen:rules)', () => {
  it('the README rule table is up to date', () => {
    assert.strictEqual(withTable(readme), readme, 'run npm run gen:rules');
    assert.ok(readme.includes(ruleTable()));
  });

  it('package.json jsgk.severity is up to date: one property per rule id, the five levels, nothing else', () => {
    assert.strictEqual(withSeverity(pkgText), pkgText, 'run npm run gen:rules');
    const s = JSON.parse(pkgText).contributes.configuration.properties['jsgk.severity'];
    assert.deepStrictEqual(Object.keys(s.properties), [...RULE_IDS]);
    assert.strictEqual(s.additionalProperties, false);
    for (const p of Object.values(s.properties) as Array<{ enum: string[]; description: string }>) {
      assert.deepStrictEqual(p.enum, LEVELS);
      assert.ok(p.description.length > 5);
    }
    assert.deepStrictEqual(severitySetting().properties, s.properties);
  });

  it('every rule id the setting offers is one readSettings accepts, and every level too', () => {
    const sev = Object.fromEntries(RULE_IDS.map((id, i) => [id, LEVELS[i % LEVELS.length]]));
    assert.deepStrictEqual(readSettings({ severity: sev }).problems, []);
  });

  it('the table lists every rule once, in registry order', () => {
    const ids = [...ruleTable().matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    assert.deepStrictEqual(ids, [...RULE_IDS]);
  });
});

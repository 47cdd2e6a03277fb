/** Every rule of the registry is specified by a file of cases here (the text.* rules by theirs on the narrative side). */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULE_IDS } from '../../server/src/service/rules/registry';
import { ROOT } from '../helpers/samples';

describe('test/rules: one file of cases per rule', () => {
  it('every rule id except text.* has RuleTester.run or describe(\'rule <id>\') in a file of test/rules', () => {
    const dir = path.join(ROOT, 'test', 'rules');
    const src = fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    const missing = RULE_IDS.filter((id) => !id.startsWith('text.') && !src.includes(`RuleTester.run('${id}'`) && !src.includes(`describe('rule ${id}`));
    assert.deepStrictEqual(missing, []);
  });
});

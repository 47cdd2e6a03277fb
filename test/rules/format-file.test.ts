/** file: a report file that cannot be read (the command line's finding; the editor has the text already). */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFiles } from '../../server/src/cli/jsgk';
import { JUE } from '../helpers/rule-tester';

describe('rule file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-file-rule-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, data: string | Buffer) => { const p = path.join(dir, name); fs.writeFileSync(p, data); return p; };

  it('an empty file and a file of blanks are errors saying what a report needs', () => {
    const out = checkFiles([write('a.jsgk.yaml', ''), write('b.jsgk.yaml', ' \n\n')]);
    assert.deepStrictEqual(out.map((f) => [path.basename(f.file), f.rule, f.severity, f.line, f.message]), [
      ['a.jsgk.yaml', 'file', 'error', 1, '文件为空：报告至少应有“报告”块（类型、年度、单位）'],
      ['b.jsgk.yaml', 'file', 'error', 1, '文件只有空白：报告至少应有“报告”块（类型、年度、单位）'],
    ]);
  });

  it('a readable file has no file finding; a GBK-looking binary file is refused with the reason', () => {
    assert.deepStrictEqual(checkFiles([write('c.jsgk.yaml', JUE)]).filter((f) => f.rule === 'file'), []);
    const bad = checkFiles([write('d.jsgk.yaml', Buffer.from([0xb2, 0xbf, 0xc3, 0xc5, 0x00, 0x01, 0x02]))]).filter((f) => f.rule === 'file');
    assert.strictEqual(bad.length, 1);
    assert.strictEqual(bad[0].severity, 'error');
  });
});

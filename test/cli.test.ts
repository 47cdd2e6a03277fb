import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, CliFinding, defaultJobs, pieces } from '../server/src/cli/jsgk';
import { ROOT, SAMPLES } from './helpers/samples';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

/** The findings of `jsgk check --format json` (an object with findings and coverage per file). */
const findingsOf = (out: string) => (JSON.parse(out) as { findings: CliFinding[] }).findings;

describe('jsgk check (command line)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-cli-'));
  const write = (name: string, content: string | Buffer) => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const good = write('good.jsgk.yaml', '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 某单位\n');
  const bad = write('bad.jsgk.yaml', '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 某单位\n\n表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - 合计: 335.5六\n');

  it('exits 0 and prints a summary when there is no error', async () => {
    const r = await run(['check', good]);
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /检查了 1 个文件：0 个错误/);
  });

  it('exits 1 and prints path:line:col: severity rule: message for an error', async () => {
    const r = await run(['check', bad]);
    assert.strictEqual(r.code, 1);
    assert.ok(r.out.includes(`${bad}:9:11: error parse.amount: 金额“335.5六”含有非数字字符“六”`), r.out);
  });

  it('--format json prints the findings with 1-based positions', async () => {
    const r = await run(['check', '--format', 'json', bad]);
    assert.strictEqual(r.code, 1);
    const arr = findingsOf(r.out).filter((f) => f.rule !== 'table.coverage');
    assert.strictEqual(arr.length, 1);
    assert.deepStrictEqual(arr[0], {
      file: bad, line: 9, column: 11, endLine: 9, endColumn: 17, severity: 'error', rule: 'parse.amount', message: '金额“335.5六”含有非数字字符“六”',
    });
  });

  it('checks a folder, finding *.jsgk.yaml files', async () => {
    const r = await run(['check', '--format=json', tmp]);
    const arr = findingsOf(r.out);
    assert.deepStrictEqual([...new Set(arr.map((f) => path.basename(f.file)))], ['bad.jsgk.yaml']);
    assert.strictEqual(r.code, 1);
  });

  it('writes its lines in pieces, not one system call per finding: the text is the same, whole lines in each piece', async () => {
    // the samples: a few hundred lines of findings and coverage
    const lines: string[] = [];
    const code = await main(['check', SAMPLES], (s) => lines.push(s), () => undefined);
    assert.strictEqual(code, 1);
    const text = lines.join('');
    const n = text.split('\n').length - 1;
    assert.ok(n > 100, `${n} lines`);
    assert.ok(lines.length <= Math.ceil(text.length / (1 << 15)) + 1, `${lines.length} writes for ${text.length} characters`);
    assert.ok(lines.every((p) => p.endsWith('\n')));
    assert.match(text, /\n检查了 \d+ 个文件：\d+ 个错误，\d+ 个警告，\d+ 条提示\n$/);
    // pieces() itself: each piece at least `size` long but the last, in order
    const got: string[] = [];
    const out = pieces((s) => got.push(s), 10);
    for (const w of ['aaaa\n', 'bbbb\n', 'cc\n', 'd\n']) out.write(w);
    assert.deepStrictEqual(got, ['aaaa\nbbbb\n']);
    out.flush();
    out.flush();
    assert.deepStrictEqual(got, ['aaaa\nbbbb\n', 'cc\nd\n']);
  });

  it('exits 2 on usage errors', async () => {
    assert.strictEqual((await run([])).code, 2);
    assert.strictEqual((await run(['lint', good])).code, 2);
    assert.strictEqual((await run(['check'])).code, 2);
    assert.strictEqual((await run(['check', '--format', 'xml', good])).code, 2);
    assert.strictEqual((await run(['check', '--bogus', good])).code, 2);
    const missing = await run(['check', path.join(tmp, 'nope.jsgk.yaml')]);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /找不到/);
  });

  it('--jobs: how many threads check at once (default half the cores, at most 4); a bad count is a usage error', async () => {
    assert.deepStrictEqual([1, 2, 3, 4, 8, 16, 64].map((c) => defaultJobs(c)), [1, 1, 1, 2, 4, 4, 4]);
    for (const v of ['0', 'x', '-1', '1.5', '1000', '']) {
      const r = await run(['check', '--jobs', v, good]);
      assert.strictEqual(r.code, 2, v);
      assert.match(r.err, /--jobs 应是 1 到 999 的整数/, v);
    }
    const one = await run(['check', '--jobs', '1', bad]);
    const two = await run(['check', '--jobs=2', bad]);
    assert.strictEqual(one.code, 1);
    assert.deepStrictEqual([two.code, two.out], [one.code, one.out]);
  });

  it('says clearly when a file is empty, not UTF-8, or unreadable', async () => {
    const empty = write('empty.jsgk.yaml', '');
    const gbk = write('gbk.jsgk.yaml', Buffer.from([0xb1, 0xa8, 0xb8, 0xe6, 0x3a, 0x0a]));
    const r = await run(['check', '--format', 'json', empty, gbk]);
    const arr = findingsOf(r.out);
    assert.strictEqual(r.code, 1);
    assert.match(arr.find((f) => f.file === empty)!.message, /文件为空/);
    assert.match(arr.find((f) => f.file === gbk)!.message, /不是 UTF-8/);
    if (process.getuid && process.getuid() !== 0) {
      const locked = write('locked.jsgk.yaml', 'x');
      fs.chmodSync(locked, 0);
      const r2 = await run(['check', '--format', 'json', locked]);
      assert.match(findingsOf(r2.out)[0].message, /无法读取|没有读取权限/);
    }
  });

  it('the installed bin runs on the samples and exits with the right code', () => {
    const p = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'jsgk.js'), 'check', '--format', 'json', SAMPLES], { encoding: 'utf8' });
    const arr = findingsOf(p.stdout);
    const errors = arr.filter((f) => f.severity === 'error');
    assert.strictEqual(p.status, errors.length > 0 ? 1 : 0);
    assert.strictEqual(p.stderr, '');
  });
});

describe('jsgk convert (command line)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-convert-'));
  const yamlFile = path.join(tmp, '001.jsgk.yaml');
  fs.copyFileSync(fs.readdirSync(SAMPLES).filter((f) => f.startsWith('001')).map((f) => path.join(SAMPLES, f))[0], yamlFile);

  it('writes the DSL next to the YAML, refuses to overwrite it, and checks it with the same findings', async () => {
    const r = await run(['convert', yamlFile]);
    assert.strictEqual(r.code, 0, r.err);
    const dslFile = path.join(tmp, '001.jsgk');
    assert.strictEqual(r.out, `写入 ${dslFile}\n`);
    assert.match(fs.readFileSync(dslFile, 'utf8'), /^【绩效自评 口岸运转费】$/m);
    const again = await run(['convert', yamlFile]);
    assert.strictEqual(again.code, 2);
    assert.match(again.err, /已存在：换一个 --out，或加 --force 覆盖/);
    // the same findings and the same coverage, whatever the file is called
    const lines = async (f: string) => (await run(['check', f])).out.split('\n').map((l) => l.split(f).join('F').replace(/^F:\d+:\d+: /, '')).sort();
    const a = await lines(yamlFile);
    const b = await lines(dslFile);
    assert.deepStrictEqual(b, a);
  });

  it('converts back to YAML on standard output; a file with format errors is refused with its findings', async () => {
    const r = await run(['convert', path.join(tmp, '001.jsgk'), '--out', '-']);
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /^报告:\n  类型: 单位决算\n/m);
    const bad = path.join(tmp, 'bad.jsgk');
    fs.writeFileSync(bad, '【报告】\n类型：部门决算\n年度：二〇二三\n单位：某单位\n');
    const no = await run(['convert', bad]);
    assert.strictEqual(no.code, 1);
    assert.strictEqual(no.err, `${bad}:3:4: schema: 应为四位年份，如 2023，而这里是“二〇二三”\n文件中有 1 处格式错误，转换会丢失读不懂的内容：请先修正（见“问题”面板）再转换\n`);
    assert.ok(!fs.existsSync(path.join(tmp, 'bad.jsgk.yaml')));
    assert.strictEqual((await run(['convert', bad, '--to', 'xml'])).code, 2);
  });
});

/**
 * Bad inputs and faults (the reliability cases of issue 10): a workspace walk that cannot be fooled
 * or stopped (symlink loops, a link to /, a FIFO, /dev/zero, an unreadable folder, a report reached
 * twice), writes only where asked (no write through a symbolic link, formula cells escaped in CSV,
 * a damaged spreadsheet answered with a message, re-import replacing multi-line records), and
 * messages that say what is wrong (UTF-16, CR-only line endings, an invisible character, a closed
 * pipe). Anything that could hang runs in a child process with a generous timeout: the assertion
 * is only that it ends.
 */
import * as assert from 'assert';
import * as XLSX from '@e965/xlsx';
import { ChildProcess, spawn, spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection, ExecuteCommandRequest, ExitNotification, InitializedNotification, InitializeRequest, ProtocolConnection,
  ShutdownRequest, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { main, CliFinding } from '../server/src/cli/jsgk';
import { getLanguageService, importSpreadsheet, LineIndex, parseOverrideCsv } from '../server/src/service';
import { csvCell, escapeFormula, parseCsv, unescapeFormula } from '../server/src/service/csv';
import { findReports, findReportsSync } from '../server/src/service/workspace/discovery';
import { importKemuToFile, readOverrideFile } from '../server/src/service/workspace/kemu-file';
import { decodeText, formatSize, readTextFile, readTextFileSync } from '../server/src/service/workspace/read';
import { visible } from '../server/src/service/workspace/visible';
import { inspectTarget, writeFileSafely } from '../server/src/service/workspace/write';
import { ROOT, SAMPLES } from './helpers/samples';

const BIN = path.join(ROOT, 'bin', 'jsgk.js');
const OUT = path.join(ROOT, 'out', 'server', 'src');
const FIX = path.join(ROOT, 'test', 'fixtures', 'reliability');
const UNITS = path.join(ROOT, 'examples', '部门与所属单位');
const SAMPLE_000 = path.join(SAMPLES, fs.readdirSync(SAMPLES).find((f) => f.startsWith('000-'))!);
const DEPT = path.join(UNITS, fs.readdirSync(UNITS).find((f) => f.includes('部门决算'))!);
const POSIX = process.platform !== 'win32';
/** Generous: a walk that ends at all ends in well under a second; a hang never ends. */
const HANG = 30000;

const temps: string[] = [];
function tmp(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `jsgk-rel-${prefix}-`));
  temps.push(d);
  return d;
}
after(() => {
  for (const d of temps) {
    try {
      spawnSync('chmod', ['-R', 'u+rwx', d]);
      fs.rmSync(d, { recursive: true, force: true });
    } catch { /* leave it */ }
  }
});

/** The installed CLI in a child process; fails (instead of hanging the suite) if it does not end. */
function cli(args: string[], opts: { cwd?: string; node?: string[] } = {}): SpawnSyncReturns<string> {
  const r = spawnSync(process.execPath, [...(opts.node ?? []), BIN, ...args], { cwd: opts.cwd ?? ROOT, encoding: 'utf8', timeout: HANG, maxBuffer: 64 << 20 });
  assert.strictEqual(r.error, undefined, `jsgk ${args.join(' ')} did not end within ${HANG / 1000} s (${r.error?.message})`);
  return r;
}

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

const summary = (out: string) => out.trim().split('\n').pop() ?? '';

function mkfifo(p: string): void {
  const r = spawnSync('mkfifo', [p]);
  assert.strictEqual(r.status, 0, `mkfifo ${p} failed: ${r.stderr}`);
}

/** A script run by node in a child process, given the compiled modules; its stdout parsed as JSON. */
function nodeScript(code: string, timeout = HANG): unknown {
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout, env: { ...process.env, JSGK_OUT: OUT } });
  assert.strictEqual(r.error, undefined, `the script did not end within ${timeout / 1000} s: it blocks`);
  assert.strictEqual(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe('reliability: the workspace walk cannot be fooled or stopped', function () {
  this.timeout(2 * HANG);

  it('symlink-self-hides-units-sum-errors: "again -> ." reads each report once; the 2 units.sum errors stay, exit 1', function () {
    if (!POSIX) this.skip();
    const d = tmp('again');
    for (const f of fs.readdirSync(UNITS)) fs.copyFileSync(path.join(UNITS, f), path.join(d, f));
    const before = cli(['check', d]);
    assert.strictEqual(before.status, 1);
    assert.strictEqual(summary(before.stdout), '检查了 3 个文件：2 个错误，0 个警告，0 条提示');
    fs.symlinkSync('.', path.join(d, 'again'));
    const r = cli(['check', d]);
    assert.strictEqual(r.status, 1, r.stdout + r.stderr);
    assert.strictEqual(summary(r.stdout), '检查了 3 个文件：2 个错误，1 个警告，0 条提示');
    assert.strictEqual(r.stdout.split('\n').filter((l) => / error units\.sum: /.test(l)).length, 2, r.stdout);
    assert.ok(r.stdout.includes(`${path.join(d, 'again')}:1:1: warning file: 这是指向上级文件夹（${fs.realpathSync(d)}）的链接，进入会无限循环：没有进入`), r.stdout);
    assert.ok(!r.stdout.includes(`${path.join(d, 'again')}${path.sep}`), 'no report is read through the link');
    const w = findReportsSync([d]);
    assert.deepStrictEqual(w.files.map((f) => path.basename(f.path)).sort(), fs.readdirSync(UNITS).sort());
    assert.deepStrictEqual(w.problems.map((p) => p.kind), ['loop']);
  });

  it('symlink-loop-hang: two links to "." end (no 2^40 paths), each named as a loop; sync and async walks agree', async function () {
    if (!POSIX) this.skip();
    const d = tmp('loop');
    fs.copyFileSync(SAMPLE_000, path.join(d, 'a.jsgk.yaml'));
    fs.symlinkSync('.', path.join(d, 's1'));
    fs.symlinkSync('.', path.join(d, 's2'));
    fs.mkdirSync(path.join(d, 'sub'));
    fs.symlinkSync('..', path.join(d, 'sub', 'up'));
    const r = cli(['check', d]);
    assert.strictEqual(summary(r.stdout), '检查了 1 个文件：0 个错误，6 个警告，16 条提示', r.stdout);
    for (const l of ['s1', 's2', path.join('sub', 'up')]) assert.match(r.stdout, new RegExp(`${path.join(d, l).replace(/[/\\]/g, '.')}:1:1: warning file: 这是指向上级文件夹`));
    const sync = findReportsSync([d]);
    assert.deepStrictEqual(sync.files.map((f) => f.path), [path.join(d, 'a.jsgk.yaml')]);
    assert.deepStrictEqual(sync.problems.map((p) => [path.relative(d, p.path), p.kind]), [['s1', 'loop'], ['s2', 'loop'], [path.join('sub', 'up'), 'loop']]);
    assert.deepStrictEqual(await findReports([d]), sync);
  });

  it('workspace-symlink-to-root-hang: a link to / is not followed (CLI, and the async walk of the server)', async function () {
    if (!POSIX) this.skip();
    const d = tmp('root');
    fs.copyFileSync(DEPT, path.join(d, 'dept.jsgk.yaml'));
    fs.symlinkSync('/', path.join(d, 'root'));
    const r = cli(['check', d]);
    assert.ok(r.stdout.includes(`${path.join(d, 'root')}:1:1: warning file: 这是指向所查文件夹之外（/）的链接：不跟随，那里的报告没有检查`), r.stdout);
    assert.match(summary(r.stdout), /^检查了 1 个文件：/);
    const w = await findReports([d]);
    assert.deepStrictEqual(w.files.map((f) => path.basename(f.path)), ['dept.jsgk.yaml']);
    assert.deepStrictEqual(w.problems.map((p) => p.kind), ['outside']);
  });

  it('workspace-fifo-hang: a FIFO named like a report is never opened; the other reports are checked', function () {
    if (!POSIX) this.skip();
    const d = tmp('fifo');
    fs.copyFileSync(SAMPLE_000, path.join(d, 'a.jsgk.yaml'));
    mkfifo(path.join(d, 'p.jsgk.yaml'));
    const r = cli(['check', d]);
    assert.ok(r.stdout.includes(`${path.join(d, 'p.jsgk.yaml')}:1:1: warning file: 这不是普通文件，而是命名管道（FIFO）：没有读取`), r.stdout);
    assert.strictEqual(summary(r.stdout), '检查了 1 个文件：0 个错误，4 个警告，16 条提示');
    assert.strictEqual(r.status, 0);
    // given by name, it is an error (the file asked for was not checked)
    const named = cli(['check', path.join(d, 'p.jsgk.yaml')]);
    assert.strictEqual(named.status, 2);
    assert.match(named.stderr, /p\.jsgk\.yaml:1:1: error file: 这不是普通文件，而是命名管道（FIFO）：没有读取/);
    // the readers and both walks, in a child process: a blocking open() would hang it, not the suite
    const res = nodeScript(`
      const d = require(process.env.JSGK_OUT + '/service/workspace/discovery.js');
      const rd = require(process.env.JSGK_OUT + '/service/workspace/read.js');
      const p = ${JSON.stringify(path.join(d, 'p.jsgk.yaml'))};
      (async () => {
        const out = { sync: rd.readTextFileSync(p), async: await rd.readTextFile(p), walk: (await d.findReports([${JSON.stringify(d)}])).problems.map((x) => x.kind) };
        process.stdout.write(JSON.stringify(out));
      })();`) as { sync: { ok: boolean; kind: string }; async: { ok: boolean; kind: string }; walk: string[] };
    assert.deepStrictEqual([res.sync.ok, res.sync.kind, res.async.ok, res.async.kind, res.walk], [false, 'not-regular', false, 'not-regular', ['not-regular']]);
  });

  it('workspace-dev-zero-oom: a report and jsgk-kemu.csv linked to /dev/zero are refused, not read without end', function () {
    if (!POSIX || !fs.existsSync('/dev/zero')) this.skip();
    const d = tmp('zero');
    fs.copyFileSync(SAMPLE_000, path.join(d, 'a.jsgk.yaml'));
    fs.symlinkSync('/dev/zero', path.join(d, 'z.jsgk.yaml'));
    fs.symlinkSync('/dev/zero', path.join(d, 'jsgk-kemu.csv'));
    // a heap of 256 MB: reading /dev/zero would abort the process instead of passing
    const r = cli(['check', '.'], { cwd: d, node: ['--max-old-space-size=256'] });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes('z.jsgk.yaml:1:1: warning file: 这是指向 /dev/zero 的链接，那不是普通文件，而是字符设备（如 /dev/zero）：没有读取'), r.stdout);
    assert.strictEqual(r.stderr, 'jsgk-kemu.csv: 这不是普通文件，而是字符设备（如 /dev/zero）：没有读取\n');
    assert.strictEqual(summary(r.stdout), '检查了 1 个文件：0 个错误，4 个警告，16 条提示');
    // what the server reads at initialize (jsgk-kemu.csv) and for the workspace
    const o = readOverrideFile(path.join(d, 'jsgk-kemu.csv'), [2023]);
    assert.deepStrictEqual([o.entries.length, o.problem], [0, '这不是普通文件，而是字符设备（如 /dev/zero）：没有读取']);
    const t = readTextFileSync('/dev/zero');
    assert.deepStrictEqual([t.ok, !t.ok && t.kind], [false, 'not-regular']);
  });

  it('a file above the size limit (a sparse 2 GB file) is a problem that says both sizes, and is not read', async function () {
    const d = tmp('big');
    const big = path.join(d, 'big.jsgk.yaml');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 2 * 1024 ** 3);
    fs.copyFileSync(SAMPLE_000, path.join(d, 'a.jsgk.yaml'));
    const w = await findReports([d]);
    assert.deepStrictEqual(w.files.map((f) => path.basename(f.path)), ['a.jsgk.yaml']);
    assert.deepStrictEqual(w.problems, [{ path: big, kind: 'too-large', message: '文件有 2 GB，超过 20 MB 的上限：没有读取' }]);
    const t = readTextFileSync(big);
    assert.deepStrictEqual(t, { ok: false, kind: 'too-large', message: '文件有 2 GB，超过 20 MB 的上限：没有读取' });
    const small = readTextFileSync(path.join(d, 'a.jsgk.yaml'), 1000);
    assert.deepStrictEqual([small.ok, !small.ok && small.kind], [false, 'too-large']);
    assert.deepStrictEqual([formatSize(512), formatSize(20 * 1024 * 1024), formatSize(1536)], ['512 B', '20 MB', '1.5 KB']);
  });

  it('unreadable-subdir-crash: an unreadable folder is reported and the readable report is checked (run as an unprivileged user)', function () {
    if (!POSIX) this.skip();
    const d = tmp('locked');
    fs.chmodSync(d, 0o755);
    fs.copyFileSync(SAMPLE_000, path.join(d, 'a.jsgk.yaml'));
    fs.chmodSync(path.join(d, 'a.jsgk.yaml'), 0o644);
    fs.mkdirSync(path.join(d, 'sub'));
    fs.copyFileSync(SAMPLE_000, path.join(d, 'sub', 'hidden.jsgk.yaml'));
    fs.chmodSync(path.join(d, 'sub'), 0);
    // root reads every folder: the child loads the modules, then gives up root (uid/gid 65534, nobody) before walking
    const res = nodeScript(`
      const fs = require('fs');
      const cli = require(process.env.JSGK_OUT + '/cli/jsgk.js');
      const disc = require(process.env.JSGK_OUT + '/service/workspace/discovery.js');
      if (process.getuid() === 0) { process.setgroups([]); process.setgid(65534); process.setuid(65534); }
      let denied = false;
      try { fs.readdirSync(${JSON.stringify(path.join(d, 'sub'))}); } catch (e) { denied = e.code === 'EACCES'; }
      let out = '', err = '';
      const code = cli.main(['check', ${JSON.stringify(d)}], (s) => (out += s), (s) => (err += s));
      disc.findReports([${JSON.stringify(d)}]).then((w) => process.stdout.write(JSON.stringify({ uid: process.getuid(), denied, code, out, err, files: w.files.map((f) => f.path), problems: w.problems.map((p) => p.kind) })));
    `) as { uid: number; denied: boolean; code: number; out: string; err: string; files: string[]; problems: string[] };
    assert.notStrictEqual(res.uid, 0, 'the check must run without root');
    assert.ok(res.denied, 'precondition: the sub-folder is unreadable for the user running the check');
    assert.strictEqual(res.err, '');
    assert.ok(res.out.includes(`${path.join(d, 'sub')}:1:1: warning file: 无法读取此文件夹（没有读取权限）：其中的报告没有检查，其余照常检查`), res.out);
    assert.ok(res.out.includes(`${path.join(d, 'a.jsgk.yaml')}:236:13: warning kemu.name:`), 'the readable report is checked');
    assert.strictEqual(summary(res.out), '检查了 1 个文件：0 个错误，4 个警告，16 条提示');
    assert.strictEqual(res.code, 0);
    assert.deepStrictEqual([res.files, res.problems], [[path.join(d, 'a.jsgk.yaml')], ['unreadable-dir']]);
  });

  it('a report reached twice (a file link, a folder link, two roots) counts once, by its own path', async function () {
    if (!POSIX) this.skip();
    const d = tmp('twice');
    fs.mkdirSync(path.join(d, 'units'));
    for (const f of fs.readdirSync(UNITS)) fs.copyFileSync(path.join(UNITS, f), path.join(d, 'units', f));
    const dept = fs.readdirSync(UNITS).find((f) => f.includes('部门决算'))!;
    fs.symlinkSync(path.join('units', dept), path.join(d, 'a-dept.jsgk.yaml')); // sorts before units/
    fs.symlinkSync('units', path.join(d, 'latest'));
    fs.mkdirSync(path.join(d, 'node_modules'));
    fs.copyFileSync(DEPT, path.join(d, 'node_modules', 'x.jsgk.yaml'));
    fs.mkdirSync(path.join(d, '.git'));
    fs.copyFileSync(DEPT, path.join(d, '.git', 'x.jsgk.yaml'));
    const w = findReportsSync([d, path.join(d, 'units'), path.join(d, 'units', dept)]);
    assert.deepStrictEqual(w.files.map((f) => path.relative(d, f.path)).sort(), fs.readdirSync(UNITS).map((f) => path.join('units', f)).sort());
    assert.deepStrictEqual(w.problems.map((p) => [path.relative(d, p.path), p.kind]), [['a-dept.jsgk.yaml', 'duplicate'], ['latest', 'duplicate']]);
    assert.deepStrictEqual(await findReports([d, path.join(d, 'units'), path.join(d, 'units', dept)]), w);
    const r = cli(['check', d, path.join(d, 'units')]);
    assert.strictEqual(r.status, 1);
    assert.strictEqual(summary(r.stdout), '检查了 3 个文件：2 个错误，2 个警告，0 条提示');
    // a link into a skipped (dot) folder inside the root is followed once
    fs.symlinkSync('.git', path.join(d, 'from-git'));
    const w2 = findReportsSync([d]);
    assert.ok(w2.files.some((f) => f.path === path.join(d, 'from-git', 'x.jsgk.yaml') && f.realPath === path.join(fs.realpathSync(d), '.git', 'x.jsgk.yaml')));
  });

  it('stops at maxFiles with a problem; the async walk yields to the event loop and can be cancelled', async function () {
    const d = tmp('many');
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(d, `r${String(i).padStart(3, '0')}.jsgk.yaml`), '报告:\n');
    const limited = findReportsSync([d], { maxFiles: 100 });
    assert.strictEqual(limited.files.length, 100);
    assert.deepStrictEqual(limited.problems.map((p) => [p.kind, p.message]), [['limit', '报告文件超过 100 个：只读取了前 100 个，其余没有检查']]);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const w = await findReports([d], { yieldEvery: 8 }).finally(() => clearInterval(timer));
    assert.strictEqual(w.files.length, 300);
    assert.ok(ticks > 0, 'timers ran while the walk went on');
    const ac = new AbortController();
    const p = findReports([d], { signal: ac.signal, yieldEvery: 1 });
    ac.abort();
    await assert.rejects(p, (e: Error) => e.name === 'AbortError');
  });
});

describe('reliability: writes only where asked', function () {
  this.timeout(2 * HANG);

  it('import-kemu-symlink-overwrites-outside: a symlinked jsgk-kemu.csv is refused, the outside file is unchanged', function () {
    if (!POSIX) this.skip();
    const d = tmp('kemu-link');
    const victim = path.join(d, 'victim-outside.txt');
    fs.writeFileSync(victim, 'export PATH=/usr/bin\nalias ll="ls -l"\n');
    fs.mkdirSync(path.join(d, 'repo'));
    fs.symlinkSync(victim, path.join(d, 'repo', 'jsgk-kemu.csv'));
    fs.writeFileSync(path.join(d, 'k.csv'), '科目编码,科目名称,说明\n2011308,招商引资,说明\n');
    const r = cli(['import-kemu', '../k.csv', '--edition', '2025'], { cwd: path.join(d, 'repo') });
    assert.strictEqual(r.status, 1);
    assert.strictEqual(r.stderr, `“jsgk-kemu.csv”是一个符号链接（指向 ${victim}）：为安全起见不通过链接写入。请删除这个链接，或另选要写入的文件\n`);
    assert.strictEqual(fs.readFileSync(victim, 'utf8'), 'export PATH=/usr/bin\nalias ll="ls -l"\n');
    assert.ok(fs.lstatSync(path.join(d, 'repo', 'jsgk-kemu.csv')).isSymbolicLink());
    // a dangling link: its target is not created; what the server's 导入科目表 calls says the same
    const dangling = path.join(d, 'repo2', 'jsgk-kemu.csv');
    fs.mkdirSync(path.dirname(dangling));
    fs.symlinkSync(path.join(d, 'created-outside.csv'), dangling);
    const s = importKemuToFile(path.join(d, 'k.csv'), 2025, dangling);
    assert.strictEqual(s.ok, false);
    assert.match(s.message, /是一个符号链接/);
    assert.ok(!fs.existsSync(path.join(d, 'created-outside.csv')));
  });

  it('convert-dangling-symlink-writes-outside: convert never writes through a link, with or without --force', function () {
    if (!POSIX) this.skip();
    const d = tmp('convert-link');
    fs.mkdirSync(path.join(d, 'repo'));
    const src = path.join(d, 'repo', 'r.jsgk.yaml');
    fs.copyFileSync(path.join(SAMPLES, fs.readdirSync(SAMPLES).find((f) => f.startsWith('004-'))!), src);
    const link = path.join(d, 'repo', 'r.jsgk');
    const outside = path.join(d, 'created-outside.txt');
    fs.symlinkSync(outside, link);
    for (const args of [[src], [src, '--force']]) {
      const r = run(['convert', ...args]);
      assert.strictEqual(r.code, 1, r.err);
      assert.strictEqual(r.err, `“${link}”是一个符号链接（指向 ${outside}）：为安全起见不通过链接写入。请删除这个链接，或另选要写入的文件\n`);
      assert.ok(!fs.existsSync(outside));
    }
    fs.writeFileSync(outside, 'keep me');
    assert.strictEqual(run(['convert', src, '--force']).code, 1);
    assert.strictEqual(fs.readFileSync(outside, 'utf8'), 'keep me');
    fs.unlinkSync(link);
    const ok = run(['convert', src]);
    assert.strictEqual(ok.code, 0, ok.err);
    assert.ok(fs.lstatSync(link).isFile());
  });

  it('writeFileSafely: creates exclusively, refuses to overwrite without asking, replaces a file keeping its mode', function () {
    const d = tmp('write');
    const f = path.join(d, 'a.txt');
    assert.deepStrictEqual(writeFileSafely(f, 'one'), { ok: true });
    assert.deepStrictEqual(writeFileSafely(f, 'two'), { ok: false, reason: 'exists', message: `“${f}”已存在：没有覆盖` });
    assert.strictEqual(fs.readFileSync(f, 'utf8'), 'one');
    if (POSIX) fs.chmodSync(f, 0o600);
    assert.deepStrictEqual(writeFileSafely(f, 'three', { overwrite: true }), { ok: true });
    assert.strictEqual(fs.readFileSync(f, 'utf8'), 'three');
    if (POSIX) assert.strictEqual(fs.statSync(f).mode & 0o777, 0o600);
    assert.deepStrictEqual(fs.readdirSync(d), ['a.txt'], 'no temporary file left');
    const dir = writeFileSafely(d, 'x', { overwrite: true });
    assert.deepStrictEqual([dir.ok, !dir.ok && dir.reason], [false, 'not-regular']);
    assert.deepStrictEqual(inspectTarget(path.join(d, 'none')), { ok: true, exists: false });
    if (POSIX) {
      fs.symlinkSync('a.txt', path.join(d, 'l.txt'));
      const l = writeFileSafely(path.join(d, 'l.txt'), 'x', { overwrite: true });
      assert.deepStrictEqual([l.ok, !l.ok && l.reason], [false, 'symlink']);
      assert.strictEqual(fs.readFileSync(f, 'utf8'), 'three');
    }
  });

  it('import-kemu-csv-injection: formula-looking cells are written with a leading \' and read back without it', function () {
    const d = tmp('kemu-inject');
    const hostile = path.join(d, 'hostile.csv');
    fs.writeFileSync(hostile, ['科目编码,科目名称,说明', "2011308,=cmd|' /C calc'!A0,@SUM(1+1)*cmd|' /C calc'!A0", '2011309,"+HYPERLINK(""http://evil"",""x"")",-2+3', ''].join('\n'));
    const r = cli(['import-kemu', 'hostile.csv', '--edition', '2025'], { cwd: d });
    assert.strictEqual(r.status, 0, r.stderr);
    const csv = fs.readFileSync(path.join(d, 'jsgk-kemu.csv'), 'utf8');
    const cells = parseCsv(csv).flat();
    assert.deepStrictEqual(cells.filter((c) => /^[=+\-@\t\r]/.test(c)), [], csv);
    assert.strictEqual(csv, ['科目编码,科目名称,说明,版本', "2011308,'=cmd|'/Ccalc'!A0,'@SUM(1+1)*cmd|' /C calc'!A0,2025", '2011309,"\'+HYPERLINK(""http://evil"",""x"")",\'-2+3,2025', ''].join('\n'));
    const back = parseOverrideCsv(csv, [2025]).entries;
    const imported = importSpreadsheet(fs.readFileSync(hostile), 2025).entries;
    assert.deepStrictEqual(back.map((e) => [e.code, e.name, e.description]), imported.map((e) => [e.code, e.name, e.description]));
    assert.deepStrictEqual(back.map((e) => e.name), ["=cmd|'/Ccalc'!A0", '+HYPERLINK("http://evil","x")']);
    for (const s of ['=1', '+1', '-1', '@x', '\tx', '\rx', "'=1", "''=1", 'plain', "'plain", "''", '']) assert.strictEqual(unescapeFormula(escapeFormula(s)), s);
    assert.strictEqual(csvCell('a,"b"\nc'), '"a,""b""\nc"');
  });

  it('import-kemu-malformed-xlsx-crash: a damaged .xlsx gets a Chinese message and exit 1, no stack trace, nothing written', function () {
    const bytes = fs.readFileSync(path.join(FIX, 'import-kemu-malformed.xlsx'));
    const r = importSpreadsheet(bytes, 2025);
    assert.strictEqual(r.entries.length, 0);
    assert.match(r.message, /^无法读取科目表：文件以“PK”开头，应是 \.xlsx 工作簿（zip 压缩包），但它已损坏、不完整或加了密（.+）。请在 Excel 中打开后另存为 \.xlsx 或 \.csv 再导入$/);
    const d = tmp('kemu-bad');
    const out = path.join(d, 'x.csv');
    const c = cli(['import-kemu', path.join(FIX, 'import-kemu-malformed.xlsx'), '--edition', '2025', '--out', out]);
    assert.strictEqual(c.status, 1);
    assert.strictEqual(c.stderr, r.message + '\n');
    assert.strictEqual(c.stdout, '');
    assert.ok(!fs.existsSync(out));
    // a damaged .xls and plain garbage: messages too, never an exception
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['科目编码', '科目名称'], ['201', '一般公共服务支出']]), 'S');
    const whole = XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
    const xls = importSpreadsheet(whole.subarray(0, whole.length >> 1), 2025);
    assert.deepStrictEqual(xls.entries, []);
    assert.match(xls.message, /^无法读取科目表：文件应是旧版 \.xls 工作簿，但它已损坏或加了密/);
    assert.deepStrictEqual(importSpreadsheet(Buffer.from([0, 1, 2, 3, 255]), 2025).entries, []);
  });

  it('import-kemu-malformed-xlsx-crash: the server command 导入科目表 answers with the message (not null)', async function () {
    const d = tmp('kemu-lsp');
    const proc: ChildProcess = spawn(process.execPath, [path.join(OUT, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn: ProtocolConnection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn.onRequest('client/registerCapability', () => null);
    conn.listen();
    try {
      await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: [{ uri: pathToFileURL(d).toString(), name: 'ws' }], capabilities: {} });
      await conn.sendNotification(InitializedNotification.type, {});
      const r = (await conn.sendRequest(ExecuteCommandRequest.type, { command: 'jsgk.server.importCatalogue', arguments: [path.join(FIX, 'import-kemu-malformed.xlsx'), 2025, d] })) as { ok: boolean; message: string } | null;
      assert.ok(r, 'an answer, not null');
      assert.strictEqual(r.ok, false);
      assert.match(r.message, /^无法读取科目表：文件以“PK”开头/);
      assert.ok(!fs.existsSync(path.join(d, 'jsgk-kemu.csv')));
      await conn.sendRequest(ShutdownRequest.type);
      await conn.sendNotification(ExitNotification.type);
    } finally {
      conn.dispose();
      proc.kill();
    }
  });

  it('import-kemu-reimport-stale: a newer import replaces the entry even when its 说明 spans lines', function () {
    const d = tmp('kemu-reimport');
    fs.writeFileSync(path.join(d, 'v1.csv'), '科目编码,科目名称,说明\n2011308,招商引资,"旧说明第一行\n旧说明第二行"\n');
    fs.writeFileSync(path.join(d, 'v2.csv'), '科目编码,科目名称,说明\n2011308,招商引资新名,"新说明第一行\n新说明第二行"\n');
    assert.strictEqual(cli(['import-kemu', 'v1.csv', '--edition', '2025'], { cwd: d }).status, 0);
    assert.strictEqual(cli(['import-kemu', 'v2.csv', '--edition', '2025'], { cwd: d }).status, 0);
    assert.strictEqual(fs.readFileSync(path.join(d, 'jsgk-kemu.csv'), 'utf8'), '科目编码,科目名称,说明,版本\n2011308,招商引资新名,"新说明第一行\n新说明第二行",2025\n');
    fs.writeFileSync(path.join(d, 'r.jsgk.yaml'), '报告:\n  类型: 单位决算\n  年度: 2025\n  单位: 测试\n  金额单位: 万元\n\n表 支出决算表:\n  列: [本年支出合计, 基本支出, 项目支出, 上缴上级支出, 经营支出, 对附属单位补助支出]\n  行:\n    - 2011308 招商引资新名: 1.00 1.00 0.00 0.00 0.00 0.00\n');
    const c = cli(['check', 'r.jsgk.yaml'], { cwd: d });
    assert.strictEqual(c.stdout.split('\n').filter((l) => !l.includes(': 覆盖 ')).join('\n'), '检查了 1 个文件：0 个错误，0 个警告，0 条提示\n');
    // another edition, another code, comments and a file with its own columns are kept
    const out = path.join(d, 'other.csv');
    fs.writeFileSync(out, '科目名称,科目编码,版本,说明\n# 本单位补充\n招商引资,2011308,2024,"多行\n说明"\n数字招商,2011377,2025,\n');
    fs.writeFileSync(path.join(d, 'v3.csv'), '科目编码,科目名称\n2011308,招商引资2025\n');
    assert.strictEqual(importKemuToFile(path.join(d, 'v3.csv'), 2025, out).ok, true);
    assert.strictEqual(fs.readFileSync(out, 'utf8'), '科目编码,科目名称,说明,版本\n# 本单位补充\n2011308,招商引资,"多行\n说明",2024\n2011377,数字招商,,2025\n2011308,招商引资2025,,2025\n');
    // error lines are the file's lines
    assert.deepStrictEqual(parseOverrideCsv('科目编码,科目名称,说明\n201,a,"x\ny"\n12,b,\n', [2025]).errors, [{ line: 4, message: '科目编码“12”应为 3、5 或 7 位数字' }]);
  });
});

describe('reliability: messages that say what is wrong', function () {
  this.timeout(2 * HANG);
  const findingsOf = (file: string) => {
    const r = run(['check', '--format', 'json', file]);
    return { code: r.code, findings: (JSON.parse(r.out) as { findings: CliFinding[] }).findings };
  };
  const strip = (fs_: CliFinding[]) => fs_.filter((f) => f.rule !== 'file').map((f) => ({ ...f, file: '' }));

  it('utf16-with-bom: UTF-16 is read as UTF-16 (a warning names it), with the findings of the same report in UTF-8', function () {
    const r = findingsOf(path.join(FIX, 'utf16-with-bom.jsgk.yaml'));
    assert.deepStrictEqual(r.findings.filter((f) => f.rule === 'file').map((f) => [f.severity, f.message]), [['warning', '文件是 UTF-16 LE 编码（带 BOM），已按 UTF-16 LE 读取；报告文件应为 UTF-8：请在编辑器中以 UTF-8 重新保存，其他工具可能读不懂']]);
    const text = fs.readFileSync(path.join(FIX, 'utf16-with-bom.jsgk.yaml')).subarray(2).toString('utf16le');
    const d = tmp('utf16');
    const u8 = path.join(d, 'same.jsgk.yaml');
    fs.writeFileSync(u8, text);
    assert.deepStrictEqual(strip(r.findings), strip(findingsOf(u8).findings));
    assert.ok(r.findings.length > 5);
    // big endian, and without a BOM: named too
    const be = Buffer.from(text, 'utf16le').swap16();
    const rbe = decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    assert.deepStrictEqual([rbe.ok && rbe.text === text, rbe.ok && rbe.encoding], [true, 'utf-16be']);
    const nobom = decodeText(Buffer.from(text, 'utf16le'));
    assert.deepStrictEqual(nobom, { ok: false, kind: 'encoding', message: '文件不是 UTF-8 编码，看起来是没有 BOM 的 UTF-16 LE：请在编辑器中以 UTF-8 重新保存' });
    const gbk = decodeText(Buffer.from([0xb1, 0xa8, 0xb8, 0xe6, 0x3a, 0x0a]));
    assert.deepStrictEqual(gbk, { ok: false, kind: 'encoding', message: '文件不是 UTF-8 编码（可能是 GBK）：请在编辑器中以 UTF-8 重新保存' });
    const bin = decodeText(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0x80, 0x81, 0xfe, 0, 1, 2]));
    assert.deepStrictEqual(bin, { ok: false, kind: 'encoding', message: '文件不是文本文件（含有二进制内容）：报告文件应为 UTF-8 文本' });
    const bom8 = decodeText(Buffer.from('\ufeff报告:\n', 'utf8'));
    assert.deepStrictEqual(bom8, { ok: true, text: '报告:\n', encoding: 'utf-8', notes: [] });
  });

  it('cr-only-line-endings: lone CRs are line breaks (same findings and positions as with LF), and a warning says so', async function () {
    const file = path.join(FIX, 'cr-only-line-endings.jsgk.yaml');
    const r = findingsOf(file);
    assert.deepStrictEqual(r.findings.filter((f) => f.rule === 'file').map((f) => [f.severity, f.message]), [['warning', '文件用单独的 CR 换行（旧 Mac 格式）：已按换行读取；请改为 LF 或 CRLF 换行，其他工具可能把整个文件读成一行']]);
    const raw = fs.readFileSync(file, 'utf8');
    assert.ok(!raw.includes('\n') && raw.includes('\r'), 'the fixture has CR-only line endings');
    const d = tmp('cr');
    const lf = path.join(d, 'lf.jsgk.yaml');
    fs.writeFileSync(lf, raw.replace(/\r/g, '\n'));
    assert.deepStrictEqual(strip(r.findings), strip(findingsOf(lf).findings));
    assert.ok(r.findings.every((f) => f.rule === 'file' || f.line > 1), 'not one long line');
    // the text read has the file's length (offsets are the file's), and LineIndex counts a lone CR as a break
    const t = await readTextFile(file);
    assert.ok(t.ok && t.text.length === raw.length);
    const li = new LineIndex('a\rb\r\nc\nd');
    assert.deepStrictEqual([li.lineCount, li.position(2), li.position(5), li.position(7)], [4, { line: 1, character: 0 }, { line: 2, character: 0 }, { line: 3, character: 0 }]);
    // CRLF stays as it is, without a note
    assert.deepStrictEqual(decodeText(Buffer.from('a\r\nb')), { ok: true, text: 'a\r\nb', encoding: 'utf-8', notes: [] });
  });

  it('nul-in-amount: the invisible character is named in the message (U+0000 NUL), in the CLI output', function () {
    const file = path.join(FIX, 'nul-in-amount.jsgk.yaml');
    const r = run(['check', file]);
    assert.strictEqual(r.code, 1);
    assert.ok(r.out.includes(`${file}:10:11: error parse.amount: 金额“335⟨不可见字符 U+0000 NUL⟩56”含有非数字字符“⟨不可见字符 U+0000 NUL⟩”\n`), r.out);
    assert.ok(!r.out.includes('\0'));
    // the service's own message still holds the character (the lead names it there with visible())
    const f = getLanguageService().check('x.jsgk.yaml', fs.readFileSync(file, 'utf8')).findings.find((x) => x.rule === 'parse.amount')!;
    assert.strictEqual(visible(f.message), '金额“335⟨不可见字符 U+0000 NUL⟩56”含有非数字字符“⟨不可见字符 U+0000 NUL⟩”');
    assert.strictEqual(visible('a\u200bb\u202ec\u00a0d'), 'a⟨不可见字符 U+200B ZWSP⟩b⟨不可见字符 U+202E RLO⟩c⟨不可见字符 U+00A0 NBSP⟩d');
    assert.strictEqual(visible('合计　335.56\t元\n'), '合计　335.56\t元\n', 'tabs, line feeds and the ideographic space are left alone');
    assert.strictEqual(visible(visible('\x1b[31m')), '⟨不可见字符 U+001B ESC⟩[31m');
  });

  it('minor-messages (6): stdout closed early (| head) ends quietly with the check\'s exit code, no EPIPE stack trace', async function () {
    const d = tmp('epipe');
    const text = fs.readFileSync(path.join(FIX, 'nul-in-amount.jsgk.yaml'));
    for (let i = 0; i < 1500; i++) fs.writeFileSync(path.join(d, `n${i}.jsgk.yaml`), text);
    for (const format of ['json', 'text']) {
      const child = spawn(process.execPath, [BIN, 'check', '--format', format, d], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr!.on('data', (c) => (err += c));
      child.stdout!.once('data', () => child.stdout!.destroy()); // like `head -c 10`
      const code = await new Promise<number | null>((resolve) => {
        const t = setTimeout(() => child.kill('SIGKILL'), HANG);
        child.on('close', (c) => { clearTimeout(t); resolve(c); });
      });
      assert.strictEqual(err, '', `--format ${format}: ${err}`);
      assert.strictEqual(code, 1, `--format ${format}: the check's code (it has errors)`);
    }
  });
});

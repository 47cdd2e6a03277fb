/**
 * 检查工作区全部报告 at the protocol level (jsgk.server.checkWorkspace): every report of the
 * workspace folder is checked, open or not; the counts per file equal the command line's for the
 * files on disk and the edited text for an open one; the findings of closed files are published with
 * their file uris; progress goes through the request's token; the pushed findings follow the files
 * (opened, closed, changed or deleted on disk).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CancellationTokenSource, DidChangeTextDocumentNotification, DocumentSymbolRequest, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExecuteCommandRequest,
} from 'vscode-languageserver-protocol/node';
import { checkFiles } from '../../server/src/cli/jsgk';
import { LspClient } from '../helpers/lsp-client';
import { ROOT } from '../helpers/samples';

interface Result {
  files: Array<{ uri: string; name: string; errors: number; warnings: number; infos: number; open: boolean; problem?: string }>;
  errors: number;
  warnings: number;
  infos: number;
  problems: Array<{ path: string; message: string }>;
  cancelled: boolean;
}

const SEV = { error: 1, warning: 2, information: 3, hint: 4 } as const;

describe('检查工作区全部报告 (jsgk.server.checkWorkspace over the protocol)', function () {
  this.timeout(60000);
  let dir: string;
  let c: LspClient;
  const uriOf = (rel: string) => pathToFileURL(path.join(dir, rel)).toString();
  const run = (token?: string, cancel?: CancellationTokenSource) =>
    c.conn.sendRequest(ExecuteCommandRequest.type, { command: 'jsgk.server.checkWorkspace', arguments: [], ...(token ? { workDoneToken: token } : {}) }, cancel?.token) as Promise<Result>;
  let reports: string[];
  let first: Result;
  const S000 = () => reports.find((f) => f.startsWith('000-'))!;
  const S002 = () => reports.find((f) => f.startsWith('002-'))!;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-wscheck-'));
    fs.cpSync(path.join(ROOT, 'samples'), dir, { recursive: true });
    fs.mkdirSync(path.join(dir, '分局'));
    fs.cpSync(path.join(ROOT, 'examples', '部门与所属单位'), path.join(dir, '分局'), { recursive: true });
    // not a report folder of the workspace: skipped by the walk
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.copyFileSync(path.join(ROOT, 'templates', '部门决算.jsgk.yaml'), path.join(dir, 'node_modules', 'x.jsgk.yaml'));
    // a file in GBK: named, not read
    fs.writeFileSync(path.join(dir, '旧文件.jsgk.yaml'), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6, 0x3a, 0x0a, 0x20, 0x20, 0xc0, 0xe0, 0xd0, 0xcd, 0x3a, 0x20, 0xb2, 0xbf, 0xc3, 0xc5, 0xbe, 0xf6, 0xcb, 0xe3, 0x0a]));
    reports = [
      ...fs.readdirSync(dir).filter((f) => /\.jsgk(\.yaml)?$/.test(f)),
      ...fs.readdirSync(path.join(dir, '分局')).map((f) => path.join('分局', f)),
    ].sort();
    c = new LspClient();
    await c.init(dir, { workDoneProgress: true });
    // 000 open, with an edit not saved: a total made wrong
    const text = fs.readFileSync(path.join(dir, S000()), 'utf8');
    const edited = text.replace('人员经费合计: 205.97', '人员经费合计: 305.97');
    assert.notStrictEqual(edited, text);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(S000()), languageId: 'jsgk-yaml', version: 1, text } });
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uriOf(S000()), version: 2 }, contentChanges: [{ text: edited }] });
    first = await run('tok-1');
  });
  after(async () => {
    if (c) await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks every report of the folder, open or closed (not node_modules), each counted as the command line counts it', () => {
    assert.deepStrictEqual(first.files.map((f) => f.name).sort(), reports);
    assert.strictEqual(first.cancelled, false);
    const closed = reports.filter((f) => f !== S000());
    const cli = checkFiles(closed.map((f) => path.join(dir, f)));
    for (const f of first.files) {
      if (f.open) continue;
      const mine = cli.filter((x) => x.file === path.join(dir, f.name));
      assert.deepStrictEqual([f.errors, f.warnings, f.infos], [mine.filter((x) => x.severity === 'error').length, mine.filter((x) => x.severity === 'warning').length, mine.filter((x) => x.severity === 'information' || x.severity === 'hint').length], f.name);
    }
    // 002 has errors of its own on disk (it is closed): they are counted
    assert.ok(first.files.find((f) => f.name === S002())!.errors > 0);
    assert.strictEqual(first.errors, first.files.reduce((s, f) => s + f.errors, 0));
    const gbk = first.files.find((f) => f.name === '旧文件.jsgk.yaml')!;
    assert.match(gbk.problem ?? '', /不是 UTF-8 编码/);
    assert.strictEqual(gbk.errors, 1);
  });

  it('an open report is counted as edited, not as saved', () => {
    const f = first.files.find((x) => x.name === S000())!;
    assert.strictEqual(f.open, true);
    assert.strictEqual(f.uri, uriOf(S000()));
    assert.ok(f.errors >= 1, JSON.stringify(f));
  });

  it('publishes the findings of every closed report with its file uri, as many as counted', () => {
    for (const f of first.files) {
      if (f.open) continue;
      const d = c.last(f.uri);
      assert.ok(d, `nothing published for ${f.name}`);
      assert.deepStrictEqual([d!.filter((x) => x.severity === SEV.error).length, d!.filter((x) => x.severity === SEV.warning).length], [f.errors, f.warnings], f.name);
    }
    const d002 = c.last(uriOf(S002()))!;
    assert.ok(d002.every((x) => x.source === 'jsgk' && typeof x.code === 'string'));
    assert.ok(!c.published.some((p) => p.uri.includes('node_modules')));
  });

  it('reports progress through the request’s token: begin, the files one by one, end', () => {
    const mine = c.progress.filter((p) => p.token === 'tok-1').map((p) => p.value);
    assert.strictEqual(mine[0].kind, 'begin');
    assert.strictEqual(mine[0].title, '检查工作区全部报告');
    assert.strictEqual(mine.at(-1)!.kind, 'end');
    const reportsSeen = mine.filter((v) => v.kind === 'report');
    assert.strictEqual(reportsSeen.length, reports.length);
    assert.match(reportsSeen[0].message!, new RegExp(`^1/${reports.length}：`));
    const pct = reportsSeen.map((v) => v.percentage!);
    assert.deepStrictEqual(pct, [...pct].sort((a, b) => a - b));
  });

  it('a closed report changed on disk is checked again and its findings published anew', async () => {
    const file = path.join(dir, S002());
    const text = fs.readFileSync(file, 'utf8');
    const before = c.last(uriOf(S002()))!.length;
    // one more finding: a template placeholder in the 单位
    fs.writeFileSync(file, text.replace(/^( {2}单位: ).*$/m, '$1XX单位'));
    const n = c.published.length;
    await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(S002()), type: 2 }] });
    await c.until('002 published again', () => c.published.slice(n).some((p) => p.uri === uriOf(S002())));
    const after = c.last(uriOf(S002()))!;
    assert.ok(after.some((x) => x.code === 'placeholder.field'), JSON.stringify(after.map((x) => x.message)));
    assert.ok(after.length > before);
  });

  it('a unit report changed on disk: the closed 部门 report listing it is checked again against it', async () => {
    const dept = uriOf(path.join('分局', '某市商务局-2023部门决算.jsgk.yaml'));
    const unitFile = path.join(dir, '分局', '某市招商服务中心-2023单位决算.jsgk.yaml');
    const sums = () => (c.last(dept) ?? []).filter((x) => x.code === 'units.sum').map((x) => x.message as string).sort();
    const before = sums();
    assert.ok(!before.some((m) => /事业运行/.test(m)), JSON.stringify(before));
    // the unit now spends 10,000.00 more on 2011350 事业运行: the 部门's row no longer adds up
    const text = fs.readFileSync(unitFile, 'utf8');
    const changed = text.replace('2011350 事业运行:     500,000.00 500,000.00 0.00', '2011350 事业运行:     510,000.00 510,000.00 0.00');
    assert.notStrictEqual(changed, text);
    fs.writeFileSync(unitFile, changed);
    const n = c.published.length;
    await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(unitFile).toString(), type: 2 }] });
    // (a publish of it started by an earlier change may come first: wait for the one that reads the new file)
    await c.until('the 部门 report published with the unit\'s new 事业运行', () => c.published.slice(n).some((p) => p.uri === dept) && sums().some((m) => /事业运行/.test(m)));
    // and back: the finding goes
    fs.writeFileSync(unitFile, text);
    const m = c.published.length;
    await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(unitFile).toString(), type: 2 }] });
    await c.until('the 部门 report published once more, as before', () => c.published.slice(m).some((p) => p.uri === dept) && JSON.stringify(sums()) === JSON.stringify(before));
  });

  it('the catalogue changed (jsgk-kemu.csv): the closed reports shown are checked again with it', async () => {
    const s001 = reports.find((f) => f.startsWith('011-'))!;
    // 011 writes 2040604 基层司法业务 (with this catalogue: the name differs)
    fs.writeFileSync(path.join(dir, 'jsgk-kemu.csv'), '科目编码,科目名称,说明,版本\n2040604,基层司法业务与法治宣传,,2026\n');
    const n = c.published.length;
    await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('jsgk-kemu.csv'), type: 1 }] });
    // every closed report shown is published again (011 among them)
    const closed = first.files.filter((f) => !f.open).map((f) => f.uri);
    await c.until('every closed report published again', () => closed.every((u) => c.published.slice(n).some((p) => p.uri === u)));
    assert.ok(c.last(uriOf(s001))!.some((x) => x.code === 'kemu.name' && /基层司法业务与法治宣传/.test(x.message as string)), JSON.stringify(c.last(uriOf(s001))!.map((x) => x.message)));
  });

  it('opened, its pushed findings are withdrawn (its own take over); closed again, the file on disk is shown again', async () => {
    const uri = uriOf(S002());
    const text = fs.readFileSync(path.join(dir, S002()), 'utf8');
    let n = c.published.length;
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'jsgk-yaml', version: 1, text } });
    await c.until('the document’s own diagnostics', () => c.published.slice(n).some((p) => p.uri === uri && p.version === 1));
    const seq = c.published.slice(n).filter((p) => p.uri === uri);
    assert.strictEqual(seq[0].diagnostics.length, 0, 'withdrawn first');
    assert.ok(seq[0].version === undefined);
    n = c.published.length;
    await c.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await c.until('pushed again from disk', () => c.published.slice(n).some((p) => p.uri === uri && p.diagnostics.length > 0));
    assert.ok(c.last(uri)!.length > 0);
  });

  it('a deleted report’s findings are withdrawn', async () => {
    const uri = uriOf(S002());
    fs.rmSync(path.join(dir, S002()));
    await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: 3 }] });
    await c.until('withdrawn', () => c.last(uri)!.length === 0);
  });

  it('without a token of the request, the server creates its own progress; cancelled, it stops and says so', async () => {
    const r = await run();
    assert.strictEqual(c.created.length, 1);
    const own = c.progress.filter((p) => p.token === c.created[0]).map((p) => p.value);
    assert.deepStrictEqual([own[0].kind, own[0].cancellable, own.at(-1)!.kind], ['begin', true, 'end']);
    assert.strictEqual(r.files.length, reports.length - 1); // 002 was deleted
    const cancel = new CancellationTokenSource();
    const p = run('tok-cancel', cancel);
    cancel.cancel();
    const rc = await p;
    assert.strictEqual(rc.cancelled, true);
    assert.ok(rc.files.length < r.files.length, `${rc.files.length} of ${r.files.length}`);
  });
});

describe('two open 部门 reports whose checks are both out of date', function () {
  this.timeout(60000);
  it('are checked without checking each other without end (the workspace walk, then a catalogue change, make both out of date)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-two-depts-'));
    const c = new LspClient();
    try {
      const a = fs.readFileSync(path.join(ROOT, 'examples', '部门与所属单位', '某市商务局-2023部门决算.jsgk.yaml'), 'utf8');
      const b = a.replace(/某市商务局/g, '某市文旅局');
      assert.notStrictEqual(a, b);
      await c.init(dir);
      const ua = pathToFileURL(path.join(dir, 'a.jsgk.yaml')).toString();
      const ub = pathToFileURL(path.join(dir, 'b.jsgk.yaml')).toString();
      await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: ua, languageId: 'jsgk-yaml', version: 1, text: a } });
      await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: ub, languageId: 'jsgk-yaml', version: 1, text: b } });
      await c.until('both checked', () => !!c.last(ua) && !!c.last(ub));
      fs.writeFileSync(path.join(dir, 'jsgk-kemu.csv'), '科目编码,科目名称,说明,版本\n2011377,数字招商,,2023\n');
      await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path.join(dir, 'jsgk-kemu.csv')).toString(), type: 1 }] });
      const syms = (await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: ua } })) as Array<{ name: string }>;
      assert.ok(syms.some((s) => s.name === '一般公共预算财政拨款支出决算表'), JSON.stringify(syms.map((s) => s.name)));
      assert.ok(!/Maximum call stack/.test(c.stderr), c.stderr.slice(0, 500));
    } finally {
      await c.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Protocol level: start the built server over stdio, speak JSON-RPC to it as an editor would.
 */
import * as assert from 'assert';
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection, ProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification, PublishDiagnosticsParams, HoverRequest, CompletionRequest, CodeActionRequest,
  DocumentSymbolRequest, FoldingRangeRequest, DidChangeWatchedFilesNotification, DidChangeConfigurationNotification, InlayHintRequest, ShutdownRequest, ExitNotification, Diagnostic,
  CompletionResolveRequest, DidCloseTextDocumentNotification, DocumentFormattingRequest, SemanticTokensRequest, DocumentSymbol, CodeAction, TextEdit, CompletionItem, Hover,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT, sample } from '../helpers/samples';

const SERVER = path.join(ROOT, 'out', 'server', 'src', 'server.js');

/** Completion answers a list (incomplete: it depends on what is typed). */
const itemsOf = (r: unknown): CompletionItem[] => (Array.isArray(r) ? r : (r as { items: CompletionItem[] } | null)?.items ?? []);

class Client {
  proc: ChildProcess;
  conn: ProtocolConnection;
  diags = new Map<string, PublishDiagnosticsParams>();
  waiters: Array<() => void> = [];
  stderr = '';
  constructor() {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diags.set(p.uri, p);
      for (const w of this.waiters.splice(0)) w();
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.listen();
  }
  /** The next diagnostics published for uri (after now). */
  nextDiagnostics(uri: string, timeout = 10000): Promise<Diagnostic[]> {
    this.diags.delete(uri);
    return this.diagnosticsFor(uri, 0, timeout);
  }
  /** The client's jsgk settings, answered to workspace/configuration when `settings` is given to init. */
  settings: Record<string, unknown> | undefined;
  async init(folder?: string, settings?: Record<string, unknown>) {
    this.settings = settings;
    if (settings) this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    const r = await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: null, workspaceFolders: folder ? [{ uri: pathToFileURL(folder).toString(), name: 'ws' }] : null,
      capabilities: {
        textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, configuration: !!settings },
      },
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
    return r;
  }
  async diagnosticsFor(uri: string, version: number, timeout = 10000): Promise<Diagnostic[]> {
    const start = Date.now();
    while (Date.now() - start < timeout) {
      const d = this.diags.get(uri);
      if (d && (d.version === undefined || d.version >= version)) return d.diagnostics;
      await new Promise<void>((res) => { this.waiters.push(res); setTimeout(res, 200); });
    }
    throw new Error('no diagnostics for ' + uri);
  }
  async stop() {
    try {
      await this.conn.sendRequest(ShutdownRequest.type);
      await this.conn.sendNotification(ExitNotification.type);
    } catch { /* already gone */ }
    this.conn.dispose();
    this.proc.kill();
  }
}

describe('language server over stdio (protocol level)', function () {
  this.timeout(30000);
  let c: Client;
  const s000 = sample('000');
  const uri = 'file:///samples/000.jsgk.yaml';
  const doc = TextDocument.create(uri, 'jsgk-yaml', 1, s000.text);

  before(async () => {
    c = new Client();
    const r = await c.init();
    assert.ok(r.capabilities.hoverProvider);
    assert.strictEqual(r.serverInfo?.version, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'jsgk-yaml', version: 1, text: s000.text } });
  });
  after(async () => c && c.stop());

  it('publishes the diagnostics of sample 000 (尾数误差 as information, no error)', async () => {
    const d = await c.diagnosticsFor(uri, 1);
    assert.strictEqual(d.filter((x) => x.severity === 1).length, 0);
    const r = d.find((x) => x.code === 'sum.total' && (x.message as string).startsWith('人员经费合计 205.97'));
    assert.ok(r, JSON.stringify(d.map((x) => x.message)));
    assert.strictEqual(r!.severity, 3);
    assert.strictEqual(doc.getText(r!.range), '205.97');
    // no related locations: the editor would show them above the hover's computation, which lists the parts
    assert.deepStrictEqual(r!.relatedInformation ?? [], []);
  });

  it('hover on a total shows its computation; hover on a term shows the glossary definition', async () => {
    const off = s000.text.indexOf('人员经费合计: 205.97') + '人员经费合计: '.length + 1;
    const h = (await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(off) })) as Hover;
    assert.match(JSON.stringify(h.contents), /Σ 205.98/);
    // each part links to its cell (the line and columns of 184.88)
    const part = s000.text.indexOf('184.88', s000.text.indexOf('301 工资福利支出:', s000.text.indexOf('公开06表')));
    const a = doc.positionAt(part);
    assert.ok((h.contents as { value: string }).value.includes(`[184.88](${uri}#L${a.line + 1},${a.character + 1}-L${a.line + 1},${a.character + 7})`), (h.contents as { value: string }).value);
    const termOff = s000.text.indexOf('1.基本支出224.55万元') + 3;
    const h2 = (await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(termOff) })) as Hover;
    assert.match(JSON.stringify(h2.contents), /指为保障机构正常运转/);
  });

  it('edits incrementally, shows a real error, and its quick fix makes it go away', async () => {
    const at = s000.text.indexOf('2011308 招商引资:                     111.01') + '2011308 招商引资:                     '.length;
    const p = doc.positionAt(at);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: p, end: { line: p.line, character: p.character + 6 } }, text: '121.01' }],
    });
    TextDocument.update(doc, [{ range: { start: p, end: { line: p.line, character: p.character + 6 } }, text: '121.01' }], 2);
    const d = await c.diagnosticsFor(uri, 2);
    const err = d.find((x) => x.severity === 1 && x.code === 'sum.children' && (x.message as string).startsWith('20113 商贸事务（本年收入合计） 270.38 ≠ 其下各项之和 280.38'));
    assert.ok(err, JSON.stringify(d.filter((x) => x.severity === 1).map((x) => x.message as string)));
    const actions = (await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: err!.range, context: { diagnostics: [err!] } })) as CodeAction[];
    const fix = actions.find((a) => a.kind === 'quickfix' && a.title === '将20113 商贸事务（本年收入合计）改为 280.38');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    // it changes a number the user typed: offered, never preferred, never in 修正全部
    assert.strictEqual(fix!.isPreferred, false);
    const fixAll = (await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: err!.range, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    assert.ok(fixAll.every((a) => !JSON.stringify(a.edit).includes('280.38')), JSON.stringify(fixAll));
    const edits = fix!.edit!.changes![uri] as TextEdit[];
    assert.strictEqual(edits.length, 1);
    assert.strictEqual(doc.getText(edits[0].range), '270.38');
    TextDocument.update(doc, [{ range: edits[0].range, text: edits[0].newText }], 3);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ range: edits[0].range, text: edits[0].newText }] });
    const d3 = await c.diagnosticsFor(uri, 3);
    assert.ok(!d3.some((x) => x.code === 'sum.children' && x.range.start.line === err!.range.start.line && x.range.start.character === err!.range.start.character));
    const all = (await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    assert.ok(all.every((a) => a.kind === 'source.fixAll'));
  });

  it('answers completion (with resolve), symbols, folding and inlay hints', async () => {
    const items = itemsOf(await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: doc.lineCount - 1, character: 0 } }));
    // 000 has every 决算 table already, so the top-level completion offers none of them again
    assert.ok(!items.some((i) => i.label === '表 收入决算表'));
    const syms = (await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepStrictEqual(syms.map((s) => s.name).slice(0, 3), ['报告', '部门概况', '收入支出决算总表']);
    assert.ok(syms.find((s) => s.name === '名词解释')!.children!.some((x) => x.name === '基本支出'));
    const folds = (await c.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) as Array<{ startLine: number }>;
    assert.ok(folds.length > 10);
    const hints = (await c.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } } })) as Array<{ label: string }>;
    assert.ok(hints.some((h) => h.label === ' Σ 205.98 ≈'));
    // by default only the totals that differ from their parts (jsgk.inlayHints: mismatches)
    assert.ok(hints.some((h) => / Σ 205\.98 ≈/.test(h.label)), JSON.stringify(hints.slice(0, 5)));
    assert.ok(!hints.some((h) => /✓/.test(h.label)));
  });

  it('offers the standard tables in a new file, and resolves their documentation', async () => {
    const u2 = 'file:///new.jsgk.yaml';
    const text = '报告:\n  类型: 部门决算\n  年度: 2024\n  单位: 新单位\n\n';
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: u2, languageId: 'jsgk-yaml', version: 1, text } });
    const items = itemsOf(await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: u2 }, position: { line: 5, character: 0 } }));
    const t = items.find((i) => i.label === '表 收入决算表')!;
    assert.ok(t);
    assert.match((t.textEdit as TextEdit).newText, /列: \[本年收入合计, 财政拨款收入/);
    assert.deepStrictEqual((t.textEdit as TextEdit).range, { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } });
    assert.ok(!items.some((i) => i.label.startsWith('表 收支预算总表')), 'no 预算 tables in a 决算');
    const r = await c.conn.sendRequest(CompletionResolveRequest.type, t);
    assert.match(JSON.stringify(r.documentation), /本年收入合计/);
    await c.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: u2 } });
  });

  it('semantic tokens mark the amounts and percentages inside the narrative text', async () => {
    const r = await c.conn.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    const data = r!.data;
    assert.ok(data.length > 5 * 40, `tokens: ${data.length / 5}`);
    // decode and read the first few tokens back from the document
    let line = 0;
    let ch = 0;
    const texts: string[] = [];
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
      texts.push(doc.getText({ start: { line, character: ch }, end: { line, character: ch + data[i + 2] } }));
    }
    assert.ok(texts.every((t) => /^-?[\d,.]+\s*(万元|元|亿元|万|%)$/.test(t)), JSON.stringify(texts.filter((t) => !/^-?[\d,.]+\s*(万元|元|亿元|万|%)$/.test(t)).slice(0, 5)));
    assert.ok(texts.includes('11.20%') && texts.includes('42.32万元'));
  });

  it('formats a document: aligned rows, nothing but white space changed', async () => {
    const edits = (await c.conn.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
    assert.ok(edits.length > 10);
    const after = TextDocument.applyEdits(doc, edits);
    assert.strictEqual(after.replace(/[ \t]/g, ''), doc.getText().replace(/[ \t]/g, ''));
  });

  it('answers requests for unknown documents and malformed requests, and stays up', async () => {
    const unknown = { textDocument: { uri: 'file:///nope.jsgk.yaml' }, position: { line: 0, character: 0 } };
    assert.strictEqual(await c.conn.sendRequest(HoverRequest.type, unknown), null);
    assert.deepStrictEqual(itemsOf(await c.conn.sendRequest(CompletionRequest.type, unknown)), []);
    assert.deepStrictEqual(await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///nope' } }), []);
    // malformed: position far outside the document, missing fields
    const far = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 99999, character: 99999 } });
    assert.ok(far === null || typeof far === 'object');
    await c.conn.sendRequest('textDocument/hover', { textDocument: { uri } }).then(() => undefined, () => undefined);
    await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri } }).then(() => undefined, () => undefined);
    await c.conn.sendRequest('jsgk/noSuchMethod', {}).then(() => undefined, () => undefined);
    const syms = (await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.ok(syms.length > 5, 'still answering after malformed requests');
    assert.strictEqual(c.proc.exitCode, null);
  });
});

describe('language server: a 部门 report and its 单位 reports (checks across files)', function () {
  this.timeout(30000);
  let c: Client;
  let dir: string;
  const DEPT = '某市商务局-2023部门决算.jsgk.yaml';
  const CENTRE = '某市招商服务中心-2023单位决算.jsgk.yaml';
  let deptUri: string;
  let centreUri: string;
  const units = (d: Diagnostic[]) => d.filter((x) => x.code === 'units.sum').map((x) => x.message as string);

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-units-'));
    fs.cpSync(path.join(ROOT, 'examples', '部门与所属单位'), dir, { recursive: true });
    deptUri = pathToFileURL(path.join(dir, DEPT)).toString();
    centreUri = pathToFileURL(path.join(dir, CENTRE)).toString();
    c = new Client();
    await c.init(dir);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: deptUri, languageId: 'jsgk-yaml', version: 1, text: fs.readFileSync(path.join(dir, DEPT), 'utf8') } });
  });
  after(async () => {
    if (c) await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opening only the 部门 report reads its unit reports from the workspace and links to their cells', async () => {
    const d = await c.diagnosticsFor(deptUri, 1);
    assert.deepStrictEqual(units(d), [
      '公开05表 2011308 招商引资（本年支出/小计） 120.00 ≠ 所属 2 个单位之和 125.00（差 5.00）；20113、201、合计 因此同样不等',
      '公开05表 2011308 招商引资（本年支出/项目支出） 120.00 ≠ 所属 2 个单位之和 125.00（差 5.00）；20113、201、合计 因此同样不等',
    ]);
    const rel = d.find((x) => x.code === 'units.sum')!.relatedInformation!;
    const inCentre = rel.find((r) => r.location.uri === centreUri)!;
    assert.ok(inCentre, JSON.stringify(rel));
    const centreDoc = TextDocument.create(centreUri, 'jsgk-yaml', 1, fs.readFileSync(path.join(dir, CENTRE), 'utf8'));
    assert.strictEqual(centreDoc.getText(inCentre.location.range), '450,000.00');
    assert.strictEqual(inCentre.message, '某市招商服务中心：450,000.00 元');
  });

  it('hover on a 单位构成 row names the unit report found in the workspace', async () => {
    const text = fs.readFileSync(path.join(dir, DEPT), 'utf8');
    const doc = TextDocument.create(deptUri, 'jsgk-yaml', 1, text);
    const h = (await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: deptUri }, position: doc.positionAt(text.indexOf('某市招商服务中心, 事业单位') + 2) })) as Hover;
    assert.match(JSON.stringify(h.contents), /单位报告：某市招商服务中心-2023单位决算\.jsgk\.yaml.*部门各表已与所属 2 个单位报告之和核对/);
  });

  it('editing a unit report in the editor checks the 部门 report again', async () => {
    const text = fs.readFileSync(path.join(dir, CENTRE), 'utf8');
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: centreUri, languageId: 'jsgk-yaml', version: 1, text } });
    const edited = text.replace(/450,000\.00/g, '500,000.00').replace(/950,000\.00/g, '1,000,000.00');
    const wait = c.nextDiagnostics(deptUri);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: centreUri, version: 2 }, contentChanges: [{ text: edited }] });
    const d = await wait;
    assert.deepStrictEqual(units(d).map((m) => m.slice(0, m.indexOf('；'))), [
      '公开05表 2011308 招商引资（本年支出/小计） 120.00 ≠ 所属 2 个单位之和 130.00（差 10.00）',
      '公开05表 2011308 招商引资（本年支出/项目支出） 120.00 ≠ 所属 2 个单位之和 130.00（差 10.00）',
    ]);
    // closing it without saving: the file on disk counts again
    const back = c.nextDiagnostics(deptUri);
    await c.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: centreUri } });
    assert.match(units(await back)[0], /之和 125\.00（差 5\.00）/);
  });

  it('a unit report changed on disk (watched files) checks the 部门 report again', async () => {
    const file = path.join(dir, '某市商务局（本级）-2023单位决算.jsgk.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/80\.00/g, '75.00').replace(/330\.00/g, '325.00'));
    const wait = c.nextDiagnostics(deptUri);
    await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).toString(), type: 2 }] });
    assert.deepStrictEqual(units(await wait), [], '75.00 + 45.00 = 120.00: the sums agree now');
    fs.rmSync(file);
    const gone = c.nextDiagnostics(deptUri);
    await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).toString(), type: 3 }] });
    assert.deepStrictEqual(units(await gone), [], 'a listed unit without a report: nothing is compared');
  });
});

describe('language server: message language setting (jsgk.language)', function () {
  this.timeout(30000);
  let c: Client;
  const s001 = sample('001');
  const uri = 'file:///samples/001.jsgk.yaml';
  before(async () => {
    c = new Client();
    await c.init(undefined, { language: 'en' });
    await c.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  });
  after(async () => c && c.stop());

  it('speaks English when jsgk.language is en, and Chinese again when it is changed back', async () => {
    const wait = c.nextDiagnostics(uri);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'jsgk-yaml', version: 1, text: s001.text } });
    const en = (await wait).map((d) => d.message as string);
    assert.ok(en.includes('Wrong amount unit: "万5.00元" should be "5.00万元"'), en.join('\n'));
    c.settings = { language: 'zh-cn' };
    const back = c.nextDiagnostics(uri);
    await c.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const zh = (await back).map((d) => d.message as string);
    assert.ok(zh.includes('金额单位写错：“万5.00元”应为“5.00万元”'), zh.join('\n'));
    assert.strictEqual(zh.length, en.length);
  });
});

describe('language server: the line DSL (*.jsgk)', function () {
  this.timeout(30000);
  let c: Client;
  const s001 = sample('001');
  const uri = 'file:///samples/001.jsgk';
  let dsl = '';
  before(async () => {
    c = new Client();
    await c.init();
    const yamlUri = 'file:///samples/001-for-convert.jsgk.yaml';
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: yamlUri, languageId: 'jsgk-yaml', version: 1, text: s001.text } });
    const r = (await c.conn.sendRequest('workspace/executeCommand', { command: 'jsgk.server.convert', arguments: [yamlUri, 'dsl'] })) as { ok: boolean; text: string };
    assert.ok(r.ok, JSON.stringify(r));
    dsl = r.text;
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'jsgk', version: 1, text: dsl } });
  });
  after(async () => c && c.stop());

  it('converts an open YAML report to DSL and checks the DSL with the same findings', async () => {
    assert.match(dsl, /^【报告】$/m);
    const yamlDiags = await c.diagnosticsFor('file:///samples/001-for-convert.jsgk.yaml', 1);
    const d = await c.diagnosticsFor(uri, 1);
    const doc = TextDocument.create(uri, 'jsgk', 1, dsl);
    const unit = d.find((x) => (x.message as string).startsWith('金额单位写错'))!;
    assert.ok(unit, JSON.stringify(d.map((x) => x.message)));
    assert.strictEqual(doc.getText(unit.range), '万5.00元');
    assert.deepStrictEqual(d.map((x) => `${x.code} ${x.message}`).sort(), yamlDiags.map((x) => `${x.code} ${x.message}`).sort());
  });

  it('hover, symbols, completion and quick fixes work on the DSL', async () => {
    const doc = TextDocument.create(uri, 'jsgk', 1, dsl);
    const term = dsl.indexOf('基本支出', dsl.indexOf('【情况说明】'));
    const h = (await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(term + 1) })) as Hover | null;
    assert.ok(h && /指为保障机构正常运转/.test(JSON.stringify(h.contents)), JSON.stringify(h));
    const syms = (await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.ok(syms.some((x) => x.name === '名词解释') && syms.some((x) => x.name.startsWith('绩效自评 口岸运转费')), JSON.stringify(syms.map((x) => x.name)));
    const d = await c.diagnosticsFor(uri, 1);
    const unit = d.find((x) => (x.message as string).startsWith('金额单位写错'))!;
    const actions = (await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: unit.range, context: { diagnostics: [unit] } })) as CodeAction[];
    const fix = actions.find((a) => a.title === '改为“5.00万元”');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.deepStrictEqual((fix!.edit!.changes![uri] as TextEdit[]).map((e) => [doc.getText(e.range), e.newText]), [['万5.00元', '5.00万元']]);
    const end = doc.positionAt(dsl.length);
    const items = itemsOf(await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: end }));
    assert.ok(items.some((x) => x.label === '【表 收入支出决算总表】'), JSON.stringify(items.slice(0, 5).map((x) => x.label)));
  });

  it('converts the DSL back to YAML; a file with format errors is refused with the reason', async () => {
    const r = (await c.conn.sendRequest('workspace/executeCommand', { command: 'jsgk.server.convert', arguments: [uri, 'yaml'] })) as { ok: boolean; text: string };
    assert.ok(r.ok);
    assert.match(r.text, /^报告:\n  类型: 单位决算$/m);
    const bad = 'file:///samples/bad.jsgk';
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: bad, languageId: 'jsgk', version: 1, text: '【报告】\n类型：部门决算\n年度：二〇二三\n单位：某单位\n' } });
    const no = (await c.conn.sendRequest('workspace/executeCommand', { command: 'jsgk.server.convert', arguments: [bad, 'yaml'] })) as { ok: boolean; message: string };
    assert.deepStrictEqual(no, { ok: false, message: '文件中有 1 处格式错误，转换会丢失读不懂的内容：请先修正（见“问题”面板）再转换' });
  });
});

/**
 * What `npm run package` puts in the .vsix (`vsce ls`, the same list without writing the file):
 * every file the manifest points at, and no test, sample, script or development dependency.
 */
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as rpc from 'vscode-languageserver-protocol/node';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers/samples';
import { makeCMapPdf } from './helpers/pdf-writer';

describe('the packaged extension (.vsix contents)', function () {
  this.timeout(120000);
  let files: string[] = [];
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  before(() => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    files = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  });

  it('holds every file the manifest refers to', () => {
    const c = pkg.contributes;
    const refs = [
      pkg.main, pkg.icon, 'dist/server.js',
      ...c.languages.map((l: { configuration: string }) => l.configuration), ...c.grammars.map((g: { path: string }) => g.path),
      ...c.yamlValidation.map((y: { url: string }) => y.url), 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.en.json',
      'package.nls.json', 'package.nls.zh-cn.json', 'templates/部门决算.jsgk.yaml', 'templates/部门预算.jsgk.yaml',
      // read by 新建报告 (the DSL templates) and by 打开格式说明
      'templates/部门决算.jsgk', 'templates/部门预算.jsgk', 'docs/format.md', 'docs/dsl.md',
      'README.md', 'CHANGELOG.md', 'LICENSE',
    ].map((p: string) => p.replace(/^\.\//, ''));
    assert.deepStrictEqual(refs.filter((p) => !files.includes(p)), []);
  });

  it('holds no test, sample, script, source map, TypeScript source or node_modules (the code is bundled)', () => {
    const bad = files.filter((f) => /^(test|samples|examples|scripts|vscode-harness|data|out|node_modules)\//.test(f) || /\.(map|ts)$/.test(f));
    assert.deepStrictEqual(bad, []);
    // besides the CMaps pdfjs reads Chinese fonts with (dist/pdfjs/cmaps, 33 GB CMaps and their licence)
    const other = files.filter((f) => !f.startsWith('dist/pdfjs/cmaps/'));
    assert.ok(other.length < 40, `${other.length} files`);
    assert.strictEqual(files.length - other.length, 34);
  });

  it('holds every file the language server reads when it imports Chinese PDFs (pdfjs, the GB CMaps), and the extension bundle no importer', async () => {
    // the extension as installed: only the files of the .vsix, where no node_modules can be found
    const tmp = fs.mkdtempSync(path.join(require('os').tmpdir(), 'jsgk-vsix-'));
    const ext = path.join(tmp, 'ext');
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(ext, f)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, f), path.join(ext, f));
    }
    assert.ok(!/getTextContent|readWorkbook|pdfjs/.test(fs.readFileSync(path.join(ext, 'dist', 'extension.js'), 'utf8')), 'the extension does not import: the server does');
    // PDFs as they come: real (fonts embedded), and fonts not embedded with predefined GB CMaps and no ToUnicode
    const docs = path.join(tmp, 'docs');
    fs.mkdirSync(docs);
    const real = path.join(docs, 'real.pdf');
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'import', '上海市普陀区人民政府办公室2025年部门预算.pdf'), real);
    const cmap = path.join(docs, 'cmap.pdf');
    fs.writeFileSync(cmap, makeCMapPdf([[
      { x: 300, y: 540, text: '2026年部门支出预算总表', size: 16, font: 'UniGB-UCS2-H' },
      { x: 60, y: 515, text: '编制部门：某区某局', font: 'GBK-EUC-H' }, { x: 760, y: 515, text: '单位：元', font: 'GBK-EUC-H' },
      { x: 180, y: 490, text: '项目', font: 'UniGB-UCS2-H' }, { x: 430, y: 490, text: '合计', font: 'UniGB-UCS2-H' }, { x: 560, y: 490, text: '基本支出', font: 'GBK-EUC-H' },
      { x: 62, y: 460, text: '204', font: 'Helvetica' }, { x: 165, y: 460, text: '公共安全支出', font: 'GBK-EUC-H' },
      { x: 470, y: 460, text: '300.00', font: 'Helvetica', right: true }, { x: 600, y: 460, text: '100.00', font: 'Helvetica', right: true },
    ]]));
    // every file the server process opens or reads (pdf.mjs and pdf.worker.mjs are loaded as modules: without them, no PDF is read at all)
    const log = path.join(tmp, 'reads.log');
    const recorder = path.join(tmp, 'record-reads.js');
    fs.writeFileSync(recorder, `const fs = require('fs');
const { fileURLToPath } = require('url');
const note = (p) => { try { const s = String(p && p.href || p); fs.appendFileSync(${JSON.stringify(log)}, (s.startsWith('file:') ? fileURLToPath(s) : s) + '\\n'); } catch {} };
for (const [obj, names] of [[fs, ['readFileSync', 'readFile', 'openSync', 'open', 'createReadStream']], [fs.promises, ['readFile', 'open']]])
  for (const n of names) { const orig = obj[n]; obj[n] = function (p, ...a) { if (typeof p === 'string' || p instanceof URL) note(p); return orig.call(this, p, ...a); }; }
`);
    const proc = spawn(process.execPath, ['-r', recorder, path.join(ext, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: tmp });
    const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout!), new rpc.StreamMessageWriter(proc.stdin!));
    conn.listen();
    try {
      await conn.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
      await conn.sendNotification(rpc.InitializedNotification.type, {});
      const ask = (file: string) => conn.sendRequest('workspace/executeCommand', { command: 'jsgk.server.importDocument', arguments: [file, 'dsl'] }) as Promise<{ ok: boolean; text: string; message?: string }>;
      const a = await ask(real);
      assert.ok(a.ok, a.message);
      assert.match(a.text, /\n【表 2025年部门支出预算总表】\n编制部门：上海市普陀区人民政府办公室\n/);
      const b = await ask(cmap);
      assert.ok(b.ok, b.message);
      assert.match(b.text, /\n【表 2026年部门支出预算总表】\n编制部门：某区某局\n单位：元\n列：合计 \| 基本支出\n204 公共安全支出 \| 300\.00 \| 100\.00\n/);
    } finally {
      conn.dispose();
      proc.kill();
    }
    const read = [...new Set(fs.readFileSync(log, 'utf8').split('\n').filter(Boolean))];
    const inExt = read.filter((p) => p.startsWith(ext + path.sep)).map((p) => path.relative(ext, p).split(path.sep).join('/'));
    // nothing read from outside the installed extension but the documents (and the system's own files)
    assert.deepStrictEqual(read.filter((p) => !p.startsWith(ext + path.sep) && !p.startsWith(docs + path.sep) && !/^\/(proc|sys|dev|etc)\//.test(p)), []);
    assert.deepStrictEqual(inExt.filter((f) => !files.includes(f)), []);
    for (const f of ['dist/pdfjs/cmaps/UniGB-UCS2-H.bcmap', 'dist/pdfjs/cmaps/GBK-EUC-H.bcmap', 'dist/pdfjs/cmaps/Adobe-GB1-UCS2.bcmap']) assert.ok(inExt.includes(f), `${f} read: ${inExt.join(', ')}`);
    for (const f of ['dist/pdfjs/legacy/build/pdf.mjs', 'dist/pdfjs/legacy/build/pdf.worker.mjs']) assert.ok(inExt.includes(f), `${f} read: ${inExt.join(', ')}`);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the bundled language server (dist/server.js) starts alone and checks a sample', async () => {
    // alone: copied where no node_modules can be found, as in an installed .vsix
    const tmp = fs.mkdtempSync(path.join(require('os').tmpdir(), 'jsgk-dist-'));
    fs.mkdirSync(path.join(tmp, 'dist'));
    fs.copyFileSync(path.join(ROOT, 'dist', 'server.js'), path.join(tmp, 'dist', 'server.js'));
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(tmp, 'package.json'));
    const proc = spawn(process.execPath, [path.join(tmp, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: tmp });
    const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout!), new rpc.StreamMessageWriter(proc.stdin!));
    const got = new Promise<rpc.PublishDiagnosticsParams>((res) => conn.onNotification(rpc.PublishDiagnosticsNotification.type, res));
    conn.listen();
    try {
      const init = await conn.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
      assert.strictEqual(init.serverInfo?.version, pkg.version);
      await conn.sendNotification(rpc.InitializedNotification.type, {});
      const text = fs.readFileSync(path.join(ROOT, 'samples', '001-额尔古纳市人民政府外事办公室-2023单位决算.jsgk.yaml'), 'utf8');
      await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: 'file:///x/001.jsgk.yaml', languageId: 'jsgk-yaml', version: 1, text } });
      const d = await got;
      assert.ok(d.diagnostics.some((x) => x.message === '金额单位写错：“万5.00元”应为“5.00万元”'), JSON.stringify(d.diagnostics.map((x) => x.message)));
      assert.ok(d.diagnostics.some((x) => x.code === 'kemu.unknown' || x.code === 'glossary.duplicate' || x.code === 'text.change'), 'the data files are inlined');
    } finally {
      conn.dispose();
      proc.kill();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

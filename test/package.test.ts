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
    assert.ok(files.length < 40, `${files.length} files`);
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

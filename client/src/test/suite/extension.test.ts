/**
 * Runs inside a real VS Code (code-server's 1.139 here; desktop VS Code where it can be
 * downloaded): the extension activates on a report, the server's diagnostics, hover, completion,
 * quick fixes and symbols reach the editor through the real client.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');
const SAMPLE = path.join(ROOT, 'samples', '000-绥芬河市经济合作促进中心-2023部门决算.jsgk.yaml');

async function waitFor<T>(what: string, fn: () => T | undefined | false, timeout = 45000): Promise<T> {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    const v = fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('超时：' + what);
}

const jsgk = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'jsgk');

describe('决算公开助手 in VS Code', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await vscode.workspace.openTextDocument(vscode.Uri.file(SAMPLE));
    await vscode.window.showTextDocument(doc);
  });

  it('opens *.jsgk.yaml as the report language and activates the extension', async () => {
    assert.strictEqual(doc.languageId, 'jsgk-yaml');
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'jsgk');
    assert.ok(ext, 'extension present');
    await waitFor('activation', () => ext!.isActive);
  });

  it('shows the findings of sample 000 (尾数误差 as information)', async () => {
    const diags = await waitFor('diagnostics', () => { const d = jsgk(doc.uri); return d.length > 0 && d; });
    assert.strictEqual(diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, 0);
    const d = diags.find((x) => x.message.startsWith('人员经费合计 205.97 ≠ 各项之和 205.98'));
    assert.ok(d, diags.map((x) => x.message).join('\n'));
    assert.strictEqual(d!.severity, vscode.DiagnosticSeverity.Information);
    assert.strictEqual(doc.getText(d!.range), '205.97');
    assert.strictEqual(d!.relatedInformation?.length, 2);
  });

  it('hover shows a total’s computation and a term’s definition', async () => {
    const off = doc.getText().indexOf('人员经费合计: 205.97') + '人员经费合计: '.length + 2;
    const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(off));
    const text = hs.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)).join('')).join('\n');
    assert.match(text, /Σ 205\.98/);
    const t = doc.getText().indexOf('1.基本支出224.55万元') + 3;
    const hs2 = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(t));
    assert.match(hs2.map((h) => h.contents.map((c) => (c as vscode.MarkdownString).value ?? c).join('')).join(''), /指为保障机构正常运转/);
  });

  it('completes the standard tables in a new report', async () => {
    await vscode.commands.executeCommand('jsgk.newFinalReport');
    const ed = vscode.window.activeTextEditor!;
    assert.strictEqual(ed.document.languageId, 'jsgk-yaml');
    assert.match(ed.document.getText(), /表 收入决算表:/);
    const small = await vscode.workspace.openTextDocument({ language: 'jsgk-yaml', content: '报告:\n  类型: 部门决算\n  年度: 2024\n  单位: 新单位\n\n' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', small.uri, new vscode.Position(5, 0));
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '表 收入决算表');
    assert.ok(item, list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(', '));
  });

  it('a real error gets a preferred quick fix that makes it go away', async () => {
    const text = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试\n\n表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 合计: 310.00\n    - 201 一般公共服务支出: 270.00\n    - 208 社会保障和就业支出: 30.00\n';
    const d2 = await vscode.workspace.openTextDocument({ language: 'jsgk-yaml', content: text });
    await vscode.window.showTextDocument(d2);
    const err = await waitFor('error', () => jsgk(d2.uri).find((d) => d.code === 'sum.total' && d.severity === vscode.DiagnosticSeverity.Error));
    assert.strictEqual(err.message, '合计 310.00 ≠ 各类之和 300.00（差 10.00）');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', d2.uri, err.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === '将合计改为 300.00');
    assert.ok(fix && fix.isPreferred, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix!.edit!));
    assert.ok(d2.getText().includes('- 合计: 300.00'));
    await waitFor('error gone', () => !jsgk(d2.uri).some((d) => d.code === 'sum.total'));
  });

  it('completes 科目 codes by pinyin initials and hovers a code with its path', async () => {
    const d = await vscode.workspace.openTextDocument({ language: 'jsgk-yaml', content: '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试\n\n表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 201 一般公共服务支出: 1\n    - zsyz' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', d.uri, new vscode.Position(9, 10));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('2011308 招商引资'), labels.join(', '));
    const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', d.uri, new vscode.Position(8, 7));
    const text = hs.map((h) => h.contents.map((c) => (c as vscode.MarkdownString).value ?? c).join('')).join('');
    assert.match(text, /201 一般公共服务支出/);
  });

  it('imports a 科目表 into the workspace file jsgk-kemu.csv, and the checks use it', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const sheet = vscode.Uri.joinPath(folder, '科目表.csv');
    await vscode.workspace.fs.writeFile(sheet, Buffer.from('科目编码,科目名称,说明\n2011377,数字招商,反映数字化招商的支出\n', 'utf8'));
    const r = await vscode.commands.executeCommand<{ ok: boolean; message: string }>('jsgk.importCatalogue', sheet, 2023);
    assert.ok(r && r.ok, JSON.stringify(r));
    const csv = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'jsgk-kemu.csv'))).toString('utf8');
    assert.match(csv, /2011377,数字招商,反映数字化招商的支出,2023/);
    const d = await vscode.workspace.openTextDocument({ language: 'jsgk-yaml', content: '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试\n\n表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 2011377 数字招商: 1\n' });
    await vscode.window.showTextDocument(d);
    await waitFor('diagnostics of the new document', () => vscode.languages.getDiagnostics(d.uri).length >= 0 && true);
    await new Promise((res) => setTimeout(res, 1500));
    assert.ok(!jsgk(d.uri).some((x) => x.code === 'kemu.unknown'), JSON.stringify(jsgk(d.uri).map((x) => x.message)));
  });

  it('outlines the report (symbols) and shows the computation command', async () => {
    const syms = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(syms.some((s) => s.name === '收入决算表'));
    const cmds = await vscode.commands.getCommands(true);
    for (const c of ['jsgk.newFinalReport', 'jsgk.newBudgetReport', 'jsgk.checkWorkspace', 'jsgk.importCatalogue', 'jsgk.showComputation']) assert.ok(cmds.includes(c), c);
  });

  it('转换为 DSL writes the report as *.jsgk next to it, opened as the DSL with the same findings; 转换为 YAML comes back', async () => {
    const ws = vscode.workspace.workspaceFolders![0].uri;
    const src = vscode.Uri.joinPath(ws, '001-额尔古纳市人民政府外事办公室-2023单位决算.jsgk.yaml');
    const yamlDoc = await vscode.workspace.openTextDocument(src);
    await vscode.window.showTextDocument(yamlDoc);
    const yamlDiags = await waitFor('diagnostics of 001', () => { const d = jsgk(src); return d.length > 0 && d; });
    const target = await vscode.commands.executeCommand<vscode.Uri>('jsgk.convertToDsl');
    assert.ok(target, 'a file was written');
    assert.strictEqual(path.basename(target!.fsPath), '001-额尔古纳市人民政府外事办公室-2023单位决算.jsgk');
    const dslDoc = await waitFor('the DSL editor', () => vscode.window.activeTextEditor?.document.uri.fsPath === target!.fsPath && vscode.window.activeTextEditor.document);
    assert.strictEqual(dslDoc.languageId, 'jsgk');
    assert.match(dslDoc.getText(), /^【报告】$/m);
    const key = (d: vscode.Diagnostic) => `${typeof d.code === 'object' ? d.code.value : d.code} ${d.message}`;
    const dslDiags = await waitFor('diagnostics of the DSL', () => { const d = jsgk(target!); return d.length >= yamlDiags.length && d; });
    assert.deepStrictEqual(dslDiags.map(key).sort(), yamlDiags.map(key).sort());
    const unit = dslDiags.find((d) => d.message.startsWith('金额单位写错'))!;
    assert.strictEqual(dslDoc.getText(unit.range), '万5.00元');
    // back to YAML: the YAML file exists, so the result opens as a new unsaved document
    const back = await vscode.commands.executeCommand<vscode.Uri>('jsgk.convertToYaml');
    assert.strictEqual(back!.scheme, 'untitled');
    const backDoc = await waitFor('the YAML editor', () => vscode.window.activeTextEditor?.document.uri.toString() === back!.toString() && vscode.window.activeTextEditor.document);
    assert.strictEqual(backDoc.languageId, 'jsgk-yaml');
    assert.match(backDoc.getText(), /^报告:\n  类型: 单位决算$/m);
  });
});

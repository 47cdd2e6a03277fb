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
    // no related locations: VS Code would show them above the hover's computation (which lists the parts)
    assert.deepStrictEqual(d!.relatedInformation ?? [], []);
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
    await vscode.commands.executeCommand('jsgk.newFinalReport', { unit: '补全测试中心', year: 2024, syntax: 'yaml' });
    const ed = vscode.window.activeTextEditor!;
    assert.strictEqual(ed.document.languageId, 'jsgk-yaml');
    assert.match(ed.document.getText(), /表 收入决算表:/);
    const small = await vscode.workspace.openTextDocument({ language: 'jsgk-yaml', content: '报告:\n  类型: 部门决算\n  年度: 2024\n  单位: 新单位\n\n' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', small.uri, new vscode.Position(5, 0));
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '表 收入决算表');
    assert.ok(item, list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(', '));
  });

  it('a real error gets a quick fix that makes it go away (not preferred: it replaces a typed total)', async () => {
    const text = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试\n\n表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 合计: 310.00\n    - 201 一般公共服务支出: 270.00\n    - 208 社会保障和就业支出: 30.00\n';
    const d2 = await vscode.workspace.openTextDocument({ language: 'jsgk-yaml', content: text });
    await vscode.window.showTextDocument(d2);
    const err = await waitFor('error', () => jsgk(d2.uri).find((d) => d.code === 'sum.total' && d.severity === vscode.DiagnosticSeverity.Error));
    assert.strictEqual(err.message, '合计 310.00 ≠ 各类之和 300.00（差 10.00）');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', d2.uri, err.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === '将合计改为 300.00');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.ok(!fix!.isPreferred, 'a fix that replaces a number the user typed is offered, not preferred');
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
    for (const c of ['jsgk.newFinalReport', 'jsgk.newBudgetReport', 'jsgk.openFormatGuide', 'jsgk.checkWorkspace', 'jsgk.importCatalogue', 'jsgk.showComputation']) assert.ok(cmds.includes(c), c);
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
    // it is named beside the file it was converted from, and saving writes it there, still a report
    assert.strictEqual(path.basename(back!.path), '001-额尔古纳市人民政府外事办公室-2023单位决算（2）.jsgk.yaml');
    assert.ok(await backDoc.save(), 'saved');
    const saved = vscode.Uri.file(back!.path);
    assert.match(Buffer.from(await vscode.workspace.fs.readFile(saved)).toString('utf8'), /^报告:\n  类型: 单位决算$/m);
    assert.strictEqual((await vscode.workspace.openTextDocument(saved)).languageId, 'jsgk-yaml');
  });

  describe('新建报告, 格式说明, 计算过程, font', () => {
    const ws = () => vscode.workspace.workspaceFolders![0].uri;
    const ext = () => vscode.extensions.all.find((e) => e.packageJSON.name === 'jsgk')!;
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);

    it('新建决算报告 writes 单位-年度部门决算.jsgk.yaml into the workspace with 单位 and 年度 filled in, opened as a report; closed and reopened it still is one', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('jsgk.newFinalReport', { unit: '测试中心', year: 2025, syntax: 'yaml' });
      assert.strictEqual(uri!.toString(), vscode.Uri.joinPath(ws(), '测试中心-2025部门决算.jsgk.yaml').toString());
      const ed = await waitFor('the new report’s editor', () => vscode.window.activeTextEditor?.document.uri.toString() === uri!.toString() && vscode.window.activeTextEditor);
      assert.strictEqual(ed.document.isDirty, false, 'written to disk');
      assert.strictEqual(ed.document.languageId, 'jsgk-yaml');
      const text = ed.document.getText();
      assert.match(text, /^报告:\n  类型: 部门决算\n  年度: 2025\n  单位: 测试中心$/m);
      assert.ok(!text.includes('XX单位') && !/2024/.test(text), text.slice(0, 500));
      // the clerk starts at the first part to write
      assert.match(ed.document.getText(ed.selection), /^（按三定方案填写/);
      // the schema line points at a copy of the extension's schema beside the report
      assert.strictEqual(text.split('\n')[0], '# yaml-language-server: $schema=.jsgk/report.schema.json');
      const copy = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ws(), '.jsgk', 'report.schema.json'));
      const bundled = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext().extensionUri, 'schemas', 'report.schema.json'));
      assert.ok(Buffer.from(copy).equals(Buffer.from(bundled)));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const again = await vscode.workspace.openTextDocument(uri!);
      assert.strictEqual(again.languageId, 'jsgk-yaml');
      // the language server reads it as a report
      const outline = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      assert.ok(outline.some((x) => x.name === '收入支出决算总表'), outline.map((x) => x.name).join(', '));
    });

    it('新建预算报告 in the DSL writes 单位-年度部门预算.jsgk, opened as the DSL', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('jsgk.newBudgetReport', { unit: '测试中心', year: 2026, syntax: 'dsl' });
      assert.strictEqual(path.basename(uri!.path), '测试中心-2026部门预算.jsgk');
      const doc = await vscode.workspace.openTextDocument(uri!);
      assert.strictEqual(doc.languageId, 'jsgk');
      assert.match(doc.getText(), /^【报告】\n类型：部门预算\n年度：2026\n单位：测试中心$/m);
      assert.match(doc.getText(), /纳入测试中心2026年度部门预算编制范围/);
    });

    it('a report saved without .jsgk.yaml / .jsgk opens as a report (first lines)', async () => {
      const y = vscode.Uri.joinPath(ws(), '报告草稿');
      await vscode.workspace.fs.writeFile(y, Buffer.from('# 草稿\n报告:\n  类型: 部门决算\n  年度: 2024\n  单位: 某中心\n', 'utf8'));
      const yd = await vscode.workspace.openTextDocument(y);
      await waitFor('YAML report language', () => yd.languageId === 'jsgk-yaml');
      const d = vscode.Uri.joinPath(ws(), 'DSL草稿');
      await vscode.workspace.fs.writeFile(d, Buffer.from('# 草稿\n\n【报告】\n类型：部门决算\n年度：2024\n单位：某中心\n', 'utf8'));
      const dd = await vscode.workspace.openTextDocument(d);
      await waitFor('DSL report language', () => dd.languageId === 'jsgk');
      const other = vscode.Uri.joinPath(ws(), '说明');
      await vscode.workspace.fs.writeFile(other, Buffer.from('报告写在 samples/ 中。\n', 'utf8'));
      const od = await vscode.workspace.openTextDocument(other);
      await new Promise((r) => setTimeout(r, 500));
      assert.strictEqual(od.languageId, 'plaintext');
    });

    it('“docs/format.md” in a report’s comment links to 打开格式说明, which shows the guide rendered', async () => {
      const uri = vscode.Uri.joinPath(ws(), '测试中心-2025部门决算.jsgk.yaml');
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
      const link = links.find((l) => l.target?.scheme === 'command');
      assert.ok(link, JSON.stringify(links));
      assert.strictEqual(link!.target!.path, 'jsgk.openFormatGuide');
      assert.deepStrictEqual(JSON.parse(decodeURIComponent(link!.target!.query)), ['yaml']);
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.strictEqual(doc.getText(link!.range), 'docs/format.md');
      // the language server's hovers may link to it (command links are trusted for this command only)
      const api = ext().exports as { client: { clientOptions: { markdown?: { isTrusted?: unknown } } } };
      assert.deepStrictEqual(api.client.clientOptions.markdown?.isTrusted, { enabledCommands: ['jsgk.openFormatGuide'] });
      const guide = await vscode.commands.executeCommand<vscode.Uri>('jsgk.openFormatGuide', 'dsl');
      assert.strictEqual(path.basename(guide!.path), 'dsl.md');
      const tab = await waitFor('the Markdown preview of dsl.md', () => tabs().find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes('dsl.md')));
      assert.ok(tab);
    });

    it('显示计算过程 opens a rendered view beside the report', async () => {
      const d = await vscode.workspace.openTextDocument(vscode.Uri.file(SAMPLE));
      const ed = await vscode.window.showTextDocument(d);
      await waitFor('diagnostics of 000', () => jsgk(d.uri).length > 0);
      const pos = d.positionAt(d.getText().indexOf('人员经费合计: 205.97') + '人员经费合计: '.length + 2);
      ed.selection = new vscode.Selection(pos, pos);
      const md = await vscode.commands.executeCommand<string>('jsgk.showComputation');
      assert.match(md!, /^\*\*人员经费合计\*\*/);
      const api = ext().exports as { computationView(): { title: string; html: string } | undefined };
      const view = api.computationView();
      assert.ok(view, 'the view is open');
      assert.strictEqual(view!.title, '计算过程：人员经费合计');
      assert.match(view!.html, /<strong>人员经费合计<\/strong>/);
      assert.match(view!.html, /<li[ >][^<]*301 工资福利支出：184.88<\/li>/);
      assert.ok(!view!.html.includes('**'), 'no raw Markdown');
      await waitFor('the 计算过程 tab', () => tabs().find((t) => t.input instanceof vscode.TabInputWebview && /jsgk\.computation/.test(t.input.viewType) && t.label === '计算过程：人员经费合计'));
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), d.uri.toString(), 'the report keeps the focus');
    });

    it('both report languages default to a font in which a 汉字 is two ASCII columns', () => {
      for (const languageId of ['jsgk-yaml', 'jsgk']) {
        const font = vscode.workspace.getConfiguration('editor', { languageId }).get<string>('fontFamily');
        assert.strictEqual(font, "'Noto Sans Mono CJK SC', 'Sarasa Mono SC', NSimSun, monospace", languageId);
      }
    });
  });
});

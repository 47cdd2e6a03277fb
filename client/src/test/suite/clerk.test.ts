/**
 * Issue 14 in the real VS Code (extension host): 检查工作区全部报告 counts closed reports too and
 * shows their findings; completion follows typing and works on a fresh row; Enter continues the
 * rows; a flagged total's hover is its computation; hovers link to the format guide; the
 * jsgk.inlayHints setting reaches the server.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

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
const ws = () => vscode.workspace.workspaceFolders![0].uri;
const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
const hoverText = (hs: vscode.Hover[]) => hs.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)).join('\n')).join('\n---\n');

/** Report files of a folder as the walk takes them (no node_modules, no hidden folders). */
function reportFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const r = path.join(rel, e.name);
    if (e.isDirectory()) out.push(...reportFiles(dir, r));
    else if (e.isFile() && /\.jsgk(\.ya?ml)?$/i.test(e.name)) out.push(r);
  }
  return out;
}

interface CheckResult {
  files: Array<{ uri: string; name: string; errors: number; warnings: number; infos: number; open: boolean; problem?: string }>;
  errors: number;
  warnings: number;
  cancelled: boolean;
}

describe('issue 14: the editor as a clerk meets it', () => {
  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('检查工作区全部报告 checks every report, closed ones too, and shows the closed ones’ findings in the Problems panel', async () => {
    const dir = ws().fsPath;
    const s000 = vscode.Uri.joinPath(ws(), fs.readdirSync(dir).find((f) => f.startsWith('000-'))!);
    const s002 = vscode.Uri.joinPath(ws(), fs.readdirSync(dir).find((f) => f.startsWith('002-'))!);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(s000));
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === s002.toString()), '002 is not open');
    assert.strictEqual(jsgk(s002).length, 0, 'nothing known of 002 yet');
    const t0 = Date.now();
    const r = await vscode.commands.executeCommand<CheckResult>('jsgk.checkWorkspace');
    assert.ok(r, 'the command answers when the check ends');
    assert.deepStrictEqual(r.files.map((f) => f.name).sort(), reportFiles(dir).sort());
    assert.strictEqual(r.cancelled, false);
    const f002 = r.files.find((f) => f.name === path.basename(s002.fsPath))!;
    assert.strictEqual(f002.open, false);
    assert.ok(f002.errors >= 3, JSON.stringify(f002));
    assert.strictEqual(r.files.find((f) => f.uri === s000.toString())?.open, true);
    assert.strictEqual(r.errors, r.files.reduce((n, f) => n + f.errors, 0));
    // the closed report's findings are in the Problems panel, as many as counted
    const d = await waitFor('002’s diagnostics', () => { const x = jsgk(s002); return x.length > 0 && x; });
    assert.strictEqual(d.filter((x) => x.severity === vscode.DiagnosticSeverity.Error).length, f002.errors);
    assert.ok(d.some((x) => x.message.startsWith('“安排为”所列各项之和 310万元 超过总数 300万元')), d.map((x) => x.message).join('\n'));
    console.log(`      检查了 ${r.files.length} 份报告，用时 ${Date.now() - t0} ms`);
    // opened, 002 shows its own diagnostics once, not twice: the server withdraws what it pushed when
    // the document opens, before it answers any later request (a hover here)
    const doc002 = await vscode.workspace.openTextDocument(s002);
    await vscode.window.showTextDocument(doc002);
    const same = () => jsgk(s002).filter((x) => x.message.startsWith('“安排为”所列各项之和 310万元')).length;
    await vscode.commands.executeCommand('vscode.executeHoverProvider', s002, new vscode.Position(0, 0));
    assert.ok(same() <= 1, jsgk(s002).map((x) => x.message).join('\n'));
    await waitFor('002’s own diagnostics', () => same() === 1);
    await vscode.commands.executeCommand('vscode.executeHoverProvider', s002, new vscode.Position(0, 0));
    assert.strictEqual(same(), 1);
  });

  it('completion: the list is incomplete (asked again as typing goes on); “201” typed offers 201 first; a fresh row offers 科目 with their “- ”', async () => {
    const text = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试\n\n表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 221 住房保障支出: 1\n    - 22102 住房改革支出: 1\n    - 2210201 住房公积金: 1\n';
    const ask = async (tail: string) => {
      const d = await vscode.workspace.openTextDocument({ language: 'jsgk-yaml', content: text + tail });
      return vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', d.uri, d.positionAt(d.getText().length));
    };
    const dash = await ask('    - ');
    assert.strictEqual(dash.isIncomplete, true);
    assert.deepStrictEqual(dash.items.map(labelOf).slice(0, 2), ['2210202 提租补贴', '2210203 购房补贴']);
    const typed = await ask('    - 201');
    assert.strictEqual(labelOf(typed.items[0]), '201 一般公共服务支出');
    const fresh = await ask('    ');
    const first = fresh.items.find((i) => labelOf(i) === '2210202 提租补贴')!;
    assert.ok(first, fresh.items.map(labelOf).join(', '));
    const edit = first.textEdit ?? first.insertText;
    assert.strictEqual(typeof edit === 'object' && 'newText' in edit ? edit.newText : edit, '- 2210202 提租补贴');
    const dsl = await vscode.workspace.openTextDocument({ language: 'jsgk', content: '【报告】\n类型：部门决算\n年度：2023\n单位：测试\n\n【表 支出决算表】\n列：本年支出合计\n合计 | 1\n201 一般公共服务支出 | 1\n' });
    const dl = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', dsl.uri, dsl.positionAt(dsl.getText().length));
    assert.ok(dl.items.some((i) => labelOf(i) === '20101 人大事务'), dl.items.map(labelOf).join(', '));
  });

  it('Enter at the end of a row (and after 行:) starts the next row with “- ”; in the DSL after a “| … |” row with “| ”', async () => {
    const d = await vscode.workspace.openTextDocument({ language: 'jsgk-yaml', content: '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试\n\n表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 201 一般公共服务支出: 1.00' });
    const ed = await vscode.window.showTextDocument(d);
    const end = d.positionAt(d.getText().length);
    ed.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('type', { text: '\n' });
    assert.strictEqual(d.lineAt(d.lineCount - 1).text, '    - ');
    const rows = d.positionAt(d.getText().indexOf('  行:') + '  行:'.length);
    ed.selection = new vscode.Selection(rows, rows);
    await vscode.commands.executeCommand('type', { text: '\n' });
    assert.strictEqual(d.lineAt(rows.line + 1).text, '    - ');
    const dsl = await vscode.workspace.openTextDocument({ language: 'jsgk', content: '【部门概况】\n= 二、机构设置\n单位构成：\n| 1 | 某中心（本级） | 行政单位 |' });
    const ed2 = await vscode.window.showTextDocument(dsl);
    // the editor reads a language's configuration (its onEnterRules) when the language is first used:
    // until then Enter only breaks the line, so it is pressed again (after undo) until the rules apply
    let last = '';
    for (let i = 0; i < 20 && last !== '| '; i++) {
      if (i > 0) {
        await vscode.commands.executeCommand('undo');
        await new Promise((r) => setTimeout(r, 300));
      }
      const e2 = dsl.positionAt(dsl.getText().length);
      ed2.selection = new vscode.Selection(e2, e2);
      await vscode.commands.executeCommand('type', { text: '\n' });
      last = dsl.lineAt(dsl.lineCount - 1).text;
    }
    assert.strictEqual(last, '| ');
    assert.strictEqual(dsl.lineCount, 5);
  });

  it('a flagged total: no related locations above the hover; the hover is its computation, parts linked; block keys link to the format guide', async () => {
    const dir = ws().fsPath;
    const s000 = vscode.Uri.joinPath(ws(), fs.readdirSync(dir).find((f) => f.startsWith('000-'))!);
    const doc = await vscode.workspace.openTextDocument(s000);
    await vscode.window.showTextDocument(doc);
    const off = doc.getText().indexOf('人员经费合计: 205.97') + '人员经费合计: '.length + 2;
    const diag = await waitFor('the 尾数误差 note', () => jsgk(doc.uri).find((x) => x.range.contains(doc.positionAt(off))));
    assert.deepStrictEqual(diag.relatedInformation ?? [], []);
    const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(off));
    const text = hoverText(hs);
    assert.match(text.split('\n')[0], /^\*\*人员经费合计\*\* = 205\.97　Σ 205\.98/);
    assert.match(text, new RegExp(`\\[184\\.88\\]\\(${doc.uri.toString().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#L\\d+,\\d+-L\\d+,\\d+\\)`));
    const key = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('表 收入决算表:') + 3));
    const md = key.flatMap((h) => h.contents).find((c) => typeof c !== 'string' && (c as vscode.MarkdownString).value.includes('command:jsgk.openFormatGuide')) as vscode.MarkdownString;
    assert.ok(md, hoverText(key));
    assert.match(md.value, /\[格式说明\]\(command:jsgk\.openFormatGuide\?%5B%22yaml%22%5D\)/);
    assert.deepStrictEqual(md.isTrusted, { enabledCommands: ['jsgk.openFormatGuide'] });
  });

  it('jsgk.inlayHints (a setting of the extension) reaches the server: all, off, and back to the default', async () => {
    const dir = ws().fsPath;
    const s000 = vscode.Uri.joinPath(ws(), fs.readdirSync(dir).find((f) => f.startsWith('000-'))!);
    const doc = await vscode.workspace.openTextDocument(s000);
    const all = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = () => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, all);
    const label = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    const cfg = vscode.workspace.getConfiguration('jsgk');
    assert.strictEqual(cfg.inspect('inlayHints')?.defaultValue, 'mismatches');
    const byDefault = await hints();
    assert.ok(byDefault.length > 0 && byDefault.every((h) => !label(h).endsWith('✓')), byDefault.map(label).join(' '));
    try {
      await cfg.update('inlayHints', 'all', vscode.ConfigurationTarget.Workspace);
      const many = await waitForAsync('hints after every total', async () => { const h = await hints(); return h.some((x) => label(x).endsWith('✓')) && h; });
      assert.ok(many.length > byDefault.length);
      await cfg.update('inlayHints', 'off', vscode.ConfigurationTarget.Workspace);
      await waitForAsync('no hints', async () => (await hints()).length === 0);
    } finally {
      await cfg.update('inlayHints', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForAsync('the default again', async () => (await hints()).length === byDefault.length);
  });
});

async function waitForAsync<T>(what: string, fn: () => Promise<T | undefined | false>, timeout = 20000): Promise<T> {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('超时：' + what);
}

/**
 * The VS Code extension: starts the language server and adds the commands, the status bar item
 * and the output channel. Everything that understands reports lives in the server.
 */
import * as fs from 'fs';
import { importDocument, importKindOf } from '../../server/src/service/import';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
const LANG = 'jsgk-yaml';
const DSL = 'jsgk';
const SCHEMA_MARK = /\$schema=\S*report\.schema\.json/;

export interface JsgkApi {
  client: LanguageClient | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<JsgkApi> {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('决算公开助手'), { log: true });
  // the bundled server (npm run build writes dist/); out/ when running from the compiled sources only
  const bundled = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverModule = fs.existsSync(bundled) ? bundled : context.asAbsolutePath(path.join('out', 'server', 'src', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANG }, { language: DSL }, { language: 'yaml', pattern: '**/*.jsgk.{yaml,yml}' }],
    outputChannel: output,
    synchronize: { configurationSection: 'jsgk' },
  };
  client = new LanguageClient('jsgk', vscode.l10n.t('决算公开助手'), serverOptions, clientOptions);

  // YAML files that declare the report schema are reports too.
  const adopt = (doc: vscode.TextDocument) => {
    if (doc.languageId === 'yaml' && SCHEMA_MARK.test(doc.getText(new vscode.Range(0, 0, 5, 0)))) {
      void vscode.languages.setTextDocumentLanguage(doc, LANG);
    }
  };
  vscode.workspace.textDocuments.forEach(adopt);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(adopt));

  // Status bar: the active report's error and warning counts.
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 100);
  status.command = 'workbench.actions.view.problems';
  const refresh = () => {
    const ed = vscode.window.activeTextEditor;
    if (!ed || (ed.document.languageId !== LANG && ed.document.languageId !== DSL)) {
      status.hide();
      return;
    }
    const diags = vscode.languages.getDiagnostics(ed.document.uri).filter((d) => d.source === 'jsgk');
    const e = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const w = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const i = diags.length - e - w;
    status.text = `$(checklist) ${vscode.l10n.t('报告')}：$(error) ${e}  $(warning) ${w}  $(info) ${i}`;
    status.tooltip = vscode.l10n.t('决算公开助手：{0} 个错误，{1} 个警告，{2} 条提示（点击打开“问题”面板）', e, w, i);
    status.show();
  };
  context.subscriptions.push(status, output,
    vscode.languages.onDidChangeDiagnostics(refresh), vscode.window.onDidChangeActiveTextEditor(refresh));

  const newReport = (kind: '决算' | '预算') => async () => {
    const file = context.asAbsolutePath(path.join('templates', kind === '决算' ? '部门决算.jsgk.yaml' : '部门预算.jsgk.yaml'));
    const content = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(file))).toString('utf8');
    const doc = await vscode.workspace.openTextDocument({ language: LANG, content });
    await vscode.window.showTextDocument(doc);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('jsgk.newFinalReport', newReport('决算')),
    vscode.commands.registerCommand('jsgk.newBudgetReport', newReport('预算')),
    vscode.commands.registerCommand('jsgk.checkWorkspace', async () => {
      const files = await vscode.workspace.findFiles('**/*.{jsgk,jsgk.yaml,jsgk.yml}', '**/node_modules/**');
      for (const f of files) await vscode.workspace.openTextDocument(f);
      await new Promise((r) => setTimeout(r, 1500));
      let e = 0;
      let w = 0;
      for (const f of files) {
        const d = vscode.languages.getDiagnostics(f).filter((x) => x.source === 'jsgk');
        e += d.filter((x) => x.severity === vscode.DiagnosticSeverity.Error).length;
        w += d.filter((x) => x.severity === vscode.DiagnosticSeverity.Warning).length;
      }
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showInformationMessage(vscode.l10n.t('检查了 {0} 份报告：{1} 个错误，{2} 个警告', files.length, e, w));
      return { files: files.length, errors: e, warnings: w };
    }),
    vscode.commands.registerCommand('jsgk.importCatalogue', async (fileArg?: vscode.Uri, editionArg?: number) => {
      if (!client) return undefined;
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        void vscode.window.showWarningMessage(vscode.l10n.t('请先打开一个工作区文件夹：科目补充文件 jsgk-kemu.csv 写在它的根目录。'));
        return undefined;
      }
      const file = fileArg ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('科目表')]: ['xls', 'xlsx', 'csv'] }, openLabel: vscode.l10n.t('导入') }))?.[0];
      if (!file) return undefined;
      const year = editionArg ?? Number(await vscode.window.showInputBox({ prompt: vscode.l10n.t('这份科目表是哪一年的版本？'), value: String(new Date().getFullYear()), validateInput: (v) => (/^\d{4}$/.test(v) ? undefined : vscode.l10n.t('请输入四位年份')) }));
      if (!year) return undefined;
      const r = (await client.sendRequest('workspace/executeCommand', { command: 'jsgk.server.importCatalogue', arguments: [file.fsPath, year, folder.uri.fsPath] })) as { ok: boolean; message: string } | null;
      if (r) void (r.ok ? vscode.window.showInformationMessage(r.message) : vscode.window.showErrorMessage(r.message));
      return r;
    }),
    vscode.commands.registerCommand('jsgk.importDocument', async (fileArg?: vscode.Uri) => {
      const picked = fileArg ? [fileArg] : await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('导入'), filters: { [vscode.l10n.t('已公开的报告')]: ['pdf', 'xlsx', 'xls', 'txt'] } });
      const file = picked?.[0];
      if (!file) return;
      const bytes = await vscode.workspace.fs.readFile(file);
      const kind = importKindOf(file.fsPath, bytes);
      if (!kind) {
        void vscode.window.showErrorMessage(vscode.l10n.t('只能导入 PDF、Excel 或 pdftotext 文本'));
        return;
      }
      const res = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('正在导入 {0}', path.basename(file.fsPath)) }, () => importDocument(bytes, kind, { sourceName: path.basename(file.fsPath) }));
      // next to the original when that folder can be written, else in the workspace; never over an existing file
      const base = path.basename(file.fsPath).replace(/\.(pdf|xlsx|xls|xlsm|txt)$/i, '');
      const dirs = [path.dirname(file.fsPath), ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath)];
      let written: vscode.Uri | undefined;
      for (const dir of dirs) {
        for (let n = 0; n < 100 && !written; n++) {
          const target = vscode.Uri.file(path.join(dir, `${base}${n ? `（${n + 1}）` : ''}.jsgk`));
          try {
            await vscode.workspace.fs.stat(target);
            continue;
          } catch {
            /* free */
          }
          try {
            await vscode.workspace.fs.writeFile(target, Buffer.from(res.text, 'utf8'));
            written = target;
          } catch {
            break;
          }
        }
        if (written) break;
      }
      if (!written) {
        const doc = await vscode.workspace.openTextDocument({ language: 'jsgk', content: res.text });
        await vscode.window.showTextDocument(doc);
      } else await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(written));
      void vscode.window.showInformationMessage(vscode.l10n.t('已导入 {0} 页；{1} 处需要核对原文（行末标有“导入待核”）', res.pages, res.uncertain.length));
    }),
    vscode.commands.registerCommand('jsgk.convertToDsl', () => convertActive('dsl')),
    vscode.commands.registerCommand('jsgk.convertToYaml', () => convertActive('yaml')),
    vscode.commands.registerCommand('jsgk.showComputation', async () => {
      const ed = vscode.window.activeTextEditor;
      if (!ed || !client) return undefined;
      const md = (await client.sendRequest('workspace/executeCommand', {
        command: 'jsgk.server.computationAt', arguments: [ed.document.uri.toString(), ed.selection.active],
      })) as string | null;
      if (!md) {
        void vscode.window.showInformationMessage(vscode.l10n.t('光标处不是一个被检查的合计数。'));
        return undefined;
      }
      output.appendLine(md.replace(/\*\*/g, ''));
      output.show(true);
      return md;
    }),
  );

  /**
   * 转换为 DSL / YAML: the server writes the other syntax; the result is saved next to the file
   * (a.jsgk.yaml ⇄ a.jsgk) when that name is free, else opened as a new unsaved document.
   */
  async function convertActive(to: 'dsl' | 'yaml'): Promise<vscode.Uri | undefined> {
    const ed = vscode.window.activeTextEditor;
    if (!ed || !client) return undefined;
    const r = (await client.sendRequest('workspace/executeCommand', { command: 'jsgk.server.convert', arguments: [ed.document.uri.toString(), to] })) as { ok: boolean; text?: string; message?: string } | null;
    if (!r || !r.ok || r.text === undefined) {
      void vscode.window.showErrorMessage(r?.message ?? vscode.l10n.t('转换失败'));
      return undefined;
    }
    const src = ed.document.uri;
    let target: vscode.Uri | undefined;
    if (src.scheme === 'file') {
      const p = src.path;
      const name = to === 'dsl' ? p.replace(/\.jsgk\.ya?ml$/i, '').replace(/\.ya?ml$/i, '') + '.jsgk' : p.replace(/\.jsgk$/i, '') + '.jsgk.yaml';
      const candidate = src.with({ path: name });
      try {
        await vscode.workspace.fs.stat(candidate);
      } catch {
        target = candidate;
      }
    }
    if (target) {
      await vscode.workspace.fs.writeFile(target, Buffer.from(r.text, 'utf8'));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
      void vscode.window.showInformationMessage(vscode.l10n.t('已转换为 {0}：{1}', to === 'dsl' ? 'DSL' : 'YAML', vscode.workspace.asRelativePath(target)));
      return target;
    }
    const doc = await vscode.workspace.openTextDocument({ language: to === 'dsl' ? DSL : LANG, content: r.text });
    await vscode.window.showTextDocument(doc);
    return doc.uri;
  }

  await client.start();
  refresh();
  return { client };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}

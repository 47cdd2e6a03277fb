/**
 * The VS Code extension: starts the language server and adds the commands, the status bar item
 * and the output channel. Everything that understands reports lives in the server.
 */
import * as fs from 'fs';
import * as os from 'os';
import { convertedName } from '../../server/src/service/workspace/files';
import * as path from 'path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind, WorkDoneProgress } from 'vscode-languageclient/node';
import { defaultYear, fillTemplate, firstPlaceholder, reportFileName, ReportKind, SCHEMA_COPY, Syntax, templateName, unitProblem, yearProblem } from './newReport';
import { SERVER_NODE_FLAGS } from '../../server/src/server-flags';

let client: LanguageClient | undefined;
const LANG = 'jsgk-yaml';
const DSL = 'jsgk';
const SCHEMA_MARK = /\$schema=\S*report\.schema\.json/;
/** A report without its file name: a YAML report's schema line or 报告: block, a DSL report's 【报告】 (after comments). */
const YAML_REPORT_START = /^(?:#[^\n]*\n|\s*\n)*(?:报告:[ \t]*(?:#.*)?$)/m;
const DSL_REPORT_START = /^(?:#[^\n]*\n|\s*\n)*【报告】[ \t]*$/m;

/** The command that opens the format guide (docs/format.md, or docs/dsl.md for the DSL) rendered. */
export const OPEN_FORMAT_GUIDE = 'jsgk.openFormatGuide';

/** The answer of the server's jsgk.server.checkWorkspace (server/src/lsp/workspace-check.ts). */
export interface WorkspaceCheckResult {
  files: Array<{ uri: string; name: string; errors: number; warnings: number; infos: number; open: boolean; problem?: string }>;
  errors: number;
  warnings: number;
  infos: number;
  problems: Array<{ path: string; message: string }>;
  cancelled: boolean;
}

export interface JsgkApi {
  client: LanguageClient | undefined;
  /** The 计算过程 view as it is shown (title and the rendered HTML), or undefined when it is closed. */
  computationView(): { title: string; html: string } | undefined;
}

/** Arguments of 新建决算报告 / 新建预算报告 when called from code (tests); each one not given is asked. */
export interface NewReportOptions {
  unit?: string;
  year?: number;
  syntax?: Syntax;
  /** the folder to create the report in (default: the workspace folder) */
  folder?: vscode.Uri;
}

export async function activate(context: vscode.ExtensionContext): Promise<JsgkApi> {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('决算公开助手'), { log: true });
  // the bundled server (npm run build writes dist/); out/ when running from the compiled sources only
  const bundled = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverModule = fs.existsSync(bundled) ? bundled : context.asAbsolutePath(path.join('out', 'server', 'src', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANG }, { language: DSL }, { language: 'yaml', pattern: '**/*.jsgk.{yaml,yml}' }],
    outputChannel: output,
    synchronize: { configurationSection: 'jsgk' },
    // the server's hovers may link to the format guide: command:jsgk.openFormatGuide?["dsl"]
    markdown: { isTrusted: { enabledCommands: [OPEN_FORMAT_GUIDE] } },
  };
  client = new LanguageClient('jsgk', vscode.l10n.t('决算公开助手'), serverOptions, clientOptions);

  // YAML files that declare the report schema are reports too; so is a report saved without its
  // file name's .jsgk.yaml / .jsgk (it opens as plain text): its first lines say which syntax it is.
  const adopt = (doc: vscode.TextDocument) => {
    const head = () => doc.getText(new vscode.Range(0, 0, 12, 0));
    if (doc.languageId === 'yaml' && SCHEMA_MARK.test(head())) {
      void vscode.languages.setTextDocumentLanguage(doc, LANG);
    } else if (doc.languageId === 'plaintext') {
      const h = head();
      if (DSL_REPORT_START.test(h)) void vscode.languages.setTextDocumentLanguage(doc, DSL);
      else if (SCHEMA_MARK.test(h.split('\n')[0]) || YAML_REPORT_START.test(h)) void vscode.languages.setTextDocumentLanguage(doc, LANG);
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

  /**
   * 新建决算报告 / 新建预算报告: asks for 单位, 年度 and the syntax, writes 单位-年度部门决算.jsgk.yaml
   * (or .jsgk) with them filled in into the workspace folder (no folder open: where the clerk
   * chooses) and opens it. A YAML report's schema line points at .jsgk/report.schema.json beside
   * it, a copy of the extension's schema, so that it resolves without a network in any editor.
   */
  const newReport = (kind: ReportKind) => async (opts: NewReportOptions = {}): Promise<vscode.Uri | undefined> => {
    const title = kind === '决算' ? vscode.l10n.t('新建部门决算报告') : vscode.l10n.t('新建部门预算报告');
    const problem = (p: [string, ...string[]] | undefined) => (p ? vscode.l10n.t(p[0], ...p.slice(1)) : undefined);
    const unit = (opts.unit ?? (await vscode.window.showInputBox({
      title: `${title}（1/3）`, prompt: vscode.l10n.t('单位名称：写在报告的“单位”中，也用作文件名'), placeHolder: vscode.l10n.t('例如：绥芬河市经济合作促进中心'),
      ignoreFocusOut: true, validateInput: (v) => problem(unitProblem(v)),
    })))?.trim();
    if (!unit || unitProblem(unit)) return undefined;
    const yearText = opts.year !== undefined ? String(opts.year) : await vscode.window.showInputBox({
      title: `${title}（2/3）`, prompt: vscode.l10n.t('年度（四位年份）'), value: String(defaultYear(kind)),
      ignoreFocusOut: true, validateInput: (v) => problem(yearProblem(v)),
    });
    if (!yearText || yearProblem(yearText)) return undefined;
    const year = Number(yearText.trim());
    let syntax = opts.syntax;
    if (!syntax) {
      const items: (vscode.QuickPickItem & { syntax: Syntax })[] = [
        { label: vscode.l10n.t('YAML（*.jsgk.yaml）'), description: vscode.l10n.t('“键: 值”的写法；格式说明 docs/format.md'), syntax: 'yaml' },
        { label: vscode.l10n.t('行式 DSL（*.jsgk）'), description: vscode.l10n.t('接近印刷稿的写法，表格行用 | 分隔，可从 Excel 粘贴；格式说明 docs/dsl.md'), syntax: 'dsl' },
      ];
      syntax = (await vscode.window.showQuickPick(items, { title: `${title}（3/3）`, placeHolder: vscode.l10n.t('报告的写法'), ignoreFocusOut: true }))?.syntax;
      if (!syntax) return undefined;
    }
    const name = reportFileName(kind, unit, year, syntax);
    let target: vscode.Uri | undefined;
    if (opts.folder) target = vscode.Uri.joinPath(opts.folder, name);
    else {
      const folders = vscode.workspace.workspaceFolders ?? [];
      const active = vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri);
      const folder = folders.length <= 1 ? folders[0] : active ?? (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('新报告写在哪个文件夹？') }));
      if (folder) target = vscode.Uri.joinPath(folder.uri, name);
      else if (folders.length > 1) return undefined;
      else {
        target = await vscode.window.showSaveDialog({ title, defaultUri: vscode.Uri.file(path.join(os.homedir(), name)), saveLabel: vscode.l10n.t('新建') });
        if (!target) return undefined;
      }
    }
    if (await exists(target)) {
      const open = vscode.l10n.t('打开已有文件');
      const pick = await vscode.window.showWarningMessage(vscode.l10n.t('{0} 已经存在，没有改动它。', vscode.workspace.asRelativePath(target)), { modal: true }, open);
      if (pick !== open) return undefined;
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
      return target;
    }
    const tpl = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'templates', templateName(kind, syntax)))).toString('utf8');
    if (syntax === 'yaml') await copySchema(vscode.Uri.joinPath(target, '..'));
    const text = fillTemplate(tpl, unit, year, syntax === 'yaml' ? SCHEMA_COPY : undefined);
    await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
    const doc = await vscode.workspace.openTextDocument(target);
    const ed = await vscode.window.showTextDocument(doc);
    const p = firstPlaceholder(text);
    if (p) {
      ed.selection = new vscode.Selection(doc.positionAt(p.start), doc.positionAt(p.end));
      ed.revealRange(ed.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('已新建 {0}。把“（…）”中的说明换成报告的内容；格式说明见命令“打开格式说明”。', vscode.workspace.asRelativePath(target)));
    return target;
  };

  /** The extension's schema as .jsgk/report.schema.json in `dir` (written when missing or different). */
  async function copySchema(dir: vscode.Uri): Promise<void> {
    const want = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'schemas', 'report.schema.json'));
    const copy = vscode.Uri.joinPath(dir, SCHEMA_COPY);
    const have = await vscode.workspace.fs.readFile(copy).then((b) => b, () => undefined);
    if (!have || Buffer.compare(Buffer.from(have), Buffer.from(want)) !== 0) await vscode.workspace.fs.writeFile(copy, want);
  }
  // a copy made by an earlier version is kept current
  for (const f of vscode.workspace.workspaceFolders ?? []) {
    void exists(vscode.Uri.joinPath(f.uri, SCHEMA_COPY)).then((e) => (e ? copySchema(f.uri) : undefined)).catch(() => undefined);
  }

  /** 打开格式说明: docs/format.md (YAML) or docs/dsl.md (DSL) rendered in the Markdown preview; the syntax defaults to the active report's. */
  const openFormatGuide = async (syntax?: Syntax): Promise<vscode.Uri> => {
    const s = syntax ?? (vscode.window.activeTextEditor?.document.languageId === DSL ? 'dsl' : 'yaml');
    const doc = vscode.Uri.joinPath(context.extensionUri, 'docs', s === 'dsl' ? 'dsl.md' : 'format.md');
    try {
      await vscode.commands.executeCommand('markdown.showPreview', doc);
    } catch {
      // no Markdown preview (the built-in Markdown extension is disabled): the text itself
      await vscode.window.showTextDocument(doc, { preview: true });
    }
    return doc;
  };

  // “docs/format.md”, “docs/dsl.md” in a report's comments open the guide
  const guideLinks: vscode.DocumentLinkProvider = {
    provideDocumentLinks(doc) {
      const links: vscode.DocumentLink[] = [];
      const text = doc.getText();
      for (const m of text.matchAll(/(?<=^#[^\n]*?)docs\/(format|dsl)\.md/gm)) {
        const arg = encodeURIComponent(JSON.stringify([m[1] === 'dsl' ? 'dsl' : 'yaml']));
        const link = new vscode.DocumentLink(new vscode.Range(doc.positionAt(m.index!), doc.positionAt(m.index! + m[0].length)), vscode.Uri.parse(`command:${OPEN_FORMAT_GUIDE}?${arg}`));
        link.tooltip = vscode.l10n.t('打开格式说明');
        links.push(link);
      }
      return links;
    },
  };
  context.subscriptions.push(vscode.languages.registerDocumentLinkProvider([{ language: LANG }, { language: DSL }], guideLinks));

  /** 显示计算过程: the server's Markdown, rendered (by VS Code's Markdown extension) in a view beside the report. */
  let computation: { panel: vscode.WebviewPanel; title: string; html: string } | undefined;
  const showComputationView = async (md: string, doc: vscode.TextDocument, line: number) => {
    let body: string;
    try {
      body = (await vscode.commands.executeCommand<string>('markdown.api.render', md)) ?? '';
    } catch {
      body = '';
    }
    if (!body) body = `<pre>${escapeHtml(md)}</pre>`;
    const label = /^\*\*(.+?)\*\*/.exec(md)?.[1] ?? '';
    const title = vscode.l10n.t('计算过程：{0}', label || `${path.basename(doc.uri.path)}:${line + 1}`);
    const where = vscode.l10n.t('{0} 第 {1} 行', path.basename(doc.uri.path), line + 1);
    const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1.2em; line-height: 1.6; }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 .3em; border-radius: 3px; }
hr { border: 0; border-top: 1px solid var(--vscode-panel-border, #8884); margin: 1.2em 0; }
.where { color: var(--vscode-descriptionForeground); margin-top: 1em; }
</style></head><body><div class="where">${escapeHtml(where)}</div>${body}</body></html>`;
    if (!computation) {
      const panel = vscode.window.createWebviewPanel('jsgk.computation', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, localResourceRoots: [] });
      panel.onDidDispose(() => { computation = undefined; });
      computation = { panel, title, html };
    }
    computation.title = title;
    computation.html = html;
    computation.panel.title = title;
    computation.panel.webview.html = html;
    computation.panel.reveal(undefined, true);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('jsgk.newFinalReport', newReport('决算')),
    vscode.commands.registerCommand('jsgk.newBudgetReport', newReport('预算')),
    vscode.commands.registerCommand(OPEN_FORMAT_GUIDE, openFormatGuide),
    vscode.commands.registerCommand('jsgk.checkWorkspace', () => checkWorkspace()),
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
    /**
     * 导入已公开的报告: the clerk picks the original; the language server reads and imports it
     * (jsgk.server.importDocument) and returns the report text with what it was not sure of; the
     * extension writes it next to the original (or into the workspace, never over a file) and opens it.
     */
    vscode.commands.registerCommand('jsgk.importDocument', async (fileArg?: vscode.Uri): Promise<vscode.Uri | undefined> => {
      const picked = fileArg ? [fileArg] : await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('导入'), filters: { [vscode.l10n.t('已公开的报告')]: ['pdf', 'xlsx', 'xls', 'txt'] } });
      const file = picked?.[0];
      if (!file || !client) return undefined;
      const res = (await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('正在导入 {0}', path.basename(file.fsPath)) }, () =>
        client!.sendRequest('workspace/executeCommand', { command: 'jsgk.server.importDocument', arguments: [file.fsPath, 'dsl'] }),
      )) as { ok: boolean; text?: string; pages?: number; uncertain?: unknown[]; message?: string } | null;
      if (!res || !res.ok || res.text === undefined) {
        void vscode.window.showErrorMessage(res?.message ?? vscode.l10n.t('导入失败'));
        return undefined;
      }
      // next to the original when that folder can be written, else in the workspace; never over an existing file
      const base = path.basename(file.fsPath).replace(/\.(pdf|xlsx|xls|xlsm|txt)$/i, '');
      const dirs = [path.dirname(file.fsPath), ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath)];
      let written: vscode.Uri | undefined;
      for (const dir of dirs) {
        for (let n = 0; n < 100 && !written; n++) {
          const target = vscode.Uri.file(path.join(dir, `${base}${n ? `（${n + 1}）` : ''}.jsgk`));
          if (await exists(target)) continue;
          try {
            await vscode.workspace.fs.writeFile(target, Buffer.from(res.text, 'utf8'));
            written = target;
          } catch {
            break;
          }
        }
        if (written) break;
      }
      const doc = written ? await vscode.workspace.openTextDocument(written) : await vscode.workspace.openTextDocument({ language: DSL, content: res.text });
      await vscode.window.showTextDocument(doc);
      void vscode.window.showInformationMessage(vscode.l10n.t('已导入 {0} 页；{1} 处需要核对原文（行末标有“导入待核”）', res.pages ?? 0, res.uncertain?.length ?? 0));
      return doc.uri;
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
      await showComputationView(md, ed.document, ed.selection.active.line);
      return md;
    }),
  );

  /**
   * 检查工作区全部报告: the server checks every report of the workspace folders, open or not
   * (closed ones from disk), with progress here (cancellable), and pushes the findings of the closed
   * ones into the Problems panel. Ends when the server's check ends; shows the counts per file
   * (a list to pick a file from, and the output channel).
   */
  async function checkWorkspace(): Promise<WorkspaceCheckResult | undefined> {
    if (!client) return undefined;
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showWarningMessage(vscode.l10n.t('请先打开一个工作区文件夹：检查的是其中的全部报告。'));
      return undefined;
    }
    const c = client;
    const token = `jsgk-check-workspace-${Date.now()}`;
    const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('检查工作区全部报告'), cancellable: true }, async (progress, cancel) => {
      let done = 0;
      const sub = c.onProgress(WorkDoneProgress.type, token, (v) => {
        if (v.kind === 'end') return;
        const pct = v.percentage ?? done;
        progress.report({ message: v.message, increment: Math.max(0, pct - done) });
        done = Math.max(done, pct);
      });
      const stop = new vscode.CancellationTokenSource();
      const l = cancel.onCancellationRequested(() => stop.cancel());
      try {
        return (await c.sendRequest(ExecuteCommandRequest.type, { command: 'jsgk.server.checkWorkspace', arguments: [], workDoneToken: token }, stop.token)) as WorkspaceCheckResult | { ok: false; message: string } | null;
      } finally {
        sub.dispose();
        l.dispose();
        stop.dispose();
      }
    });
    if (!r || !('files' in r)) {
      void vscode.window.showErrorMessage(r && 'message' in r ? r.message : vscode.l10n.t('检查工作区全部报告失败'));
      return undefined;
    }
    const counts = (f: WorkspaceCheckResult['files'][number]) => f.problem ?? vscode.l10n.t('{0} 个错误，{1} 个警告，{2} 条提示', f.errors, f.warnings, f.infos);
    const files = [...r.files].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.name.localeCompare(b.name, 'zh-CN'));
    output.info(vscode.l10n.t('检查工作区全部报告：{0} 份，{1} 个错误，{2} 个警告，{3} 条提示', r.files.length, r.errors, r.warnings, r.infos));
    for (const f of files) output.info(`  ${f.name}：${counts(f)}${f.open ? vscode.l10n.t('（打开的，按编辑中的内容）') : ''}`);
    for (const p of r.problems) output.warn(`  ${p.path}：${p.message}`);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const withErrors = r.files.filter((f) => f.errors > 0).length;
    let msg = r.errors + r.warnings > 0
      ? vscode.l10n.t('检查了 {0} 份报告：{1} 个错误，{2} 个警告（{3} 份有错误）', r.files.length, r.errors, r.warnings, withErrors)
      : vscode.l10n.t('检查了 {0} 份报告：没有错误和警告', r.files.length);
    if (r.cancelled) msg = vscode.l10n.t('已取消。') + msg;
    if (r.problems.length) msg += vscode.l10n.t('另有 {0} 个文件或文件夹没有检查，原因见“输出”。', r.problems.length);
    const perFile = vscode.l10n.t('各文件的问题数');
    void vscode.window.showInformationMessage(msg, perFile).then(async (pick) => {
      if (pick !== perFile) return;
      const item = await vscode.window.showQuickPick(files.map((f) => ({ label: f.name, description: counts(f), uri: f.uri })), { title: vscode.l10n.t('各报告的问题数'), placeHolder: vscode.l10n.t('选择一份报告打开') });
      if (item) await vscode.window.showTextDocument(vscode.Uri.parse(item.uri));
    });
    return r;
  }

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
      const name = convertedName(p, to);
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
    // the name is taken: an unsaved document named like it with （2）, （3）…, which Save writes
    // there and which keeps its language (a bare Untitled-1 would be saved without .jsgk.yaml)
    let doc: vscode.TextDocument;
    if (src.scheme === 'file') {
      let free = src;
      for (let n = 2; await exists(free); n++) free = src.with({ path: convertedName(src.path, to, n) });
      doc = await vscode.workspace.openTextDocument(free.with({ scheme: 'untitled' }));
      const shown = await vscode.window.showTextDocument(doc);
      await shown.edit((e) => e.insert(new vscode.Position(0, 0), r.text!));
    } else {
      doc = await vscode.workspace.openTextDocument({ language: to === 'dsl' ? DSL : LANG, content: r.text });
      await vscode.window.showTextDocument(doc);
    }
    return doc.uri;
  }

  await client.start();
  refresh();
  return { client, computationView: () => (computation ? { title: computation.title, html: computation.html } : undefined) };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}

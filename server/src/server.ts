/**
 * The language server: a thin shell that maps LSP requests onto the language service
 * (server/src/service). Protocol mapping only: the handlers are in lsp/ (one file per group of
 * features), everything they compute is the service's. Transport from the command line: --stdio or
 * --node-ipc.
 */
import { CodeActionKind, Connection, createConnection, DidChangeWatchedFilesNotification, ProposedFeatures, TextDocumentSyncKind } from 'vscode-languageserver/node';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { getLanguageService, listsUnits, OVERRIDE_FILE, REPORT_FILE, REPORT_GLOB, WorkspaceReports } from './service';
import { CheckedDocuments } from './lsp/documents';
import { Publisher } from './lsp/diagnostics';
import { registerFeatures } from './lsp/features';
import { Pause } from './lsp/pause';
import { registerCodeActions } from './lsp/code-actions';
import { COMMANDS, registerCommands } from './lsp/commands';
import { pathKey, Shell } from './lsp/shell';

/** The extension's version: package.json at the root (above dist/ when bundled, above out/server/src otherwise). */
const VERSION = (() => {
  for (const up of [['..'], ['..', '..', '..']]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, ...up, 'package.json'), 'utf8'));
      if (pkg.name === 'jsgk') return String(pkg.version);
    } catch { /* try the next place */ }
  }
  return '0.0.0';
})();

export function startServer(connection: Connection): void {
  let shell: Shell | undefined;
  const ls = getLanguageService({ others: (uri, report) => shell!.others(uri, report) });
  const d = new CheckedDocuments(ls);
  shell = new Shell(connection, d);
  const sh = shell;
  let pull = false;
  let watchSupport = false;
  let inlayRefresh = false;
  const publisher = new Publisher(connection, d, { positionIn: (u, o) => sh.positionIn(u, o) }, () => pull, (doc) => sh.ready(doc.uri, d.result(doc).report));

  /** A report the 部门 reports may sum changed: they are checked again (after a short pause). */
  let changedOnDisk = false;
  let except: string | undefined;
  const across = new Pause(() => {
    const onDisk = changedOnDisk;
    changedOnDisk = false;
    const depts = d.all().filter((doc) => doc.uri !== except && (onDisk || !d.current(doc)) && listsUnits((d.current(doc) ?? d.result(doc)).report));
    if (depts.length === 0) return;
    if (onDisk) d.generation++;
    if (pull) connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const doc of depts) publisher.schedule(doc, 0);
  });
  /**
   * `loaded`: the walk finished and the units were read (the generation moved on then): only the
   * 部门 reports not checked since need a check; a report changed on disk: every 部门 report.
   * `skip`: the report being edited (it is checked after its own edits). Once 300 ms pass without another call.
   */
  const reportsChanged = (skip?: string, loaded = false) => {
    if (!loaded) changedOnDisk = true;
    except = skip;
    across.touch(300);
  };
  sh.onWorkspaceLoaded = () => reportsChanged(undefined, true);

  connection.onInitialize((params) => {
    const cap = params.capabilities;
    pull = !!cap.textDocument?.diagnostic;
    sh.configSupport = !!cap.workspace?.configuration;
    watchSupport = !!cap.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    inlayRefresh = !!cap.workspace?.inlayHint?.refreshSupport;
    sh.folders = (params.workspaceFolders ?? []).map((f) => pathKey(f.uri)).filter((p) => !p.includes('://'));
    if (sh.folders.length === 0 && params.rootUri) { try { sh.folders = [fileURLToPath(params.rootUri)]; } catch { /* not a file uri */ } }
    sh.reports = new WorkspaceReports(sh.folders);
    sh.loadCatalogue();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { resolveProvider: true, triggerCharacters: [' ', ':', '-', '|'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        codeLensProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        inlayHintProvider: true,
        documentFormattingProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: ['number'], tokenModifiers: [] }, full: true },
        executeCommandProvider: { commands: COMMANDS },
        ...(pull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'jsgk-language-server', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (watchSupport) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${OVERRIDE_FILE}` }, { globPattern: REPORT_GLOB }] });
    void sh.loadSettings().then(() => publisher.refreshAll());
    // warm the pinyin index so that the first completion by initials is quick
    setTimeout(() => sh.safe('warm', undefined, () => { ls.catalogue.searchName('zz', 1); }), 50);
  });

  connection.onDidChangeWatchedFiles((p) => {
    if (p.changes.some((c) => c.uri.endsWith(OVERRIDE_FILE))) {
      sh.loadCatalogue();
      publisher.refreshAll();
      workspaceCheck.refreshPushed();
    }
    const reports = p.changes.filter((c) => REPORT_FILE.test(pathKey(c.uri)));
    if (reports.length === 0) return;
    // the workspace index first: a closed 部门 report checked again reads its units' new files
    void Promise.all(reports.map((c) => sh.reports?.update(pathKey(c.uri), c.type === 3 /* deleted */))).then(() => {
      for (const c of reports) workspaceCheck.fileChanged(c.uri, c.type === 3 /* deleted */);
      reportsChanged();
    });
  });

  connection.onDidChangeConfiguration(async () => {
    sh.settingsChanged();
    await sh.loadSettings();
    publisher.refreshAll();
    workspaceCheck.refreshPushed();
    // jsgk.inlayHints (or the language) changed: the editor asks for the hints again
    if (inlayRefresh) void connection.languages.inlayHint.refresh();
  });

  d.docs.onDidOpen((e) => { void sh.loadSettings(e.document.uri).then(() => publisher.schedule(e.document, 0)); });
  d.docs.onDidChangeContent((e) => {
    d.changed(e.document.uri);
    publisher.schedule(e.document);
    reportsChanged(e.document.uri); // a unit report being edited changes its 部门's sums
  });
  d.docs.onDidClose((e) => {
    publisher.cancel(e.document.uri);
    d.forget(e.document.uri);
    // closed: the file on disk counts again (unsaved edits are gone)
    const file = pathKey(e.document.uri);
    if (REPORT_FILE.test(file) && sh.reports?.loaded) void sh.reports.update(file, false).then(() => reportsChanged());
    sh.releaseUnits();
    if (!pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // measurements (npm run bench): the memory after a full GC (the server started with --expose-gc)
  if (process.env.JSGK_SERVER_STATS === '1') {
    connection.onRequest('jsgk/stats', () => {
      (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      const cpu = process.cpuUsage();
      return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, cpuMs: (cpu.user + cpu.system) / 1000 };
    });
  }
  connection.onShutdown(() => sh.reports?.cancel());
  publisher.register((n, e, f) => sh.safe(n, e, f));
  registerFeatures(connection, d, sh);
  registerCodeActions(connection, d, sh);
  const workspaceCheck = registerCommands(connection, d, sh, () => { publisher.refreshAll(); workspaceCheck.refreshPushed(); });
  d.docs.listen(connection);
  connection.listen();
  sh.log('语言服务器已启动');
}

if (require.main === module) {
  // JSGK_SERVER_LOG=<file>: a trace of what the server did and every uncaught error (for bug reports)
  const trace = process.env.JSGK_SERVER_LOG;
  if (trace) {
    const w = (m: string) => { try { fs.appendFileSync(trace, `${new Date().toISOString()} ${m}\n`); } catch { /* ignore */ } };
    process.on('uncaughtException', (e) => w(`uncaught: ${e.stack ?? e}`));
    process.on('unhandledRejection', (e) => w(`unhandled: ${(e as Error)?.stack ?? e}`));
    w(`start ${process.version} ${process.argv.slice(2).join(' ')}`);
  }
  // exit when the editor goes away, whatever the server is doing (its input closed)
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('close', () => process.exit(0));
  startServer(createConnection(ProposedFeatures.all));
}

export type { Connection };

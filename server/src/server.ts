/**
 * The language server: a thin shell that maps LSP requests onto the language service
 * (server/src/service). Transport from the command line: --stdio or --node-ipc.
 */
import {
  CodeAction, CodeActionKind, CompletionItem, CompletionItemKind, Connection, createConnection, Diagnostic,
  DiagnosticSeverity, DocumentDiagnosticReportKind, DocumentSymbol, FoldingRange, InlayHint, InsertTextFormat,
  MarkupKind, ProposedFeatures, SymbolKind, TextDocuments, TextDocumentSyncKind, TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import * as l10n from './service/l10n';
import { Syntax, syntaxOf, builtinCatalogue, checkUnitSums, unitRowHover, Language, language, CheckResult, Finding, getLanguageService, importSpreadsheet, LineIndex, listsUnits, overrideCsv, parseOverrideCsv, parseReport, Range, Report, ReportRef, Severity } from './service';
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver/node';
import { completion, foldingRanges, formatComputation, hover, totalsAt, inlayHints, narrativeNumbers, outline, OutlineItem } from './service/features';
import { SemanticTokensBuilder } from 'vscode-languageserver/node';
import { formatDocument } from './service/format';
import { convert } from './service/convert';

export interface Settings {
  /** Severity per rule id ('off' hides the rule). */
  severity: Record<string, Severity | 'off'>;
  /** How 尾数误差 findings are shown. */
  rounding: 'information' | 'warning' | 'hint' | 'off';
  kemuEdition: string;
  language: 'zh-cn' | 'en';
}

const DEFAULTS: Settings = { severity: {}, rounding: 'information', kemuEdition: '', language: 'zh-cn' };

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

const REPORT_FILE = /\.jsgk(\.ya?ml)?$/i;
/** How many report files of a workspace are read for the checks across reports. */
const MAX_WORKSPACE_REPORTS = 5000;

/** The syntax of an open document: by its name when that says (*.yaml, *.jsgk), else by its language. */
function syntaxOfDoc(doc: TextDocument): Syntax {
  if (/\.ya?ml$/i.test(doc.uri)) return 'yaml';
  if (/\.jsgk$/i.test(doc.uri)) return 'dsl';
  return doc.languageId === 'jsgk' ? 'dsl' : 'yaml';
}

/** A file uri as a comparable path (the client and the server may escape uris differently). */
function pathKey(uri: string): string {
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return uri;
  }
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const ls = getLanguageService({ across: (uri, report) => acrossFindings(uri, report) });
  let pullDiagnostics = false;
  let configSupport = false;
  let watchSupport = false;
  let folders: string[] = [];
  const OVERRIDE = 'jsgk-kemu.csv';

  /** Loads the workspace 科目 override files (jsgk-kemu.csv at each folder's root). */
  const loadOverrides = () => {
    const base = builtinCatalogue();
    const extra = [];
    for (const f of folders) {
      const file = path.join(f, OVERRIDE);
      if (!fs.existsSync(file)) continue;
      try {
        const r = parseOverrideCsv(fs.readFileSync(file, 'utf8'), base.editions);
        extra.push(...r.entries);
        for (const e of r.errors) connection.console.warn(`[jsgk] ${file}:${e.line}: ${e.message}`);
        log(`读入科目补充文件 ${file}：${r.entries.length} 条`);
      } catch (e) {
        connection.console.error(`[jsgk] 无法读取 ${file}：${(e as Error).message}`);
      }
    }
    ls.configure({ catalogue: base.withOverrides(extra) });
  };
  const refreshAll = () => {
    generation++; // every open document is checked again; its parse is reused (the text did not change)
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const d of documents.all()) schedule(d, 0);
  };
  const settingsCache = new Map<string, Settings>();
  let currentEdition: number | undefined;
  const timers = new Map<string, NodeJS.Timeout>();
  const lastDuration = new Map<string, number>();
  /** Which version of a document, under which catalogue/settings generation, was checked last. */
  const checkedAt = new Map<string, { version: number; generation: number; across: number }>();
  let generation = 0;

  /**
   * The report files of the workspace that are not open, read when a 部门 report that lists its
   * units is checked for the first time, and kept up to date from file events.
   */
  let disk: Map<string, { uri: string; text: string; report?: Report; lines?: LineIndex }> | undefined;
  /** Changes whenever a report that a 部门 report may sum up changed (open or on disk). */
  let acrossGen = 0;
  /** Open documents parsed for the checks across reports, by uri and version. */
  const openModels = new Map<string, { version: number; report: Report }>();

  const readDisk = (file: string) => {
    try {
      const text = fs.readFileSync(file, 'utf8');
      return { uri: pathToFileURL(file).toString(), text };
    } catch {
      return undefined;
    }
  };
  function workspaceFiles(): NonNullable<typeof disk> {
    if (disk) return disk;
    disk = new Map();
    const walk = (dir: string) => {
      let names: string[];
      try { names = fs.readdirSync(dir); } catch { return; }
      for (const name of names.sort()) {
        if (disk!.size >= MAX_WORKSPACE_REPORTS) return;
        if (name === 'node_modules' || name.startsWith('.')) continue;
        const p = path.join(dir, name);
        let st: fs.Stats;
        try { st = fs.statSync(p); } catch { continue; }
        if (st.isDirectory()) walk(p);
        else if (REPORT_FILE.test(name)) { const e = readDisk(p); if (e) disk!.set(path.normalize(p), e); }
      }
    };
    for (const f of folders) walk(f);
    log(`工作区中有 ${disk.size} 份报告文件（用于部门与所属单位的汇总检查）`);
    return disk;
  }

  /** Findings of a 部门 report against the other reports of the workspace (open ones as edited). */
  function acrossFindings(uri: string, report: Report): Finding[] {
    if (!listsUnits(report)) return [];
    return checkUnitSums({ uri, report }, otherReports(uri));
  }

  /** Every other report of the workspace: open ones as edited, the others as on disk. */
  function otherReports(uri: string): ReportRef[] {
    const others: ReportRef[] = [];
    const open = new Set<string>();
    for (const d of documents.all()) {
      open.add(pathKey(d.uri));
      if (d.uri === uri) continue;
      // the document's own check when it is current (incremental), else a parse of its text
      const checked = checkedAt.get(d.uri);
      const last = checked?.version === d.version ? ls.lastResult(d.uri) : undefined;
      if (last) {
        others.push({ uri: d.uri, report: last.report });
        continue;
      }
      let m = openModels.get(d.uri);
      if (!m || m.version !== d.version) openModels.set(d.uri, (m = { version: d.version, report: parseReport(d.getText(), syntaxOfDoc(d)).report }));
      others.push({ uri: d.uri, report: m.report });
    }
    for (const [key, e] of workspaceFiles()) {
      if (open.has(key) || key === pathKey(uri)) continue;
      e.report ??= parseReport(e.text, syntaxOf(key)).report;
      others.push({ uri: e.uri, report: e.report });
    }
    return others;
  }

  /** A report's uri as the user knows it: its path relative to the workspace folder. */
  const nameOf = (uri: string) => {
    const p = pathKey(uri);
    const f = folders.find((x) => p.startsWith(x + path.sep));
    return f ? path.relative(f, p) : p;
  };

  /** A position in a document that may not be open (related locations across reports). */
  function positionIn(uri: string, offset: number) {
    const d = documents.get(uri);
    if (d) return d.positionAt(offset);
    const e = disk?.get(pathKey(uri));
    if (!e) return { line: 0, character: 0 };
    e.lines ??= new LineIndex(e.text);
    return e.lines.position(offset);
  }

  /** Another report changed: the open 部门 reports that list units are checked again. */
  let acrossTimer: NodeJS.Timeout | undefined;
  function reportsChanged(except?: string) {
    acrossGen++;
    if (acrossTimer) clearTimeout(acrossTimer);
    acrossTimer = setTimeout(() => {
      acrossTimer = undefined;
      // the edited report first: its incremental check is what the 部门 reports then read
      const edited = except ? documents.get(except) : undefined;
      if (edited) safe('diagnostics', undefined, () => { result(edited); });
      const depts = documents.all().filter((d) => {
        const r = d.uri !== except ? ls.lastResult(d.uri)?.report : undefined;
        return !!r && listsUnits(r);
      });
      if (depts.length === 0) return;
      if (pullDiagnostics) connection.languages.diagnostics.refresh();
      else for (const d of depts) schedule(d, 0);
    }, 300);
  }

  const log = (msg: string) => connection.console.log(`[jsgk] ${msg}`);
  const safe = <T>(name: string, empty: T, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      connection.console.error(`[jsgk] ${name} 出错：${(e as Error).stack ?? e}`);
      return empty;
    }
  };

  connection.onInitialize((params) => {
    const cap = params.capabilities;
    pullDiagnostics = !!cap.textDocument?.diagnostic;
    configSupport = !!cap.workspace?.configuration;
    watchSupport = !!cap.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    folders = (params.workspaceFolders ?? []).map((f) => { try { return fileURLToPath(f.uri); } catch { return ''; } }).filter(Boolean);
    if (folders.length === 0 && params.rootUri) { try { folders = [fileURLToPath(params.rootUri)]; } catch { /* not a file uri */ } }
    loadOverrides();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { resolveProvider: true, triggerCharacters: [' ', ':'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        inlayHintProvider: true,
        documentFormattingProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: ['number'], tokenModifiers: [] }, full: true },
        executeCommandProvider: { commands: ['jsgk.server.computationAt', 'jsgk.server.importCatalogue', 'jsgk.server.convert'] },
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'jsgk-language-server', version: VERSION },
    };
  });

  async function settingsFor(uri: string): Promise<Settings> {
    if (!configSupport) return DEFAULTS;
    const cached = settingsCache.get(uri);
    if (cached) return cached;
    try {
      const c = (await connection.workspace.getConfiguration({ scopeUri: uri, section: 'jsgk' })) as Partial<Settings> | null;
      const s: Settings = { ...DEFAULTS, ...(c ?? {}), severity: { ...(c?.severity ?? {}) } };
      settingsCache.set(uri, s);
      return s;
    } catch {
      return DEFAULTS;
    }
  }

  connection.onInitialized(() => {
    if (watchSupport) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${OVERRIDE}` }, { globPattern: '**/*.{jsgk,jsgk.yaml,jsgk.yml}' }] });
    // warm the pinyin index so that the first completion by initials is quick
    setTimeout(() => { try { ls.catalogue.searchName('zz', 1); } catch { /* best effort */ } }, 50);
  });

  connection.onDidChangeWatchedFiles((p) => {
    if (p.changes.some((c) => c.uri.endsWith(OVERRIDE))) {
      loadOverrides();
      refreshAll();
    }
    const reports = p.changes.filter((c) => REPORT_FILE.test(c.uri) || REPORT_FILE.test(decodeURIComponent(c.uri)));
    if (reports.length === 0) return;
    if (disk) {
      for (const c of reports) {
        const key = pathKey(c.uri);
        const e = c.type === 3 /* deleted */ ? undefined : readDisk(key);
        if (e) disk.set(key, e);
        else disk.delete(key);
      }
    }
    reportsChanged();
  });

  /** The message language is one for the server: the setting read with any document's settings. */
  function applyLanguage(s: Settings) {
    const lang: Language = s.language === 'en' ? 'en' : 'zh-cn';
    if (lang === language()) return;
    ls.configure({ language: lang });
    generation++;
  }

  connection.onDidChangeConfiguration(async () => {
    settingsCache.clear();
    const any = documents.all()[0];
    const s = any ? await settingsFor(any.uri) : DEFAULTS;
    applyLanguage(s);
    const ed = /^\d{4}$/.test(String(s.kemuEdition ?? '')) ? Number(s.kemuEdition) : undefined;
    if (ed !== currentEdition) {
      currentEdition = ed;
      ls.configure({ kemuEdition: ed });
      generation++;
    }
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const d of documents.all()) schedule(d, 0);
  });

  /** The check of a document, for its current version and the current catalogue and settings. */
  function result(doc: TextDocument): CheckResult {
    const key = checkedAt.get(doc.uri);
    const last = ls.lastResult(doc.uri);
    if (last && key && key.version === doc.version && key.generation === generation && (key.across === acrossGen || !listsUnits(last.report))) return last;
    const t0 = Date.now();
    const r = ls.check(doc.uri, doc.getText(), syntaxOfDoc(doc));
    checkedAt.set(doc.uri, { version: doc.version, generation, across: acrossGen });
    lastDuration.set(doc.uri, Date.now() - t0);
    return r;
  }

  const range = (doc: TextDocument, r: Range) => ({ start: doc.positionAt(r.start), end: doc.positionAt(r.end) });

  function severityOf(f: Finding, s: Settings): DiagnosticSeverity | undefined {
    let sev: Severity | 'off' = f.severity;
    if (f.rule === 'rounding') sev = s.rounding;
    const o = s.severity[f.rule];
    if (o) sev = o;
    switch (sev) {
      case 'error': return DiagnosticSeverity.Error;
      case 'warning': return DiagnosticSeverity.Warning;
      case 'information': return DiagnosticSeverity.Information;
      case 'hint': return DiagnosticSeverity.Hint;
      default: return undefined;
    }
  }

  function diagnostics(doc: TextDocument, s: Settings): Diagnostic[] {
    const r = result(doc);
    const out: Diagnostic[] = [];
    for (const f of r.findings) {
      const severity = severityOf(f, s);
      if (severity === undefined) continue;
      out.push({
        range: range(doc, f.range), severity, code: f.rule, source: 'jsgk', message: f.message,
        relatedInformation: f.related?.map((x) => ({
          location: x.uri && x.uri !== doc.uri
            ? { uri: x.uri, range: { start: positionIn(x.uri, x.range.start), end: positionIn(x.uri, x.range.end) } }
            : { uri: doc.uri, range: range(doc, x.range) },
          message: x.message,
        })),
        data: { rule: f.rule, start: f.range.start, end: f.range.end, version: doc.version },
      });
    }
    return out;
  }

  async function publish(doc: TextDocument) {
    const s = await settingsFor(doc.uri);
    applyLanguage(s);
    const current = documents.get(doc.uri);
    if (!current || current.version !== doc.version) return;
    const diags = safe('diagnostics', [] as Diagnostic[], () => diagnostics(doc, s));
    connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: diags });
  }

  /** Debounce adapted to how long the last check of this document took. */
  function schedule(doc: TextDocument, delay?: number) {
    if (pullDiagnostics) return;
    const prev = timers.get(doc.uri);
    if (prev) clearTimeout(prev);
    const d = delay ?? Math.min(500, Math.max(50, 2 * (lastDuration.get(doc.uri) ?? 25)));
    timers.set(doc.uri, setTimeout(() => {
      timers.delete(doc.uri);
      const cur = documents.get(doc.uri);
      if (cur) void publish(cur);
    }, d));
  }

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => {
    schedule(e.document);
    if (disk) reportsChanged(e.document.uri); // a unit report being edited changes its 部门's sums
  });
  documents.onDidClose((e) => {
    openModels.delete(e.document.uri);
    if (disk) {
      // closed: the file on disk counts again (unsaved edits are gone)
      const key = pathKey(e.document.uri);
      const d = REPORT_FILE.test(key) ? readDisk(key) : undefined;
      if (d) disk.set(key, d);
      reportsChanged(e.document.uri);
    }
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    ls.close(e.document.uri);
    checkedAt.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    if (!pullDiagnostics) connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const s = await settingsFor(doc.uri);
    applyLanguage(s);
    return { kind: DocumentDiagnosticReportKind.Full, items: safe('diagnostics', [] as Diagnostic[], () => diagnostics(doc, s)) };
  });

  connection.onHover((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return null;
    return safe('hover', null, () => {
      const r = result(doc);
      const off = doc.offsetAt(params.position);
      const h = hover(r, doc.getText(), off, ls.catalogue, currentEdition)
        ?? (listsUnits(r.report) ? unitRowHover({ uri: doc.uri, report: r.report }, otherReports(doc.uri), off, nameOf) : undefined);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.contents }, range: range(doc, h.range) } : null;
    });
  });

  connection.onCompletion((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return [];
    return safe('completion', [] as CompletionItem[], () =>
      completion(result(doc), doc.getText(), doc.offsetAt(params.position), ls.catalogue, currentEdition).map((c, i) => ({
        label: c.label, detail: c.detail, filterText: c.filterText, sortText: String(i).padStart(4, '0'),
        kind: c.kind === 'module' ? CompletionItemKind.Module : c.kind === 'snippet' ? CompletionItemKind.Snippet : c.kind === 'field' ? CompletionItemKind.Field : CompletionItemKind.Value,
        insertTextFormat: InsertTextFormat.PlainText,
        ...(c.replaceFrom !== undefined
          ? { textEdit: TextEdit.replace({ start: doc.positionAt(c.replaceFrom), end: params.position }, c.insertText) }
          : { insertText: c.insertText }),
        data: c.documentation ? { documentation: c.documentation } : undefined,
      })));
  });

  connection.onCompletionResolve((item) => {
    const d = (item.data as { documentation?: string } | undefined)?.documentation;
    if (d) item.documentation = { kind: MarkupKind.Markdown, value: d };
    return item;
  });

  connection.onCodeAction((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return [];
    return safe('codeAction', [] as CodeAction[], () => {
      const r = result(doc);
      const from = doc.offsetAt(params.range.start);
      const to = doc.offsetAt(params.range.end);
      const only = params.context.only;
      const actions: CodeAction[] = [];
      const wantQuick = !only || only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k));
      const wantFixAll = !only || only.some((k) => k === CodeActionKind.SourceFixAll || k === CodeActionKind.Source || CodeActionKind.SourceFixAll.startsWith(k));
      if (wantQuick) {
        for (const f of r.findings) {
          if (!f.fixes || f.range.end < from || f.range.start > to) continue;
          const diag = params.context.diagnostics.find((d) => d.code === f.rule && doc.offsetAt(d.range.start) === f.range.start);
          for (const fix of f.fixes) {
            actions.push({
              title: fix.title, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: diag ? [diag] : undefined,
              edit: { changes: { [doc.uri]: fix.edits.map((e) => TextEdit.replace(range(doc, e.range), e.newText)) } },
            });
          }
        }
      }
      if (wantFixAll) {
        const edits: TextEdit[] = [];
        const taken: Range[] = [];
        for (const f of r.findings) {
          if (f.severity !== 'error' || !f.fixes?.length) continue;
          const es = f.fixes[0].edits;
          if (es.some((e) => taken.some((t) => e.range.start < t.end && t.start < e.range.end))) continue;
          for (const e of es) {
            taken.push(e.range);
            edits.push(TextEdit.replace(range(doc, e.range), e.newText));
          }
        }
        if (edits.length > 0) {
          actions.push({ title: l10n.t('修正全部可自动修正的问题（{0} 处）', edits.length), kind: CodeActionKind.SourceFixAll, edit: { changes: { [doc.uri]: edits } } });
        }
      }
      return actions;
    });
  });

  const symbolKind = (k: OutlineItem['kind']): SymbolKind =>
    k === 'report' ? SymbolKind.File : k === 'table' ? SymbolKind.Struct : k === 'glossary' ? SymbolKind.Namespace : k === 'term' ? SymbolKind.Key : k === 'perf' ? SymbolKind.Object : k === 'part' ? SymbolKind.Field : SymbolKind.Module;

  connection.onDocumentSymbol((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return [];
    return safe('documentSymbol', [] as DocumentSymbol[], () => {
      const conv = (o: OutlineItem): DocumentSymbol => {
        const full = range(doc, o.range);
        let sel = range(doc, o.selectionRange);
        if (o.selectionRange.start < o.range.start || o.selectionRange.end > o.range.end) sel = { start: full.start, end: full.start };
        return { name: o.name || l10n.t('（空）'), detail: o.detail, kind: symbolKind(o.kind), range: full, selectionRange: sel, children: o.children.map(conv) };
      };
      return outline(result(doc).report).map(conv);
    });
  });

  connection.onFoldingRanges((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return [];
    return safe('foldingRange', [] as FoldingRange[], () => {
      const out: FoldingRange[] = [];
      const seen = new Set<string>();
      for (const r of foldingRanges(result(doc).report)) {
        const s = doc.positionAt(r.start).line;
        let e = doc.positionAt(Math.max(r.start, r.end - 1)).line;
        while (e > s && doc.getText({ start: { line: e, character: 0 }, end: { line: e + 1, character: 0 } }).trim() === '') e--;
        if (e <= s || seen.has(`${s}:${e}`)) continue;
        seen.add(`${s}:${e}`);
        out.push({ startLine: s, endLine: e });
      }
      return out;
    });
  });

  connection.languages.semanticTokens.on((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return { data: [] };
    return safe('semanticTokens', { data: [] as number[] }, () => {
      const b = new SemanticTokensBuilder();
      for (const r of narrativeNumbers(result(doc).report)) {
        const p = doc.positionAt(r.start);
        const e = doc.positionAt(r.end);
        if (p.line === e.line) b.push(p.line, p.character, e.character - p.character, 0, 0);
      }
      return b.build();
    });
  });

  connection.onDocumentFormatting((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return [];
    return safe('formatting', [] as TextEdit[], () =>
      formatDocument(doc.getText(), result(doc).report).map((e) => TextEdit.replace(range(doc, e.range), e.newText)));
  });

  connection.languages.inlayHint.on((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return [];
    return safe('inlayHint', [] as InlayHint[], () =>
      inlayHints(result(doc), doc.offsetAt(params.range.start), doc.offsetAt(params.range.end)).map((h) => ({
        position: doc.positionAt(h.offset), label: h.label, tooltip: { kind: MarkupKind.Markdown, value: h.tooltip }, paddingLeft: false,
      })));
  });

  connection.onExecuteCommand((params) => {
    return safe('executeCommand', null as unknown, () => {
      if (params.command === 'jsgk.server.importCatalogue') {
        // arguments: [spreadsheet path, edition year, folder to write jsgk-kemu.csv into]
        const [file, edition, folder] = (params.arguments ?? []) as [string, number, string?];
        const target = folder ?? folders[0];
        if (!file || !edition || !target) return { ok: false, message: l10n.t('需要：科目表文件、版本年份、工作区文件夹') };
        const r = importSpreadsheet(fs.readFileSync(file), Number(edition));
        if (r.entries.length === 0) return { ok: false, message: r.message };
        const out = path.join(target, OVERRIDE);
        fs.writeFileSync(out, overrideCsv(r.entries, fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : ''));
        loadOverrides();
        refreshAll();
        return { ok: true, message: l10n.t('{0}，写入 {1}', r.message, out), file: pathToFileURL(out).toString(), count: r.entries.length };
      }
      if (params.command === 'jsgk.server.convert') {
        // arguments: [document uri, 'dsl' | 'yaml'] → { ok, text } or { ok: false, message }
        const [uri, to] = (params.arguments ?? []) as [string, Syntax];
        const doc = uri ? documents.get(uri) : undefined;
        if (!doc || (to !== 'dsl' && to !== 'yaml')) return { ok: false, message: l10n.t('需要：一个打开的报告和目标格式（dsl 或 yaml）') };
        const r = convert(doc.getText(), syntaxOfDoc(doc), to);
        return r.ok ? { ok: true, text: r.text } : { ok: false, message: r.message };
      }
      if (params.command !== 'jsgk.server.computationAt') return null;
      const [uri, pos] = (params.arguments ?? []) as [string, { line: number; character: number }];
      const doc = uri ? documents.get(uri) : undefined;
      if (!doc || !pos) return null;
      const off = doc.offsetAt(pos);
      const totals = totalsAt(result(doc), off);
      return totals.length ? totals.map(formatComputation).join('\n\n---\n\n') : null;
    });
  });

  documents.listen(connection);
  connection.listen();
  log('语言服务器已启动');
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
  startServer(createConnection(ProposedFeatures.all));
}

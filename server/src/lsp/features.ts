/** Protocol mapping of the editor features (hover, completion, symbols, folding, tokens, inlay hints, formatting, code lens). */
import {
  CodeLens, CompletionItem, CompletionItemKind, CompletionList, Connection, DocumentSymbol, FoldingRange, InlayHint, InsertTextFormat, MarkupKind,
  SemanticTokensBuilder, SymbolKind, TextEdit,
} from 'vscode-languageserver/node';
import * as l10n from '../service/l10n';
import { completion, coverageSummary, foldingRanges, formatDocument, hover, inlayHints, narrativeNumbers, outline, OutlineItem } from '../service/features';
import { coverageHover } from '../service/features/coverage';
import { relatedHover } from '../service/features/hover';
import { syntaxOfDocument } from '../service';
import { CheckedDocuments } from './documents';
import { Shell } from './shell';

const symbolKind = (k: OutlineItem['kind']): SymbolKind =>
  k === 'report' ? SymbolKind.File : k === 'table' ? SymbolKind.Struct : k === 'glossary' ? SymbolKind.Namespace : k === 'term' ? SymbolKind.Key : k === 'perf' ? SymbolKind.Object : k === 'part' ? SymbolKind.Field : SymbolKind.Module;

export function registerFeatures(connection: Connection, d: CheckedDocuments, shell: Shell): void {
  const { safe } = shell;
  const withDoc = <T>(uri: string, empty: T, name: string, fn: (doc: NonNullable<ReturnType<CheckedDocuments['get']>>) => T, cancelled?: boolean): T => {
    const doc = d.get(uri);
    if (!doc || cancelled) return empty;
    return safe(name, empty, () => fn(doc));
  };

  // during a flood of edits, when a new check would take long, the last check answers (offsets mapped through the edits)
  connection.onHover((params, token) => withDoc(params.textDocument.uri, null, 'hover', (doc) => {
    const v = d.view(doc, doc.offsetAt(params.position));
    const r = v.result;
    const off = v.toResult(doc.offsetAt(params.position))!;
    const at = (range: { start: number; end: number }) => {
      const m = v.toDoc(range);
      return m ? { range: d.range(doc, m) } : {};
    };
    // the parts of a computation link to their cells (#L12,5-L12,11 selects the cell); block keys and
    // format findings link to the format guide (command links to jsgk.openFormatGuide are trusted by the client)
    const target = (uri: string, a: { line: number; character: number }, b: { line: number; character: number }) =>
      `${uri.replace(/\(/g, '%28').replace(/\)/g, '%29')}#L${a.line + 1},${a.character + 1}-L${b.line + 1},${b.character + 1}`;
    const link = (x: { start: number; end: number }) => {
      const m = v.toDoc(x) ?? x;
      return target(doc.uri, doc.positionAt(m.start), doc.positionAt(m.end));
    };
    const guide = `command:jsgk.openFormatGuide?${encodeURIComponent(JSON.stringify([syntaxOfDocument(doc.uri, doc.languageId)]))}`;
    let h = hover(r, v.text, off, d.ls.catalogue, shell.edition(), { link, guide }) ?? shell.unitHover(doc.uri, r.report, off);
    // a finding's related locations beyond those its diagnostic carries (a 部门 total and its units' cells)
    const all = relatedHover(r, off, (x) => (x.uri && x.uri !== doc.uri
      ? target(x.uri, shell.positionIn(x.uri, x.range.start), shell.positionIn(x.uri, x.range.end))
      : link(x.range)));
    if (all) h = h ? { range: h.range, contents: `${h.contents}\n\n${all.contents}` } : all;
    if (h) return { contents: { kind: MarkupKind.Markdown, value: h.contents }, ...at(h.range) };
    const cov = coverageSummary(r).find((c) => c.range.start <= off && off <= c.range.end);
    return cov ? { contents: { kind: MarkupKind.Markdown, value: coverageHover(cov) }, ...at(cov.range) } : null;
  }, token.isCancellationRequested));

  connection.onCompletion((params, token) => withDoc(params.textDocument.uri, { isIncomplete: false, items: [] as CompletionItem[] } as CompletionList, 'completion', (doc): CompletionList => {
    const items = completion(d.result(doc), doc.getText(), doc.offsetAt(params.position), d.ls.catalogue, shell.edition());
    return {
      // the list depends on what is typed (科目 by code, name or initials): ask again as typing goes on
      isIncomplete: true,
      items: items.map((c, i) => ({
        label: c.label, detail: c.detail, filterText: c.filterText, sortText: String(i).padStart(4, '0'),
        kind: c.kind === 'module' ? CompletionItemKind.Module : c.kind === 'snippet' ? CompletionItemKind.Snippet : c.kind === 'field' ? CompletionItemKind.Field : CompletionItemKind.Value,
        insertTextFormat: InsertTextFormat.PlainText,
        ...(c.replaceFrom !== undefined
          ? { textEdit: TextEdit.replace({ start: doc.positionAt(c.replaceFrom), end: params.position }, c.insertText) }
          : { insertText: c.insertText }),
        data: c.documentation ? { documentation: c.documentation } : undefined,
      })),
    };
  }, token.isCancellationRequested));

  connection.onCompletionResolve((item) => {
    const doc = (item.data as { documentation?: string } | undefined)?.documentation;
    if (doc) item.documentation = { kind: MarkupKind.Markdown, value: doc };
    return item;
  });

  connection.onDocumentSymbol((params, token) => withDoc(params.textDocument.uri, [] as DocumentSymbol[], 'documentSymbol', (doc) => {
    const conv = (o: OutlineItem): DocumentSymbol => {
      const full = d.range(doc, o.range);
      let sel = d.range(doc, o.selectionRange);
      if (o.selectionRange.start < o.range.start || o.selectionRange.end > o.range.end) sel = { start: full.start, end: full.start };
      return { name: o.name || l10n.t('（空）'), detail: o.detail, kind: symbolKind(o.kind), range: full, selectionRange: sel, children: o.children.map(conv) };
    };
    return outline(d.result(doc).report).map(conv);
  }, token.isCancellationRequested));

  connection.onFoldingRanges((params, token) => withDoc(params.textDocument.uri, [] as FoldingRange[], 'foldingRange', (doc) => {
    const out: FoldingRange[] = [];
    const seen = new Set<string>();
    const text = doc.getText();
    for (const r of foldingRanges(d.result(doc).report)) {
      // the range's last line, blank lines after the content not included
      let end = Math.max(r.start, r.end - 1);
      while (end > r.start && /\s/.test(text[end])) end--;
      const s = doc.positionAt(r.start).line;
      const e = doc.positionAt(end).line;
      if (e <= s || seen.has(`${s}:${e}`)) continue;
      seen.add(`${s}:${e}`);
      out.push({ startLine: s, endLine: e });
    }
    return out;
  }, token.isCancellationRequested));

  connection.languages.semanticTokens.on((params, token) => withDoc(params.textDocument.uri, { data: [] as number[] }, 'semanticTokens', (doc) => {
    const b = new SemanticTokensBuilder();
    for (const r of narrativeNumbers(d.result(doc).report)) {
      const p = doc.positionAt(r.start);
      const e = doc.positionAt(r.end);
      if (p.line === e.line) b.push(p.line, p.character, e.character - p.character, 0, 0);
    }
    return b.build();
  }, token.isCancellationRequested));

  connection.onDocumentFormatting((params, token) => withDoc(params.textDocument.uri, [] as TextEdit[], 'formatting', (doc) =>
    formatDocument(doc.getText(), d.result(doc).report).map((e) => TextEdit.replace(d.range(doc, e.range), e.newText)), token.isCancellationRequested));

  connection.languages.inlayHint.on((params, token) => withDoc(params.textDocument.uri, [] as InlayHint[], 'inlayHint', (doc) =>
    inlayHints(d.result(doc), doc.offsetAt(params.range.start), doc.offsetAt(params.range.end), shell.settingsOf(doc.uri).inlayHints).map((h) => ({
      position: doc.positionAt(h.offset), label: h.label, tooltip: { kind: MarkupKind.Markdown, value: h.tooltip }, paddingLeft: false,
    })), token.isCancellationRequested));

  // coverage on each standard table's title: “核对 42 处” or “2 条规则未能运行”
  connection.onCodeLens((params, token) => withDoc(params.textDocument.uri, [] as CodeLens[], 'codeLens', (doc) =>
    coverageSummary(d.result(doc)).map((v) => ({
      range: d.range(doc, v.range),
      command: { title: v.missing.length ? l10n.t('{0}：核对 {1} 处；{2} 条规则未能运行（悬停查看原因）', v.kind, v.checked, v.missing.length) : l10n.t('{0}：核对 {1} 处', v.kind, v.checked), command: '' },
    })), token.isCancellationRequested));
}

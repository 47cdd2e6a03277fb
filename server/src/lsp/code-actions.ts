/**
 * Code actions: the fixes of exactly the diagnostics the request names (a fix is preferred only
 * when it changes no number the user typed), and 修正全部 (source.fixAll) through the service's
 * fix-all, which applies safe fixes one at a time with a check between them.
 */
import { CodeAction, CodeActionKind, Connection, Diagnostic, TextEdit } from 'vscode-languageserver/node';
import * as l10n from '../service/l10n';
import { fixAll, minimalEdit } from '../service/workspace/fixall';
import { syntaxOfDocument } from '../service';
import { CheckedDocuments } from './documents';
import { Shell } from './shell';

export function registerCodeActions(connection: Connection, d: CheckedDocuments, shell: Shell): void {
  connection.onCodeAction((params, token) => {
    const doc = d.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return [];
    return shell.safe('codeAction', [] as CodeAction[], () => {
      const r = d.result(doc);
      const only = params.context.only;
      const want = (kind: string) => !only || only.some((k) => k === kind || kind.startsWith(k + '.') || k === CodeActionKind.Source && kind.startsWith('source'));
      const actions: CodeAction[] = [];
      if (want(CodeActionKind.QuickFix)) {
        for (const diag of params.context.diagnostics) {
          const data = diag.data as { rule?: string; start?: number; end?: number } | undefined;
          const start = data?.start ?? doc.offsetAt(diag.range.start);
          const end = data?.end ?? doc.offsetAt(diag.range.end);
          const f = r.findings.find((x) => x.rule === (data?.rule ?? diag.code) && x.range.start === start && x.range.end === end && x.message === diag.message);
          for (const fix of f?.fixes ?? []) {
            actions.push({
              title: fix.title, kind: CodeActionKind.QuickFix, isPreferred: fix.safe === true, diagnostics: [diag as Diagnostic],
              edit: { changes: { [doc.uri]: fix.edits.map((e) => TextEdit.replace(d.range(doc, e.range), e.newText)) } },
            });
          }
        }
      }
      if (want(CodeActionKind.SourceFixAll) && r.findings.some((f) => f.fixes?.some((x) => x.safe))) {
        const text = doc.getText();
        const scratch = `${doc.uri}#fixall`;
        const syntax = syntaxOfDocument(doc.uri, doc.languageId);
        const res = fixAll(text, (t) => d.ls.check(scratch, t, syntax).findings);
        d.ls.close(scratch);
        const e = minimalEdit(text, res.text);
        if (e) actions.push({ title: l10n.t('修正全部可安全修正的问题（{0} 处，不改动任何填写的数字）', res.applied.length), kind: CodeActionKind.SourceFixAll, edit: { changes: { [doc.uri]: [TextEdit.replace(d.range(doc, e.range), e.newText)] } } });
      }
      return actions;
    });
  });
}

/**
 * What a hover reads (CheckedDocuments.view): the check of the current version once the edits have
 * paused; while edits are still arriving, the last check, read through what changed since — unless the
 * place asked about is inside the change, which is then checked anew.
 */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CheckedDocuments } from '../../server/src/lsp/documents';
import { CoalescingDocument } from '../../server/src/lsp/coalescing-document';
import { getLanguageService } from '../../server/src/service';

const text = [
  '报告:', '  类型: 部门决算', '  年度: 2023', '  单位: 测试单位', '  金额单位: 万元', '',
  '表 支出决算表:', '  列: [本年支出合计]', '  行:', '    - 合计: 3.00', '    - 201 一般公共服务支出: 3.00', '    - 20101 人大事务: 3.00', '',
].join('\n');

describe('CheckedDocuments.view: the check a hover reads', () => {
  it('while edits arrive: the last check, mapped; inside the change, or once they pause: a new check', async () => {
    const d = new CheckedDocuments(getLanguageService());
    const uri = 'file:///view/a.jsgk.yaml';
    const v1 = TextDocument.create(uri, 'jsgk-yaml', 1, text);
    const first = d.result(v1);
    // an edit of the 项 (its width unchanged), just arrived
    const at = text.indexOf('人大事务: ') + '人大事务: '.length;
    const v2 = TextDocument.update(v1, [{ range: { start: v1.positionAt(at), end: v1.positionAt(at + 4) }, text: '4.00' }], 2);
    d.changed(uri);
    const total = text.indexOf('合计: 3.00') + 4;
    const during = d.view(v2, total);
    assert.strictEqual(during.fresh, false, 'edits still arriving: the last check answers');
    assert.strictEqual(during.result, first);
    assert.strictEqual(during.toResult(total), total);
    assert.strictEqual(d.view(v2, at).fresh, true, 'inside the change: checked anew');
    await new Promise((r) => setTimeout(r, d.quietFor(uri) + 5));
    const after = d.view(v2, total);
    assert.strictEqual(after.fresh, true, 'the edits paused: the current version');
    assert.notStrictEqual(after.result, first);
  });

  it('in the server\'s documents (edits queued, applied within lines), a hover during edits maps through what changed without building the text', () => {
    const d = new CheckedDocuments(getLanguageService());
    const uri = 'file:///view/b.jsgk.yaml';
    const doc = CoalescingDocument.create(uri, 'jsgk-yaml', 1, text);
    const first = d.result(doc);
    const at = text.indexOf('一般公共服务支出: ') + '一般公共服务支出: '.length;
    // two edits of the 类's amount, the second making it wider: what follows moves by one
    CoalescingDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + 4) }, text: '4.00' }], 2);
    CoalescingDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + 4) }, text: '40.00' }], 3);
    d.changed(uri);
    const total = text.indexOf('合计: 3.00') + 4;
    const during = d.view(doc, total);
    assert.strictEqual(during.fresh, false);
    assert.strictEqual(during.result, first);
    assert.strictEqual(during.toResult(total), total);
    assert.strictEqual(doc.whole, false, 'the text was not built for the hover');
    // the 项's amount, on the line after the change: moved by the one character gained
    const item = text.lastIndexOf('3.00');
    assert.deepStrictEqual(during.toDoc({ start: item, end: item + 4 }), { start: item + 1, end: item + 5 });
    assert.strictEqual(during.toResult(item + 1), item);
    assert.strictEqual(during.toResult(at + 1), undefined, 'inside the change');
    assert.strictEqual(d.view(doc, at + 1).fresh, true, 'inside the change: checked anew');
    assert.strictEqual(doc.whole, true);
    assert.strictEqual(doc.getText(), text.slice(0, at) + '40.00' + text.slice(at + 4));
  });
});

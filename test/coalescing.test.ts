/**
 * The server's open documents take a flood of changes without building a string per change
 * (lsp/coalescing-document.ts): the text after a batch of changes applied in one pass must be
 * exactly what TextDocument.update gives applying them one by one — line breaks of every kind
 * (\n, \r\n, a lone \r, a \r and a \n brought together by an edit), positions past a line's end or
 * the document's, reversed ranges, full-content changes in between.
 * With positions inside the document, it is also what one TextDocument updated change by change gives.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { applyChanges, CoalescingDocument, splitLines } from '../server/src/lsp/coalescing-document';

const piece = fc.constantFrom('a', 'bc', '中文', '\n', '\r\n', '\r', ' ', '335.56', '');
const lfPiece = fc.constantFrom('a', 'bc', '中文', '\n', '\n\n', ' ', '335.56', '');
const lfText = fc.array(lfPiece, { maxLength: 30 }).map((xs) => xs.join(''));
const text = fc.array(piece, { maxLength: 30 }).map((xs) => xs.join(''));
const pos = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 14 }) });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ range: fc.record({ start: pos, end: pos }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

/** An edit within one line (its text brings no line break): typing in a cell. */
const inLine = fc.record({
  range: fc.tuple(fc.integer({ min: -1, max: 12 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 14 }))
    .map(([line, a, b]) => ({ start: { line, character: a }, end: { line, character: b } })),
  text: fc.constantFrom('a', 'bc', '中文', ' ', '335.56', ''),
});

/**
 * TextDocument.update, one change at a time on a fresh document (a position past the end of the
 * document throws TextDocument's own line bookkeeping off for the changes after it; editors never
 * send one, and the server applies each change to the text as it then is).
 */
function reference(initial: string, changes: TextDocumentContentChangeEvent[][]): string {
  let t = initial;
  for (const cs of changes) for (const c of cs) t = TextDocument.update(TextDocument.create('file:///x', 'jsgk-yaml', 1, t), [c], 2).getText();
  return t;
}

/**
 * The document reads like a TextDocument of `text`: its line count, and at `probes` places from `off`
 * (offsets `step` apart) its positions, offsets, line ranges and, with `eol`, line breaks.
 */
function readsLike(doc: CoalescingDocument, text: string, off: number, o: { probes: number; step: number; eol: boolean }): void {
  const r = TextDocument.create('file:///x', 'jsgk-yaml', 1, text);
  assert.strictEqual(doc.lineCount, r.lineCount);
  for (let k = 0; k < o.probes; k++) {
    const at = (off + k * o.step) % (text.length + 1);
    assert.deepStrictEqual(doc.positionAt(at), r.positionAt(at));
    const p = { line: (off + k) % (r.lineCount + 1), character: (off + 3 * k) % 9 };
    assert.strictEqual(doc.offsetAt(p), r.offsetAt(p));
    assert.deepStrictEqual(doc.getLineRange(p.line), r.getLineRange(p.line));
    if (o.eol) assert.strictEqual(doc.getEOLCharacters(p.line), r.getEOLCharacters(p.line));
  }
}

describe('coalesced document changes (the server under a flood of edits)', () => {
  it('splits lines with their line breaks and joins back to the text', () => {
    assert.deepStrictEqual(splitLines('a\nb\r\nc\rd'), ['a\n', 'b\r\n', 'c\r', 'd']);
    assert.deepStrictEqual(splitLines('a\n'), ['a\n', '']);
    assert.deepStrictEqual(splitLines(''), ['']);
    fc.assert(fc.property(text, (t) => splitLines(t).join('') === t));
  });

  it('a batch of changes applied in one pass gives the text TextDocument.update gives', () => {
    fc.assert(fc.property(text, fc.array(change, { minLength: 1, maxLength: 12 }), (initial, cs) => {
      assert.strictEqual(applyChanges(initial, cs), reference(initial, cs.map((c) => [c])));
    }), { numRuns: 3000 });
  });

  it('a text with \\n line breaks only (the fast path) gives the same text too', () => {
    const lfChange = fc.record({ range: fc.record({ start: pos, end: pos }), text: lfText });
    fc.assert(fc.property(lfText, fc.array(lfChange, { minLength: 2, maxLength: 12 }), (initial, cs) => {
      assert.strictEqual(applyChanges(initial, cs), reference(initial, cs.map((c) => [c])));
    }), { numRuns: 3000 });
  });

  it('with positions inside the document, the same text as one TextDocument updated change by change', () => {
    const inside = (t: string) => {
      const lines = splitLines(t);
      const p = fc.integer({ min: 0, max: lines.length - 1 }).chain((line) => fc.integer({ min: 0, max: lines[line].length }).map((character) => ({ line, character })));
      return fc.record({ range: fc.record({ start: p, end: p }), text });
    };
    fc.assert(fc.property(text.chain((t) => fc.tuple(fc.constant(t), inside(t))), ([initial, c]) => {
      const doc = TextDocument.create('file:///x', 'jsgk-yaml', 1, initial);
      TextDocument.update(doc, [c], 2);
      assert.strictEqual(applyChanges(initial, [c]), doc.getText());
    }), { numRuns: 2000 });
  });

  it('a lone \\r and a \\n brought together by an edit are one line break afterwards', () => {
    // "a\r" + "\nb" typed at the start of the second line: the next edit's line 1 is "b"'s line
    const cs: TextDocumentContentChangeEvent[] = [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: 'X' },
    ];
    assert.strictEqual(applyChanges('a\rb', cs), reference('a\rb', cs.map((c) => [c])));
    assert.strictEqual(applyChanges('a\rb', cs), 'a\r\nX');
  });

  it('edits within one line of a text without \\r (typing in a cell: applied line by line, offsets moved) read like TextDocument', () => {
    fc.assert(fc.property(lfText, fc.array(fc.array(inLine, { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 6 }), fc.nat(), (initial, batches, off) => {
      const doc = CoalescingDocument.create('file:///x', 'jsgk-yaml', 1, initial);
      const ref = TextDocument.create('file:///x', 'jsgk-yaml', 1, initial);
      let text = initial;
      batches.forEach((cs, i) => {
        CoalescingDocument.update(doc, cs, i + 2);
        text = reference(text, [cs]);
        // read between the batches, so that the next batch starts from moved offsets
        assert.strictEqual(doc.getText(), text);
        readsLike(doc, text, off, { probes: 4, step: 7, eol: true });
      });
      assert.ok(ref.getText() === initial);
    }), { numRuns: 1000 });
  });

  let inLineRuns = 0;
  it('edits within lines are read (positions, offsets, lines) without building the text, and what changed since a text is known without comparing', () => {
    fc.assert(fc.property(lfText, fc.array(fc.array(inLine, { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 6 }), fc.nat(), (initial, batches, off) => {
      const doc = CoalescingDocument.create('file:///x', 'jsgk-yaml', 1, initial);
      const checked = doc.getText();
      let text = initial;
      // an edit on a line past the last (or before the first) takes the general path: the text is built then
      let general = false;
      batches.forEach((batch, i) => {
        const lines = TextDocument.create('file:///x', 'jsgk-yaml', 1, text).lineCount;
        // most on the text's lines (their line number taken modulo the line count), one in eight as generated
        const cs = batch.map((c, k) => {
          if ((off + i + k) % 8 === 0) return c;
          const r = (c as { range: Range }).range;
          const line = ((r.start.line % lines) + lines) % lines;
          return { range: { start: { line, character: r.start.character }, end: { line, character: r.end.character } }, text: c.text };
        });
        if (cs.some((c) => { const l = (c as { range: { start: { line: number } } }).range.start.line; return l < 0 || l >= lines; })) general = true;
        CoalescingDocument.update(doc, cs, i + 2);
        text = reference(text, [cs]);
        // (not the line breaks: getEOLCharacters reads the text whole)
        readsLike(doc, text, off, { probes: 6, step: 5, eol: false });
        if (general) return;
        inLineRuns++;
        // nothing read whole yet: the text is not built
        assert.strictEqual(doc.whole, false);
        const span = doc.changedSince(checked)!;
        assert.ok(span, 'known without comparing');
        assert.strictEqual(span.length, text.length);
        assert.ok(span.prefix + span.suffix <= Math.min(text.length, checked.length));
        assert.strictEqual(text.slice(0, span.prefix), checked.slice(0, span.prefix));
        assert.strictEqual(text.slice(text.length - span.suffix), checked.slice(checked.length - span.suffix));
      });
      assert.strictEqual(doc.getText(), text);
      assert.strictEqual(doc.whole, true);
      if (general) return;
      assert.deepStrictEqual(doc.getEOLCharacters(off % (doc.lineCount + 1)), TextDocument.create('file:///x', 'jsgk-yaml', 1, text).getEOLCharacters(off % (doc.lineCount + 1)));
      // an edit that is not within a line: the span is not known that way
      CoalescingDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x\ny' }], 99);
      assert.strictEqual(doc.changedSince(text), undefined);
    }), { numRuns: 1000 });
    assert.ok(inLineRuns > 500, `only ${inLineRuns} batches applied within lines: the property says little`);
  });

  it('a CoalescingDocument queues changes, keeps its identity and reads like TextDocument', () => {
    fc.assert(fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.nat(), (initial, batches, off) => {
      const doc = CoalescingDocument.create('file:///x', 'jsgk-yaml', 1, initial);
      batches.forEach((cs, i) => assert.strictEqual(CoalescingDocument.update(doc, cs, i + 2), doc));
      assert.strictEqual(doc.version, batches.length + 1);
      assert.strictEqual(doc.queued, batches.reduce((n, b) => n + b.length, 0));
      const ref = TextDocument.create('file:///x', 'jsgk-yaml', 1, reference(initial, batches));
      assert.strictEqual(doc.getText(), ref.getText());
      assert.strictEqual(doc.queued, 0);
      assert.strictEqual(doc.lineCount, ref.lineCount);
      const o = off % (ref.getText().length + 1);
      assert.deepStrictEqual(doc.positionAt(o), ref.positionAt(o));
      const p = { line: off % 7, character: off % 5 };
      assert.strictEqual(doc.offsetAt(p), ref.offsetAt(p));
    }), { numRuns: 1000 });
  });
});

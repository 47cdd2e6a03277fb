/**
 * The language server under load, over stdio (issue 10 item 8): a flood of edits written at once is
 * coalesced — the final diagnostics are those of the last version, no diagnostics of an older
 * version arrive after a newer one's, every published set is the check of the version it names,
 * hovers sent during the flood are answered — in push and in pull mode; during the walk of a large
 * workspace, other documents are answered and the server exits when its input closes. Timings are
 * printed by `npm run bench`, not asserted here.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DocumentDiagnosticReport, DocumentDiagnosticRequest, Hover, HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, Published } from '../../scripts/lsp-client';
import { generateLargeReport } from '../../scripts/gen-large';
import { generateWorkspace } from '../../scripts/gen-workspace';

const { text } = generateLargeReport({ units: 20 });
const uri = 'file:///load/large.jsgk.yaml';
const ROW = '    - 20101 人大事务: ';
const at = text.indexOf(ROW) + ROW.length;
const doc = TextDocument.create(uri, 'jsgk-yaml', 1, text);
const start = doc.positionAt(at);
const width = text.slice(at).indexOf(' ');
/** The amount typed into 20101's first cell in version v (v ≥ 2): 7 characters wide. */
const typed = (v: number) => (1000 + v - 2).toFixed(2);
/** The version a set of diagnostics was computed for, read from the 20101 finding it holds. */
const versionIn = (ds: Array<{ message: string | unknown }>) => {
  for (const d of ds) {
    const m = /^20101 人大事务（本年支出合计） (\d+\.\d\d) ≠ 其下各项之和/.exec(String(d.message));
    if (m) return Number(m[1]) - 1000 + 2;
  }
  return 1; // the text as opened: no finding on 20101
};
const hoverAt = doc.positionAt(text.indexOf('- 合计: ', text.indexOf('表 支出决算表（单位10）')) + 8);

/** Sends `n` one-cell edits at once (versions 2 … n + 1), a hover after every `every`; returns the hovers' answers. */
function flood(c: LspClient, n: number, every: number, between?: (v: number) => void): Array<Promise<Hover | null>> {
  const hovers: Array<Promise<Hover | null>> = [];
  for (let i = 0; i < n; i++) {
    const v = i + 2;
    const end = { line: start.line, character: start.character + (i === 0 ? width : 7) };
    void c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ range: { start, end }, text: typed(v) }] });
    if ((i + 1) % every === 0) {
      hovers.push(c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: hoverAt }) as Promise<Hover | null>);
      between?.(v);
    }
  }
  return hovers;
}

describe('language server under a flood of edits (protocol level)', function () {
  this.timeout(120000);
  const N = 400;

  it('push: coalesces the flood; the final diagnostics are the last version\'s, never an older version after a newer one', async () => {
    const c = new LspClient();
    try {
      await c.init();
      await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'jsgk-yaml', version: 1, text } });
      await c.waitFor(uri, (p) => p.version === 1);
      const from = c.published.length;
      const hovers = flood(c, N, 50);
      const last = N + 1;
      const fin = await c.waitFor(uri, (p) => p.version === last, 100000);
      assert.strictEqual(versionIn(fin.diagnostics), last, 'the final diagnostics are the check of the last version');
      const during: Published[] = c.published.slice(from).filter((p) => p.uri === uri);
      for (let i = 1; i < during.length; i++) assert.ok(during[i].version! >= during[i - 1].version!, `version ${during[i].version} published after ${during[i - 1].version}`);
      for (const p of during) assert.strictEqual(versionIn(p.diagnostics), p.version, 'each set is the check of the version it names');
      assert.ok(during.length < N / 2, `${during.length} publications for ${N} edits: the checks were not coalesced`);
      for (const h of await Promise.all(hovers)) assert.match(JSON.stringify(h?.contents), /合计（本年支出合计）.*Σ/);
    } finally {
      await c.stop();
    }
  });

  it('pull: answers each pull after the edits pause, for the version then current, in order; the last pull has the last version', async () => {
    const c = new LspClient();
    try {
      await c.init(undefined, { pull: true });
      await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'jsgk-yaml', version: 1, text } });
      const pull = () => (c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }) as Promise<DocumentDiagnosticReport>);
      const first = await pull();
      assert.strictEqual(first.kind, 'full');
      const pulls: Array<{ sentAfter: number; answer: Promise<DocumentDiagnosticReport> }> = [];
      const hovers = flood(c, N, 40, (v) => pulls.push({ sentAfter: v, answer: pull() }));
      const lastAnswer = await pull();
      assert.strictEqual(lastAnswer.kind, 'full');
      assert.strictEqual(versionIn((lastAnswer as { items: Array<{ message: string }> }).items), N + 1);
      let prev = 0;
      for (const p of pulls) {
        const a = await p.answer;
        assert.strictEqual(a.kind, 'full');
        const v = versionIn((a as { items: Array<{ message: string }> }).items);
        assert.ok(v >= p.sentAfter && v >= prev, `a pull sent after version ${p.sentAfter} was answered for version ${v} (previous answer: ${prev})`);
        prev = v;
      }
      // nothing changed since: the same result id, answered as unchanged
      const again = await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: (lastAnswer as { resultId?: string }).resultId });
      assert.strictEqual((again as DocumentDiagnosticReport).kind, 'unchanged');
      for (const h of await Promise.all(hovers)) assert.match(JSON.stringify(h?.contents), /合计（本年支出合计）.*Σ/);
    } finally {
      await c.stop();
    }
  });
});

describe('language server during the walk of a large workspace (protocol level)', function () {
  this.timeout(180000);
  let dir: string;
  let ws: ReturnType<typeof generateWorkspace>;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-load-ws-'));
    ws = generateWorkspace(dir, { depts: 10, unitsPerDept: 99 }); // 1,000 reports
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const open = (c: LspClient, file: string, text = fs.readFileSync(file, 'utf8'), u = pathToFileURL(file).toString()) =>
    c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: u, languageId: 'jsgk-yaml', version: 1, text } });

  it('answers hovers in another document while it walks, then checks the 部门 report against its 99 units', async () => {
    const c = new LspClient();
    try {
      await c.init(dir);
      const other = 'file:///load/other.jsgk.yaml';
      const otherText = fs.readFileSync(ws.files[1], 'utf8').replace(/^ {2}单位: .*$/m, '  单位: 不属于任何部门的单位');
      await open(c, ws.files[1], otherText, other);
      await c.waitFor(other, () => true);
      const pos = TextDocument.create(other, 'jsgk-yaml', 1, otherText).positionAt(otherText.indexOf('人员经费合计: ') + 9);
      const dept = pathToFileURL(ws.depts[0]).toString();
      await open(c, ws.depts[0]);
      let done = false;
      const diags = c.waitFor(dept, () => true, 170000).then((p) => { done = true; return p; });
      let answeredDuringWalk = 0;
      while (!done) {
        const h = (await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: pos })) as Hover | null;
        assert.match(JSON.stringify(h?.contents), /人员经费合计/);
        if (!done) answeredDuringWalk++;
        await new Promise((r) => setTimeout(r, 10));
      }
      assert.ok(answeredDuringWalk > 0, 'no hover was answered before the 部门 report\'s diagnostics');
      const units = (await diags).diagnostics.filter((d) => d.code === 'units.sum');
      assert.ok(units.length > 10 && units.every((d) => /所属 99 个单位之和/.test(String(d.message))), JSON.stringify(units.slice(0, 2)));
      // the diagnostic carries the first 10 units' cells and a note; the hover there lists all 99, linked
      const rel = units[0].relatedInformation!;
      assert.strictEqual(rel.length, 11);
      assert.strictEqual(new Set(rel.slice(0, 10).map((x) => x.location.uri)).size, 10);
      assert.ok(rel.slice(0, 10).every((x) => x.location.uri !== dept), JSON.stringify(rel.slice(0, 2)));
      assert.deepStrictEqual([rel[10].location, rel[10].message], [{ uri: dept, range: units[0].range }, '……另有 89 处（共 99 处），悬停在此处可看全部']);
      const h = (await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: dept }, position: units[0].range.start })) as Hover;
      const md = (h.contents as { value: string }).value;
      assert.match(md, /`units\.sum` 的全部 99 处相关位置：/);
      assert.ok(md.includes('\n\n' + String(units[0].message) + '\n\n- ['), md.slice(0, 400));
      const links = [...md.matchAll(/^- \[(.*)\]\((file:[^)#]*)#L(\d+),(\d+)-L(\d+),(\d+)\)$/gm)];
      assert.strictEqual(new Set(links.map((m) => m[2])).size, 99);
      // each link selects that unit's cell, whose text its label ends with
      for (const m of [links[0], links[50], links[98]]) {
        const file = fileURLToPath(m[2]);
        const doc = TextDocument.create(m[2], 'jsgk-yaml', 1, fs.readFileSync(file, 'utf8'));
        const cell = doc.getText({ start: { line: +m[3] - 1, character: +m[4] - 1 }, end: { line: +m[5] - 1, character: +m[6] - 1 } });
        assert.ok(cell.length > 0 && m[1].endsWith('：' + cell), `${m[1]} / ${cell}`);
      }
    } finally {
      await c.stop();
    }
  });

  it('exits when its input closes in the middle of the walk', async () => {
    const c = new LspClient();
    try {
      await c.init(dir);
      const dept = pathToFileURL(ws.depts[1]).toString();
      await open(c, ws.depts[1]);
      await new Promise((r) => setTimeout(r, 150));
      assert.ok(!c.published.some((p) => p.uri === dept), 'the walk had already finished: nothing to interrupt');
      const exited = new Promise<number | null>((r) => c.proc.once('exit', (code) => r(code)));
      c.proc.stdin!.end();
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 20000))]);
      assert.strictEqual(code, 0);
    } finally {
      c.proc.kill();
    }
  });
});

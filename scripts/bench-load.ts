/**
 * The language server under load, measured over stdio as an editor drives it (issue 10 item 8):
 * - a flood of edits written at once on the large report: how long after the last edit its final
 *   diagnostics arrive, how long hovers sent during the flood wait;
 * - a large workspace: opening a 部门 report starts the walk of every report; how long hovers in
 *   another document wait during the walk, how long until the 部门 report's diagnostics;
 * - the server's memory (process.memoryUsage after a GC, asked with jsgk/stats).
 * Figures only, no assertions (test/protocol/load.test.ts asserts the behaviour).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { spawn } from 'child_process';
import { createMessageConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './lsp-client';
import { generateWorkspace } from './gen-workspace';
import { SERVER_NODE_FLAGS } from '../server/src/server-flags';

export interface Stats {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** CPU time the server used so far (user + system, ms). */
  cpuMs: number;
}

/** The server's memory after a full GC (the server runs with --expose-gc and JSGK_SERVER_STATS=1, and the flags the editor starts it with). */
export async function serverMemory(c: LspClient): Promise<Stats | undefined> {
  try {
    return (await c.conn.sendRequest('jsgk/stats', {})) as Stats;
  } catch {
    return undefined;
  }
}

export function startServer(): LspClient {
  // JSGK_BENCH_SERVER_ARGS: more node options for the server (e.g. --cpu-prof --cpu-prof-dir=prof)
  const extra = (process.env.JSGK_BENCH_SERVER_ARGS ?? '').split(' ').filter((x) => x);
  return new LspClient({ nodeArgs: ['--expose-gc', ...SERVER_NODE_FLAGS, ...extra], env: { ...process.env, JSGK_SERVER_STATS: '1' } });
}

export interface FloodFigures {
  /** didOpen → first diagnostics (full parse + all checks + the first publish). */
  openMs: number;
  /** Each hover during the flood: from its request written by this client to its answer. */
  hoverAfterSentMs: number[];
  /** How long writing the edits took. */
  writeMs: number;
  edits: number;
  /** Last edit written → diagnostics of the last version. */
  finalMs: number;
  /** Hovers sent during the flood: each one's wait. */
  hoverMs: number[];
  /** Diagnostics published during the flood (each for the version then current). */
  published: number;
  /** Diagnostics published for an older version after a newer one (must be 0). */
  stale: number;
  memory?: Stats;
  memoryAfterFlood?: Stats;
  /** Server CPU time from the first edit to the final diagnostics (ms; the GC of jsgk/stats included). */
  cpuMs: number;
  /** Server CPU time from its start to the first diagnostics of the report (start-up included). */
  openCpuMs?: number;
}

/** When each hover request is written to `stdin` (the times, in order, filled as they are written). */
function hoverSends(stdin: NodeJS.WritableStream): number[] {
  const sent: number[] = [];
  const write = stdin.write.bind(stdin) as (...a: unknown[]) => boolean;
  (stdin as unknown as { write: (...a: unknown[]) => boolean }).write = (chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'string' && (chunk as Buffer).includes('"textDocument/hover"')) sent.push(performance.now());
    return write(chunk, ...rest);
  };
  return sent;
}

/**
 * Opens `text` and sends `edits` one-cell edits at once (each replacing the amount of one cell by
 * a new one of the same width), with a hover on another table's total after every `hoverEvery`.
 */
export async function flood(text: string, opts: { edits?: number; hoverEvery?: number; uri?: string } = {}): Promise<FloodFigures> {
  const n = opts.edits ?? 2000;
  const every = opts.hoverEvery ?? 100;
  const uri = opts.uri ?? 'file:///bench/large.jsgk.yaml';
  const c = startServer();
  try {
    await c.init();
    const doc = TextDocument.create(uri, 'jsgk-yaml', 1, text);
    const t0 = performance.now();
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'jsgk-yaml', version: 1, text } });
    const first = await c.waitFor(uri, (p) => p.version === 1);
    const openMs = first.at - t0;
    const memory = await serverMemory(c);
    const row = '    - 20101 人大事务: ';
    const cpu0 = (await serverMemory(c))?.cpuMs ?? NaN;
    const at = text.indexOf(row) + row.length;
    const start = doc.positionAt(at);
    const end = { line: start.line, character: start.character + text.slice(at).indexOf(' ') };
    const hoverAt = doc.positionAt(text.indexOf('- 合计: ', text.indexOf('表 支出决算表（单位100）')) + 8);
    const hovers: Array<Promise<number>> = [];
    // when each hover request actually leaves this client (its writer sends the messages one after another:
    // the 2,000 edits before a hover take this client itself a while to write)
    const sent = hoverSends(c.proc.stdin!);
    const answered: number[] = [];
    const w0 = performance.now();
    let last = 0;
    for (let i = 0; i < n; i++) {
      const v = (1000 + (i % 9000)).toFixed(2); // always 7 characters: the range stays the same
      void c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: i + 2 }, contentChanges: [{ range: { start, end: { line: end.line, character: start.character + (i === 0 ? end.character - start.character : 7) } }, text: v }] });
      last = i + 2;
      if ((i + 1) % every === 0) {
        const h0 = performance.now();
        const k = hovers.length;
        hovers.push(c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: hoverAt }).then(() => {
          answered[k] = performance.now();
          return answered[k] - h0;
        }));
      }
    }
    const wEnd = performance.now();
    const fin = await c.waitFor(uri, (p) => p.version === last, 120000);
    const hoverMs = await Promise.all(hovers);
    const hoverAfterSentMs = sent.length === answered.length ? answered.map((a, k) => a - sent[k]) : [];
    const during = c.published.filter((p) => p.uri === uri && p.at > w0);
    let stale = 0;
    let newest = 0;
    for (const p of during) {
      if ((p.version ?? 0) < newest) stale++;
      newest = Math.max(newest, p.version ?? 0);
    }
    const memoryAfterFlood = await serverMemory(c);
    return { openMs, writeMs: wEnd - w0, edits: n, finalMs: fin.at - wEnd, hoverMs, hoverAfterSentMs, published: during.length, stale, memory, memoryAfterFlood, cpuMs: (memoryAfterFlood?.cpuMs ?? NaN) - cpu0, openCpuMs: memory?.cpuMs };
  } finally {
    await c.stop();
  }
}

/**
 * The measuring client's own share of the wait of a hover during the flood: the same messages (the edits,
 * a hover request after every `hoverEvery`) written the same way to a process that only reads and drops
 * them. For each hover, how long after it was asked for its request left this client: vscode-jsonrpc
 * writes one message after another, so a hover asked after 2,000 edits waits for them to be written
 * whatever the server does.
 */
export async function clientFloor(opts: { edits?: number; hoverEvery?: number } = {}): Promise<number[]> {
  const n = opts.edits ?? 2000;
  const every = opts.hoverEvery ?? 100;
  const sink = spawn(process.execPath, ['-e', 'process.stdin.on("data", () => {})'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = createMessageConnection(new StreamMessageReader(sink.stdout!), new StreamMessageWriter(sink.stdin!));
  conn.listen();
  const asked: number[] = [];
  const sent = hoverSends(sink.stdin!);
  try {
    const uri = 'file:///bench/large.jsgk.yaml';
    const start = { line: 8000, character: 20 };
    for (let i = 0; i < n; i++) {
      void conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: i + 2 }, contentChanges: [{ range: { start, end: { line: start.line, character: start.character + 7 } }, text: (1000 + (i % 9000)).toFixed(2) }] });
      if ((i + 1) % every === 0) {
        asked.push(performance.now());
        conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9000, character: 10 } }).catch(() => undefined);
      }
    }
    const deadline = performance.now() + 30000;
    while (sent.length < asked.length && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return sent.map((s, k) => s - asked[k]);
  } finally {
    conn.dispose();
    sink.kill();
  }
}

export interface WalkFigures {
  reports: number;
  /** didOpen of the 部门 report → its first diagnostics (the walk and the check across reports). */
  deptMs: number;
  /** Hovers in another document during the walk: each one's wait. */
  hoverMs: number[];
  /** The 部门 report's units.sum findings (the walk really fed the check). */
  unitFindings: number;
  memory?: Stats;
}

/** A workspace of `reports` generated reports; opens one 部门 report and hovers in another document meanwhile. */
export async function workspaceWalk(opts: { depts?: number; unitsPerDept?: number; dir?: string } = {}): Promise<WalkFigures> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-ws-'));
  const ws = generateWorkspace(dir, { depts: opts.depts, unitsPerDept: opts.unitsPerDept });
  const c = startServer();
  try {
    await c.init(dir);
    // another document, not a 部门 report: its hovers must be answered while the walk goes on
    const other = 'file:///bench/other.jsgk.yaml';
    const otherText = fs.readFileSync(ws.files[1], 'utf8').replace(/^ {2}单位: .*$/m, '  单位: 不属于任何部门的单位');
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: other, languageId: 'jsgk-yaml', version: 1, text: otherText } });
    await c.waitFor(other, () => true);
    const odoc = TextDocument.create(other, 'jsgk-yaml', 1, otherText);
    const pos = odoc.positionAt(otherText.indexOf('人员经费合计: ') + 9);
    const dept = pathToFileURL(ws.depts[0]).toString();
    const t0 = performance.now();
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: dept, languageId: 'jsgk-yaml', version: 1, text: fs.readFileSync(ws.depts[0], 'utf8') } });
    const hoverMs: number[] = [];
    let done = false;
    const got = c.waitFor(dept, () => true, 300000).then((p) => { done = true; return p; });
    while (!done) {
      const h0 = performance.now();
      await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: pos });
      hoverMs.push(performance.now() - h0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const p = await got;
    const memory = await serverMemory(c);
    return { reports: ws.files.length, deptMs: p.at - t0, hoverMs, unitFindings: p.diagnostics.filter((d) => d.code === 'units.sum').length, memory };
  } finally {
    await c.stop();
    if (!opts.dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const maxOf = (xs: number[]) => (xs.length ? Math.max(...xs) : NaN);
export const medianOf = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);

if (require.main === module) {
  void (async () => {
    const { generateLargeReport } = require('./gen-large') as typeof import('./gen-large');
    const { text } = generateLargeReport({ units: 230 });
    const what = process.argv[2] ?? 'all';
    if (what === 'all' || what === 'flood') {
      const f = await flood(text);
      console.log(JSON.stringify({ ...f, hoverMax: maxOf(f.hoverMs), hoverMedian: medianOf(f.hoverMs), afterSentMax: maxOf(f.hoverAfterSentMs), afterSentMedian: medianOf(f.hoverAfterSentMs) }, null, 1));
    }
    if (what === 'all' || what === 'walk') {
      const w = await workspaceWalk();
      console.log(JSON.stringify({ ...w, hoverMs: undefined, hovers: w.hoverMs.length, hoverMax: maxOf(w.hoverMs), hoverMedian: medianOf(w.hoverMs) }, null, 1));
    }
  })();
}

/**
 * A small LSP client over stdio for load measurements and protocol tests: starts the built server
 * (out/server/src/server.js), speaks JSON-RPC to it, records every publishDiagnostics with the time
 * it arrived.
 */
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection, ProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  PublishDiagnosticsNotification, PublishDiagnosticsParams, ShutdownRequest, ExitNotification,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.join(__dirname, '..', 'server', 'src', 'server.js');

export interface Published extends PublishDiagnosticsParams {
  /** performance.now() when it arrived. */
  at: number;
}

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  /** Every publishDiagnostics, in the order received. */
  readonly published: Published[] = [];
  stderr = '';
  private waiters: Array<() => void> = [];

  /**
   * `server`: another server's script (default: jsgk's), started with node and --stdio;
   * `configuration`: the answer to workspace/configuration for a section (default null).
   */
  constructor(opts: { nodeArgs?: string[]; env?: NodeJS.ProcessEnv; server?: string; configuration?: (section: string | undefined) => unknown } = {}) {
    this.proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), opts.server ?? SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: opts.env ?? process.env });
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push({ ...p, at: performance.now() });
      for (const w of this.waiters.splice(0)) w();
    });
    this.conn.onRequest('client/registerCapability', () => null);
    const conf = opts.configuration ?? (() => null);
    this.conn.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => p.items.map((i) => conf(i.section)));
    this.conn.listen();
  }

  /** `pull`: the client pulls diagnostics (textDocument/diagnostic) instead of receiving them. */
  async init(folder?: string, opts: { pull?: boolean } = {}): Promise<void> {
    await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: null, workspaceFolders: folder ? [{ uri: pathToFileURL(folder).toString(), name: 'ws' }] : null,
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, ...(opts.pull ? { textDocument: { diagnostic: {} } } : {}) },
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
  }

  /** Waits until a publishDiagnostics for uri satisfies `ok` (checked on every arrival). */
  async waitFor(uri: string, ok: (p: Published) => boolean, timeout = 60000): Promise<Published> {
    const end = performance.now() + timeout;
    let from = 0;
    for (;;) {
      for (; from < this.published.length; from++) {
        const p = this.published[from];
        if (p.uri === uri && ok(p)) return p;
      }
      if (performance.now() > end) throw new Error(`no diagnostics for ${uri} in ${timeout} ms`);
      await new Promise<void>((res) => { this.waiters.push(res); setTimeout(res, 100); });
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 5000))]);
      await this.conn.sendNotification(ExitNotification.type);
    } catch { /* already gone */ }
    // let it exit by itself (it writes a --cpu-prof profile then), else end it
    if (this.proc.exitCode === null) await Promise.race([new Promise((r) => this.proc.once('exit', r)), new Promise((r) => setTimeout(r, 3000))]);
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

/**
 * A small LSP client for protocol tests: starts the built server over stdio, records the published
 * diagnostics and the $/progress notifications, and answers the requests a server sends an editor.
 */
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection, Diagnostic, ExitNotification, InitializedNotification, InitializeRequest, ProtocolConnection, PublishDiagnosticsNotification,
  PublishDiagnosticsParams, ShutdownRequest, StreamMessageReader, StreamMessageWriter, WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './samples';

const SERVER = path.join(ROOT, 'out', 'server', 'src', 'server.js');

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  /** Every publishDiagnostics in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every $/progress notification in order. */
  readonly progress: Array<{ token: string | number; value: { kind: string; title?: string; message?: string; percentage?: number; cancellable?: boolean } }> = [];
  /** Tokens the server asked to create (window/workDoneProgress/create). */
  readonly created: Array<string | number> = [];
  stderr = '';
  private waiters: Array<() => void> = [];

  constructor() {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      for (const w of this.waiters.splice(0)) w();
    });
    this.conn.onNotification('$/progress', (p: LspClient['progress'][number]) => { this.progress.push(p); });
    this.conn.onRequest(WorkDoneProgressCreateRequest.method, (p: { token: string | number }) => { this.created.push(p.token); return null; });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.listen();
  }

  async init(folder?: string, opts: { workDoneProgress?: boolean } = {}) {
    const r = await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: null, workspaceFolders: folder ? [{ uri: pathToFileURL(folder).toString(), name: 'ws' }] : null,
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: !!opts.workDoneProgress } },
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
    return r;
  }

  /** The last diagnostics published for uri, if any. */
  last(uri: string): Diagnostic[] | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i].uri === uri) return this.published[i].diagnostics;
    return undefined;
  }

  /** Waits until `ok` holds for the published diagnostics (checked at each notification). */
  async until(what: string, ok: () => boolean, timeout = 15000): Promise<void> {
    const start = Date.now();
    while (!ok()) {
      if (Date.now() - start > timeout) throw new Error('超时：' + what);
      await new Promise<void>((res) => { this.waiters.push(res); setTimeout(res, 200); });
    }
  }

  async stop() {
    try {
      await this.conn.sendRequest(ShutdownRequest.type);
      await this.conn.sendNotification(ExitNotification.type);
    } catch { /* already gone */ }
    this.conn.dispose();
    this.proc.kill();
  }
}

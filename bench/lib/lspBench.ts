// An LSP client for benchmarks: starts the bundled server (dist/server.js) over stdio like an editor does and
// counts the raw bytes the server writes to its stdout pipe. It speaks only the LSP protocol and the custom
// messages of common/protocol.ts, so it measures whatever implementation sits behind them.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { type DocumentState, DocumentStateDeltaNotification, DocumentStateNotification, LANGUAGE_ID } from '../../common/protocol';
import { applyStateDelta } from '../../common/stateDelta';
import { stopServer } from '../../test/lsp/stopServer';

// HASHIYA_SERVER times another build of the server (for example main's, beside a branch's, in one run).
export const SERVER = process.env.HASHIYA_SERVER ?? path.join(__dirname, '../../dist/server.js');

export class BenchClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  /** Raw bytes read from the server's stdout so far. */
  bytesIn = 0;
  readonly states: Array<{ at: number; state: DocumentState }> = [];
  /** When the server's work-done progress (corpus indexing) ended, if it did. */
  progressEnded: number | undefined;
  progressBegun: number | undefined;
  /** $/progress reports received (between a begin and its end). */
  progressReports = 0;
  private waiters: Array<() => void> = [];
  stderr = '';
  readonly started = performance.now();

  constructor(args: string[] = []) {
    // HASHIYA_SERVER_NODE_ARGS: more node options for the servers (a CPU profile: --cpu-prof --cpu-prof-dir=DIR).
    const extra = process.env.HASHIYA_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    // The server keeps texts it anchored sidecars to in the user's cache folder: the benchmarks' go to their own.
    const env = { ...process.env, XDG_CACHE_HOME: path.join(tmpdir(), 'hashiya-bench-cache') };
    this.child = spawn(process.execPath, [...extra, ...args, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.child.stdout!.on('data', (d: Buffer) => (this.bytesIn += d.length));
    this.child.stderr!.on('data', (d) => (this.stderr += d));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(DocumentStateNotification, (state) => {
      this.states.push({ at: performance.now(), state });
      this.wake();
    });
    // After its first state, the server sends a document's changes as deltas (suggestions that arrive once the
    // knowledge base is loaded among them): applied to the state held, as the extension does.
    this.connection.onNotification(DocumentStateDeltaNotification, (delta) => {
      const held = this.lastState(delta.uri);
      const next = held ? applyStateDelta(held, delta) : undefined;
      if (!next) throw new Error(`delta ${delta.fromSeq}->${delta.seq} for ${delta.uri} does not follow the state held (${held?.seq})`);
      this.states.push({ at: performance.now(), state: next });
      this.wake();
    });
    this.connection.onNotification('$/progress', (params: { value?: { kind?: string } }) => {
      const kind = params.value?.kind;
      if (kind === 'begin') this.progressBegun = performance.now();
      if (kind === 'end') this.progressEnded = performance.now();
      if (kind === 'report') this.progressReports++;
      this.wake();
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/semanticTokens/refresh', () => null);
    this.connection.onRequest('workspace/configuration', () => []);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  /** The latest state held for `uri`. */
  lastState(uri: string): DocumentState | undefined {
    for (let i = this.states.length - 1; i >= 0; i--) if (this.states[i].state.uri === uri) return this.states[i].state;
    return undefined;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }

  async initialize(workspace: string): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: URI.file(workspace).toString(),
      workspaceFolders: [{ uri: URI.file(workspace).toString(), name: 'ws' }],
      // What VS Code's client declares for these: progress, and symbol ranges resolved on demand.
      capabilities: { window: { workDoneProgress: true }, workspace: { symbol: { resolveSupport: { properties: ['location.range'] } } } },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async open(file: string, text: string, version = 1): Promise<string> {
    const uri = URI.file(file).toString();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: LANGUAGE_ID, version, text } });
    return uri;
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Waits until `predicate` holds, re-checking after every notification and every 5 ms; fails after `ms`. */
  async until<T>(predicate: () => T | undefined | false, what: string, ms = 60_000): Promise<T> {
    const deadline = performance.now() + ms;
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (performance.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 5);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Peak resident memory of the server process so far (VmHWM), in MB. */
  peakRssMB(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  }

  close(): Promise<void> {
    return stopServer(this.connection, this.child);
  }
}

/** LSP position (UTF-16 line and character) of a UTF-16 offset. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

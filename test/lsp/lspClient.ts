// A real LSP client for tests: starts the bundled server (dist/server.js) as a child process over stdio and
// speaks JSON-RPC to it with vscode-languageserver-protocol, like any editor would.
import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  createProtocolConnection,
  type ClientCapabilities,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { type DocumentState, DocumentStateDeltaNotification, DocumentStateNotification, DocumentStateRequest, LANGUAGE_ID } from '../../common/protocol';
import { applyStateDelta } from '../../common/stateDelta';
import { stopServer } from './stopServer';

// HASHIYA_SERVER runs the same tests against another build (for example the previous release, to see them fail).
export const SERVER = process.env.HASHIYA_SERVER ?? path.join(__dirname, '../../dist/server.js');

export class LspTestClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  readonly states: DocumentState[] = [];
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Deltas received, and any that did not apply to the state held. */
  deltas = 0;
  readonly deltaErrors: string[] = [];
  /** Messages the server showed to the user (window/showMessage). */
  readonly messages: string[] = [];
  /** Size of each notification the server sent, in UTF-8 bytes of its JSON params. */
  readonly wire: Array<{ method: string; bytes: number }> = [];
  /** What the server logged (window/logMessage). */
  readonly log: string[] = [];
  private waiters: Array<() => void> = [];
  stderr = '';
  /** Set when the server process ended. */
  exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  constructor() {
    // Texts the server keeps for re-anchoring go to a cache of the tests' own, never the user's.
    const env = { ...process.env, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME_FOR_TESTS ?? path.join(tmpdir(), 'hashiya-lsp-test-cache') };
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.child.stderr!.on('data', (d) => (this.stderr += d));
    this.child.on('exit', (code, signal) => {
      this.exited = { code, signal };
      if (process.env.HASHIYA_TEST_LOG) process.stderr.write(`server exited: ${code} ${signal}\n${this.stderr}\n`);
      this.wake();
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('window/showMessage', (m: { message: string }) => {
      this.messages.push(m.message);
      this.wake();
    });
    this.connection.onNotification(DocumentStateNotification, (s) => {
      this.wire.push({ method: DocumentStateNotification.method, bytes: Buffer.byteLength(JSON.stringify(s)) });
      this.states.push(s);
      this.wake();
    });
    // Deltas are applied to the state held, as the extension does; one that does not follow it is a bug in the
    // server (messages are ordered), so the test fails loudly instead of asking for the whole state again.
    this.connection.onNotification(DocumentStateDeltaNotification, (delta) => {
      this.wire.push({ method: DocumentStateDeltaNotification.method, bytes: Buffer.byteLength(JSON.stringify(delta)) });
      this.deltas++;
      const held = this.lastState(delta.uri);
      const next = held ? applyStateDelta(held, delta) : undefined;
      if (!next) {
        this.deltaErrors.push(`delta ${delta.fromSeq}->${delta.seq} for ${delta.uri} does not follow the state held (${held?.seq})`);
        void this.connection.sendRequest(DocumentStateRequest, { textDocument: { uri: delta.uri } }).then(
          (s) => {
            if (s) this.states.push(s);
            this.wake();
          },
          () => undefined,
        );
        return;
      }
      this.states.push(next);
      this.wake();
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (d) => {
      this.wire.push({ method: PublishDiagnosticsNotification.method, bytes: Buffer.byteLength(JSON.stringify(d)) });
      this.diagnostics.set(d.uri, d);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (m: { message: string }) => {
      this.log.push(m.message);
      if (process.env.HASHIYA_TEST_LOG) process.stderr.write(`server: ${m.message}\n`);
    });
    this.connection.onRequest('workspace/semanticTokens/refresh', () => null);
    this.connection.listen();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }

  async initialize(workspace: string, initializationOptions?: unknown, capabilities: ClientCapabilities = {}): Promise<unknown> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: URI.file(workspace).toString(),
      workspaceFolders: [{ uri: URI.file(workspace).toString(), name: 'ws' }],
      capabilities,
      ...(initializationOptions !== undefined ? { initializationOptions } : {}),
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(file: string, text: string, version = 1): Promise<string> {
    const uri = URI.file(file).toString();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: LANGUAGE_ID, version, text } });
    return uri;
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Waits until `predicate` holds, re-checking after every notification and every 50 ms; fails after `ms`. */
  async until<T>(predicate: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 10_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await predicate();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}; server stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  lastState(uri: string): DocumentState | undefined {
    return [...this.states].reverse().find((s) => s.uri === uri);
  }

  /**
   * The whole state once everything the server queued for the document before this call is done (as the
   * extension asks for it); it becomes the state later deltas build on.
   */
  async settledState(uri: string): Promise<DocumentState | null> {
    const state = await this.connection.sendRequest(DocumentStateRequest, { textDocument: { uri } });
    if (state) this.states.push(state);
    return state;
  }

  /** The server's process id (for reading its memory from /proc). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Kills the server process at once (SIGKILL), as a crash or an OOM killer would. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.kill('SIGKILL');
      await exited;
    }
    this.connection.dispose();
  }

  close(): Promise<void> {
    return stopServer(this.connection, this.child);
  }
}

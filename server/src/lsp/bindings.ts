// The only place that binds the connection to the server's methods. Each handler is a one-liner.
import {
  type Connection,
  type InitializeParams,
  type InitializeResult,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  CodeActionKind,
  type WorkDoneProgressServerReporter,
  MessageType,
  ShowMessageNotification,
  type CancellationToken,
  type ProgressToken,
} from 'vscode-languageserver';
import type { IndexProgress } from '../workspace/corpusIndexer';
import { SERVER_COMMANDS } from '../../../common/commands';
import {
  CandidatesRequest,
  RefChoicesRequest,
  AnnotateRequest,
  CorpusOfRequest,
  CorpusStatsRequest,
  DocumentStateDeltaNotification,
  ExportTrainingDataRequest,
  ImportCorpusRequest,
  DocumentStateNotification,
  DocumentStateRequest,
  RelabelRequest,
  RemoveAnnotationRequest,
  SetStatusRequest,
  TOKEN_MODIFIERS,
  TOKEN_TYPES,
} from '../../../common/protocol';
import { GazetteerKnowledge } from '../workspace/knowledgeProvider';
import { Foreground } from '../workspace/foreground';
import { HashiyaServer } from './hashiyaServer';
import type { ProgressSink } from './corpusRequests';
import { UserError } from '../session/errors';
import { isTrusted, partsFor } from './workspaceTrust';
import { CorpusViewService } from './corpusViewRequests';
import {
  AgreementRequest,
  CorpusChangedNotification,
  CorpusDocumentsRequest,
  CorpusSummariesRequest,
  RenameRefPreviewRequest,
  RenameRefRequest,
  RenderAnnotationsRequest,
} from '../../../common/corpusView';

/** Turns a user-facing error into an LSP error the client shows; anything else is logged as a bug. */
function guard<P, R>(connection: Connection, handler: (params: P) => Promise<R>): (params: P) => Promise<R | ResponseError<void>> {
  return async (params) => {
    try {
      return await handler(params);
    } catch (error) {
      // A refusal the user must read (a bad parameter, a stale or unwritable document): InvalidParams with the
      // reason. RangeError comes from the core's own checks of offsets.
      if (error instanceof UserError || error instanceof RangeError) return new ResponseError(ErrorCodes.InvalidParams, error.message);
      connection.console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      return new ResponseError(ErrorCodes.InternalError, String(error));
    }
  };
}

/** Shortest time between two reports of indexing progress: the indexer reports every few sidecars. */
const PROGRESS_EVERY_MS = 100;

/** Server-initiated progress ("Hashiya: indexing corpus 1,200/10,000") through window/workDoneProgress. */
function indexProgress(connection: Connection): IndexProgress {
  let reporter: Promise<WorkDoneProgressServerReporter> | undefined;
  let lastReport = -Infinity;
  return {
    begin: (title, total) => {
      reporter = connection.window.createWorkDoneProgress().then((r) => {
        r.begin(title, 0, `0/${total}`, false);
        return r;
      });
    },
    // At most one notification a tenth of a second: a 10,000-article corpus otherwise sends about 1,300, each
    // written here and drawn by the editor.
    report: (done, total) => {
      const now = performance.now();
      if (now - lastReport < PROGRESS_EVERY_MS && done < total) return;
      lastReport = now;
      void reporter?.then((r) => r.report(Math.round((100 * done) / total), `${done}/${total}`));
    },
    done: () => void reporter?.then((r) => r.done()),
  };
}

/** What the entry point tells the bound server: a message from the client has arrived (messageArrivals.ts). */
export interface BoundServer {
  messageArrived(): void;
}

export function bindServer(connection: Connection): BoundServer {
  let semanticRefresh = false;
  let workspaceFolderEvents = false;
  let workDoneProgress = false;
  let symbolRangesResolved = false;
  // Made at initialize, when the client has said whether the workspace is trusted (workspaceTrust.ts); every
  // handler runs after it.
  let server!: HashiyaServer;
  let views!: CorpusViewService;
  // One foreground for the server's sessions and the knowledge base: loading gazetteers and indexing the corpus
  // give way to the editor's messages.
  const foreground = new Foreground();
  const makeServer = (trusted: boolean) => {
    const parts = partsFor(trusted, new GazetteerKnowledge(undefined, foreground));
    server = new HashiyaServer({
      publishDiagnostics: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
      sendState: (state) => void connection.sendNotification(DocumentStateNotification, state),
      sendStateDelta: (delta) => void connection.sendNotification(DocumentStateDeltaNotification, delta),
      // A notification (window/showMessage), not the request form: nothing waits for the user's answer.
      showMessage: (severity, message) => void connection.sendNotification(ShowMessageNotification.type, { type: severity === 'error' ? MessageType.Error : severity === 'warning' ? MessageType.Warning : MessageType.Info, message }),
      refreshSemanticTokens: () => {
        if (semanticRefresh) void connection.languages.semanticTokens.refresh();
      },
      log: (message) => connection.console.log(message),
      progress: () => (workDoneProgress ? indexProgress(connection) : undefined),
    }, parts.knowledge, parts.files, parts.history, foreground);
    views = new CorpusViewService(server.corpusViewHost((root) => void connection.sendNotification(CorpusChangedNotification, { root })));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    semanticRefresh = params.capabilities.workspace?.semanticTokens?.refreshSupport === true;
    workspaceFolderEvents = params.capabilities.workspace?.workspaceFolders === true;
    workDoneProgress = params.capabilities.window?.workDoneProgress === true;
    makeServer(isTrusted(params.initializationOptions));
    // A client that resolves symbol ranges gets symbols without them: a query then reads no article.
    symbolRangesResolved = params.capabilities.workspace?.symbol?.resolveSupport?.properties?.includes('location.range') === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    server.setWorkspaceRoots(folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: { delta: true } },
        documentSymbolProvider: { label: 'Entities' },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.Source] },
        completionProvider: { triggerCharacters: [], resolveProvider: false },
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
        referencesProvider: true,
        workspaceSymbolProvider: { resolveProvider: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'hashiya', version: '0.1.0' },
    };
  });
  connection.onInitialized(() => {
    // Only a client that declared the capability may be asked for folder events (the library throws otherwise).
    if (workspaceFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
        server.setWorkspaceRoots(folders.map((f) => f.uri));
      });
    }
  });

  connection.onDidOpenTextDocument((p) => server.didOpen(p));
  connection.onDidChangeTextDocument((p) => server.didChange(p));
  connection.onDidCloseTextDocument((p) => server.didClose(p));
  connection.onDidChangeWatchedFiles((p) => server.didChangeWatchedFiles(p));
  connection.languages.semanticTokens.on((p) => server.semanticTokens(p));
  connection.languages.semanticTokens.onDelta((p) => server.semanticTokensDelta(p));
  connection.onDocumentSymbol((p) => server.documentSymbols(p));
  connection.onHover((p) => server.hover(p));
  connection.onCodeAction((p) => server.codeActions(p));
  connection.onCompletion((p) => server.completion(p));
  connection.onExecuteCommand(guard(connection, (p) => server.executeCommand(p)));
  connection.onRequest(CandidatesRequest, guard(connection, (p) => server.candidates(p)));
  connection.onRequest(RefChoicesRequest, guard(connection, (p) => server.refChoices(p)));
  connection.onReferences((p) => server.references(p));
  connection.onWorkspaceSymbol((p) => server.workspaceSymbols(p, symbolRangesResolved));
  connection.onWorkspaceSymbolResolve((s) => server.resolveWorkspaceSymbol(s));
  connection.onRequest(AnnotateRequest, guard(connection, (p) => server.annotate(p)));
  connection.onRequest(RemoveAnnotationRequest, guard(connection, (p) => server.removeAnnotation(p)));
  connection.onRequest(RelabelRequest, guard(connection, (p) => server.relabel(p)));
  connection.onRequest(SetStatusRequest, guard(connection, (p) => server.setStatus(p)));
  connection.onRequest(DocumentStateRequest, guard(connection, (p) => server.documentState(p)));
  // Long corpus-wide requests: progress on the token the client sent, cancellation from the request.
  const longRequest = <P extends { workDoneToken?: ProgressToken }, R>(title: string, run: (params: P, signal: AbortSignal, progress: ProgressSink) => Promise<R>) =>
    async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      const reporter = params?.workDoneToken !== undefined ? connection.window.attachWorkDoneProgress(params.workDoneToken) : undefined;
      reporter?.begin(title, 0, undefined, true);
      try {
        return await guard(connection, (p: P) => run(p, controller.signal, { report: (done, total, unit) => reporter?.report(Math.round((100 * done) / Math.max(1, total)), `${done}/${total} ${unit}`) }))(params);
      } finally {
        reporter?.done();
      }
    };
  connection.onRequest(ExportTrainingDataRequest, longRequest('Hashiya: exporting', (p, signal, progress) => server.exportTrainingData(p.options, signal, progress)));
  connection.onRequest(ImportCorpusRequest, longRequest('Hashiya: importing', (p, signal, progress) => server.importCorpus(p.options, signal, progress)));
  connection.onRequest(CorpusStatsRequest, longRequest('Hashiya: counting', (p, signal, progress) => server.corpusStats(p.root, signal, progress)));
  connection.onRequest(CorpusOfRequest, guard(connection, (p) => server.corpusOf(p?.uri)));
  connection.onRequest(RenderAnnotationsRequest, guard(connection, (p) => views.render(p)));
  connection.onRequest(CorpusSummariesRequest, guard(connection, () => views.summaries()));
  connection.onRequest(CorpusDocumentsRequest, guard(connection, (p) => views.documents(p)));
  connection.onRequest(RenameRefPreviewRequest, guard(connection, (p) => views.renamePreview(p)));
  connection.onRequest(RenameRefRequest, guard(connection, (p) => views.rename(p)));
  connection.onRequest(AgreementRequest, guard(connection, (p) => views.agreement(p)));
  connection.onShutdown(() => server.flush());
  return { messageArrived: () => foreground.arrived() };
}

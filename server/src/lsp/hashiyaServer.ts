// The language server's behaviour, independent of the transport: LSP params in, LSP results out. Each open
// article belongs to one ArticleSession (session/articleSession.ts), which alone changes it; this class routes
// events and requests to sessions and answers features from their immutable snapshots. `bindings.ts` is the
// only place that connects it to a connection.
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type {
  CodeAction,
  CodeActionParams,
  CompletionItem,
  CompletionParams,
  DidChangeTextDocumentParams,
  DidChangeWatchedFilesParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  DocumentSymbol,
  DocumentSymbolParams,
  ExecuteCommandParams,
  Hover,
  HoverParams,
  Location,
  Position,
  ReferenceParams,
  SemanticTokens,
  SemanticTokensParams,
  SymbolInformation,
  WorkspaceSymbol,
  WorkspaceSymbolParams,
} from 'vscode-languageserver';
import { FileChangeType } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  AnnotateParams,
  AnnotateResult,
  CandidateInfo,
  CandidatesParams,
  DocumentState,
  RefChoicesParams,
  RefChoicesResult,
  DocumentStateParams,
  RelabelParams,
  RelabelResult,
  RemoveAnnotationParams,
  RemoveAnnotationResult,
  SetStatusParams,
} from '../../../common/protocol';
import { type AcceptAllArgs, SERVER_COMMANDS } from '../../../common/commands';
import type { DocumentStateDelta } from '../../../common/stateDelta';
import { CONFIG_FILE, type CorpusConfig } from '../core/corpus/config';
import { parseSidecar } from '../core/sidecar/parse';
import { Normalizer } from '../core/text/normalize';
import { articleFilter } from '../core/corpus/discover';
import { articlePathFor, isSidecarPath, readFileIfExists } from '../core/sidecar/store';
import { codeActions, conflictActions, unresolvedActions } from '../features/codeActions';
import { candidateStart, completionItems, completionSpan } from '../features/completion';
import { documentSymbols } from '../features/documentSymbols';
import { hoverFor, termNote } from '../features/hover';
import { entityLocations } from '../features/locations';
import { semanticTokenData } from '../features/semanticTokens';
import { sidecarCompletionItems, sidecarValueSite } from '../features/sidecarCompletion';
import { openSuggestions } from '../features/suggestions';
import { decideSpans, refChoices } from '../features/refChoices';
import { rankOptions } from '../features/rankOptions';
import { resolveWorkspaceSymbol, workspaceSymbols, workspaceSymbolsUnresolved } from '../features/workspaceSymbols';
import { ArticleSession, prefetchFiles, type SessionHost } from '../session/articleSession';
import type { ArticleSnapshot } from '../session/articleSnapshot';
import { UserError } from '../session/errors';
import { nodeSessionFiles, type SessionFiles } from '../session/sessionFiles';
import { Corpora } from '../workspace/corpora';
import { CorpusIndexer, type IndexProgress } from '../workspace/corpusIndexer';
import { Foreground } from '../workspace/foreground';
import { factsOfAnnotations, factsOfParsed, NO_SIDECAR } from '../workspace/documentFacts';
import type { KnowledgeProvider, TextMatcher } from '../workspace/knowledge';
import * as ops from './annotationOps';
import { defaultTextCacheFolder, GitHistory, historyChain, TextCache, type TextHistory } from '../core/annotations/textHistory';
import * as corpus from './corpusRequests';
import type { CorpusViewHost } from './corpusViewRequests';
import type { ProgressSink } from './corpusRequests';
import type { ExportOverlay } from '../core/training/export';
import type { ExportRequestOptions, ImportRequestOptions } from '../../../common/training';
import { checkLabel, checkRange, checkStatus, checkUri } from './paramChecks';
import { SemanticTokenCache } from './semanticTokenCache';
import { StatePublisher } from './statePublisher';

/** What the server needs from its connection; a test can pass a recorder. */
export interface ServerHost {
  publishDiagnostics(uri: string, diagnostics: import('vscode-languageserver').Diagnostic[]): void;
  sendState(state: DocumentState): void;
  sendStateDelta(delta: DocumentStateDelta): void;
  refreshSemanticTokens(): void;
  showMessage?(severity: 'info' | 'warning' | 'error', message: string): void;
  log(message: string): void;
  /** Progress for long background work, when the client supports it. */
  progress?(): IndexProgress | undefined;
}

export { UserError } from '../session/errors';

export class HashiyaServer {
  private readonly sessions = new Map<string, ArticleSession>();
  /** Opens in flight (locating the corpus, building its matcher): events for the uri wait for them. */
  private readonly opening = new Map<string, Promise<ArticleSession | undefined>>();
  /** Sidecars open in the editor (as JSON): only completion of label and ref values is offered there. */
  private readonly sidecarDocuments = new Map<string, TextDocument>();
  /** Matchers ready for use, by corpus root: editing never waits for one to build. */
  private readonly matchers = new Map<string, TextMatcher>();
  private readonly matcherBuilds = new Map<string, Promise<TextMatcher | undefined>>();
  private workspaceRoots: string[] = [];
  private readonly corpora = new Corpora(() => this.workspaceRoots);
  private readonly indexer: CorpusIndexer;
  private readonly publisher: StatePublisher;
  private readonly tokens = new SemanticTokenCache();
  private readonly sessionHost: SessionHost;

  constructor(
    private readonly host: ServerHost,
    private readonly knowledge?: KnowledgeProvider,
    private readonly files: SessionFiles = nodeSessionFiles,
    history: TextHistory | undefined = historyChain(new TextCache(defaultTextCacheFolder()), new GitHistory()),
    /** The editor's work in flight (opening articles, their queues): the corpus index waits while there is any. */
    private readonly foreground = new Foreground(),
  ) {
    this.indexer = new CorpusIndexer(() => host.progress?.(), this.foreground);
    this.publisher = new StatePublisher(host);
    this.sessionHost = {
      files,
      history,
      matcher: (corpus) => this.matchers.get(corpus.root),
      publish: (snapshot, edits) => {
        this.publisher.publish(snapshot, edits);
        // Annotations changed without a text edit: the client would not ask for tokens again by itself.
        if (edits.length === 0) host.refreshSemanticTokens();
      },
      written: (snapshot) => void this.indexer.update(snapshot.corpus.root, snapshot.path, snapshot.annotations.entities, factsOfAnnotations(snapshot.annotations, snapshot.health)).then(() => this.corpusLearned(snapshot.corpus)),
      message: (severity, message) => host.showMessage?.(severity, message),
      log: (message) => host.log(message),
      working: (task) => void this.foreground.track(task),
    };
  }

  setWorkspaceRoots(uris: string[]): void {
    this.workspaceRoots = uris.map((u) => URI.parse(u).fsPath);
  }

  // ---- knowledge -------------------------------------------------------------------------------------------------

  /** Builds the matcher of a corpus once (in the background for later calls); resolves when it is ready. */
  private ensureMatcher(corpus: CorpusConfig): Promise<TextMatcher | undefined> {
    if (!this.knowledge) return Promise.resolve(undefined);
    const key = corpus.root;
    let build = this.matcherBuilds.get(key);
    if (!build) {
      build = this.knowledge.matcherFor(corpus, undefined).then(
        (matcher) => {
          this.matchers.set(key, matcher);
          return matcher;
        },
        (error: Error) => {
          this.host.log(`knowledge base for ${corpus.root}: ${error.message}`);
          this.host.showMessage?.('error', `Hashiya: the knowledge base of ${corpus.root} could not be loaded: ${error.message}`);
          return undefined;
        },
      );
      this.matcherBuilds.set(key, build);
    }
    return build;
  }

  /** The corpus index learned something: corpus memory (suggestions from confirmed entities) updates. */
  private corpusLearned(corpus: CorpusConfig): void {
    const index = this.indexer.peek(corpus.root);
    if (index && this.knowledge?.corpusChanged) void index.then((i) => this.knowledge!.corpusChanged!(corpus, i));
  }

  /** Indexes a corpus in the background (hover counts, references, symbols, corpus memory). */
  private indexInBackground(corpus: CorpusConfig): void {
    if (this.indexer.peek(corpus.root)) return;
    void this.indexer
      .index(corpus)
      .then((index) => this.knowledge?.corpusChanged?.(corpus, index))
      .catch((e: Error) => this.host.log(`indexing ${corpus.root} failed: ${e.message}`));
  }

  // ---- document lifecycle ------------------------------------------------------------------------------------

  didOpen(params: DidOpenTextDocumentParams): Promise<void> {
    const { uri, languageId, version, text } = params.textDocument;
    if (isSidecarPath(uri)) {
      this.sidecarDocuments.set(uri, TextDocument.create(uri, languageId, version, text));
      return Promise.resolve();
    }
    const opening = this.foreground.track(this.openSession(uri, text, version));
    this.opening.set(uri, opening);
    return opening.then(
      () => {
        if (this.opening.get(uri) === opening) this.opening.delete(uri);
      },
      (error: Error) => {
        if (this.opening.get(uri) === opening) this.opening.delete(uri);
        this.host.log(`opening ${uri} failed: ${error.stack ?? error.message}`);
      },
    );
  }

  private async openSession(uri: string, text: string, version: number): Promise<ArticleSession | undefined> {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    const file = parsed.fsPath;
    // The article (for its byte order mark) and its sidecar are read while the corpus is located, not after.
    const reads = prefetchFiles(this.sessionHost.files, file);
    const location = await this.corpora.locate(file);
    if (!location) return undefined;
    const corpus = (await this.corpora.get(location.root)).config;
    const session = new ArticleSession(this.sessionHost, uri, file, corpus);
    this.sessions.set(uri, session);
    const opened = session.open(text, version, reads).catch((e: Error) => this.host.log(`opening ${file}: ${e.stack ?? e.message}`));
    // The article opens at once with its annotations; the knowledge base (loaded once per corpus) and the corpus
    // index start after it and bring suggestions and corpus counts when ready: neither opening nor typing waits.
    // Both wait until the editor is quiet (the open done, a keystroke sent with it handled).
    void opened.then(() => this.foreground.idle()).then(() => {
      if (this.knowledge && !this.matchers.has(corpus.root)) {
        // The suggestions come once the editor is quiet: a keystroke that arrived meanwhile is answered first.
        void this.ensureMatcher(corpus).then(async (matcher) => {
          if (!matcher) return;
          await this.foreground.idle();
          if (this.sessions.get(uri) === session) await session.rematch();
        });
      }
      this.indexInBackground(corpus);
    });
    return session;
  }

  /** The session of an open article (after its open has been queued), or undefined. */
  private async sessionFor(uri: string): Promise<ArticleSession | undefined> {
    return this.sessions.get(uri) ?? (await this.opening.get(uri));
  }

  private async snapshotFor(uri: string): Promise<ArticleSnapshot | undefined> {
    const session = await this.sessionFor(uri);
    return session ? session.settled() : undefined;
  }

  private async requireSession(uri: unknown): Promise<ArticleSession> {
    const session = await this.sessionFor(checkUri(uri));
    if (!session) throw new UserError('This document is not an article of a Hashiya corpus (no hashiya.json above it and no sidecar beside it).');
    return session;
  }

  async didChange(params: DidChangeTextDocumentParams): Promise<void> {
    const uri = params.textDocument.uri;
    const sidecar = this.sidecarDocuments.get(uri);
    if (sidecar) {
      this.sidecarDocuments.set(uri, TextDocument.update(sidecar, params.contentChanges, params.textDocument.version));
      return;
    }
    // Queued synchronously when the session exists, so that edits keep their order.
    const session = this.sessions.get(uri) ?? (await this.opening.get(uri));
    await session?.edit(params.contentChanges, params.textDocument.version);
  }

  async didClose(params: DidCloseTextDocumentParams): Promise<void> {
    const uri = params.textDocument.uri;
    if (this.sidecarDocuments.delete(uri)) return;
    const session = await this.sessionFor(uri);
    if (!session) return;
    this.sessions.delete(uri);
    this.tokens.forget(uri);
    await session.close();
    this.publisher.forget(uri, session.sidecarPath);
  }

  async didChangeWatchedFiles(params: DidChangeWatchedFilesParams): Promise<void> {
    for (const change of params.changes) {
      const file = URI.parse(change.uri).fsPath;
      if (path.basename(file) === CONFIG_FILE) {
        await this.configChanged(path.dirname(file));
        continue;
      }
      if (isSidecarPath(file)) {
        await this.reindexSidecar(file);
        for (const session of this.sessions.values()) if (session.sidecarPath === file) await session.sidecarChanged();
      } else if (change.type !== FileChangeType.Changed) {
        await this.articleCreatedOrDeleted(file, change.type === FileChangeType.Created);
      }
    }
  }

  /** hashiya.json changed: a new configuration, a new matcher, every open article of the corpus matched again. */
  private async configChanged(root: string): Promise<void> {
    this.corpora.invalidate(root);
    this.matchers.delete(root);
    this.matcherBuilds.delete(root);
    this.indexer.forget(root);
    const affected = [...this.sessions.values()].filter((s) => s.corpusRoot === root);
    if (affected.length === 0) return;
    const corpus = (await this.corpora.get(root)).config;
    await this.ensureMatcher(corpus);
    await Promise.all(affected.map((s) => s.reconfigure(corpus)));
    this.indexInBackground(corpus);
    this.host.refreshSemanticTokens();
  }

  /** A file appeared or went away: if it is an article of an indexed corpus, the index (and corpus tree) follow. */
  private async articleCreatedOrDeleted(file: string, exists: boolean): Promise<void> {
    const location = await this.corpora.locate(file);
    if (!location || !this.indexer.peek(location.root)) return;
    if (!articleFilter((await this.corpora.get(location.root)).config)(file)) return;
    await this.indexer.articleCreatedOrDeleted(location.root, file, exists);
  }

  /** A sidecar changed on disk (git checkout, another tool): the corpus index learns its entities. */
  private async reindexSidecar(sidecarPath: string): Promise<void> {
    const articlePath = articlePathFor(sidecarPath);
    const location = await this.corpora.locate(articlePath);
    if (!location || !this.indexer.peek(location.root)) return;
    const text = await readFileIfExists(sidecarPath).catch(() => undefined);
    const parsed = text === undefined ? undefined : parseSidecar(text);
    await this.indexer.update(location.root, articlePath, parsed?.sidecar?.entities, parsed ? factsOfParsed(parsed) : NO_SIDECAR);
  }

  // ---- annotation requests -----------------------------------------------------------------------------------

  async annotate(params: AnnotateParams): Promise<AnnotateResult> {
    return (await this.requireSession(params?.textDocument?.uri)).mutate((draft) => ops.annotate(draft, params));
  }

  async removeAnnotation(params: RemoveAnnotationParams): Promise<RemoveAnnotationResult> {
    return (await this.requireSession(params?.textDocument?.uri)).mutate((draft) => ops.removeAnnotation(draft, params));
  }

  async relabel(params: RelabelParams): Promise<RelabelResult> {
    return (await this.requireSession(params?.textDocument?.uri)).mutate((draft) => ops.relabel(draft, params));
  }

  async setStatus(params: SetStatusParams): Promise<DocumentState | null> {
    const status = checkStatus(params?.status);
    const session = await this.requireSession(params?.textDocument?.uri);
    await session.mutate((draft) => {
      draft.annotations.status = status;
    });
    return this.publisher.stateOf(session.snapshot);
  }

  /** The whole state, for a client that missed a delta or starts late. */
  async documentState(params: DocumentStateParams): Promise<DocumentState | null> {
    const session = await this.sessionFor(params?.textDocument?.uri);
    if (!session) return null;
    await session.settledOnDisk();
    // The latest snapshot (edits may have run since the queue settled): it holds every edit not yet sent.
    return this.publisher.resend(session.snapshot);
  }

  /** The server commands behind code actions, completions and the client's own commands. */
  async executeCommand(params: ExecuteCommandParams): Promise<unknown> {
    const args = params.arguments?.[0];
    if (!args || typeof args !== 'object') throw new UserError(`${params.command} needs an argument object`);
    const session = await this.requireSession((args as { uri?: unknown }).uri);
    switch (params.command) {
      case SERVER_COMMANDS.accept:
        return session.mutate((d) => ops.accept(d, args));
      case SERVER_COMMANDS.reject:
        return session.mutate((d) => ops.reject(d, args));
      case SERVER_COMMANDS.acceptAll:
        return this.acceptAll(session, args);
      case SERVER_COMMANDS.remove:
        return session.mutate((d) => ops.remove(d, args));
      case SERVER_COMMANDS.relabel:
        return session.mutate((d) => ops.relabelCommand(d, args));
      case SERVER_COMMANDS.fitToWords:
        return session.mutate((d) => ops.fitToWordsCommand(d, args));
      case SERVER_COMMANDS.annotateAll:
        return session.mutate((d) => ops.annotateAll(d, args));
      case SERVER_COMMANDS.removeUnresolved:
        return session.mutate((d) => ops.removeUnresolved(d, args));
      case SERVER_COMMANDS.placeUnresolved:
        return session.mutate((d) => ops.placeUnresolved(d, args));
      case SERVER_COMMANDS.undo:
        return session.undo();
      case SERVER_COMMANDS.redo:
        return session.redo();
      case SERVER_COMMANDS.resolveConflict: {
        const { key, choice } = args as { key?: unknown; choice?: unknown };
        if (typeof key !== 'string' || !['ours', 'theirs', 'both'].includes(choice as string)) throw new UserError('resolveConflict needs a conflict key and a choice: ours, theirs or both');
        return session.resolveConflict(key, choice as 'ours' | 'theirs' | 'both');
      }
      default:
        throw new UserError(`Unknown command ${params.command}`);
    }
  }

  /** Accept-all accepts a span that several refs could fill only when the context decides; the rest stay pending. */
  private async acceptAll(session: ArticleSession, args: AcceptAllArgs): Promise<number> {
    const corpusConfig = session.snapshot.corpus;
    const matcher = this.matchers.get(corpusConfig.root);
    const index = matcher ? await this.indexer.index(corpusConfig) : undefined;
    let pending = 0;
    const accepted = await session.mutate((d) => {
      // Decided on the text the accept applies to.
      const concerned = openSuggestions(d.snapshot).filter((s) => (args.label === undefined || s.label === args.label) && (args.text === undefined || d.annotations.slice(s.start, s.end) === args.text));
      const decisions = matcher && args.ref === undefined ? decideSpans(d.snapshot, matcher, index, concerned) : undefined;
      pending = decisions ? [...decisions.values()].filter((ref) => ref === null).length : 0;
      return ops.acceptAll(d, args, decisions);
    });
    if (pending > 0) {
      this.host.showMessage?.('info', `Accepted ${accepted} suggestion${accepted === 1 ? '' : 's'}; ${pending} left pending because several refs fit and the context does not decide: accept each to choose its ref.`);
    }
    return accepted;
  }

  // ---- language features (read snapshots) --------------------------------------------------------------------

  async semanticTokens(params: SemanticTokensParams): Promise<SemanticTokens> {
    const snapshot = await this.snapshotFor(params.textDocument.uri);
    if (!snapshot) return { data: [] };
    return this.tokens.full(snapshot.uri, semanticTokenData(snapshot, openSuggestions(snapshot)));
  }

  async semanticTokensDelta(params: { textDocument: { uri: string }; previousResultId: string }) {
    const snapshot = await this.snapshotFor(params.textDocument.uri);
    if (!snapshot) return { data: [] };
    return this.tokens.delta(snapshot.uri, params.previousResultId, semanticTokenData(snapshot, openSuggestions(snapshot)));
  }

  async documentSymbols(params: DocumentSymbolParams): Promise<DocumentSymbol[]> {
    const snapshot = await this.snapshotFor(params.textDocument.uri);
    return snapshot ? documentSymbols(snapshot) : [];
  }

  async hover(params: HoverParams): Promise<Hover | null> {
    const snapshot = await this.snapshotFor(params.textDocument.uri);
    if (!snapshot) return null;
    const offset = snapshot.toCodePoint(params.position);
    const entity = snapshot.annotations.entitiesAt(offset)[0];
    // Corpus counts only once the index is built: a hover never waits for indexing.
    const index = this.indexer.ready(snapshot.corpus.root);
    const matcher = this.matchers.get(snapshot.corpus.root);
    if (entity) {
      const kb = entity.ref ? matcher?.describe(entity.ref) : undefined;
      const note = entity.ref ? termNote(matcher?.entry(entity.ref), snapshot.path) : undefined;
      const subject = { ...entity, ...(kb?.name ? { name: kb.name } : {}), ...(kb?.description ? { description: kb.description } : {}), ...(note ? { termNote: note } : {}), source: kb ? `${kb.source}; confirmed by an annotator` : 'manual', suggested: false };
      return hoverFor(snapshot, subject, index?.occurrences(entity));
    }
    const suggestion = openSuggestions(snapshot).find((s) => s.start <= offset && offset <= s.end);
    if (!suggestion) return null;
    const text = snapshot.annotations.slice(suggestion.start, suggestion.end);
    const note = suggestion.ref ? termNote(matcher?.entry(suggestion.ref), snapshot.path) : undefined;
    return hoverFor(snapshot, { ...suggestion, text, ...(note ? { termNote: note } : {}), suggested: true }, index?.occurrences({ ...suggestion, text }));
  }

  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const snapshot = await this.snapshotFor(params.textDocument.uri);
    // Every action changes annotations: none is offered where nothing may be written (restricted mode).
    if (!snapshot || this.files.whyNotWritable(snapshot.sidecarPath)) return [];
    const from = snapshot.toCodePoint(params.range.start);
    const to = snapshot.toCodePoint(params.range.end);
    return [...conflictActions(snapshot, from, to), ...unresolvedActions(snapshot, params.context?.diagnostics ?? []), ...codeActions(snapshot, from, to, openSuggestions(snapshot))];
  }

  async completion(params: CompletionParams): Promise<CompletionItem[]> {
    const sidecar = this.sidecarDocuments.get(params.textDocument.uri);
    if (sidecar) return this.sidecarCompletion(sidecar, params.position);
    const snapshot = await this.snapshotFor(params.textDocument.uri);
    // A completion in an article annotates: none where nothing may be written (restricted mode).
    if (!snapshot || this.files.whyNotWritable(snapshot.sidecarPath)) return [];
    const offset = snapshot.toCodePoint(params.position);
    const span = completionSpan(snapshot, offset, offset);
    const matcher = this.matchers.get(snapshot.corpus.root);
    if (!span || !matcher) return [];
    const query = snapshot.annotations.slice(span.start, span.end);
    return completionItems(snapshot, span, matcher.rank(query, 50, rankOptions(snapshot, matcher, this.indexer.ready(snapshot.corpus.root), query)));
  }

  /** Label and ref values of a sidecar's entities, from its corpus's labels and knowledge base. */
  private async sidecarCompletion(document: TextDocument, position: Position): Promise<CompletionItem[]> {
    const text = document.getText();
    const site = sidecarValueSite(text, document.offsetAt(position));
    if (!site) return [];
    const location = await this.corpora.locate(articlePathFor(URI.parse(document.uri).fsPath, site.articleName));
    if (!location) return [];
    const corpus = (await this.corpora.get(location.root)).config;
    const matcher = await this.ensureMatcher(corpus);
    return sidecarCompletionItems(site, { labels: corpus.labels, ...(matcher ? { rank: (q, limit) => matcher.rank(q, limit) } : {}) }, (start, end) => ({
      start: document.positionAt(start),
      end: document.positionAt(end),
    }));
  }

  async candidates(params: CandidatesParams): Promise<CandidateInfo[]> {
    const session = await this.requireSession(params?.textDocument?.uri);
    const snapshot = await session.settled();
    const { start, end } = checkRange(snapshot, params.range, true);
    const span = completionSpan(snapshot, start, end);
    const matcher = await this.ensureMatcher(snapshot.corpus);
    if (!span || !matcher) return [];
    const query = snapshot.annotations.slice(span.start, span.end);
    return matcher.rank(query, params.limit ?? 30, rankOptions(snapshot, matcher, this.indexer.ready(snapshot.corpus.root), query)).map((c) => ({ ...c, range: snapshot.toRange(candidateStart(snapshot, span, c), span.end) }));
  }

  /** The refs a span may stand for, the corpus's first, with the context's choice and whether it decides. */
  async refChoices(params: RefChoicesParams): Promise<RefChoicesResult> {
    const session = await this.requireSession(params?.textDocument?.uri);
    const snapshot = await session.settled();
    const { start, end } = checkRange(snapshot, params.range, false);
    const label = params.label === undefined ? undefined : checkLabel(snapshot.corpus, params.label);
    const matcher = await this.ensureMatcher(snapshot.corpus);
    if (!matcher) return { text: snapshot.annotations.slice(start, end), choices: [], preselect: -1, decisive: false };
    return refChoices(snapshot, matcher, await this.indexer.index(snapshot.corpus), start, end, label);
  }

  /** Every occurrence of the entity at the cursor across the corpus: same ref, or same label and text. */
  async references(params: ReferenceParams): Promise<Location[]> {
    const snapshot = await this.snapshotFor(params.textDocument.uri);
    if (!snapshot) return [];
    const entity = snapshot.annotations.entitiesAt(snapshot.toCodePoint(params.position))[0];
    if (!entity) return [];
    const index = await this.indexer.index(snapshot.corpus);
    const normalizer = new Normalizer(snapshot.corpus.normalization);
    return (await entityLocations(index.find(entity, (text) => normalizer.normalizeString(text)), (file) => this.openText(file))).map((found) => found.location);
  }

  /**
   * Entities of the open articles' corpora matching the query. `resolveLater`: the client resolves ranges
   * (workspaceSymbol/resolve), so symbols carry their article's URI only and no article is read here.
   */
  async workspaceSymbols(params: WorkspaceSymbolParams, resolveLater = false): Promise<SymbolInformation[] | WorkspaceSymbol[]> {
    const corpora = new Map<string, CorpusConfig>();
    for (const s of this.sessions.values()) corpora.set(s.corpusRoot, s.snapshot.corpus);
    const results: Array<SymbolInformation | WorkspaceSymbol> = [];
    for (const corpus of corpora.values()) {
      const index = await this.indexer.index(corpus);
      const found = resolveLater ? workspaceSymbolsUnresolved(index, params.query, corpus) : await workspaceSymbols(index, params.query, corpus, (file) => this.openText(file));
      for (const symbol of found) results.push(symbol);
    }
    return results as SymbolInformation[] | WorkspaceSymbol[];
  }

  resolveWorkspaceSymbol(symbol: WorkspaceSymbol): Promise<WorkspaceSymbol> {
    return resolveWorkspaceSymbol(symbol, (file) => this.openText(file));
  }

  private openText(file: string): string | undefined {
    for (const session of this.sessions.values()) if (session.path === file) return session.snapshot.text;
    return undefined;
  }

  // ---- corpus-wide requests ----------------------------------------------------------------------------------

  /** Open articles of the corpus at `root`, as the editor has them. */
  private async overlayFor(root: string): Promise<ExportOverlay> {
    const overlay = new Map<string, { text: string; hasBom: boolean; sidecarText: string }>();
    const resolved = path.resolve(root);
    for (const session of this.sessions.values()) {
      if (session.corpusRoot !== resolved) continue;
      const view = await session.exportView();
      if (view) overlay.set(session.path, view);
    }
    return overlay;
  }

  async exportTrainingData(options: ExportRequestOptions, signal: AbortSignal, progress: ProgressSink) {
    this.refuseWrites(options?.out);
    return corpus.exportTrainingData(options, await this.overlayFor(options?.root ?? ''), signal, progress);
  }

  async importCorpus(options: ImportRequestOptions, signal: AbortSignal, progress: ProgressSink) {
    this.refuseWrites(options?.out);
    return corpus.importTrainingData(options, signal, progress);
  }

  corpusStats(root: string, signal: AbortSignal, progress: ProgressSink) {
    return corpus.statistics(root, signal, progress);
  }

  /** Refuses a request that writes `target` where nothing may be written (restricted mode). */
  private refuseWrites(target: unknown): void {
    const restricted = this.files.whyNotWritable(typeof target === 'string' ? path.resolve(target) : '');
    if (restricted) throw new UserError(restricted);
  }

  /** The corpus a file belongs to (for the client deciding which .txt files are articles). */
  async corpusOf(uri: string): Promise<{ root: string } | null> {
    const parsed = URI.parse(checkUri(uri));
    if (parsed.scheme !== 'file') return null;
    const location = await this.corpora.locate(parsed.fsPath);
    return location ? { root: location.root } : null;
  }

  /** What the corpus maintainer's requests (corpusViewRequests.ts) read and change, through the sessions. */
  corpusViewHost(notifyChanged: (root: string) => void): CorpusViewHost {
    return {
      workspaceRoots: () => this.workspaceRoots,
      sessions: () => this.sessions.values(),
      sessionFor: (uri) => this.sessionFor(uri),
      corpora: this.corpora,
      indexer: this.indexer,
      index: (config) => {
        this.indexInBackground(config);
        return this.indexer.index(config);
      },
      matcher: (root) => this.matchers.get(root),
      files: this.sessionHost.files,
      restricted: this.sessionHost.files.whyNotWritable(''),
      notifyChanged,
      log: (message) => this.host.log(message),
      pacer: () => this.foreground.pacer(),
    };
  }

  /** Writes pending sidecars (on shutdown). */
  async flush(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.flush()));
  }
}

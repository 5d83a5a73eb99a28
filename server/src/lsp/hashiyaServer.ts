// The language server's behaviour, independent of the transport: each method takes LSP params and returns LSP
// results. `bindings.ts` is the only place that connects it to a connection.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type {
  DidChangeTextDocumentParams,
  DidChangeWatchedFilesParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  Diagnostic,
  DocumentSymbol,
  DocumentSymbolParams,
  CodeAction,
  CodeActionParams,
  CompletionItem,
  CompletionParams,
  ExecuteCommandParams,
  Hover,
  HoverParams,
  Location,
  Position,
  ReferenceParams,
  SymbolInformation,
  WorkspaceSymbolParams,
  SemanticTokens,
  SemanticTokensParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CandidateInfo,
  CandidatesParams,
  AnnotateParams,
  AnnotateResult,
  DocumentState,
  DocumentStateParams,
  RelabelParams,
  RelabelResult,
  RemoveAnnotationParams,
  RemoveAnnotationResult,
  SetStatusParams,
} from '../../../common/protocol';
import { DocumentAnnotations } from '../core/annotations/documentAnnotations';
import { CONFIG_FILE } from '../core/corpus/config';
import { articleBytes, sha256Hex } from '../core/text/hash';
import { parseSidecar } from '../core/sidecar/parse';
import { serializeSidecar } from '../core/sidecar/serialize';
import { articlePathFor, isSidecarPath, readFileIfExists, sidecarPathFor, writeFileAtomic } from '../core/sidecar/store';
import { DOCUMENT_STATUSES, sameSpanAndLabel } from '../core/sidecar/types';
import { articleDiagnostics, sidecarDiagnostics } from '../features/diagnostics';
import { documentState, entityInfo } from '../features/documentState';
import { documentSymbols } from '../features/documentSymbols';
import { codeActions, fitToWords, SERVER_COMMANDS, type SpanArgs, wordOccurrences } from '../features/codeActions';
import { candidateStart, completionItems, completionSpan } from '../features/completion';
import { openSuggestions, suggestionInfos } from '../features/suggestions';
import { sidecarCompletionItems, sidecarValueSite } from '../features/sidecarCompletion';
import type { KnowledgeProvider, TextMatcher } from '../workspace/knowledge';
import { hoverFor } from '../features/hover';
import { entityLocations } from '../features/locations';
import { workspaceSymbols } from '../features/workspaceSymbols';
import { CorpusIndexer, type IndexProgress } from '../workspace/corpusIndexer';
import { semanticTokenData } from '../features/semanticTokens';
import { Corpora } from '../workspace/corpora';
import { OpenArticle } from '../workspace/openArticle';

/** What the server needs from its connection; a test can pass a recorder. */
export interface ServerHost {
  publishDiagnostics(uri: string, diagnostics: Diagnostic[]): void;
  sendState(state: DocumentState): void;
  refreshSemanticTokens(): void;
  log(message: string): void;
  /** Progress for long background work, when the client supports it. */
  progress?(): IndexProgress | undefined;
}

/** A request the user must be told about (shown as an error message by the client). */
export class UserError extends Error {}

/** Typing pauses this long before the sidecar is rewritten with the moved offsets. */
const TYPING_WRITE_DELAY_MS = 150;

export class HashiyaServer {
  private readonly articles = new Map<string, OpenArticle>();
  /** Sidecars open in the editor (as JSON): only completion of label and ref values is offered there. */
  private readonly sidecarDocuments = new Map<string, TextDocument>();
  /** Loads in flight, so that changes arriving meanwhile wait for them. */
  private readonly loading = new Map<string, Promise<OpenArticle | undefined>>();
  private workspaceRoots: string[] = [];
  private readonly corpora = new Corpora(() => this.workspaceRoots);
  private readonly indexer: CorpusIndexer;

  constructor(
    private readonly host: ServerHost,
    private readonly knowledge?: KnowledgeProvider,
  ) {
    this.indexer = new CorpusIndexer(() => host.progress?.());
  }

  /** The matcher of an article's corpus (undefined when no knowledge base is configured). */
  private async matcher(article: OpenArticle): Promise<TextMatcher | undefined> {
    if (!this.knowledge) return undefined;
    const index = await this.indexer.peek(article.corpus.root);
    return this.knowledge.matcherFor(article.corpus, index);
  }

  private async matchArticle(article: OpenArticle): Promise<void> {
    const matcher = await this.matcher(article).catch((e: Error) => {
      this.host.log(`knowledge base for ${article.corpus.root}: ${e.message}`);
      return undefined;
    });
    article.candidates = matcher ? matcher.matchAll(article.document.getText(), article.annotations.index) : [];
  }

  setWorkspaceRoots(uris: string[]): void {
    this.workspaceRoots = uris.map((u) => URI.parse(u).fsPath);
  }

  // ---- document lifecycle -------------------------------------------------------------------------------------

  async didOpen(params: DidOpenTextDocumentParams): Promise<void> {
    const { uri, languageId, version, text } = params.textDocument;
    if (isSidecarPath(uri)) {
      this.sidecarDocuments.set(uri, TextDocument.create(uri, languageId, version, text));
      return;
    }
    const load = this.load(uri, TextDocument.create(uri, languageId, version, text));
    this.loading.set(uri, load);
    try {
      const article = await load;
      if (article) this.publish(article);
    } finally {
      if (this.loading.get(uri) === load) this.loading.delete(uri);
    }
  }

  private async load(uri: string, document: TextDocument): Promise<OpenArticle | undefined> {
    const parsedUri = URI.parse(uri);
    if (parsedUri.scheme !== 'file') return undefined;
    const file = parsedUri.fsPath;
    const location = await this.corpora.locate(file);
    if (!location) return undefined;
    const corpus = await this.corpora.get(location.root);
    const bytes = await fs.readFile(file).catch(() => undefined);
    const hasBom = bytes !== undefined && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const sidecarPath = sidecarPathFor(file);
    const article = new OpenArticle(uri, file, document, DocumentAnnotations.empty(document.getText()), corpus.config, sidecarPath, hasBom, 'missing', [], undefined, { moved: [], unresolved: [] });
    await this.readSidecar(article, true);
    await this.matchArticle(article);
    this.articles.set(uri, article);
    // The corpus index (hover counts, references, symbols, corpus memory) builds in the background.
    void this.indexer
      .index(corpus.config)
      .then((index) => this.knowledge?.corpusChanged?.(corpus.config, index))
      .catch((e: Error) => this.host.log(`indexing ${corpus.config.root} failed: ${e.message}`));
    return article;
  }

  /** (Re)reads the sidecar of `article` and places its annotations on the current text. */
  private async readSidecar(article: OpenArticle, repair: boolean): Promise<void> {
    const sidecarText = await readFileIfExists(article.sidecarPath);
    article.sidecarText = sidecarText;
    const text = article.document.getText();
    if (sidecarText === undefined) {
      article.health = 'missing';
      article.sidecarProblems = [];
      article.annotations = DocumentAnnotations.empty(text);
      article.loadReport = { moved: [], unresolved: [] };
      return;
    }
    const parsed = parseSidecar(sidecarText);
    article.sidecarProblems = parsed.problems;
    if (!parsed.sidecar) {
      // Never overwritten: the annotator fixes it (the diagnostics show where), then it is read again.
      article.health = 'corrupt';
      article.annotations = DocumentAnnotations.empty(text);
      article.loadReport = { moved: [], unresolved: [] };
      return;
    }
    article.health = 'ok';
    const { annotations, report } = DocumentAnnotations.fromSidecar(text, parsed.sidecar);
    article.annotations = annotations;
    article.loadReport = report;
    article.lastWritten = sidecarText;
    const sha = this.shaOf(article);
    if (repair && parsed.sidecar.sha256 !== sha) {
      // The article changed since the sidecar was written (or unsaved edits were discarded): write the
      // re-anchored annotations against this text, unresolved ones included.
      await this.writeNow(article);
    }
  }

  async didChange(params: DidChangeTextDocumentParams): Promise<void> {
    const uri = params.textDocument.uri;
    const sidecar = this.sidecarDocuments.get(uri);
    if (sidecar) {
      this.sidecarDocuments.set(uri, TextDocument.update(sidecar, params.contentChanges, params.textDocument.version));
      return;
    }
    await this.loading.get(uri);
    const article = this.articles.get(uri);
    if (!article) return;
    await article.serialize(async () => {
      let moved = false;
      const matcher = this.knowledge ? await this.matcher(article).catch(() => undefined) : undefined;
      for (const change of params.contentChanges) {
        const doc = article.document;
        const [start, end] = 'range' in change ? [doc.offsetAt(change.range.start), doc.offsetAt(change.range.end)] : [0, doc.getText().length];
        const oldIndex = article.annotations.index;
        moved = article.annotations.applyChange(start, end, change.text) || moved;
        article.document = TextDocument.update(doc, [change], params.textDocument.version);
        if (matcher) {
          article.candidates = matcher.rematch(article.candidates, oldIndex, article.annotations.text, article.annotations.index, { start, end, inserted: change.text });
        }
      }
      if (moved || article.health === 'ok') this.scheduleWrite(article);
      this.publish(article);
    });
  }

  async didClose(params: DidCloseTextDocumentParams): Promise<void> {
    if (this.sidecarDocuments.delete(params.textDocument.uri)) return;
    const article = this.articles.get(params.textDocument.uri);
    if (!article) return;
    await article.serialize(async () => {
      if (article.writeTimer) {
        clearTimeout(article.writeTimer);
        article.writeTimer = undefined;
        await this.writeNow(article);
      }
    });
    this.articles.delete(params.textDocument.uri);
    this.host.publishDiagnostics(params.textDocument.uri, []);
  }

  async didChangeWatchedFiles(params: DidChangeWatchedFilesParams): Promise<void> {
    for (const change of params.changes) {
      const file = URI.parse(change.uri).fsPath;
      if (path.basename(file) === CONFIG_FILE) {
        this.corpora.invalidate(path.dirname(file));
        for (const article of this.articles.values()) {
          if (article.corpus.root !== path.dirname(file)) continue;
          const corpus = await this.corpora.get(article.corpus.root);
          article.corpus = corpus.config;
          this.publish(article);
        }
        this.host.refreshSemanticTokens();
        continue;
      }
      if (file.endsWith('.ann.json')) await this.reindexSidecar(file);
      for (const article of this.articles.values()) {
        if (article.sidecarPath !== file) continue;
        await article.serialize(async () => {
          const onDisk = await readFileIfExists(file);
          if (onDisk !== undefined && onDisk === article.lastWritten) return; // our own write
          await this.readSidecar(article, false);
          this.publish(article);
        });
      }
    }
  }

  /** A sidecar changed on disk (git checkout, another tool): the corpus index learns its entities. */
  private async reindexSidecar(sidecarPath: string): Promise<void> {
    const articlePath = sidecarPath.replace(/\.ann\.json$/, '.txt');
    const location = await this.corpora.locate(articlePath);
    if (!location || !this.indexer.peek(location.root)) return;
    const text = await readFileIfExists(sidecarPath);
    await this.indexer.update(location.root, articlePath, text === undefined ? undefined : parseSidecar(text).sidecar?.entities);
  }

  // ---- writing ------------------------------------------------------------------------------------------------

  private shaOf(article: OpenArticle): string {
    return sha256Hex(articleBytes(article.document.getText(), article.hasBom));
  }

  private scheduleWrite(article: OpenArticle): void {
    if (article.health === 'corrupt') return;
    if (article.health === 'missing' && article.annotations.entities.length === 0 && article.annotations.rejected.length === 0) return;
    if (article.writeTimer) clearTimeout(article.writeTimer);
    article.writeTimer = setTimeout(() => {
      article.writeTimer = undefined;
      void article.serialize(() => this.writeNow(article)).catch((e: Error) => this.host.log(`could not write ${article.sidecarPath}: ${e.message}`));
    }, TYPING_WRITE_DELAY_MS);
  }

  /** Writes the sidecar for the current text. Refuses to write over a sidecar that could not be read. */
  private async writeNow(article: OpenArticle): Promise<void> {
    if (article.health === 'corrupt') {
      throw new UserError(`${article.sidecarPath} has errors (see Problems); fix it before annotating — it is never overwritten`);
    }
    if (article.writeTimer) {
      clearTimeout(article.writeTimer);
      article.writeTimer = undefined;
    }
    const content = serializeSidecar(article.annotations.toSidecar(path.basename(article.path), this.shaOf(article)));
    if (content === article.lastWritten && article.sidecarText === content) return;
    // Somebody else changed the sidecar on disk since we read it: do not overwrite their work blindly.
    const onDisk = await readFileIfExists(article.sidecarPath);
    if (onDisk !== undefined && onDisk !== article.lastWritten && onDisk !== content) {
      const reparsed = parseSidecar(onDisk);
      if (!reparsed.sidecar) {
        article.health = 'corrupt';
        article.sidecarProblems = reparsed.problems;
        article.sidecarText = onDisk;
        this.publish(article);
        throw new UserError(`${article.sidecarPath} was changed on disk and has errors; it was not overwritten`);
      }
    }
    article.lastWritten = content;
    article.sidecarText = content;
    await writeFileAtomic(article.sidecarPath, content);
    article.health = 'ok';
    article.sidecarProblems = [];
    await this.indexer.update(article.corpus.root, article.path, article.annotations.entities);
    const index = this.indexer.peek(article.corpus.root);
    if (index && this.knowledge?.corpusChanged) this.knowledge.corpusChanged(article.corpus, await index);
  }

  private publish(article: OpenArticle): void {
    this.host.publishDiagnostics(article.uri, articleDiagnostics(article));
    const sidecarUri = URI.file(article.sidecarPath).toString();
    this.host.publishDiagnostics(sidecarUri, article.sidecarText !== undefined ? sidecarDiagnostics(article.sidecarText, article.sidecarProblems) : []);
    this.host.sendState(documentState(article, suggestionInfos(article, openSuggestions(article))));
  }

  // ---- requests -----------------------------------------------------------------------------------------------

  private async article(uri: string): Promise<OpenArticle> {
    await this.loading.get(uri);
    const article = this.articles.get(uri);
    if (!article) throw new UserError('This document is not an article of a Hashiya corpus (no hashiya.json above it and no sidecar beside it).');
    return article;
  }

  /** Runs an annotation change, writes the sidecar at once and tells the client. */
  private async mutate<T>(uri: string, change: (article: OpenArticle) => T): Promise<T> {
    const article = await this.article(uri);
    return article.serialize(async () => {
      if (article.health === 'corrupt') await this.writeNow(article); // throws the explanation
      const result = change(article);
      await this.writeNow(article);
      this.publish(article);
      return result;
    });
  }

  annotate(params: AnnotateParams): Promise<AnnotateResult> {
    return this.mutate(params.textDocument.uri, (article) => {
      if (!article.corpus.labels.some((l) => l.name === params.label)) {
        throw new UserError(`Unknown label "${params.label}"; hashiya.json defines ${article.corpus.labels.map((l) => l.name).join(', ')}`);
      }
      const start = article.toCodePoint(params.range.start);
      const end = article.toCodePoint(params.range.end);
      if (end <= start) throw new UserError('Select the text to annotate first.');
      const added = article.annotations.add(start, end, params.label, params.ref);
      const entity = added ?? article.annotations.entities.find((e) => sameSpanAndLabel(e, { start, end, label: params.label, text: '' }));
      if (!added && entity && params.ref && entity.ref !== params.ref) entity.ref = params.ref;
      return entity ? { entity: entityInfo(article, entity), added: added !== undefined } : { added: false };
    });
  }

  removeAnnotation(params: RemoveAnnotationParams): Promise<RemoveAnnotationResult> {
    return this.mutate(params.textDocument.uri, (article) => {
      const start = article.toCodePoint(params.range.start);
      const end = article.toCodePoint(params.range.end);
      const labelOk = (label: string) => params.label === undefined || params.label === label;
      let removed;
      if (params.exact) {
        removed = article.annotations.remove((e) => e.start === start && e.end === end && labelOk(e.label));
      } else {
        const target = article.annotations.entitiesAt(start).find((e) => labelOk(e.label) && (end === start || (e.start <= start && e.end >= end)));
        removed = target ? article.annotations.remove((e) => e === target) : [];
      }
      return { removed: removed.map((e) => entityInfo(article, e)) };
    });
  }

  relabel(params: RelabelParams): Promise<RelabelResult> {
    return this.mutate(params.textDocument.uri, (article) => {
      const start = article.toCodePoint(params.range.start);
      const end = article.toCodePoint(params.range.end);
      if (params.newLabel && !article.corpus.labels.some((l) => l.name === params.newLabel)) {
        throw new UserError(`Unknown label "${params.newLabel}"`);
      }
      const targets = article.annotations.entitiesAt(start).filter((e) => (end === start || (e.start === start && e.end === end)) && (params.label === undefined || e.label === params.label));
      const target = targets[0];
      if (!target) return { changed: [] };
      const replaced = { ...target };
      if (params.newLabel) replaced.label = params.newLabel;
      if (params.ref === null) delete replaced.ref;
      else if (params.ref !== undefined) replaced.ref = params.ref;
      article.annotations.remove((e) => e === target);
      article.annotations.remove((e) => sameSpanAndLabel(e, replaced));
      const added = article.annotations.add(replaced.start, replaced.end, replaced.label, replaced.ref, replaced.extra);
      return { changed: added ? [entityInfo(article, added)] : [] };
    });
  }

  async setStatus(params: SetStatusParams): Promise<DocumentState | null> {
    if (!DOCUMENT_STATUSES.includes(params.status)) throw new UserError(`Unknown status "${params.status}"`);
    return this.mutate(params.textDocument.uri, (article) => {
      article.annotations.status = params.status;
      return documentState(article);
    });
  }

  async documentState(params: DocumentStateParams): Promise<DocumentState | null> {
    await this.loading.get(params.textDocument.uri);
    const article = this.articles.get(params.textDocument.uri);
    return article ? documentState(article) : null;
  }

  // ---- language features --------------------------------------------------------------------------------------

  async semanticTokens(params: SemanticTokensParams): Promise<SemanticTokens> {
    await this.loading.get(params.textDocument.uri);
    const article = this.articles.get(params.textDocument.uri);
    if (!article) return { data: [] };
    return article.serialize(() => ({ data: semanticTokenData(article, openSuggestions(article)) }));
  }

  async documentSymbols(params: DocumentSymbolParams): Promise<DocumentSymbol[]> {
    await this.loading.get(params.textDocument.uri);
    const article = this.articles.get(params.textDocument.uri);
    return article ? article.serialize(() => documentSymbols(article)) : [];
  }

  async hover(params: HoverParams): Promise<Hover | null> {
    await this.loading.get(params.textDocument.uri);
    const article = this.articles.get(params.textDocument.uri);
    if (!article) return null;
    const entity = article.annotations.entitiesAt(article.toCodePoint(params.position))[0];
    const index = await this.indexer.peek(article.corpus.root);
    const offset = article.toCodePoint(params.position);
    const kb = entity?.ref ? (await this.matcher(article))?.describe(entity.ref) : undefined;
    if (entity) {
      const subject = { ...entity, ...(kb?.name ? { name: kb.name } : {}), ...(kb?.description ? { description: kb.description } : {}), source: kb ? `${kb.source}; confirmed by an annotator` : 'manual', suggested: false };
      return hoverFor(article, subject, index?.occurrences(entity));
    }
    const suggestion = openSuggestions(article).find((s) => s.start <= offset && offset <= s.end);
    if (!suggestion) return null;
    const text = article.annotations.slice(suggestion.start, suggestion.end);
    return hoverFor(article, { ...suggestion, text, suggested: true }, index?.occurrences({ ...suggestion, text }));
  }

  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    await this.loading.get(params.textDocument.uri);
    const article = this.articles.get(params.textDocument.uri);
    if (!article) return [];
    return article.serialize(() => codeActions(article, article.toCodePoint(params.range.start), article.toCodePoint(params.range.end), openSuggestions(article)));
  }

  async completion(params: CompletionParams & { range?: { start: { line: number; character: number }; end: { line: number; character: number } } }): Promise<CompletionItem[]> {
    const sidecar = this.sidecarDocuments.get(params.textDocument.uri);
    if (sidecar) return this.sidecarCompletion(sidecar, params.position);
    await this.loading.get(params.textDocument.uri);
    const article = this.articles.get(params.textDocument.uri);
    if (!article) return [];
    const offset = article.toCodePoint(params.position);
    const span = completionSpan(article, offset, offset);
    if (!span) return [];
    const matcher = await this.matcher(article);
    if (!matcher) return [];
    return completionItems(article, span, matcher.rank(article.annotations.slice(span.start, span.end), 50));
  }

  /** Label and ref values of a sidecar's entities, from its corpus's labels and knowledge base. */
  private async sidecarCompletion(document: TextDocument, position: Position): Promise<CompletionItem[]> {
    const text = document.getText();
    const site = sidecarValueSite(text, document.offsetAt(position));
    if (!site) return [];
    const location = await this.corpora.locate(articlePathFor(URI.parse(document.uri).fsPath, site.articleName));
    if (!location) return [];
    const corpus = (await this.corpora.get(location.root)).config;
    const matcher = this.knowledge ? await this.knowledge.matcherFor(corpus, await this.indexer.peek(corpus.root)).catch(() => undefined) : undefined;
    return sidecarCompletionItems(site, { labels: corpus.labels, ...(matcher ? { rank: (q, limit) => matcher.rank(q, limit) } : {}) }, (start, end) => ({
      start: document.positionAt(start),
      end: document.positionAt(end),
    }));
  }

  async candidates(params: CandidatesParams): Promise<CandidateInfo[]> {
    const article = await this.article(params.textDocument.uri);
    const start = article.toCodePoint(params.range.start);
    const span = completionSpan(article, start, article.toCodePoint(params.range.end));
    const matcher = await this.matcher(article);
    if (!span || !matcher) return [];
    return matcher.rank(article.annotations.slice(span.start, span.end), params.limit ?? 30).map((c) => ({ ...c, range: article.toRange(candidateStart(article, span, c), span.end) }));
  }

  /** The server commands behind code actions and completions. */
  async executeCommand(params: ExecuteCommandParams): Promise<unknown> {
    const args = (params.arguments?.[0] ?? {}) as SpanArgs & { newLabel?: string; newRef?: string };
    switch (params.command) {
      case SERVER_COMMANDS.accept:
        return this.mutate(args.uri, (article) => article.annotations.add(args.start, args.end, args.label, args.ref) !== undefined);
      case SERVER_COMMANDS.reject:
        return this.mutate(args.uri, (article) => article.annotations.reject(args.start, args.end, args.label));
      case SERVER_COMMANDS.acceptAll:
        return this.mutate(args.uri, (article) => {
          let n = 0;
          for (const s of openSuggestions(article)) {
            if (args.label && s.label !== args.label) continue;
            // Of several candidates for one span and label, the first (best) ref wins.
            if (article.annotations.add(s.start, s.end, s.label, s.ref)) n++;
          }
          return n;
        });
      case SERVER_COMMANDS.remove:
        return this.mutate(args.uri, (article) => article.annotations.remove((e) => e.start === args.start && e.end === args.end && e.label === args.label).length);
      case SERVER_COMMANDS.relabel:
        return this.mutate(args.uri, (article) => {
          const [old] = article.annotations.remove((e) => e.start === args.start && e.end === args.end && e.label === args.label);
          if (!old) return false;
          const ref = args.newRef ?? (args.newLabel && args.newLabel !== old.label ? undefined : old.ref);
          return article.annotations.add(old.start, old.end, args.newLabel ?? old.label, ref, old.extra) !== undefined;
        });
      case SERVER_COMMANDS.fitToWords:
        return this.mutate(args.uri, (article) => {
          const [old] = article.annotations.remove((e) => e.start === args.start && e.end === args.end && e.label === args.label);
          if (!old) return false;
          const fitted = fitToWords(article, old);
          return article.annotations.add(fitted.start, fitted.end, old.label, old.ref, old.extra) !== undefined;
        });
      case SERVER_COMMANDS.annotateAll:
        return this.mutate(args.uri, (article) => {
          const length = args.end - args.start;
          let n = 0;
          for (const start of wordOccurrences(article, article.annotations.slice(args.start, args.end))) {
            if (article.annotations.add(start, start + length, args.label, args.ref)) n++;
          }
          return n;
        });
      default:
        throw new UserError(`Unknown command ${params.command}`);
    }
  }

  /** Every occurrence of the entity at the cursor across the corpus: same ref, or same label and text. */
  async references(params: ReferenceParams): Promise<Location[]> {
    await this.loading.get(params.textDocument.uri);
    const article = this.articles.get(params.textDocument.uri);
    if (!article) return [];
    const entity = article.annotations.entitiesAt(article.toCodePoint(params.position))[0];
    if (!entity) return [];
    const index = await this.indexer.index(article.corpus);
    return (await entityLocations(index.find(entity), (file) => this.openText(file))).map((found) => found.location);
  }

  async workspaceSymbols(params: WorkspaceSymbolParams): Promise<SymbolInformation[]> {
    const roots = new Set([...this.articles.values()].map((a) => a.corpus));
    const results: SymbolInformation[] = [];
    for (const corpus of roots) {
      const index = await this.indexer.index(corpus);
      results.push(...(await workspaceSymbols(index, params.query, corpus, (file) => this.openText(file))));
    }
    return results;
  }

  private openText(file: string): string | undefined {
    for (const article of this.articles.values()) if (article.path === file) return article.document.getText();
    return undefined;
  }

  /** Writes pending sidecars (on shutdown). */
  async flush(): Promise<void> {
    for (const article of this.articles.values()) {
      if (article.writeTimer) await article.serialize(() => this.writeNow(article));
    }
  }
}

// Workspace symbols: the entities of the whole corpus, searched by text or ref. A client that can resolve symbols
// (LSP 3.17 workspaceSymbol/resolve, `location.range`) gets each with its article's URI only, and the range when it
// picks one: a query then reads no article. Other clients get ranges at once (every matching article read).
import { type SymbolInformation, SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { CorpusConfig } from '../core/corpus/config';
import type { EntityIndex, IndexedEntity } from '../core/corpus/entityIndex';
import { CodePointIndex } from '../core/text/codePoints';
import { readArticleText } from '../workspace/corpusIndexer';
import { entityLocations } from './locations';

const LIMIT = 200;

/** What a symbol without a range carries until it is resolved: its entity's code points in the article. */
export interface SymbolData {
  start: number;
  end: number;
}

function symbolKind(corpus: CorpusConfig, label: string): SymbolKind {
  const kind = corpus.labels.find((l) => l.name === label)?.kind;
  return kind === 'location' ? SymbolKind.Namespace : kind === 'actor' ? SymbolKind.Class : SymbolKind.Key;
}

function containerName(entity: IndexedEntity): string {
  return entity.ref ? `${entity.label} · ${entity.ref}` : entity.label;
}

/** Matching entities with their article's URI and no range (resolveWorkspaceSymbol adds it). */
export function workspaceSymbolsUnresolved(index: EntityIndex, query: string, corpus: CorpusConfig): WorkspaceSymbol[] {
  const uris = new Map<string, string>();
  return index.search(query, LIMIT).map((entity) => {
    let uri = uris.get(entity.article);
    if (uri === undefined) uris.set(entity.article, (uri = URI.file(entity.article).toString()));
    const data: SymbolData = { start: entity.start, end: entity.end };
    return { name: entity.text, kind: symbolKind(corpus, entity.label), location: { uri }, containerName: containerName(entity), data };
  });
}

/**
 * The range of a symbol from workspaceSymbolsUnresolved, read from its article as the editor has it (code points
 * to UTF-16 positions). A symbol whose article is gone or now shorter than its entity is returned as it came.
 */
export async function resolveWorkspaceSymbol(symbol: WorkspaceSymbol, openText: (file: string) => string | undefined): Promise<WorkspaceSymbol> {
  const data = symbol.data as Partial<SymbolData> | undefined;
  if (!data || typeof data.start !== 'number' || typeof data.end !== 'number' || 'range' in symbol.location) return symbol;
  const uri = URI.parse(symbol.location.uri);
  if (uri.scheme !== 'file') return symbol;
  const text = openText(uri.fsPath) ?? (await readArticleText(uri.fsPath));
  if (text === undefined) return symbol;
  const index = CodePointIndex.of(text);
  if (data.start < 0 || data.start > data.end || data.end > index.codePointLength) return symbol;
  const doc = TextDocument.create(symbol.location.uri, 'plaintext', 0, text);
  const range = { start: doc.positionAt(index.toUtf16(data.start)), end: doc.positionAt(index.toUtf16(data.end)) };
  return { ...symbol, location: { uri: symbol.location.uri, range } };
}

/** For clients that cannot resolve: every symbol with its range (each matching article read). */
export async function workspaceSymbols(index: EntityIndex, query: string, corpus: CorpusConfig, openText: (file: string) => string | undefined): Promise<SymbolInformation[]> {
  const found = await entityLocations(index.search(query, LIMIT), openText);
  return found.map(({ entity, location }) => ({ name: entity.text, kind: symbolKind(corpus, entity.label), location, containerName: containerName(entity) }));
}

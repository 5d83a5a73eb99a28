// Workspace symbols: the entities of the whole corpus, searched by text or ref.
import { type SymbolInformation, SymbolKind } from 'vscode-languageserver';
import type { CorpusConfig } from '../core/corpus/config';
import type { EntityIndex } from '../core/corpus/entityIndex';
import { entityLocations } from './locations';

const LIMIT = 200;

export async function workspaceSymbols(index: EntityIndex, query: string, corpus: CorpusConfig, openText: (file: string) => string | undefined): Promise<SymbolInformation[]> {
  const found = await entityLocations(index.search(query, LIMIT), openText);
  return found.map(({ entity, location }) => {
    const kind = corpus.labels.find((l) => l.name === entity.label)?.kind;
    return {
      name: entity.text,
      kind: kind === 'location' ? SymbolKind.Namespace : kind === 'actor' ? SymbolKind.Class : SymbolKind.Key,
      location,
      containerName: entity.ref ? `${entity.label} · ${entity.ref}` : entity.label,
    };
  });
}

// The outline of a document: its entities, in text order, named by their text and labelled.
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { ArticleSnapshot } from '../session/articleSnapshot';

const KIND_SYMBOL: Record<string, SymbolKind> = {
  location: SymbolKind.Namespace,
  actor: SymbolKind.Class,
  person: SymbolKind.Constructor,
  organization: SymbolKind.Module,
  date: SymbolKind.Event,
  event: SymbolKind.Event,
};

export function documentSymbols(article: ArticleSnapshot): DocumentSymbol[] {
  return article.annotations.entities.map((entity) => {
    const range = article.toRange(entity.start, entity.end);
    const kind = article.corpus.labels.find((l) => l.name === entity.label)?.kind ?? 'other';
    return {
      name: entity.text.replace(/\s+/g, ' '),
      detail: entity.ref ? `${entity.label} · ${entity.ref}` : entity.label,
      kind: KIND_SYMBOL[kind] ?? SymbolKind.Key,
      range,
      selectionRange: range,
    };
  });
}

// Ranges of entities in articles that may not be open: read the article, convert code points to LSP positions.
import type { Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { IndexedEntity } from '../core/corpus/entityIndex';
import { CodePointIndex } from '../core/text/codePoints';
import { readArticleText } from '../workspace/corpusIndexer';

/** Each entity with its location; entities whose article is gone or shorter than their offsets are left out. */
export async function entityLocations(entities: readonly IndexedEntity[], openText: (article: string) => string | undefined): Promise<Array<{ entity: IndexedEntity; location: Location }>> {
  const byArticle = new Map<string, IndexedEntity[]>();
  for (const e of entities) (byArticle.get(e.article) ?? byArticle.set(e.article, []).get(e.article)!).push(e);
  const out: Array<{ entity: IndexedEntity; location: Location }> = [];
  for (const [article, list] of byArticle) {
    const text = openText(article) ?? (await readArticleText(article));
    if (text === undefined) continue;
    const uri = URI.file(article).toString();
    const doc = TextDocument.create(uri, 'plaintext', 0, text);
    const index = CodePointIndex.of(text);
    for (const e of list) {
      if (e.end > index.codePointLength) continue;
      out.push({ entity: e, location: { uri, range: { start: doc.positionAt(index.toUtf16(e.start)), end: doc.positionAt(index.toUtf16(e.end)) } } });
    }
  }
  return out;
}

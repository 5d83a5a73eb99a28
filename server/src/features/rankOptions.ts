// What completion ranks by beyond the match: the article's country («الحكومة» in an Iraqi article is the Iraqi
// government) and the refs the corpus already gives this surface form. Read from the corpus index only when it is
// built: a completion never waits for indexing.
import type { EntityIndex } from '../core/corpus/entityIndex';
import type { RankOptions } from '../core/gazetteer/rank';
import type { ArticleSnapshot } from '../session/articleSnapshot';
import type { TextMatcher } from '../workspace/knowledge';
import { articleCountry, corpusRefsForForm } from './refChoices';

export function rankOptions(snapshot: ArticleSnapshot, matcher: TextMatcher, index: EntityIndex | undefined, query: string): RankOptions {
  const country = articleCountry(snapshot, matcher);
  const corpusRefs = corpusRefsForForm(index, matcher, query);
  return { ...(country ? { country } : {}), ...(corpusRefs.size > 0 ? { corpusRefs } : {}) };
}

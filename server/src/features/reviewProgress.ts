// How far the review of an article's suggestions has come, for the status bar ("12 of 29 reviewed").
//
// A suggestion is counted once per span and label (several refs or sources for one span are one decision):
// - pending: an open suggestion (features/suggestions.ts: not annotated with that span and label, not rejected,
//   not inside a confirmed entity of its label);
// - reviewed: a rejection in the sidecar (every rejection is a suggestion the annotator turned down, whether the
//   knowledge base still finds it or not), or a confirmed entity whose span and label the knowledge base
//   suggests (an accepted suggestion, or the annotator's own annotation that the suggestion agrees with);
// - total: reviewed + pending. Suggestions hidden inside a larger entity of their label count as neither.
import type { ArticleSnapshot } from '../session/articleSnapshot';
import { openSuggestions } from './suggestions';

export interface ReviewProgress {
  reviewed: number;
  total: number;
}

const cache = new WeakMap<ArticleSnapshot, ReviewProgress>();
const key = (c: { start: number; end: number; label: string }) => `${c.start}:${c.end}:${c.label}`;

export function reviewProgress(article: ArticleSnapshot): ReviewProgress {
  const cached = cache.get(article);
  if (cached) return cached;
  const suggested = new Set<string>();
  for (const c of article.candidates) suggested.add(key(c));
  let accepted = 0;
  for (const e of article.annotations.entities) if (suggested.has(key(e))) accepted++;
  const rejected = new Set(article.annotations.rejected.map(key)).size;
  const pending = new Set(openSuggestions(article).map(key)).size;
  const progress = { reviewed: accepted + rejected, total: accepted + rejected + pending };
  cache.set(article, progress);
  return progress;
}

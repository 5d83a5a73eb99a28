// Suggestions are the knowledge base's matches that the annotator has not dealt with: not already annotated with
// the same span and label, not rejected, and not inside a confirmed entity of the same label. Computed once per
// snapshot in one sweep over candidates and entities (both sorted by start), so a keystroke on an article with
// thousands of both costs a few milliseconds, not their product.
import type { SuggestionInfo } from '../../../common/protocol';
import type { ArticleSnapshot } from '../session/articleSnapshot';
import type { KbCandidate } from '../workspace/suggestionTypes';

const cache = new WeakMap<ArticleSnapshot, KbCandidate[]>();

export function openSuggestions(article: ArticleSnapshot): KbCandidate[] {
  const cached = cache.get(article);
  if (cached) return cached;
  const out = pendingSuggestions(article.candidates, article.annotations.entities, article.annotations.rejected);
  cache.set(article, out);
  return out;
}

type Span = { start: number; end: number; label: string };

/** The same rule for an article that is not open (the corpus tree counts its suggestions from the files). */
export function pendingSuggestions(candidates: readonly KbCandidate[], entities: readonly Span[], rejected: readonly Span[]): KbCandidate[] {
  const key = (c: { start: number; end: number; label: string }) => `${c.start}:${c.end}:${c.label}`;
  const done = new Set<string>();
  for (const e of entities) done.add(key(e));
  for (const r of rejected) done.add(key(r));
  // Entities by start; for each label, the furthest end among entities starting at or before the candidate.
  const byStart = [...entities].sort((a, b) => a.start - b.start);
  const furthestEnd = new Map<string, number>();
  let next = 0;
  const out: KbCandidate[] = [];
  // Candidates come sorted by start from the matcher and stay so through edits (core/gazetteer/rematch), so a
  // duplicate (same span, label and ref from two sources) is among the kept ones with the same start.
  let sameStartFrom = 0;
  for (const c of candidates) {
    while (next < byStart.length && byStart[next].start <= c.start) {
      const e = byStart[next++];
      furthestEnd.set(e.label, Math.max(furthestEnd.get(e.label) ?? -1, e.end));
    }
    if (done.size > 0 && done.has(key(c))) continue;
    if ((furthestEnd.get(c.label) ?? -1) >= c.end) continue;
    if (out.length > 0 && out[out.length - 1].start !== c.start) sameStartFrom = out.length;
    let duplicate = false;
    for (let k = sameStartFrom; k < out.length && !duplicate; k++) {
      const o = out[k];
      duplicate = o.end === c.end && o.label === c.label && (o.ref ?? '') === (c.ref ?? '');
    }
    if (!duplicate) out.push(c);
  }
  return out;
}

/** What the client draws for a suggestion. */
export function suggestionInfo(article: ArticleSnapshot, s: KbCandidate): SuggestionInfo {
  const info: SuggestionInfo = { range: article.toRange(s.start, s.end), start: s.start, end: s.end, label: s.label, text: article.annotations.slice(s.start, s.end), source: s.source };
  if (s.ref) info.ref = s.ref;
  if (s.name) info.name = s.name;
  if (s.description) info.description = s.description;
  return info;
}

/**
 * The infos of every suggestion, for a whole state (the first one of a document, or one a client asks for). After
 * a keystroke only the changed ones are built (lsp/suggestionDelta.ts), so nothing is cached here.
 */
export function suggestionInfos(article: ArticleSnapshot, suggestions: readonly KbCandidate[]): SuggestionInfo[] {
  return suggestions.map((s) => suggestionInfo(article, s));
}

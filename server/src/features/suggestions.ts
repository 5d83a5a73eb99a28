// Suggestions are the knowledge base's matches that the annotator has not dealt with: not already annotated with
// the same span and label, not rejected, and not inside a confirmed entity of the same label.
import type { SuggestionInfo } from '../../../common/protocol';
import type { OpenArticle } from '../workspace/openArticle';
import type { KbCandidate } from '../workspace/suggestionTypes';

export function openSuggestions(article: OpenArticle): KbCandidate[] {
  const { entities, rejected } = article.annotations;
  const key = (c: { start: number; end: number; label: string }) => `${c.start}:${c.end}:${c.label}`;
  const done = new Set([...entities, ...rejected].map(key));
  const seen = new Set<string>();
  return article.candidates.filter((c) => {
    const k = `${key(c)}:${c.ref ?? ''}`;
    if (done.has(key(c)) || seen.has(k)) return false;
    seen.add(k);
    return !entities.some((e) => e.label === c.label && e.start <= c.start && c.end <= e.end);
  });
}

export function suggestionInfos(article: OpenArticle, suggestions: readonly KbCandidate[]): SuggestionInfo[] {
  return suggestions.map((s) => {
    const info: SuggestionInfo = { range: article.toRange(s.start, s.end), start: s.start, end: s.end, label: s.label, text: article.annotations.slice(s.start, s.end), source: s.source };
    if (s.ref) info.ref = s.ref;
    if (s.name) info.name = s.name;
    if (s.description) info.description = s.description;
    return info;
  });
}

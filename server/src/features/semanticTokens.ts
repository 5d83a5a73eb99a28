// Confirmed entities (and suggestions, with the `suggested` modifier) as LSP semantic tokens. Tokens may not
// overlap, so nested entities are cut into segments, each coloured by the innermost entity covering it; tokens
// may not span lines, so multi-line entities are cut at line ends.
import type { ArticleSnapshot } from '../session/articleSnapshot';
import { tokenTypeOf } from './labelKinds';

export interface TokenSpan {
  start: number;
  end: number;
  label: string;
  suggested: boolean;
}

export function semanticTokenData(article: ArticleSnapshot, suggestions: ReadonlyArray<{ start: number; end: number; label: string }> = []): number[] {
  const spans: TokenSpan[] = [
    ...article.annotations.entities.map((e) => ({ start: e.start, end: e.end, label: e.label, suggested: false })),
    ...suggestions.map((s) => ({ start: s.start, end: s.end, label: s.label, suggested: true })),
  ];
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const segment of flatten(spans)) {
    const startPos = article.toPosition(segment.start);
    const endPos = article.toPosition(segment.end);
    for (let line = startPos.line; line <= endPos.line; line++) {
      const from = line === startPos.line ? startPos.character : 0;
      const to = line === endPos.line ? endPos.character : lineLength(article, line);
      if (to <= from) continue;
      data.push(line - prevLine, line === prevLine ? from - prevChar : from, to - from, tokenTypeOf(article.corpus, segment.label), segment.suggested ? 1 : 0);
      prevLine = line;
      prevChar = from;
    }
  }
  return data;
}

function lineLength(article: ArticleSnapshot, line: number): number {
  return article.lineLength(line);
}

/**
 * Cuts overlapping spans into disjoint segments; each segment takes the innermost (shortest) covering span,
 * confirmed entities winning over suggestions.
 */
export function flatten(spans: readonly TokenSpan[]): TokenSpan[] {
  if (spans.length === 0) return [];
  const cuts = [...new Set(spans.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const out: TokenSpan[] = [];
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  let active: TokenSpan[] = [];
  let next = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    while (next < byStart.length && byStart[next].start <= from) active.push(byStart[next++]);
    active = active.filter((s) => s.end > from);
    const covering = active.filter((s) => s.start <= from && s.end >= to);
    if (covering.length === 0) continue;
    covering.sort((a, b) => Number(a.suggested) - Number(b.suggested) || a.end - a.start - (b.end - b.start));
    const best = covering[0];
    const last = out[out.length - 1];
    if (last && last.end === from && last.label === best.label && last.suggested === best.suggested) last.end = to;
    else out.push({ start: from, end: to, label: best.label, suggested: best.suggested });
  }
  return out;
}

// Tag completion: on a word or a selection, knowledge-base candidates ranked by match; accepting one records the
// annotation and leaves the text exactly as it was (the edit replaces the span with itself).
import { type CompletionItem, CompletionItemKind, type Range } from 'vscode-languageserver';
import type { ArticleSnapshot } from '../session/articleSnapshot';
import type { RankedCandidate } from '../workspace/suggestionTypes';
import { SERVER_COMMANDS, type SpanArgs } from '../../../common/commands';
import { COMPLETION_CHAR } from '../../../common/wordPattern';
import { visibleText } from './visibleText';

const WORD = COMPLETION_CHAR;

/** The code-point span to complete: the selection if any, else the word around the cursor (underscores join). */
export function completionSpan(article: ArticleSnapshot, from: number, to: number): { start: number; end: number } | undefined {
  if (to > from) return { start: from, end: to };
  const text = article.annotations;
  let start = from;
  let end = from;
  while (start > 0 && WORD.test(text.slice(start - 1, start))) start--;
  while (end < text.index.codePointLength && WORD.test(text.slice(end, end + 1))) end++;
  return end > start ? { start, end } : undefined;
}

/** Where the entity for a candidate starts: after a proclitic, unless the corpus includes proclitics in spans. */
export function candidateStart(article: ArticleSnapshot, span: { start: number; end: number }, c: RankedCandidate): number {
  if (!c.prefix || article.corpus.proclitics === 'include') return span.start;
  const covered = article.annotations.slice(span.start, span.end);
  return span.start + [...covered.slice(0, c.prefix)].length;
}

export function completionItems(article: ArticleSnapshot, span: { start: number; end: number }, candidates: readonly RankedCandidate[]): CompletionItem[] {
  const covered = article.annotations.slice(span.start, span.end);
  const range: Range = article.toRange(span.start, span.end);
  return candidates.map((c, i) => {
    const start = candidateStart(article, span, c);
    const args: SpanArgs = { uri: article.uri, start, end: span.end, label: c.label, ...(c.ref ? { ref: c.ref } : {}), version: article.version, text: article.annotations.slice(start, span.end), refChosen: true };
    const documentation = [c.detail, c.description, `source: ${c.source}`, `match: ${c.match} (${c.score.toFixed(2)})`].filter(Boolean).map((t) => visibleText(t!)).join('\n\n');
    return {
      label: visibleText(`${c.label}: ${c.name}`),
      labelDetails: { detail: c.ref ? ` ${c.ref}` : '', description: visibleText(c.detail || c.source) },
      kind: c.label === 'LOC' ? CompletionItemKind.Module : CompletionItemKind.Class,
      detail: visibleText(`${c.label}${c.ref ? ' · ' + c.ref : ''}${c.detail ? ' · ' + c.detail : ''} — ${c.match}`),
      documentation: { kind: 'markdown', value: documentation },
      // Keep the order we ranked in, and let the editor's filter match the covered text itself.
      sortText: String(i).padStart(5, '0'),
      filterText: covered,
      textEdit: { range, newText: covered },
      command: { title: 'Annotate', command: SERVER_COMMANDS.accept, arguments: [args] },
    };
  });
}

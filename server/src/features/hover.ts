// Hover on an entity or a suggestion: label, canonical name, ref, description, where it came from, and how often
// it occurs in the corpus.
import { type Hover, MarkupKind } from 'vscode-languageserver';
import type { Occurrences } from '../core/corpus/entityIndex';
import type { ArticleSnapshot } from '../session/articleSnapshot';

export interface HoverSubject {
  start: number;
  end: number;
  label: string;
  text: string;
  ref?: string;
  /** Canonical name from the knowledge base. */
  name?: string;
  description?: string;
  /** gazetteer name, `corpus memory` or `manual`. */
  source: string;
  suggested: boolean;
}

export function hoverFor(article: ArticleSnapshot, subject: HoverSubject, occurrences: Occurrences | undefined): Hover {
  const title = article.corpus.labels.find((l) => l.name === subject.label)?.title ?? subject.label;
  const lines = [`**${subject.suggested ? 'Suggested ' : ''}${title}** \`${subject.label}\` — ${subject.name && subject.name !== subject.text ? `${subject.name} (as “${subject.text}”)` : subject.text}`];
  if (subject.ref) lines.push(`ref: \`${subject.ref}\``);
  if (subject.description) lines.push(subject.description);
  lines.push(`source: ${subject.source}`);
  if (occurrences) lines.push(`in the corpus: ${occurrences.count} occurrence${occurrences.count === 1 ? '' : 's'} in ${occurrences.articles} article${occurrences.articles === 1 ? '' : 's'}`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: article.toRange(subject.start, subject.end) };
}

// Hover on an entity or a suggestion: label, canonical name, ref, description, where it came from, and how often
// it occurs in the corpus.
import { type Hover, MarkupKind } from 'vscode-languageserver';
import type { Occurrences } from '../core/corpus/entityIndex';
import { articleDateFromPath } from '../core/corpus/articleDate';
import type { KbEntry } from '../core/gazetteer/entries';
import { outsideTerm } from '../core/gazetteer/entryDetails';
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
  /** Said when the article's date lies outside every term of the office-holder the ref names (termNote). */
  termNote?: string;
  /** gazetteer name, `corpus memory` or `manual`. */
  source: string;
  suggested: boolean;
}

export function hoverFor(article: ArticleSnapshot, subject: HoverSubject, occurrences: Occurrences | undefined): Hover {
  const title = article.corpus.labels.find((l) => l.name === subject.label)?.title ?? subject.label;
  const lines = [`**${subject.suggested ? 'Suggested ' : ''}${title}** \`${subject.label}\` — ${subject.name && subject.name !== subject.text ? `${subject.name} (as “${subject.text}”)` : subject.text}`];
  if (subject.ref) lines.push(`ref: \`${subject.ref}\``);
  if (subject.description) lines.push(subject.description);
  if (subject.termNote) lines.push(subject.termNote);
  lines.push(`source: ${subject.source}`);
  if (occurrences) lines.push(`in the corpus: ${occurrences.count} occurrence${occurrences.count === 1 ? '' : 's'} in ${occurrences.articles} article${occurrences.articles === 1 ? '' : 's'}`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: article.toRange(subject.start, subject.end) };
}

/**
 * A warning when the article's date (from its path: core/corpus/articleDate.ts) lies outside every term of the
 * office-holder `entry` names — «السوداني» in a 2019 article is not the prime minister of 2022.
 */
export function termNote(entry: Pick<KbEntry, 'valid' | 'office'> | undefined, articlePath: string): string | undefined {
  if (!entry?.valid?.length) return undefined;
  const date = articleDateFromPath(articlePath);
  if (!date || !outsideTerm(entry, date)) return undefined;
  const terms = entry.valid.map((r) => `${r.from ?? '…'} – ${r.to ?? 'now'}`).join(', ');
  return `⚠ The article's date (${date}, from its file name) is outside the term${entry.valid.length > 1 ? 's' : ''} of ${entry.office ?? 'this office-holder'} (${terms}): check the ref.`;
}

// CoNLL: one token per line with its tag last, space-separated (what conlleval and seqeval read), a blank line
// after each sentence, and `-DOCSTART- O` (followed by a blank line, as in CoNLL-2003) before each document.
import { sentencesOf } from '../prepare';
import { encodeTags } from '../tags';
import type { PreparedDocument, Scheme } from '../types';

export interface ConllOptions {
  scheme: Scheme;
  /** Write a `-DOCSTART- O` line before each document. */
  docstart: boolean;
}

export const DOCSTART_LINE = '-DOCSTART- O';

/** Token text as a CoNLL field: whitespace inside it (a no-break space) would split the column, so it becomes _. */
export function fieldText(token: string): string {
  return /\s/.test(token) ? token.replace(/\s/g, '_') : token;
}

export function conllDocument(doc: PreparedDocument, options: ConllOptions): string {
  const parts: string[] = [];
  if (options.docstart) parts.push(`${DOCSTART_LINE}\n\n`);
  for (const sentence of sentencesOf(doc)) {
    const n = sentence.end - sentence.first;
    if (n === 0) continue;
    const spans = sentence.entities.map((e) => ({ start: e.tokenStart - sentence.first, end: e.tokenEnd - sentence.first, label: e.label }));
    const tags = encodeTags(n, spans, options.scheme);
    let block = '';
    for (let i = 0; i < n; i++) {
      const t = sentence.first + i;
      block += `${fieldText(doc.text.slice(doc.tokenStart[t], doc.tokenEnd[t]))} ${tags[i]}\n`;
    }
    parts.push(block + '\n');
  }
  return parts.join('');
}

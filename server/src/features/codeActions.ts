// Quick fixes on a suggestion or an entity under the cursor. None of them edits the article: each runs a server
// command that changes the annotations and writes the sidecar.
import { WORD_CHAR as WORD } from '../core/text/words';
import { type CodeAction, CodeActionKind } from 'vscode-languageserver';
import { SERVER_COMMANDS, type SpanArgs } from '../../../common/commands';
import { canKeepBoth } from '../core/sidecar/merge';
import type { KbCandidate } from '../workspace/suggestionTypes';
import type { ArticleSnapshot } from '../session/articleSnapshot';

export { SERVER_COMMANDS, type SpanArgs } from '../../../common/commands';

function describe(c: { label: string; text?: string; name?: string; ref?: string }): string {
  return `${c.label} “${c.name ?? c.text}”${c.ref ? ` (${c.ref})` : ''}`;
}

export function codeActions(article: ArticleSnapshot, from: number, to: number, suggestions: readonly KbCandidate[]): CodeAction[] {
  const uri = article.uri;
  const actions: CodeAction[] = [];
  const action = (title: string, command: string, args: unknown, preferred = false, kind: string = CodeActionKind.QuickFix): CodeAction => ({
    title,
    kind,
    isPreferred: preferred,
    command: { title, command, arguments: [args] },
  });
  const touching = <T extends { start: number; end: number }>(list: readonly T[]) => list.filter((s) => s.start <= to && from <= s.end);

  const here = touching(suggestions);
  for (const s of here) {
    const args: SpanArgs = { uri, start: s.start, end: s.end, label: s.label, ...(s.ref ? { ref: s.ref } : {}), version: article.version, text: article.annotations.slice(s.start, s.end) };
    actions.push(action(`Accept suggestion: ${describe({ ...s, text: article.annotations.slice(s.start, s.end) })}`, SERVER_COMMANDS.accept, args, actions.length === 0));
    actions.push(action(`Reject suggestion: ${describe({ ...s, text: article.annotations.slice(s.start, s.end) })}`, SERVER_COMMANDS.reject, args));
  }
  if (suggestions.length > 0) {
    actions.push(action(`Accept all ${suggestions.length} suggestions in this document`, SERVER_COMMANDS.acceptAll, { uri, version: article.version }, false, CodeActionKind.Source));
    for (const label of [...new Set(suggestions.map((s) => s.label))].sort()) {
      const n = suggestions.filter((s) => s.label === label).length;
      actions.push(action(`Accept all ${n} ${label} suggestions in this document`, SERVER_COMMANDS.acceptAll, { uri, label, version: article.version }, false, CodeActionKind.Source));
    }
  }

  for (const e of touching(article.annotations.entities)) {
    const args: SpanArgs = { uri, start: e.start, end: e.end, label: e.label, ...(e.ref ? { ref: e.ref } : {}), version: article.version, text: e.text };
    for (const other of article.corpus.labels.filter((l) => l.name !== e.label)) {
      actions.push(action(`Change label of “${e.text}” to ${other.name}`, SERVER_COMMANDS.relabel, { ...args, newLabel: other.name }, false, CodeActionKind.RefactorRewrite));
    }
    for (const alt of here.filter((s) => s.start === e.start && s.end === e.end && s.ref && s.ref !== e.ref)) {
      actions.push(action(`Set ref of “${e.text}” to ${alt.ref}${alt.name ? ` (${alt.name})` : ''}`, SERVER_COMMANDS.relabel, { ...args, newLabel: alt.label, newRef: alt.ref }, false, CodeActionKind.RefactorRewrite));
    }
    actions.push(action(`Remove annotation ${describe(e)}`, SERVER_COMMANDS.remove, args, false));
    const fitted = fitToWords(article, e);
    if (fitted.start !== e.start || fitted.end !== e.end) {
      actions.push(action(`Fit “${e.text}” to word edges: “${article.annotations.slice(fitted.start, fitted.end)}”`, SERVER_COMMANDS.fitToWords, args, true));
    }
    const others = countOccurrences(article, e.text) - 1;
    if (others > 0) actions.push(action(`Annotate every occurrence of “${e.text}” as ${e.label} (${others} more)`, SERVER_COMMANDS.annotateAll, args, false, CodeActionKind.Source));
  }
  return actions;
}

/** The span widened (or trimmed of spaces) to whole words. */
export function fitToWords(article: ArticleSnapshot, e: { start: number; end: number }): { start: number; end: number } {
  const text = article.annotations;
  const n = text.index.codePointLength;
  let start = e.start;
  let end = e.end;
  while (start < end && !WORD.test(text.slice(start, start + 1))) start++;
  while (end > start && !WORD.test(text.slice(end - 1, end))) end--;
  while (start > 0 && WORD.test(text.slice(start - 1, start))) start--;
  while (end < n && WORD.test(text.slice(end, end + 1))) end++;
  return end > start ? { start, end } : e;
}

function countOccurrences(article: ArticleSnapshot, needle: string): number {
  const text = article.text;
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Code-point starts of every occurrence of `needle` as a whole word (a proclitic before it allowed). */
export function wordOccurrences(article: ArticleSnapshot, needle: string): number[] {
  const text = article.text;
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) {
    const before = text.slice(Math.max(0, i - 3), i);
    const after = text.charAt(i + needle.length);
    const clean = !WORD.test(before.slice(-1)) || /(^|[^\p{L}])[وف]?[بلك]$/u.test(before);
    if (clean && !WORD.test(after)) out.push(article.annotations.index.toCodePoint(i));
  }
  return out;
}


/** Keep mine / keep theirs / keep both, for each sidecar conflict at the cursor (or of the whole file). */
export function conflictActions(article: ArticleSnapshot, from: number, to: number): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const conflict of article.sidecar.conflicts) {
    if (conflict.kind !== 'field') {
      const [start, end] = conflict.key.split(':').map(Number);
      if (!(start <= to && from <= end)) continue;
    }
    const choices: Array<['ours' | 'theirs' | 'both', string]> = [
      ['ours', 'Keep mine'],
      ['theirs', 'Keep theirs (from disk)'],
      ...(canKeepBoth(conflict) ? ([['both', 'Keep both']] as Array<['both', string]>) : []),
    ];
    choices.forEach(([choice, title], i) => {
      const full = `${title}: ${conflict.description}`;
      actions.push({ title: full, kind: CodeActionKind.QuickFix, isPreferred: i === 0, command: { title: full, command: SERVER_COMMANDS.resolveConflict, arguments: [{ uri: article.uri, key: conflict.key, choice }] } });
    });
  }
  return actions;
}

/** Place or remove an unresolved annotation, from its diagnostic. */
export function unresolvedActions(article: ArticleSnapshot, diagnostics: ReadonlyArray<{ code?: string | number; data?: unknown }>): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.code !== 'unresolved' || !d.data) continue;
    const { label, text, ref } = d.data as { label: string; text: string; ref?: string };
    const base = { uri: article.uri, label, text, ...(ref ? { ref } : {}) };
    const occurrences = wordOccurrences(article, text);
    const length = [...text].length;
    for (const start of occurrences.slice(0, 5)) {
      const position = article.toPosition(start);
      const title = `Place "${text}" (${label}) at line ${position.line + 1}`;
      actions.push({ title, kind: CodeActionKind.QuickFix, isPreferred: actions.length === 0, command: { title, command: SERVER_COMMANDS.placeUnresolved, arguments: [{ ...base, start, end: start + length, version: article.version }] } });
    }
    const title = `Remove unresolved annotation "${text}" (${label})`;
    actions.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: SERVER_COMMANDS.removeUnresolved, arguments: [base] } });
  }
  return actions;
}

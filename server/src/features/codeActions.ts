// Quick fixes on a suggestion or an entity under the cursor. None of them edits the article: each runs a server
// command that changes the annotations and writes the sidecar.
import { WORD_CHAR as WORD } from '../core/text/words';
import { type CodeAction, CodeActionKind } from 'vscode-languageserver';
import { SERVER_COMMANDS, type SpanArgs } from '../../../common/commands';
import { canKeepBoth } from '../core/sidecar/merge';
import { wordOccurrences as findWordOccurrences } from '../core/annotations/occurrences';
import type { KbCandidate } from '../workspace/suggestionTypes';
import type { ArticleSnapshot } from '../session/articleSnapshot';

export { SERVER_COMMANDS, type SpanArgs } from '../../../common/commands';

function describe(c: { label: string; text?: string; name?: string; ref?: string }): string {
  return `${c.label} “${c.name ?? c.text}”${c.ref ? ` (${c.ref})` : ''}`;
}

/**
 * The order is the safe one: Ctrl+. focuses the first action and Enter runs the preferred one, so what fixes
 * (fit to word edges, accept) comes first, what changes a label next, and Remove last and never preferred.
 * Each candidate is offered once, whichever sources (built-in, corpus) suggested it.
 */
export function codeActions(article: ArticleSnapshot, from: number, to: number, suggestions: readonly KbCandidate[]): CodeAction[] {
  const uri = article.uri;
  const actions: CodeAction[] = [];
  const action = (title: string, command: string, args: unknown, preferred = false, kind: string = CodeActionKind.QuickFix): CodeAction => ({
    title,
    kind,
    ...(preferred ? { isPreferred: true } : {}),
    command: { title, command, arguments: [args] },
  });
  const touching = <T extends { start: number; end: number }>(list: readonly T[]) => list.filter((s) => s.start <= to && from <= s.end);
  const once = <T>(list: readonly T[], key: (x: T) => string) => {
    const seen = new Set<string>();
    return list.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
  };

  const here = once(touching(suggestions), (s) => `${s.start}:${s.end}:${s.label}:${s.ref ?? ''}`);
  const entities = touching(article.annotations.entities);
  const textOf = (s: { start: number; end: number }) => article.annotations.slice(s.start, s.end);
  const entityArgs = (e: (typeof entities)[number]): SpanArgs => ({ uri, start: e.start, end: e.end, label: e.label, ...(e.ref ? { ref: e.ref } : {}), version: article.version, text: e.text });

  // A truncated entity: fitting it to its word is the fix Enter should run.
  for (const e of entities) {
    const fitted = fitToWords(article, e);
    if (fitted.start !== e.start || fitted.end !== e.end) {
      actions.push(action(`Fit “${e.text}” to word edges: “${textOf(fitted)}”`, SERVER_COMMANDS.fitToWords, entityArgs(e), !actions.some((a) => a.isPreferred)));
    }
  }
  for (const s of here) {
    const args: SpanArgs = { uri, start: s.start, end: s.end, label: s.label, ...(s.ref ? { ref: s.ref } : {}), version: article.version, text: textOf(s) };
    const labelled = entities.find((e) => e.start === s.start && e.end === s.end);
    const title = labelled ? `Accept suggestion (replaces ${labelled.label}): ${describe({ ...s, text: textOf(s) })}` : `Accept suggestion: ${describe({ ...s, text: textOf(s) })}`;
    // Preferred only where it adds a new entity over bare text: on an annotated span the annotator decides.
    actions.push(action(title, SERVER_COMMANDS.accept, args, entities.length === 0 && !actions.some((a) => a.isPreferred)));
    actions.push(action(`Reject suggestion: ${describe({ ...s, text: textOf(s) })}`, SERVER_COMMANDS.reject, args));
  }
  // The review loop from Ctrl+.: every suggestion of this surface form, or of this label.
  // Counted as accept-all counts them: one entity per span.
  const spans = (list: readonly KbCandidate[]) => new Set(list.map((s) => `${s.start}:${s.end}`)).size;
  for (const text of once(here.map(textOf), (t) => t)) {
    const n = spans(suggestions.filter((s) => textOf(s) === text));
    if (n > 1) actions.push(action(`Accept all ${n} «${text}» suggestions in this document`, SERVER_COMMANDS.acceptAll, { uri, text, version: article.version }));
  }
  for (const label of once(here.map((s) => s.label), (l) => l)) {
    const n = spans(suggestions.filter((s) => s.label === label));
    if (n > 1) actions.push(action(`Accept all ${n} ${label} suggestions in this document`, SERVER_COMMANDS.acceptAll, { uri, label, version: article.version }));
  }

  // Relabelling, in the same Quick Fix group as Remove and before it, so that Ctrl+. never opens on Remove.
  for (const e of entities) {
    const args = entityArgs(e);
    for (const other of article.corpus.labels.filter((l) => l.name !== e.label)) {
      actions.push(action(`Change label of “${e.text}” to ${other.name}`, SERVER_COMMANDS.relabel, { ...args, newLabel: other.name }));
    }
    const alternatives = once(
      here.filter((s) => s.start === e.start && s.end === e.end && s.ref && s.ref !== e.ref),
      (s) => `${s.label}:${s.ref}`,
    );
    for (const alt of alternatives) {
      actions.push(action(`Set ref of “${e.text}” to ${alt.ref}${alt.name ? ` (${alt.name})` : ''}`, SERVER_COMMANDS.relabel, { ...args, newLabel: alt.label, newRef: alt.ref }));
    }
  }
  // Destructive: after every other fix, never preferred.
  for (const e of entities) actions.push(action(`Remove annotation ${describe(e)}`, SERVER_COMMANDS.remove, entityArgs(e)));

  if (suggestions.length > 0) {
    actions.push(action(`Accept all ${suggestions.length} suggestions in this document`, SERVER_COMMANDS.acceptAll, { uri, version: article.version }, false, CodeActionKind.Source));
    for (const label of [...new Set(suggestions.map((s) => s.label))].sort()) {
      const n = suggestions.filter((s) => s.label === label).length;
      actions.push(action(`Accept all ${n} ${label} suggestions in this document`, SERVER_COMMANDS.acceptAll, { uri, label, version: article.version }, false, CodeActionKind.Source));
    }
  }
  for (const e of entities) {
    const others = countOccurrences(article, e.text) - 1;
    if (others > 0) actions.push(action(`Annotate every occurrence of “${e.text}” as ${e.label} (${others} more)`, SERVER_COMMANDS.annotateAll, entityArgs(e), false, CodeActionKind.Source));
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

/** Code-point starts of every occurrence of `needle` as a whole word (a proclitic before it allowed), by the
 * matcher's rules (core/annotations/occurrences.ts). */
export function wordOccurrences(article: ArticleSnapshot, needle: string): number[] {
  return findWordOccurrences(article.text, needle).map((i) => article.annotations.index.toCodePoint(i));
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

// The review loop over an article's pending suggestions: Next / Previous Suggestion move the cursor to the next
// one (wrapping around) and reveal it; Accept and Next / Reject and Next decide the suggestion at the cursor (or,
// with none there, just move to the next) and go on to the one after it. Decisions run the server's accept and
// reject commands, so the sidecar is written by the same code as the quick fixes.
import * as vscode from 'vscode';
import type { DocumentState, SuggestionInfo } from '../../../common/protocol';
import { SERVER_COMMANDS, type SpanArgs } from '../../../common/commands';
import { activeArticle, type CommandContext } from './context';

type Direction = 'next' | 'previous';

const toPosition = (p: { line: number; character: number }) => new vscode.Position(p.line, p.character);
const rangeOf = (s: SuggestionInfo) => new vscode.Range(toPosition(s.range.start), toPosition(s.range.end));

/** One suggestion per span (the server's best first), in text order. */
function pendingSpans(state: DocumentState): SuggestionInfo[] {
  const seen = new Set<string>();
  const out: SuggestionInfo[] = [];
  for (const s of state.suggestions) {
    const key = `${s.start}:${s.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The pending suggestion after (or before) a position, wrapping around the document; `orAt`: one starting right
 * at the position counts as after it (the one following a decided suggestion may touch it).
 */
function neighbour(state: DocumentState, from: vscode.Position, direction: Direction, orAt = false): SuggestionInfo | undefined {
  const spans = pendingSpans(state);
  if (spans.length === 0) return undefined;
  if (direction === 'next') return spans.find((s) => (orAt ? toPosition(s.range.start).isAfterOrEqual(from) : toPosition(s.range.start).isAfter(from))) ?? spans[0];
  return [...spans].reverse().find((s) => toPosition(s.range.start).isBefore(from)) ?? spans[spans.length - 1];
}

function reveal(editor: vscode.TextEditor, s: SuggestionInfo): void {
  const range = rangeOf(s);
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Moves to the next or previous pending suggestion; returns it. */
export async function goToSuggestion(ctx: CommandContext, direction: Direction): Promise<SuggestionInfo | undefined> {
  await ctx.ready;
  const target = activeArticle(ctx);
  if (!target) return undefined;
  const state = ctx.states.get(target.editor.document.uri)!;
  const cursor = target.editor.selection.active;
  // From inside a suggestion, "previous" means the one before it, not its own start.
  const here = pendingSpans(state).find((s) => rangeOf(s).contains(cursor));
  const next = neighbour(state, here && direction === 'previous' ? toPosition(here.range.start) : cursor, direction);
  if (!next) {
    void vscode.window.setStatusBarMessage('Hashiya: no pending suggestions in this document', 3000);
    return undefined;
  }
  reveal(target.editor, next);
  return next;
}

/** Accepts or rejects the suggestion at the cursor, then moves to the next one; returns the one decided. */
export async function decideAndNext(ctx: CommandContext, action: 'accept' | 'reject'): Promise<SuggestionInfo | undefined> {
  await ctx.ready;
  const target = activeArticle(ctx);
  if (!target) return undefined;
  const { editor } = target;
  const state = ctx.states.get(editor.document.uri)!;
  const hit = state.suggestions.find((s) => rangeOf(s).contains(editor.selection.active));
  if (!hit) {
    await goToSuggestion(ctx, 'next');
    return undefined;
  }
  const args: SpanArgs = { uri: target.uri, start: hit.start, end: hit.end, label: hit.label, ...(hit.ref ? { ref: hit.ref } : {}), version: state.version, text: hit.text };
  const changed = waitForStateWithout(ctx, editor.document.uri, hit);
  try {
    await vscode.commands.executeCommand(action === 'accept' ? SERVER_COMMANDS.accept : SERVER_COMMANDS.reject, args);
  } catch (error) {
    void vscode.window.showErrorMessage(`Hashiya: ${(error as Error).message}`);
    return undefined;
  }
  const after = await changed;
  const next = after && neighbour(after, toPosition(hit.range.end), 'next', true);
  if (next && vscode.window.activeTextEditor === editor) reveal(editor, next);
  else if (!next) void vscode.window.setStatusBarMessage('Hashiya: every suggestion in this document is reviewed', 3000);
  return hit;
}

/** The state once the decided suggestion has left it (the server sends it with the command's result). */
function waitForStateWithout(ctx: CommandContext, uri: vscode.Uri, decided: SuggestionInfo): Promise<DocumentState | undefined> {
  const gone = (state: DocumentState | undefined) => state !== undefined && !state.suggestions.some((s) => s.start === decided.start && s.end === decided.end && s.label === decided.label);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      listener.dispose();
      resolve(ctx.states.get(uri));
    }, 5000);
    const listener = ctx.states.onDidChange((state) => {
      if (state.uri !== uri.toString() || !gone(state)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(state);
    });
  });
}

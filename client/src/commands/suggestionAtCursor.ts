// Hashiya: Accept Suggestion / Reject Suggestion — one keystroke on the suggestion under the cursor. They run the
// server's commands, so the sidecar is written by the same code as the quick fixes.
import * as vscode from 'vscode';
import type { SuggestionInfo } from '../../../common/protocol';
import { SERVER_COMMANDS, type SpanArgs } from '../../../common/commands';
import { activeArticle, type CommandContext } from './context';

export async function onSuggestionAtCursor(ctx: CommandContext, action: 'accept' | 'reject'): Promise<boolean> {
  await ctx.ready;
  const target = activeArticle(ctx);
  if (!target) return false;
  const state = ctx.states.get(target.editor.document.uri)!;
  const cursor = target.editor.selection.active;
  const hit = state.suggestions.find((s: SuggestionInfo) => new vscode.Range(s.range.start.line, s.range.start.character, s.range.end.line, s.range.end.character).contains(cursor));
  if (!hit) {
    void vscode.window.showInformationMessage('Hashiya: no suggestion at the cursor.');
    return false;
  }
  const args: SpanArgs = { uri: target.uri, start: hit.start, end: hit.end, label: hit.label, ...(hit.ref ? { ref: hit.ref } : {}), version: state.version, text: hit.text };
  // Accepting asks for the ref when several fit (acceptWithRef.ts); dismissing that question accepts nothing.
  const result = await vscode.commands.executeCommand(action === 'accept' ? SERVER_COMMANDS.accept : SERVER_COMMANDS.reject, args);
  return result !== false;
}

// Hashiya: Annotate Selection — a quick pick of the corpus labels (or arguments from a keybinding or a test).
import * as vscode from 'vscode';
import { AnnotateRequest } from '../../../common/protocol';
import { activeArticle, type CommandContext } from './context';

export interface AnnotateArgs {
  label?: string;
  ref?: string;
}

export async function annotateSelection(ctx: CommandContext, args?: AnnotateArgs): Promise<boolean> {
  await ctx.ready;
  const target = activeArticle(ctx);
  if (!target) return false;
  const { editor, uri } = target;
  const selection = wordOrSelection(editor);
  if (!selection) {
    void vscode.window.showWarningMessage('Hashiya: select the text to annotate.');
    return false;
  }
  let label = args?.label;
  const ref = args?.ref;
  if (!label) {
    const state = ctx.states.get(editor.document.uri)!;
    const picked = await vscode.window.showQuickPick(
      state.labels.map((l) => ({ label: l.name, description: l.title, detail: `kind: ${l.kind}` })),
      { title: `Annotate "${editor.document.getText(selection)}"`, placeHolder: 'Label' },
    );
    if (!picked) return false;
    label = picked.label;
  }
  const params = { textDocument: { uri }, range: ctx.client.code2ProtocolConverter.asRange(selection), label, ...(ref ? { ref } : {}) };
  try {
    const result = await ctx.client.sendRequest(AnnotateRequest, params);
    return result.added;
  } catch (error) {
    void vscode.window.showErrorMessage(`Hashiya: ${(error as Error).message}`);
    return false;
  }
}

/** The selection, or the word under the cursor when nothing is selected. */
export function wordOrSelection(editor: vscode.TextEditor): vscode.Range | undefined {
  if (!editor.selection.isEmpty) return editor.selection;
  return editor.document.getWordRangeAtPosition(editor.selection.active, /[\p{L}\p{M}\p{Nd}]+/u);
}

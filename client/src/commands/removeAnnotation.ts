// Hashiya: Remove Annotation — removes the innermost annotation at the cursor (or the selection's).
import * as vscode from 'vscode';
import { RemoveAnnotationRequest } from '../../../common/protocol';
import { activeArticle, type CommandContext } from './context';

export async function removeAnnotation(ctx: CommandContext, args?: { label?: string }): Promise<number> {
  await ctx.ready;
  const target = activeArticle(ctx);
  if (!target) return 0;
  const range = ctx.client.code2ProtocolConverter.asRange(target.editor.selection);
  try {
    const result = await ctx.client.sendRequest(RemoveAnnotationRequest, { textDocument: { uri: target.uri }, range, ...(args?.label ? { label: args.label } : {}) });
    if (result.removed.length === 0) void vscode.window.showInformationMessage('Hashiya: no annotation at the cursor.');
    return result.removed.length;
  } catch (error) {
    void vscode.window.showErrorMessage(`Hashiya: ${(error as Error).message}`);
    return 0;
  }
}

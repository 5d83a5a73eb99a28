// Hashiya: Remove Annotation — removes the annotation at the cursor (or the selection's). Where several entities
// cover that place (nested, or two labels on one span), a quick pick asks which: a remove never guesses.
import * as vscode from 'vscode';
import { type EntityInfo, RemoveAnnotationRequest } from '../../../common/protocol';
import { activeArticle, type CommandContext } from './context';

export async function removeAnnotation(ctx: CommandContext, args?: { label?: string }): Promise<number> {
  await ctx.ready;
  const target = activeArticle(ctx);
  if (!target) return 0;
  const selection = target.editor.selection;
  const state = ctx.states.get(target.editor.document.uri)!;
  const toRange = (e: EntityInfo) => new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character);
  // The entities the server would choose from: covering the selection (or touching the cursor), of the label asked.
  const covering = state.entities.filter((e) => (args?.label === undefined || e.label === args.label) && toRange(e).contains(selection));
  let range = ctx.client.code2ProtocolConverter.asRange(selection);
  let label = args?.label;
  let exact = false;
  if (covering.length > 1) {
    const picked = await vscode.window.showQuickPick(
      covering
        .sort((a, b) => a.end - a.start - (b.end - b.start))
        .map((e) => ({ label: `${e.label} «${e.text}»`, description: e.ref ?? '', entity: e })),
      { title: 'Remove which annotation?', placeHolder: `${covering.length} annotations cover the cursor` },
    );
    if (!picked) return 0;
    range = picked.entity.range;
    label = picked.entity.label;
    exact = true;
  }
  try {
    const result = await ctx.client.sendRequest(RemoveAnnotationRequest, { textDocument: { uri: target.uri }, range, ...(label ? { label } : {}), ...(exact ? { exact } : {}) });
    if (result.removed.length === 0) void vscode.window.showInformationMessage('Hashiya: no annotation at the cursor.');
    return result.removed.length;
  } catch (error) {
    void vscode.window.showErrorMessage(`Hashiya: ${(error as Error).message}`);
    return 0;
  }
}

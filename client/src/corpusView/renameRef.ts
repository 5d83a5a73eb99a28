// Rename a ref across the corpus (`geonames:98182` -> `geonames:98183`): the ref of the entity at the cursor, a
// new ref typed and checked as the sidecar reader checks it, a preview of every sidecar and how many annotations
// change in it, then the server rewrites them (open articles through their sessions, the others atomically under
// the sidecar's lock). Sidecars are JSON written only by the server, so this is not an LSP rename (a WorkspaceEdit
// of sidecar lines could land on a file that an open article's session is writing at the same moment).
import * as vscode from 'vscode';
import { RenameRefPreviewRequest, RenameRefRequest, type RenameRefResult } from '../../../common/corpusView';
import { REF_PATTERN } from '../../../common/refPattern';
import { activeArticle, type CommandContext } from '../commands/context';

/** How many files the confirmation lists by name before "and N more". */
const PREVIEW_FILES = 15;

export async function renameRefCommand(ctx: CommandContext, preset?: { newRef?: string; confirm?: boolean }): Promise<RenameRefResult | undefined> {
  const article = activeArticle(ctx);
  if (!article) return undefined;
  const { editor, uri } = article;
  const position = editor.selection.active;
  const state = ctx.states.get(editor.document.uri);
  const offset = editor.document.offsetAt(position);
  const entity = state?.entities.find((e) => e.ref && editor.document.offsetAt(new vscode.Position(e.range.start.line, e.range.start.character)) <= offset && offset <= editor.document.offsetAt(new vscode.Position(e.range.end.line, e.range.end.character)));
  if (!entity?.ref) {
    void vscode.window.showWarningMessage('Hashiya: put the cursor on an entity with a ref to rename that ref across the corpus.');
    return undefined;
  }
  const oldRef = entity.ref;
  const newRef =
    preset?.newRef ??
    (await vscode.window.showInputBox({
      title: `Rename ${oldRef} across the corpus`,
      value: oldRef,
      prompt: 'The new ref, namespace:id (for example geonames:98463)',
      validateInput: (value) => (REF_PATTERN.test(value) ? (value === oldRef ? 'That is the current ref' : undefined) : 'A ref looks like namespace:id, without spaces'),
    }));
  if (!newRef) return undefined;
  const params = { uri, position: { line: position.line, character: position.character }, newRef };
  try {
    const plan = await ctx.client.sendRequest(RenameRefPreviewRequest, params);
    if (plan.files.length === 0) {
      void vscode.window.showInformationMessage(`Hashiya: no sidecar has ${oldRef}.`);
      return undefined;
    }
    const total = plan.files.reduce((n, f) => n + f.count, 0);
    const listed = plan.files.slice(0, PREVIEW_FILES).map((f) => `${f.path}: ${f.count}${f.open ? ' (open)' : ''}`);
    if (plan.files.length > PREVIEW_FILES) listed.push(`… and ${plan.files.length - PREVIEW_FILES} more files`);
    const go = preset?.confirm
      ? 'Rename'
      : await vscode.window.showWarningMessage(
          `Rename ${plan.oldRef} to ${plan.newRef} in ${total} annotation${total === 1 ? '' : 's'} of ${plan.files.length} sidecar${plan.files.length === 1 ? '' : 's'}?`,
          { modal: true, detail: listed.join('\n') },
          'Rename',
        );
    if (go !== 'Rename') return undefined;
    const result = await ctx.client.sendRequest(RenameRefRequest, params);
    const renamed = result.files.reduce((n, f) => n + f.count, 0);
    if (result.failed.length > 0) {
      void vscode.window.showErrorMessage(`Hashiya: renamed ${renamed} annotation(s); ${result.failed.length} sidecar(s) not changed: ${result.failed.map((f) => `${f.path} (${f.reason})`).join('; ')}`);
    } else {
      void vscode.window.showInformationMessage(`Hashiya: renamed ${plan.oldRef} to ${plan.newRef} in ${renamed} annotation(s) of ${result.files.length} sidecar(s).`);
    }
    return result;
  } catch (error) {
    void vscode.window.showErrorMessage(`Hashiya: ${(error as Error).message}`);
    return undefined;
  }
}

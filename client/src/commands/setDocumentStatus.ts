// Hashiya: Set Document Status — todo, in-progress, done, reviewed.
import * as vscode from 'vscode';
import { DOCUMENT_STATUSES, type DocumentStatus, SetStatusRequest } from '../../../common/protocol';
import { activeArticle, type CommandContext } from './context';
import { confirmStatus } from './statusSafeguard';

const DESCRIPTIONS: Record<DocumentStatus, string> = {
  todo: 'not started',
  'in-progress': 'being annotated',
  done: 'annotated, ready for review',
  reviewed: 'checked by a second annotator',
};

export async function setDocumentStatus(ctx: CommandContext, status?: DocumentStatus): Promise<DocumentStatus | undefined> {
  await ctx.ready;
  const target = activeArticle(ctx);
  if (!target) return undefined;
  const current = ctx.states.get(target.editor.document.uri)?.status;
  let chosen = status;
  if (!chosen) {
    const picked = await vscode.window.showQuickPick(
      DOCUMENT_STATUSES.map((s) => ({ label: s, description: DESCRIPTIONS[s] + (s === current ? ' (current)' : '') })),
      { title: 'Document status' },
    );
    chosen = picked?.label as DocumentStatus | undefined;
  }
  if (!chosen) return undefined;
  if (!(await confirmStatus(ctx.states.get(target.editor.document.uri), chosen))) return current;
  try {
    const state = await ctx.client.sendRequest(SetStatusRequest, { textDocument: { uri: target.uri }, status: chosen });
    return state?.status;
  } catch (error) {
    void vscode.window.showErrorMessage(`Hashiya: ${(error as Error).message}`);
    return undefined;
  }
}

// Compare Annotators (Agreement): two folders picked (or given), the server's agreement of them
// (hashiya/agreement, the same figures as `hashiya agree`), shown in a webview; a disagreement's link opens the
// article of folder A with the disagreement selected.
import * as vscode from 'vscode';
import { type AgreementResult, AgreementRequest } from '../../../common/corpusView';
import type { CommandContext } from '../commands/context';
import { agreementHtml } from './agreementHtml';
import { newNonce } from '../webviewHtml';

async function pickFolder(title: string): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({ title, canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Select' });
  return picked?.[0]?.fsPath;
}

/** Shows the report; resolves to the result and the page shown (undefined when cancelled or refused). */
export async function compareAnnotators(ctx: CommandContext, dirA?: string, dirB?: string): Promise<{ result: AgreementResult; html: string } | undefined> {
  const a = dirA ?? (await pickFolder('Annotations of annotator A (the reference)'));
  if (!a) return undefined;
  const b = dirB ?? (await pickFolder('Annotations of annotator B'));
  if (!b) return undefined;
  await ctx.ready;
  let result: AgreementResult;
  try {
    result = await ctx.client.sendRequest(AgreementRequest, { dirA: a, dirB: b });
  } catch (error) {
    void vscode.window.showErrorMessage(`Hashiya: ${(error as Error).message}`);
    return undefined;
  }
  const panel = vscode.window.createWebviewPanel('hashiya.agreement', 'Annotator Agreement', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
  const html = agreementHtml(result, newNonce(), panel.webview.cspSource);
  panel.webview.html = html;
  panel.webview.onDidReceiveMessage(async (message: { open?: unknown }) => {
    const d = typeof message.open === 'number' ? result.disagreements[message.open] : undefined;
    if (!d) return;
    const range = new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character);
    await vscode.window.showTextDocument(vscode.Uri.parse(d.uri), { selection: range, viewColumn: vscode.ViewColumn.Beside });
  });
  return { result, html };
}

// What every command needs: the running client and the article states.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DocumentStates } from '../documentStates';

export interface CommandContext {
  client: LanguageClient;
  states: DocumentStates;
  ready: Promise<void>;
}

export function activeArticle(ctx: CommandContext): { editor: vscode.TextEditor; uri: string } | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !ctx.states.get(editor.document.uri)) {
    void vscode.window.showWarningMessage('Hashiya: open an article of a corpus first (a .txt file under a folder with hashiya.json, or with a sidecar).');
    return undefined;
  }
  return { editor, uri: editor.document.uri.toString() };
}

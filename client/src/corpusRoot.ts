// Which corpus a corpus-wide command works on: the active article's, else the one workspace folder holding a
// hashiya.json, else the user's choice.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DocumentStates } from './documentStates';

export async function pickCorpusRoot(states: DocumentStates, title: string): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const active = editor && states.get(editor.document.uri)?.corpusRoot;
  const configs = await vscode.workspace.findFiles('**/hashiya.json', '**/node_modules/**', 50);
  const roots = [...new Set([...(active ? [active] : []), ...configs.map((u) => path.dirname(u.fsPath))])];
  if (roots.length === 1) return roots[0];
  if (roots.length > 1) {
    const picked = await vscode.window.showQuickPick(
      roots.map((r) => ({ label: vscode.workspace.asRelativePath(r) || r, description: r === active ? 'corpus of the active article' : '', root: r })),
      { title, placeHolder: 'Corpus' },
    );
    return picked?.root;
  }
  const folder = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title: `${title}: choose the corpus folder` });
  return folder?.[0]?.fsPath;
}

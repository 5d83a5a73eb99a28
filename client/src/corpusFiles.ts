// Gives corpus articles the `hashiya-arabic` language (so the server, grammar and features apply) and leaves
// every other .txt file alone. Membership is decided by the same rule as the server and CLI use.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../common/protocol';
import { findCorpus } from '../../server/src/core/corpus/discover';

const exists = async (file: string): Promise<boolean> => {
  try {
    await vscode.workspace.fs.stat(vscode.Uri.file(file));
    return true;
  } catch {
    return false;
  }
};

export async function isCorpusArticle(document: vscode.TextDocument): Promise<boolean> {
  if (document.uri.scheme !== 'file' || !document.uri.fsPath.endsWith('.txt')) return false;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return (await findCorpus(document.uri.fsPath, exists, folder?.uri.fsPath)) !== undefined;
}

export function adoptCorpusArticles(): vscode.Disposable {
  // Documents that have been articles in this window. VS Code changes a document's language by closing and
  // reopening the same TextDocument object, so one of these opening as plain text is the annotator's own choice
  // (Change Language Mode) and is left alone; a file truly reopened is a new object and is adopted again.
  const wereArticles = new WeakSet<vscode.TextDocument>();
  const adopt = async (document: vscode.TextDocument) => {
    if (document.languageId === LANGUAGE_ID) {
      wereArticles.add(document);
      return;
    }
    if (document.languageId !== 'plaintext' || wereArticles.has(document)) return;
    if (await isCorpusArticle(document)) await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  };
  vscode.workspace.textDocuments.forEach((d) => void adopt(d));
  return vscode.workspace.onDidOpenTextDocument((d) => void adopt(d));
}

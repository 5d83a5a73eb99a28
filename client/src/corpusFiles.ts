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
  const adopt = async (document: vscode.TextDocument) => {
    if (document.languageId === LANGUAGE_ID || document.languageId !== 'plaintext') return;
    if (await isCorpusArticle(document)) await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  };
  vscode.workspace.textDocuments.forEach((d) => void adopt(d));
  return vscode.workspace.onDidOpenTextDocument((d) => void adopt(d));
}

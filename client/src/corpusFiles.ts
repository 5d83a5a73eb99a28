// Gives corpus articles the `hashiya-arabic` language (so the server, grammar and features apply) and leaves
// every other .txt file alone. The server decides membership, by the rule the command line uses too.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CorpusOfRequest, LANGUAGE_ID } from '../../common/protocol';

export async function isCorpusArticle(client: LanguageClient, ready: Promise<void>, document: vscode.TextDocument): Promise<boolean> {
  if (document.uri.scheme !== 'file' || !document.uri.fsPath.endsWith('.txt')) return false;
  await ready;
  return (await client.sendRequest(CorpusOfRequest, { uri: document.uri.toString() })) !== null;
}

export function adoptCorpusArticles(client: LanguageClient, ready: Promise<void>): vscode.Disposable {
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
    if (await isCorpusArticle(client, ready, document).catch(() => false)) await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  };
  vscode.workspace.textDocuments.forEach((d) => void adopt(d));
  return vscode.workspace.onDidOpenTextDocument((d) => void adopt(d));
}

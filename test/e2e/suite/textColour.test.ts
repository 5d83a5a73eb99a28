// What keeps Arabic in order in the text editor, in the real extension host: entity text is not coloured unless
// `hashiya.editor.colourEntityText` is on (the server's semantic tokens reach the editor only then), and an article
// switched to Plain Text by the annotator stays Plain Text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openDocument, waitFor } from './helpers';

const ARTICLE = 'iraq/basra-local-elections-2023-03-14.txt';
const LANGUAGE_ID = 'hashiya-arabic';

suite('Hashiya text colour and language', () => {
  let uri: vscode.Uri;

  const tokenCount = async () => {
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', uri);
    return tokens ? tokens.data.length / 5 : -1;
  };
  const setColour = async (value: boolean | undefined) => {
    await vscode.workspace.getConfiguration('hashiya.editor').update('colourEntityText', value, vscode.ConfigurationTarget.Global);
    await waitFor(`colourEntityText ${value}`, () => vscode.workspace.getConfiguration('hashiya.editor').get('colourEntityText') === (value ?? false));
  };

  suiteSetup(async function () {
    this.timeout(60_000);
    uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, ARTICLE);
    const extension = vscode.extensions.getExtension<{ ready: Promise<void> }>('hashiya.hashiya')!;
    await extension.activate();
    await extension.exports.ready;
    await setColour(undefined);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await waitFor(LANGUAGE_ID, () => openDocument(uri)?.languageId === LANGUAGE_ID, 20_000);
  });

  suiteTeardown(async () => {
    await setColour(undefined);
  });

  test('by default the editor gets no semantic tokens for an article; with colourEntityText on it gets the entities', async () => {
    // The server has the article's state (the status bar and decorations draw from it) before tokens are asked.
    const api = vscode.extensions.getExtension<{ documentState(u: vscode.Uri): { entities: unknown[] } | undefined }>('hashiya.hashiya')!.exports;
    const state = await waitFor('the document state', () => api.documentState(uri), 20_000);
    assert.equal(state.entities.length, 14);
    assert.equal(await tokenCount(), 0);
    await setColour(true);
    const count = await waitFor('tokens with colourEntityText on', async () => ((await tokenCount()) >= 14 ? tokenCount() : undefined), 20_000);
    assert.ok(count >= 14, `${count} tokens`);
    await setColour(false);
    assert.equal(await waitFor('no tokens again', async () => ((await tokenCount()) === 0 ? 0 : undefined)), 0);
  });

  test('switching an article to Plain Text is not reverted', async () => {
    const document = openDocument(uri)!;
    await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
    // Give the extension every chance to revert it: watch for two seconds.
    const until = Date.now() + 2000;
    while (Date.now() < until) {
      assert.equal(openDocument(uri)?.languageId, 'plaintext', 'the language was switched back');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await vscode.languages.setTextDocumentLanguage(openDocument(uri)!, LANGUAGE_ID);
    assert.equal(openDocument(uri)?.languageId, LANGUAGE_ID);
  });
});

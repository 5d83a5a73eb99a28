// The setting `hashiya.editor.colourEntityText`. VS Code draws each differently coloured piece of a line as its own
// bidi-isolated span inside a left-to-right line, so a coloured entity cuts an Arabic run and the pieces are laid
// out left to right: the words around it appear in the wrong order. The server's semantic tokens stay available to
// every LSP client; in VS Code they reach the editor only when the annotator turns this setting on.
import * as vscode from 'vscode';
import { type LanguageClient, SemanticTokensRegistrationType } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../../common/protocol';

export const COLOUR_ENTITY_TEXT = 'hashiya.editor.colourEntityText';

/** No tokens: what the editor gets for an article while the setting is off. */
export const NO_TOKENS = new vscode.SemanticTokens(new Uint32Array(0));

export function colourEntityText(document: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('hashiya.editor', document).get<boolean>('colourEntityText', false);
}

/**
 * Asks the editor to fetch semantic tokens again when the setting changes, so it applies without reopening. The
 * editor fetches only for articles shown at that moment (the Settings editor may hide them), so the request is
 * repeated when an article next becomes the active editor.
 */
export function refreshTokensOnSettingChange(client: LanguageClient): vscode.Disposable {
  let pending = false;
  const refresh = () => {
    const feature = client.getFeature(SemanticTokensRegistrationType.method);
    const fired = new Set<unknown>();
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId !== LANGUAGE_ID) continue;
      const provider = feature.getProvider(document);
      if (provider && !fired.has(provider)) {
        fired.add(provider);
        provider.onDidChangeSemanticTokensEmitter.fire();
      }
    }
  };
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(COLOUR_ENTITY_TEXT)) return;
      pending = true;
      refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (!pending || editor?.document.languageId !== LANGUAGE_ID) return;
      pending = false;
      refresh();
    }),
  );
}

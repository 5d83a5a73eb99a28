// The Outline (and breadcrumbs, and vscode.executeDocumentSymbolProvider) of an article lists its entities.
// VS Code asks a document symbol provider again only when the text changes: it caches the symbols by the text
// model's version and the set of providers, and has no event by which a provider could say "mine changed". An
// annotation changes the symbols without changing the text, so the Outline would stay stale until the next
// keystroke. The one signal VS Code does listen to is the set of providers changing: so the articles' symbols
// come from a provider registered here (delegating to the language server's textDocument/documentSymbol), and
// it is registered anew whenever an article's annotations change without a text edit — VS Code drops its cache
// and asks again at once.
import * as vscode from 'vscode';
import { DocumentSymbolRequest, type DocumentSymbol as LspDocumentSymbol, type SymbolInformation as LspSymbolInformation } from 'vscode-languageclient/node';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type DocumentState, LANGUAGE_ID } from '../../common/protocol';
import type { DocumentStates } from './documentStates';

const SELECTOR: vscode.DocumentSelector = { scheme: 'file', language: LANGUAGE_ID };

export class ArticleOutline implements vscode.Disposable {
  private registration: vscode.Disposable | undefined;
  /** What the Outline shows of each article (its entities), by uri, with the document version it came with. */
  private readonly shown = new Map<string, { version: number; entities: string }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient, states: DocumentStates, private readonly ready: Promise<void>) {
    this.register();
    this.disposables.push(
      states.onDidChange((state) => this.changed(state)),
      vscode.workspace.onDidCloseTextDocument((d) => this.shown.delete(d.uri.toString())),
    );
  }

  private changed(state: DocumentState): void {
    const entities = state.entities.map((e) => `${e.start}:${e.end}:${e.label}:${e.ref ?? ''}`).join(',');
    const before = this.shown.get(state.uri);
    this.shown.set(state.uri, { version: state.version, entities });
    // A text edit makes VS Code ask again by itself; only a change of the same text needs the nudge.
    if (before && before.version === state.version && before.entities !== entities) this.register();
  }

  private register(): void {
    this.registration?.dispose();
    const client = this.client;
    const ready = this.ready;
    this.registration = vscode.languages.registerDocumentSymbolProvider(
      SELECTOR,
      {
        async provideDocumentSymbols(document, token) {
          await ready;
          const result = await client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } }, token);
          if (!result || result.length === 0) return [];
          return 'range' in result[0] && !('location' in result[0])
            ? client.protocol2CodeConverter.asDocumentSymbols(result as LspDocumentSymbol[], token)
            : client.protocol2CodeConverter.asSymbolInformations(result as LspSymbolInformation[], token);
        },
      },
      { label: 'Hashiya entities' },
    );
  }

  dispose(): void {
    this.registration?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

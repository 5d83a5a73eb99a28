// Starts the Hashiya language server (dist/server.js) over node IPC for corpus articles and their sidecars.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../../common/protocol';
import { colourEntityText, NO_TOKENS } from './entityTextColour';
import { trustOptions } from './workspaceTrust';

const SIDECAR_PATTERN = '**/*.ann.json';
const isSidecar = (document: vscode.TextDocument) => document.uri.path.endsWith('.ann.json');

export function createLanguageClient(context: vscode.ExtensionContext, executeCommand?: NonNullable<LanguageClientOptions['middleware']>['executeCommand']): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Articles, and sidecars for completion of their label and ref values.
    documentSelector: [{ scheme: 'file', language: LANGUAGE_ID }, { scheme: 'file', pattern: SIDECAR_PATTERN }],
    // In a sidecar only completion comes from us: JSON's own outline, hover and colouring stay as they are.
    middleware: {
      // Articles' symbols come from outlineRefresh.ts (so the Outline follows annotation changes); JSON's in sidecars.
      provideDocumentSymbols: () => undefined,
      provideHover: (document, position, token, next) => (isSidecar(document) ? undefined : next(document, position, token)),
      provideCodeActions: (document, range, context, token, next) => (isSidecar(document) ? undefined : next(document, range, context, token)),
      provideReferences: (document, position, options, token, next) => (isSidecar(document) ? undefined : next(document, position, options, token)),
      // Entity colours as text colour reorder Arabic in VS Code (entityTextColour.ts): only when the setting asks.
      provideDocumentSemanticTokens: (document, token, next) => (isSidecar(document) ? undefined : colourEntityText(document) ? next(document, token) : NO_TOKENS),
      // Server commands pass through the extension first (the ref of an accepted suggestion: acceptWithRef.ts).
      ...(executeCommand ? { executeCommand } : {}),
    },
    synchronize: {
      // Sidecars, corpus configurations and articles changed outside the editor (git checkout, another tool,
      // another window) reach the server, which merges sidecars into open articles and re-indexes the corpus.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.ann.json,hashiya.json,*.txt}'),
    },
    outputChannelName: 'Hashiya',
    // Read at every (re)start: restricted mode until the workspace is trusted (workspaceTrust.ts).
    initializationOptions: trustOptions,
  };
  return new LanguageClient('hashiya', 'Hashiya', serverOptions, clientOptions);
}

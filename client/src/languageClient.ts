// Starts the Hashiya language server (dist/server.js) over node IPC for corpus articles.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../../common/protocol';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: LANGUAGE_ID }],
    synchronize: {
      // Sidecars and corpus configurations edited outside the editor (git checkout, another tool) are re-read.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.ann.json,hashiya.json}'),
    },
    outputChannelName: 'Hashiya',
  };
  return new LanguageClient('hashiya', 'Hashiya', serverOptions, clientOptions);
}

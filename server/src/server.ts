// Entry point of the Hashiya language server: over node IPC, stdio or a socket, as the command line says
// (--node-ipc, --stdio, --socket=N), chosen by vscode-languageserver itself.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { bindServer } from './lsp/bindings';

const connection = createConnection(ProposedFeatures.all);
bindServer(connection);
connection.listen();

// Entry point of the Hashiya language server: over node IPC, stdio or a socket, as the command line says
// (--node-ipc, --stdio, --socket=N), chosen by vscode-languageserver itself.
import { promises as fsPromises } from 'node:fs';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { bindServer } from './lsp/bindings';

// Node compiles its fs/promises module on first use, 10–15 ms: the first article opened (its files are read through
// it) would wait for that. Touched now, while the client waits for the server to start anyway.
fsPromises.constants;

const connection = createConnection(ProposedFeatures.all);
bindServer(connection);
// A promise that nobody awaited failed: report it, never die of it (open articles would lose their sessions).
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
connection.listen();

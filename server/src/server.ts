// Entry point of the Hashiya language server: over node IPC, stdio or a socket, as the command line says
// (--node-ipc, --stdio, --socket=N), chosen by vscode-languageserver itself.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { bindServer } from './lsp/bindings';
import { watchMessageArrivals } from './lsp/messageArrivals';
import { warmUp } from './lsp/warmUp';

const connection = createConnection(ProposedFeatures.all);
const bound = bindServer(connection);
// A promise that nobody awaited failed: report it, never die of it (open articles would lose their sessions).
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
// The client's first messages wait in the pipe while the server walks the annotator's path once (lsp/warmUp.ts).
void warmUp().then(({ ms, error }) => {
  connection.listen();
  watchMessageArrivals(process.argv, () => bound.messageArrived());
  connection.console.log(error ? `warm-up failed after ${ms.toFixed(0)} ms: ${error}` : `warmed up in ${ms.toFixed(0)} ms`);
});

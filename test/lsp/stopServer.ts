// Ends a language server process the way a client does: shutdown, exit, and a SIGKILL if it is still there after
// 3 s (a server that hangs must not hang the tests or benchmarks that drive it). Shared by the protocol tests'
// client and the benchmarks' client.
import type { ChildProcess } from 'node:child_process';
import { ExitNotification, type ProtocolConnection, ShutdownRequest } from 'vscode-languageserver-protocol/node';

export async function stopServer(connection: ProtocolConnection, child: ChildProcess): Promise<void> {
  await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
  await connection.sendNotification(ExitNotification.type).catch(() => undefined);
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  connection.dispose();
}

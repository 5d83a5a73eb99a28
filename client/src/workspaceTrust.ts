// Restricted mode (VS Code's workspace trust): in an untrusted workspace the server shows the corpus and writes
// nothing (server/src/lsp/workspaceTrust.ts). Here: the server is told the trust state when it starts, a status
// bar item says why annotating is off, commands that write say the same instead of failing further down, and
// when the annotator grants trust the server is restarted trusted — the window is not reloaded.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RESTRICTED_MODE_REASON, type TrustOptions } from '../../common/restrictedMode';

const MANAGE_TRUST = 'workbench.trust.manage';

/** The initialization options the server reads its trust from, as they are when the server (re)starts. */
export function trustOptions(): TrustOptions {
  return { trusted: vscode.workspace.isTrusted };
}

/**
 * True (and the reason shown, with a way to trust the workspace) when the workspace is untrusted: the caller then
 * does not write. The server refuses too; this says it before a quick pick is filled in for nothing.
 */
export function refusedInRestrictedMode(): boolean {
  if (vscode.workspace.isTrusted) return false;
  void vscode.window.showWarningMessage(`Hashiya: ${RESTRICTED_MODE_REASON}`, 'Manage Workspace Trust').then((choice) => {
    if (choice) void vscode.commands.executeCommand(MANAGE_TRUST);
  });
  return true;
}

/** A command that writes, refused in restricted mode with the reason. */
export function writingCommand<A extends unknown[], R>(run: (...args: A) => R): (...args: A) => R | false {
  return (...args: A) => (refusedInRestrictedMode() ? false : run(...args));
}

/** The status bar item of restricted mode, and the restart of the server once the workspace is trusted. */
export class WorkspaceTrustWatcher implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('hashiya.restricted', vscode.StatusBarAlignment.Left, 99);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(client: LanguageClient, ready: Promise<void>) {
    this.item.name = 'Hashiya restricted mode';
    this.item.text = '$(shield) Hashiya: restricted mode';
    this.item.tooltip = RESTRICTED_MODE_REASON;
    this.item.command = MANAGE_TRUST;
    if (!vscode.workspace.isTrusted) this.item.show();
    this.disposables.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.item.hide();
        // The server reads its trust at initialize: a restart gives it the workspace's gazetteers, its text
        // history and the right to write. Open articles are sent to it again by the client.
        void ready.then(() => client.restart()).catch((error: Error) => void vscode.window.showErrorMessage(`Hashiya: the language server did not restart after the workspace was trusted: ${error.message}`));
      }),
    );
  }

  dispose(): void {
    this.item.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

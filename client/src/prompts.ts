// The questions the extension asks with a modal dialog or a quick pick, in one object: the extension uses it
// directly, and an extension-host test reaches the same object through the extension's API to answer a modal
// dialog (which nothing in the extension host can click) or to move a quick pick's active item before accepting it
// with the workbench's own accept command.
import * as vscode from 'vscode';

export interface Prompts {
  /** A modal warning with one action button besides Cancel: true when the action is chosen. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** The quick pick being shown, if any (a test moves its active item and accepts it like a person would). */
  currentPick: vscode.QuickPick<vscode.QuickPickItem> | undefined;
  /** Fired when a quick pick is shown. */
  readonly onDidShowPick: vscode.Event<vscode.QuickPick<vscode.QuickPickItem>>;
}

const shown = new vscode.EventEmitter<vscode.QuickPick<vscode.QuickPickItem>>();

export const prompts: Prompts = {
  async confirm(message, detail, action) {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  },
  currentPick: undefined,
  onDidShowPick: shown.event,
};

/**
 * A quick pick with one item active from the start (showQuickPick can only activate the first): resolves with
 * the accepted item, or undefined when dismissed.
 */
export function pickWithActive<T extends vscode.QuickPickItem>(items: readonly T[], active: T | undefined, options: { title: string; placeholder?: string }): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = options.title;
  if (options.placeholder) pick.placeholder = options.placeholder;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items;
  if (active) pick.activeItems = [active];
  return new Promise<T | undefined>((resolve) => {
    let result: T | undefined;
    pick.onDidAccept(() => {
      result = pick.selectedItems[0] ?? pick.activeItems[0];
      pick.hide();
    });
    pick.onDidHide(() => {
      if (prompts.currentPick === (pick as unknown as vscode.QuickPick<vscode.QuickPickItem>)) prompts.currentPick = undefined;
      pick.dispose();
      resolve(result);
    });
    pick.show();
    prompts.currentPick = pick as unknown as vscode.QuickPick<vscode.QuickPickItem>;
    shown.fire(prompts.currentPick);
  });
}

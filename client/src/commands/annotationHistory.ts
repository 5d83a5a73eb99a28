// Hashiya: Undo Annotation / Redo Annotation — the server keeps each article's annotation operations (annotate,
// relabel, remove, accept, reject, accept-all, status) and undoes them one at a time, writing the sidecar each
// time. Ctrl+Z / Ctrl+Shift+Z reach these commands only while the last thing done in that article was an
// annotation operation (the context keys below): after typing, they are the editor's own text undo again.
import * as vscode from 'vscode';
import type { DocumentState } from '../../../common/protocol';
import { type HistoryResult, SERVER_COMMANDS } from '../../../common/commands';
import type { CommandContext } from './context';

/** True in an article whose last action was an annotation operation with one to undo (or redo). */
export const CAN_UNDO_KEY = 'hashiya.canUndoAnnotation';
export const CAN_REDO_KEY = 'hashiya.canRedoAnnotation';

export class AnnotationHistoryCommands implements vscode.Disposable {
  /** Articles whose last action was an annotation operation (not typing). */
  private readonly annotatedLast = new Set<string>();
  /** The operation count of each article as last seen (DocumentState.history.operations). */
  private readonly operations = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: CommandContext) {
    this.disposables.push(
      ctx.states.onDidChange((state) => this.seen(state)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        if (this.annotatedLast.delete(event.document.uri.toString())) this.updateContext();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.annotatedLast.delete(d.uri.toString());
        this.operations.delete(d.uri.toString());
      }),
      vscode.commands.registerCommand('hashiya.undoAnnotation', (uri?: vscode.Uri | string) => this.replay('undo', uri)),
      vscode.commands.registerCommand('hashiya.redoAnnotation', (uri?: vscode.Uri | string) => this.replay('redo', uri)),
    );
  }

  private seen(state: DocumentState): void {
    const operations = state.history?.operations ?? 0;
    const before = this.operations.get(state.uri);
    this.operations.set(state.uri, operations);
    // The first state of an article (opening) is no operation; a changed count is one (made, undone or redone).
    if (before !== undefined && before !== operations) this.annotatedLast.add(state.uri);
    this.updateContext();
  }

  private updateContext(): void {
    const document = vscode.window.activeTextEditor?.document;
    const uri = document?.uri.toString();
    const state = document && this.ctx.states.get(document.uri);
    const last = uri !== undefined && this.annotatedLast.has(uri);
    void vscode.commands.executeCommand('setContext', CAN_UNDO_KEY, last && (state?.history?.undo ?? 0) > 0);
    void vscode.commands.executeCommand('setContext', CAN_REDO_KEY, last && (state?.history?.redo ?? 0) > 0);
  }

  private async replay(direction: 'undo' | 'redo', target?: vscode.Uri | string): Promise<HistoryResult | undefined> {
    await this.ctx.ready;
    const uri = target?.toString() ?? vscode.window.activeTextEditor?.document.uri.toString();
    if (!uri || !this.ctx.states.get(vscode.Uri.parse(uri))) {
      void vscode.window.showWarningMessage('Hashiya: open an article of a corpus first.');
      return undefined;
    }
    try {
      const result = await vscode.commands.executeCommand<HistoryResult>(direction === 'undo' ? SERVER_COMMANDS.undo : SERVER_COMMANDS.redo, { uri });
      const done = direction === 'undo' ? 'Undid' : 'Redid';
      if (result?.description === undefined) void vscode.window.setStatusBarMessage(`Hashiya: no annotation operation to ${direction}`, 3000);
      else {
        void vscode.window.setStatusBarMessage(`Hashiya: ${done} ${result.description}`, 3000);
        if (result.unplaced > 0) void vscode.window.showWarningMessage(`Hashiya: ${result.unplaced} annotation(s) of “${result.description}” cover text deleted since; they are kept as unresolved.`);
      }
      return result;
    } catch (error) {
      void vscode.window.showErrorMessage(`Hashiya: ${(error as Error).message}`);
      return undefined;
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    void vscode.commands.executeCommand('setContext', CAN_UNDO_KEY, false);
    void vscode.commands.executeCommand('setContext', CAN_REDO_KEY, false);
  }
}

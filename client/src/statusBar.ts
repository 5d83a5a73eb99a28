// The status bar item for the current article: its status and entity count; a click sets the status.
import * as vscode from 'vscode';
import type { DocumentStates } from './documentStates';

export class ArticleStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('hashiya.status', vscode.StatusBarAlignment.Left, 100);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly states: DocumentStates) {
    this.item.name = 'Hashiya';
    this.item.command = 'hashiya.setDocumentStatus';
    this.disposables.push(
      states.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const state = editor && this.states.get(editor.document.uri);
    if (!state) {
      this.item.hide();
      return;
    }
    const problems = state.sidecar === 'corrupt' ? ' $(error) sidecar has errors' : state.unresolved.length > 0 ? ` $(warning) ${state.unresolved.length} unresolved` : '';
    // Reviewed = accepted or rejected, of all suggested (server/src/features/reviewProgress.ts defines both).
    const review = state.review && state.review.total > 0 ? ` · ${state.review.reviewed} of ${state.review.total} reviewed` : '';
    const suggestions = review || (state.suggestions.length > 0 ? ` · ${state.suggestions.length} suggested` : '');
    this.item.text = `$(tag) Hashiya: ${state.status} · ${state.entities.length} entities${suggestions}${problems}`;
    this.item.tooltip = `Document status: ${state.status}\nConfirmed entities: ${state.entities.length}\n${state.review ? `Suggestions reviewed (accepted or rejected): ${state.review.reviewed} of ${state.review.total}\n` : ''}Sidecar: ${state.sidecarPath} (${state.sidecar})\nClick to set the status.`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

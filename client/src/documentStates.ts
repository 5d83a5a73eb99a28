// The latest annotation state of each open article, as the server last reported it.
import * as vscode from 'vscode';
import type { DocumentState } from '../../common/protocol';

export class DocumentStates implements vscode.Disposable {
  private readonly states = new Map<string, DocumentState>();
  private readonly emitter = new vscode.EventEmitter<DocumentState>();
  readonly onDidChange = this.emitter.event;

  set(state: DocumentState): void {
    this.states.set(state.uri, state);
    this.emitter.fire(state);
  }

  get(uri: vscode.Uri): DocumentState | undefined {
    return this.states.get(uri.toString());
  }

  delete(uri: vscode.Uri): void {
    this.states.delete(uri.toString());
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

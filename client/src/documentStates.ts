// The latest annotation state of each open article, as the server reported it: a whole state when a document
// opens, then deltas that the same shared code (common/stateDelta.ts) applies here as on the server. A delta
// that does not follow the state held (a message missed) makes the client ask for the whole state again.
import * as vscode from 'vscode';
import type { DocumentState } from '../../common/protocol';
import { applyStateDelta, type DocumentStateDelta } from '../../common/stateDelta';

export class DocumentStates implements vscode.Disposable {
  private readonly states = new Map<string, DocumentState>();
  /** The delta each state was made from, for views that hold the state before it and want the change only. */
  private readonly deltas = new WeakMap<DocumentState, DocumentStateDelta>();
  private readonly emitter = new vscode.EventEmitter<DocumentState>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly refetch?: (uri: string) => Promise<DocumentState | null>) {}

  set(state: DocumentState): void {
    this.states.set(state.uri, state);
    this.emitter.fire(state);
  }

  applyDelta(delta: DocumentStateDelta): void {
    const held = this.states.get(delta.uri);
    const next = held ? applyStateDelta(held, delta) : undefined;
    if (next) {
      this.deltas.set(next, delta);
      this.set(next);
      return;
    }
    void this.refetch?.(delta.uri).then((state) => {
      if (state) this.set(state);
    });
  }

  /** The delta that turned the state before `state` into it (undefined for a state received whole). */
  deltaTo(state: DocumentState): DocumentStateDelta | undefined {
    return this.deltas.get(state);
  }

  get(uri: vscode.Uri): DocumentState | undefined {
    return this.states.get(uri.toString());
  }

  /** Every open article's state. */
  all(): DocumentState[] {
    return [...this.states.values()];
  }

  delete(uri: vscode.Uri): void {
    this.states.delete(uri.toString());
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

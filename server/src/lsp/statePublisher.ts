// Sends what the client draws — the document state and the diagnostics — after each snapshot, in messages
// proportional to the change: the first state of a document whole, then deltas (what to remove, what to add,
// after moving everything through the same text edits on both sides); diagnostics only when they changed.
import type { Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { DocumentState, EntityInfo, SuggestionInfo } from '../../../common/protocol';
import { type DocumentStateDelta, itemChanges, type StateEdit } from '../../../common/stateDelta';
import { articleDiagnostics, sidecarDiagnostics } from '../features/diagnostics';
import { documentState } from '../features/documentState';
import { openSuggestions, suggestionInfos } from '../features/suggestions';
import type { ArticleSnapshot } from '../session/articleSnapshot';

export interface StateSink {
  publishDiagnostics(uri: string, diagnostics: Diagnostic[]): void;
  sendState(state: DocumentState): void;
  sendStateDelta(delta: DocumentStateDelta): void;
}

interface Sent {
  state: DocumentState;
  diagnostics: string;
  sidecarDiagnostics: string;
}

export class StatePublisher {
  private readonly sent = new Map<string, Sent>();
  private seq = 0;

  constructor(private readonly sink: StateSink) {}

  /** The state of a snapshot as the client should hold it now. */
  stateOf(snapshot: ArticleSnapshot): DocumentState {
    return documentState(snapshot, suggestionInfos(snapshot, openSuggestions(snapshot)), this.sent.get(snapshot.uri)?.state.seq ?? 0);
  }

  publish(snapshot: ArticleSnapshot, edits: readonly StateEdit[]): void {
    const previous = this.sent.get(snapshot.uri);
    const seq = ++this.seq;
    const state = documentState(snapshot, suggestionInfos(snapshot, openSuggestions(snapshot)), seq);
    if (!previous) {
      this.sink.sendState(state);
    } else {
      const { entities, suggestions, ...header } = state;
      const delta: DocumentStateDelta = {
        uri: snapshot.uri,
        seq,
        fromSeq: previous.state.seq,
        header: withoutSeq(header),
        edits: [...edits],
        entities: itemChanges<EntityInfo>(previous.state.entities, edits, entities),
        suggestions: itemChanges<SuggestionInfo>(previous.state.suggestions, edits, suggestions),
      };
      this.sink.sendStateDelta(delta);
    }
    const diagnostics = articleDiagnostics(snapshot);
    const diagnosticsJson = JSON.stringify(diagnostics);
    if (diagnosticsJson !== previous?.diagnostics) this.sink.publishDiagnostics(snapshot.uri, diagnostics);
    const sidecarUri = URI.file(snapshot.sidecarPath).toString();
    const forSidecar = snapshot.sidecar.text !== undefined ? sidecarDiagnostics(snapshot.sidecar.text, snapshot.sidecar.problems) : [];
    const sidecarJson = JSON.stringify(forSidecar);
    if (sidecarJson !== (previous?.sidecarDiagnostics ?? '[]')) this.sink.publishDiagnostics(sidecarUri, forSidecar);
    this.sent.set(snapshot.uri, { state, diagnostics: diagnosticsJson, sidecarDiagnostics: sidecarJson });
  }

  /** The client asked for the whole state (it missed a delta): later deltas build on this one. */
  resend(snapshot: ArticleSnapshot): DocumentState {
    const state = documentState(snapshot, suggestionInfos(snapshot, openSuggestions(snapshot)), ++this.seq);
    const previous = this.sent.get(snapshot.uri);
    this.sent.set(snapshot.uri, { state, diagnostics: previous?.diagnostics ?? '', sidecarDiagnostics: previous?.sidecarDiagnostics ?? '[]' });
    return state;
  }

  forget(uri: string, sidecarPath: string): void {
    if (!this.sent.delete(uri)) return;
    this.sink.publishDiagnostics(uri, []);
    this.sink.publishDiagnostics(URI.file(sidecarPath).toString(), []);
  }
}

function withoutSeq<T extends { seq?: number }>(header: T): Omit<T, 'seq'> {
  const { seq: _seq, ...rest } = header;
  return rest;
}

// Sends what the client draws — the document state and the diagnostics — after each snapshot, in messages
// proportional to the change: the first state of a document whole, then deltas (what to remove, what to add,
// after moving everything through the same text edits on both sides); diagnostics only when they changed.
//
// The state after a keystroke is sent once the server has nothing else to do (the next turn of the event loop):
// a request the editor sent right after the keystroke is answered first, from the new snapshot, and keystrokes
// that arrive together are sent as one delta. Annotation changes are sent at once (their requests' answers and the
// state agree).
import type { Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { DocumentState, EntityInfo } from '../../../common/protocol';
import { type DocumentStateDelta, itemChanges, type StateEdit } from '../../../common/stateDelta';
import { articleDiagnostics, sidecarDiagnostics } from '../features/diagnostics';
import { documentState } from '../features/documentState';
import { openSuggestions, suggestionInfos } from '../features/suggestions';
import type { ArticleSnapshot } from '../session/articleSnapshot';
import type { KbCandidate } from '../workspace/suggestionTypes';
import { suggestionChanges } from './suggestionDelta';

/**
 * How long the state after typing waits: a request the editor sends right after a keystroke (hover, completion,
 * code actions) arrives a moment after it and is answered first, and keystrokes that come within it go out as one
 * delta. Well under a frame (16 ms), so what is drawn follows the typing.
 */
export const PUBLISH_AFTER_TYPING_MS = 8;

export interface StateSink {
  publishDiagnostics(uri: string, diagnostics: Diagnostic[]): void;
  sendState(state: DocumentState): void;
  sendStateDelta(delta: DocumentStateDelta): void;
}

/** What the client holds of a document: the snapshot its state was made from, kept as the base of the next delta. */
interface Sent {
  seq: number;
  snapshot: ArticleSnapshot;
  /** The suggestions of that snapshot as candidates (their infos are made only where a delta needs them). */
  suggestions: readonly KbCandidate[];
  entities: EntityInfo[];
  diagnostics: string;
  sidecarDiagnostics: string;
}

interface Pending {
  snapshot: ArticleSnapshot;
  edits: StateEdit[];
}

export class StatePublisher {
  private readonly sent = new Map<string, Sent>();
  private readonly pending = new Map<string, Pending>();
  private flushScheduled = false;
  private seq = 0;

  constructor(private readonly sink: StateSink) {}

  /** The state of a snapshot as the client should hold it now. */
  stateOf(snapshot: ArticleSnapshot): DocumentState {
    return documentState(snapshot, suggestionInfos(snapshot, openSuggestions(snapshot)), this.sent.get(snapshot.uri)?.seq ?? 0);
  }

  /**
   * A new snapshot after text edits: sent PUBLISH_AFTER_TYPING_MS later, together with any later ones. A
   * snapshot without edits (annotations changed) is sent at once, after what was waiting.
   */
  publish(snapshot: ArticleSnapshot, edits: readonly StateEdit[]): void {
    const waiting = this.pending.get(snapshot.uri);
    if (waiting) {
      waiting.snapshot = snapshot;
      for (const edit of edits) waiting.edits.push(edit);
    } else this.pending.set(snapshot.uri, { snapshot, edits: [...edits] });
    if (edits.length === 0 || !this.sent.has(snapshot.uri)) {
      this.flush(snapshot.uri);
      return;
    }
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setTimeout(() => {
        this.flushScheduled = false;
        for (const uri of [...this.pending.keys()]) this.flush(uri);
      }, PUBLISH_AFTER_TYPING_MS);
    }
  }

  /** Sends what is waiting for `uri`, if anything. */
  flush(uri: string): void {
    const waiting = this.pending.get(uri);
    if (!waiting) return;
    this.pending.delete(uri);
    this.send(waiting.snapshot, waiting.edits);
  }

  private send(snapshot: ArticleSnapshot, edits: readonly StateEdit[]): void {
    const previous = this.sent.get(snapshot.uri);
    // Diagnostics first, the state last: a client that has the state of a version has its problems too.
    const diagnostics = articleDiagnostics(snapshot);
    const diagnosticsJson = JSON.stringify(diagnostics);
    if (diagnosticsJson !== previous?.diagnostics) this.sink.publishDiagnostics(snapshot.uri, diagnostics);
    const sidecarUri = URI.file(snapshot.sidecarPath).toString();
    const forSidecar = snapshot.sidecar.text !== undefined ? sidecarDiagnostics(snapshot.sidecar.text, snapshot.sidecar.problems) : [];
    const sidecarJson = JSON.stringify(forSidecar);
    if (sidecarJson !== (previous?.sidecarDiagnostics ?? '[]')) this.sink.publishDiagnostics(sidecarUri, forSidecar);
    const seq = ++this.seq;
    const suggestions = openSuggestions(snapshot);
    if (!previous) {
      const state = documentState(snapshot, suggestionInfos(snapshot, suggestions), seq);
      this.sink.sendState(state);
      this.sent.set(snapshot.uri, { seq, snapshot, suggestions, entities: state.entities, diagnostics: diagnosticsJson, sidecarDiagnostics: sidecarJson });
      return;
    }
    const { entities, suggestions: _none, seq: _seq, ...header } = documentState(snapshot, [], seq);
    const delta: DocumentStateDelta = {
      uri: snapshot.uri,
      seq,
      fromSeq: previous.seq,
      header,
      edits: [...edits],
      entities: itemChanges<EntityInfo>(previous.entities, edits, entities),
      suggestions: suggestionChanges(previous.snapshot, previous.suggestions, edits, snapshot, suggestions),
    };
    this.sink.sendStateDelta(delta);
    this.sent.set(snapshot.uri, { seq, snapshot, suggestions, entities, diagnostics: diagnosticsJson, sidecarDiagnostics: sidecarJson });
  }

  /**
   * The client asked for the whole state (it missed a delta): later deltas build on this one. `snapshot` must be
   * the session's latest, which includes every edit still waiting to be sent.
   */
  resend(snapshot: ArticleSnapshot): DocumentState {
    this.pending.delete(snapshot.uri);
    const suggestions = openSuggestions(snapshot);
    const seq = ++this.seq;
    const state = documentState(snapshot, suggestionInfos(snapshot, suggestions), seq);
    const previous = this.sent.get(snapshot.uri);
    this.sent.set(snapshot.uri, { seq, snapshot, suggestions, entities: state.entities, diagnostics: previous?.diagnostics ?? '', sidecarDiagnostics: previous?.sidecarDiagnostics ?? '[]' });
    return state;
  }

  forget(uri: string, sidecarPath: string): void {
    this.pending.delete(uri);
    if (!this.sent.delete(uri)) return;
    this.sink.publishDiagnostics(uri, []);
    this.sink.publishDiagnostics(URI.file(sidecarPath).toString(), []);
  }
}

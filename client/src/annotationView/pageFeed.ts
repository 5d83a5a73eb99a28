// What the annotation view's page is sent, so it holds the article and its state without their being sent again:
// the first screen (its lines and marks, and the length of every line) at once; the whole text and state once that
// is painted; then the editor's text edits as they happen and the state's changes as deltas — the server's own
// delta when the page holds the state it applies to, else one computed here with the same shared code
// (common/stateDelta.ts). The page applies text edits when the state of their version arrives.
import type * as vscode from 'vscode';
import type { DocumentState } from '../../../common/protocol';
import { type DocumentStateDelta, itemChanges } from '../../../common/stateDelta';

type LspRange = DocumentState['entities'][number]['range'];

/** Lines of the first message: enough for a tall screen of long lines, small enough to arrive at once. */
const HEAD_CHARS = 24_000;
const HEAD_LINES = 200;

export type FeedMessage =
  | { type: 'open'; lineLengths: number[]; head: string[]; state: DocumentState }
  | { type: 'whole'; text: string; state: DocumentState }
  | { type: 'edit'; version: number; changes: Array<{ range: LspRange; text: string }> }
  | { type: 'delta'; delta: DocumentStateDelta };

export class PageFeed {
  /** The state the page holds (its text is of the same version, plus the edits posted after it). */
  private held: DocumentState | undefined;
  /** 'head' once the first screen is posted, 'whole' once the page has everything. */
  private phase: 'none' | 'head' | 'whole' = 'none';
  private snapshot: { text: string; state: DocumentState } | undefined;
  /** Edits made between the first screen and the whole text: they follow the whole text. */
  private queued: FeedMessage[] = [];

  constructor(private readonly post: (message: FeedMessage) => void, private readonly deltaTo: (state: DocumentState) => DocumentStateDelta | undefined) {}

  get started(): boolean {
    return this.phase !== 'none';
  }

  /** The first screen of `text` (of `state`'s version). */
  open(text: string, state: DocumentState): void {
    const all = text.split(/\r\n|\r|\n/);
    const lineLengths = new Array<number>(all.length);
    let headLines = 0;
    let chars = 0;
    for (let i = 0; i < all.length; i++) {
      lineLengths[i] = all[i].length;
      if (headLines === i && chars < HEAD_CHARS && i < HEAD_LINES) {
        chars += all[i].length;
        headLines++;
      }
    }
    const inHead = <T extends { range: LspRange }>(items: readonly T[]) => {
      const out: T[] = [];
      for (const item of items) if (item.range.start.line < headLines) out.push(item);
      return out;
    };
    this.snapshot = { text, state };
    this.phase = 'head';
    this.post({ type: 'open', lineLengths, head: all.slice(0, headLines), state: { ...state, entities: inHead(state.entities), suggestions: inHead(state.suggestions) } });
  }

  /** The whole text and state of the snapshot, then what happened since (once the first screen is painted). */
  completeOpen(current: DocumentState | undefined): void {
    if (this.phase !== 'head' || !this.snapshot) return;
    this.phase = 'whole';
    this.post({ type: 'whole', text: this.snapshot.text, state: this.snapshot.state });
    this.held = this.snapshot.state;
    this.snapshot = undefined;
    for (const message of this.queued) this.post(message);
    this.queued = [];
    if (current) this.stateChanged(current);
  }

  /** The page fell out of step (a delta did not apply): everything again. */
  resync(text: string, state: DocumentState): void {
    this.phase = 'whole';
    this.queued = [];
    this.held = state;
    this.post({ type: 'whole', text, state });
  }

  textChanged(event: vscode.TextDocumentChangeEvent): void {
    if (this.phase === 'none' || event.contentChanges.length === 0) return;
    const message: FeedMessage = { type: 'edit', version: event.document.version, changes: event.contentChanges.map((c) => ({ range: plainRange(c.range), text: c.text })) };
    if (this.phase === 'head') this.queued.push(message);
    else this.post(message);
  }

  stateChanged(state: DocumentState): void {
    const held = this.held;
    if (this.phase !== 'whole' || !held || state === held || state.seq === held.seq) return;
    const own = this.deltaTo(state);
    if (own && own.fromSeq === held.seq) {
      this.post({ type: 'delta', delta: own });
    } else {
      // The page holds an older state than the one the server's delta applies to (or the state came whole):
      // the change from what it holds, with no edits (the page applies its own text edits up to the version).
      const { entities, suggestions, seq, ...header } = state;
      this.post({
        type: 'delta',
        delta: { uri: state.uri, seq, fromSeq: held.seq, header, edits: [], entities: itemChanges(held.entities, [], entities), suggestions: itemChanges(held.suggestions, [], suggestions) },
      });
    }
    this.held = state;
  }
}

/** A vscode.Range as plain LSP JSON (a vscode.Range serialises as an array). */
function plainRange(r: vscode.Range): LspRange {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

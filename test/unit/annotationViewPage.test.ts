// The pure parts of the annotation view: what its page is sent (pageFeed.ts: the first screen, then the whole
// text, then edits and deltas), the editor's edits applied to its lines, and the word steps of its keyboard
// selection. Expected values are hand-written from the inputs.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type * as vscode from 'vscode';
import { PageFeed, type FeedMessage } from '../../client/src/annotationView/pageFeed';
import { applyTextChanges } from '../../client/src/annotationView/page/lines';
import { nextWordBoundary, wordsOf } from '../../client/src/annotationView/page/wordSelection';
import type { DocumentState, SuggestionInfo } from '../../common/protocol';
import { applyStateDelta, type DocumentStateDelta } from '../../common/stateDelta';

const pos = (line: number, character: number) => ({ line, character });

function suggestion(line: number, from: number, to: number, text: string, start: number): SuggestionInfo {
  return { range: { start: pos(line, from), end: pos(line, to) }, start, end: start + (to - from), label: 'LOC', text, source: 'kb' };
}

function state(seq: number, version: number, suggestions: SuggestionInfo[]): DocumentState {
  return { uri: 'file:///a.txt', version, seq, corpusRoot: '/c', sidecarPath: '/c/a.ann.json', sidecar: 'ok', status: 'todo', labels: [], entities: [], suggestions, unresolved: [] };
}

test('the first message holds the first lines, their marks only, and the length of every line', () => {
  const lines = Array.from({ length: 500 }, (_, i) => `سطر ${i}`);
  const all = lines.map((_, i) => suggestion(i, 0, 3, 'سطر', 0));
  const sent: FeedMessage[] = [];
  const feed = new PageFeed((m) => sent.push(m), () => undefined);
  feed.open(lines.join('\r\n'), state(1, 1, all));
  assert.equal(sent.length, 1);
  const open = sent[0];
  assert.equal(open.type, 'open');
  if (open.type !== 'open') return;
  // 200 lines at most in the head (they are short), every line's length (UTF-16): «سطر 7» is 5, «سطر 123» 7.
  assert.equal(open.head.length, 200);
  assert.equal(open.lineLengths.length, 500);
  assert.equal(open.lineLengths[7], 5);
  assert.equal(open.lineLengths[123], 7);
  assert.equal(open.state.suggestions.length, 200);
  assert.ok(open.state.suggestions.every((s) => s.range.start.line < 200));
});

test('edits made before the whole text is sent follow it; later states go as deltas that rebuild the state', () => {
  const sent: FeedMessage[] = [];
  const deltas = new WeakMap<DocumentState, DocumentStateDelta>();
  const feed = new PageFeed((m) => sent.push(m), (s) => deltas.get(s));
  const s1 = state(1, 1, [suggestion(0, 0, 5, 'بغداد', 0)]);
  feed.open('بغداد مدينة', s1);
  const change = { document: { version: 2 }, contentChanges: [{ range: { start: pos(0, 0), end: pos(0, 0) }, text: 'في ' }] } as unknown as vscode.TextDocumentChangeEvent;
  feed.textChanged(change);
  assert.deepEqual(sent.map((m) => m.type), ['open'], 'the edit waits for the whole text');
  // The state of version 2, which the page cannot build from the server's delta (none known): computed here.
  const s2 = state(2, 2, [suggestion(0, 3, 8, 'بغداد', 3)]);
  feed.completeOpen(s2);
  assert.deepEqual(sent.map((m) => m.type), ['open', 'whole', 'edit', 'delta']);
  const whole = sent[1] as Extract<FeedMessage, { type: 'whole' }>;
  assert.equal(whole.text, 'بغداد مدينة');
  const edit = sent[2] as Extract<FeedMessage, { type: 'edit' }>;
  assert.deepEqual(edit.changes, [{ range: { start: pos(0, 0), end: pos(0, 0) }, text: 'في ' }]);
  const delta = (sent[3] as Extract<FeedMessage, { type: 'delta' }>).delta;
  assert.equal(delta.fromSeq, 1);
  const rebuilt = applyStateDelta(whole.state, delta);
  assert.deepEqual(rebuilt?.suggestions, s2.suggestions);
  // The server's own delta is forwarded as it is when the page holds the state it applies to.
  const own: DocumentStateDelta = { uri: s2.uri, seq: 3, fromSeq: 2, header: { ...s2, version: 3 }, edits: [], entities: { removed: [], added: [] }, suggestions: { removed: [], added: [] } };
  const s3 = applyStateDelta(s2, own)!;
  deltas.set(s3, own);
  feed.stateChanged(s3);
  assert.equal((sent[4] as Extract<FeedMessage, { type: 'delta' }>).delta, own);
  // The same state again sends nothing.
  feed.stateChanged(s3);
  assert.equal(sent.length, 5);
});

test('edits applied to lines: typing, a new line, a joined line, a pasted block (more lines than a call takes)', () => {
  const lines = ['قالت مصادر', 'وكان مسلحون'];
  assert.deepEqual(applyTextChanges(lines, [{ range: { start: pos(0, 4), end: pos(0, 4) }, text: ' أمس' }]), { lines: ['قالت أمس مصادر', 'وكان مسلحون'], first: 0, added: 0 });
  assert.deepEqual(applyTextChanges(lines, [{ range: { start: pos(0, 4), end: pos(0, 5) }, text: '\n' }]), { lines: ['قالت', 'مصادر', 'وكان مسلحون'], first: 0, added: 1 });
  assert.deepEqual(applyTextChanges(lines, [{ range: { start: pos(0, 10), end: pos(1, 0) }, text: ' ' }]), { lines: ['قالت مصادر وكان مسلحون'], first: 0, added: -1 });
  const pasted = applyTextChanges(lines, [{ range: { start: pos(1, 0), end: pos(1, 0) }, text: 'س\n'.repeat(200_000) }]);
  assert.equal(pasted.lines.length, 200_002);
  assert.equal(pasted.lines[200_001], 'وكان مسلحون');
  assert.deepEqual(lines, ['قالت مصادر', 'وكان مسلحون'], 'the lines given are left as they were');
});

test('word steps: forward to the end of this or the next word, back to the start of this or the previous one', () => {
  const text = 'ويبذل الأمن العراقي، جهوداً #ذي_قار';
  // Offsets counted by hand: ويبذل 0–5, الأمن 6–11, العراقي 12–19, «،» 19, جهوداً 21–27, #, ذي_قار 29–35.
  assert.deepEqual(wordsOf(text), [[0, 5], [6, 11], [12, 19], [21, 27], [29, 35]]);
  assert.equal(nextWordBoundary(text, 6, true), 11);
  assert.equal(nextWordBoundary(text, 11, true), 19);
  assert.equal(nextWordBoundary(text, 19, true), 27);
  assert.equal(nextWordBoundary(text, 27, false), 21);
  assert.equal(nextWordBoundary(text, 24, false), 21);
  assert.equal(nextWordBoundary(text, 35, true), 35);
  assert.equal(nextWordBoundary(text, 0, false), 0);
});

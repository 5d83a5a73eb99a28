// The state deltas a client receives while the annotator types, checked against the whole state: a server driven
// in process (real files, a real gazetteer matcher) gets random batches of edits — typing, line breaks, deletions,
// pastes of known names, emoji — and annotations; after each batch the state the client holds (the first state
// with every delta applied, as the extension applies them) must equal the whole state the server computes afresh.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { URI } from 'vscode-uri';
import { type DocumentState, LANGUAGE_ID } from '../../../common/protocol';
import { applyStateDelta, itemKey } from '../../../common/stateDelta';
import { nodeSessionFiles } from '../session/sessionFiles';
import { GazetteerKnowledge } from '../workspace/knowledgeProvider';
import { HashiyaServer } from './hashiyaServer';
import { PUBLISH_AFTER_TYPING_MS } from './statePublisher';

/** Past the moment the state after typing is sent (statePublisher.ts). */
const statePublished = () => new Promise((resolve) => setTimeout(resolve, PUBLISH_AFTER_TYPING_MS + 5));

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// Names of the test gazetteers: one with two labels (ambiguous), one inside another, one of two words, and two
// names of one place (typing the rest of the longer after the shorter gives the same place over another text).
const JSONL = JSON.stringify({ id: 'geonames:98182', label: 'LOC', names: ['بغداد', 'بغداد الكبرى'] }) + '\n';
const TSV = ['بغداد\tLOC\tgeonames:98182', 'بغداد\tACTOR\twikidata:Q1', 'الموصل\tLOC\tgeonames:99072', 'الموصل الجديدة\tLOC\tgeonames:1', 'البصرة\tLOC\tgeonames:99532', 'حزب الدعوة\tACTOR\twikidata:Q2'].join('\n') + '\n';
const PIECES = ['بغداد', ' الكبرى', 'الموصل', ' الجديدة', 'البصرة', 'حزب الدعوة', ' ', ' ', 'و', 'ب', 'في ', '\n', '\r\n', '😀', 'زار ', 'ال'];
const START = 'زار الوفد بغداد ثم الموصل الجديدة.\nوقال حزب الدعوة في البصرة 😀 إن بغداد آمنة.\n\nوصل إلى الموصل.\n';

function normalised(state: DocumentState) {
  const { seq: _seq, ...rest } = state;
  return { ...rest, entities: state.entities.map(itemKey).sort(), suggestions: state.suggestions.map(itemKey).sort() };
}

/** LSP position of a UTF-16 offset. */
function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The nearest offset at or before `offset` that is not inside a surrogate pair. */
function boundary(text: string, offset: number): number {
  const c = text.charCodeAt(offset - 1);
  return offset > 0 && offset < text.length && c >= 0xd800 && c <= 0xdbff ? offset - 1 : offset;
}

type Step = { kind: 'insert'; at: number; piece: number; atWordEnd: boolean } | { kind: 'delete'; at: number; length: number } | { kind: 'annotate'; at: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), piece: fc.nat(PIECES.length - 1), atWordEnd: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('annotate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
) as fc.Arbitrary<Step>;

test('typing: the state the client builds from deltas is always the whole state the server holds', { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hashiya-deltas-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'towns.tsv'), TSV);
  writeFileSync(path.join(dir, 'places.jsonl'), JSONL);
  writeFileSync(path.join(dir, 'hashiya.json'), JSON.stringify({ labels: [{ name: 'LOC', kind: 'location' }, { name: 'ACTOR', kind: 'actor' }], gazetteers: [{ path: 'towns.tsv', format: 'tsv' }, { path: 'places.jsonl', format: 'jsonl' }], builtinGazetteer: false }));
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(step, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }), async (batches) => {
      const file = path.join(dir, `a${run++}.txt`);
      writeFileSync(file, START);
      const uri = URI.file(file).toString();
      let held: DocumentState | undefined;
      const errors: string[] = [];
      const server = new HashiyaServer(
        {
          publishDiagnostics: () => undefined,
          sendState: (state) => {
            if (state.uri === uri) held = state;
          },
          sendStateDelta: (delta) => {
            if (delta.uri !== uri) return;
            const next = held ? applyStateDelta(held, delta) : undefined;
            if (!next) errors.push(`delta ${delta.fromSeq}->${delta.seq} does not follow ${held?.seq}`);
            else held = next;
          },
          refreshSemanticTokens: () => undefined,
          log: () => undefined,
        },
        new GazetteerKnowledge(),
        nodeSessionFiles,
        // No texts kept between runs (closing with unsaved edits would keep them in the user's cache).
        { find: async () => undefined, remember: async () => undefined },
      );
      server.setWorkspaceRoots([URI.file(dir).toString()]);
      let text = START;
      let version = 1;
      await server.didOpen({ textDocument: { uri, languageId: LANGUAGE_ID, version, text } });
      // Until the matcher is built and the article matched.
      for (let i = 0; i < 400 && !(held && held.suggestions.length > 0); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.ok(held && held.suggestions.length > 0, 'suggestions arrive');
      for (const batch of batches) {
        // A batch is sent without waiting, as an editor sends keystrokes that come together.
        const sent: Promise<unknown>[] = [];
        for (const s of batch) {
          let at = boundary(text, Math.floor(s.at * text.length));
          if (s.kind === 'insert') {
            // Often right after a word: where typing extends a name into a longer one.
            if (s.atWordEnd) {
              const end = /[\u0621-\u064A](?![\u0621-\u064A])/g;
              end.lastIndex = at;
              const m = end.exec(text);
              if (m) at = m.index + 1;
            }
            const piece = PIECES[s.piece];
            sent.push(server.didChange({ textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: positionOf(text, at), end: positionOf(text, at) }, text: piece }] }));
            text = text.slice(0, at) + piece + text.slice(at);
          } else if (s.kind === 'delete') {
            const end = boundary(text, Math.min(text.length, at + s.length));
            if (end <= at) continue;
            sent.push(server.didChange({ textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: positionOf(text, at), end: positionOf(text, end) }, text: '' }] }));
            text = text.slice(0, at) + text.slice(end);
          } else {
            // Annotate the word around `at`, if there is one (a suggestion accepted by hand).
            const word = /[\u0621-\u064A]+/g;
            let m: RegExpExecArray | null;
            while ((m = word.exec(text)) && m.index + m[0].length < at);
            if (!m) continue;
            sent.push(server.annotate({ textDocument: { uri }, range: { start: positionOf(text, m.index), end: positionOf(text, m.index + m[0].length) }, label: 'LOC' }).catch(() => undefined));
          }
        }
        await Promise.all(sent);
        await statePublished();
        assert.deepEqual(errors, []);
        const whole = await server.documentState({ textDocument: { uri } });
        assert.ok(whole && held);
        assert.equal(whole.version, version);
        assert.deepEqual(normalised(held), normalised(whole), `after ${JSON.stringify(batch)} on ${JSON.stringify(text)}`);
        held = whole;
      }
      await server.didClose({ textDocument: { uri } });
    }),
    { numRuns: Number(process.env.HASHIYA_FUZZ_SCALE ?? 1) * 25 },
  );
});

test('a request sent right after keystrokes is answered before their state is sent, and keystrokes that came together are sent as one delta', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hashiya-deltas-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'towns.tsv'), TSV);
  writeFileSync(path.join(dir, 'hashiya.json'), JSON.stringify({ labels: [{ name: 'LOC', kind: 'location' }, { name: 'ACTOR', kind: 'actor' }], gazetteers: [{ path: 'towns.tsv', format: 'tsv' }], builtinGazetteer: false }));
  const file = path.join(dir, 'a.txt');
  writeFileSync(file, START);
  const uri = URI.file(file).toString();
  const events: string[] = [];
  let held: DocumentState | undefined;
  const server = new HashiyaServer(
    {
      publishDiagnostics: () => undefined,
      sendState: (state) => {
        held = state;
        events.push('state');
      },
      sendStateDelta: (delta) => {
        held = applyStateDelta(held!, delta);
        events.push(`delta ${delta.edits.length} edit(s)`);
      },
      refreshSemanticTokens: () => undefined,
      log: () => undefined,
    },
    new GazetteerKnowledge(),
    nodeSessionFiles,
    { find: async () => undefined, remember: async () => undefined },
  );
  server.setWorkspaceRoots([URI.file(dir).toString()]);
  await server.didOpen({ textDocument: { uri, languageId: LANGUAGE_ID, version: 1, text: START } });
  for (let i = 0; i < 400 && !(held && held.suggestions.length > 0); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(held && held.suggestions.length > 0, 'suggestions arrive');
  events.length = 0;
  const at = { line: 0, character: 0 };
  const typed = [server.didChange({ textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: 'و' }] }), server.didChange({ textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: at, end: at }, text: 'ب' }] })];
  // The hover is on بغداد, which the two letters moved by two characters.
  const hover = await server.hover({ textDocument: { uri }, position: { line: 0, character: 'زار الوفد '.length + 3 } });
  events.push('hover answered');
  await Promise.all(typed);
  await statePublished();
  assert.ok(hover && JSON.stringify(hover).includes('geonames:98182'), `the hover sees the suggestion at its new place: ${JSON.stringify(hover)}`);
  assert.deepEqual(events, ['hover answered', 'delta 2 edit(s)']);
  assert.equal(held!.version, 3);
  await server.didClose({ textDocument: { uri } });
});

// Entity marks are drawn only from the state of the text version the editor shows, and only where their range
// still holds their text: a stale state (typing ahead of the server, a reopened file that changed on disk) must
// never paint a background over other characters.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { DocumentState, EntityInfo } from '../../common/protocol';
import { paintableMarks } from '../../client/src/paintableMarks';

const LINE = 'قالت مصادر في بغداد إن الهجوم وقع قرب البصرة';

/** An editor line: the text of a one-line UTF-16 range. */
const shown = (text: string, version: number) => ({
  version,
  textOf: (r: EntityInfo['range']) => text.slice(r.start.character, r.end.character),
});

function entity(text: string, label = 'LOC'): EntityInfo {
  const at = LINE.indexOf(text);
  return { range: { start: { line: 0, character: at }, end: { line: 0, character: at + text.length } }, start: at, end: at + text.length, label, text };
}

function state(version: number): DocumentState {
  return {
    uri: 'file:///a.txt', version, seq: 1, corpusRoot: '/', sidecarPath: '/a.ann.json', sidecar: 'ok', status: 'todo', labels: [],
    entities: [entity('بغداد')], suggestions: [{ ...entity('البصرة'), source: 'gazetteer' }], unresolved: [],
  };
}

test('a state of the version shown is painted whole', () => {
  const marks = paintableMarks(state(3), shown(LINE, 3))!;
  assert.deepEqual(marks.entities.map((e) => e.text), ['بغداد']);
  assert.deepEqual(marks.suggestions.map((e) => e.text), ['البصرة']);
  assert.equal(marks.misplaced, 0);
});

test('a state of another version is not painted at all', () => {
  assert.equal(paintableMarks(state(3), shown(LINE, 4)), undefined);
  assert.equal(paintableMarks(state(5), shown(LINE, 4)), undefined);
});

test('same version number, other text (a file reopened after it changed on disk): marks over other characters are left out', () => {
  // Two letters typed at the start of the line move every word; the old ranges now cover other characters.
  const edited = 'و ' + LINE;
  const marks = paintableMarks(state(1), shown(edited, 1))!;
  assert.deepEqual(marks.entities, []);
  assert.deepEqual(marks.suggestions, []);
  assert.equal(marks.misplaced, 2);
});

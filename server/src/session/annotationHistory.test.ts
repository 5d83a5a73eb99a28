// Annotation history without a server: steps recorded from before/after lists, undone and redone on
// DocumentAnnotations, moved through text edits, bounded.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { DocumentAnnotations } from '../core/annotations/documentAnnotations';
import { AnnotationHistory, stepBetween } from './annotationHistory';

const TEXT = 'زار الرئيس بغداد ثم البصرة.';
const cp = (word: string) => [...TEXT.slice(0, TEXT.indexOf(word))].length;
const lists = (a: DocumentAnnotations) => ({ entities: a.entities, rejected: a.rejected, unresolved: a.unresolved, status: a.status });
const shown = (a: DocumentAnnotations) => a.entities.map((e) => `${e.start}:${e.label}:${e.text}`);

function operate(history: AnnotationHistory, a: DocumentAnnotations, change: () => void): void {
  const before = lists(a);
  change();
  const step = stepBetween(before, lists(a));
  if (step) history.record(step);
}

test('undo and redo of annotate and relabel; a new operation clears redo', () => {
  const a = DocumentAnnotations.empty(TEXT);
  const h = new AnnotationHistory();
  const at = cp('بغداد');
  operate(h, a, () => a.add(at, at + 5, 'LOC'));
  operate(h, a, () => a.replace(a.entities[0], { ...a.entities[0], label: 'ACTOR' }));
  assert.deepEqual(shown(a), [`${at}:ACTOR:بغداد`]);
  assert.match(h.undo(a).description!, /relabel «بغداد» LOC → ACTOR/);
  assert.deepEqual(shown(a), [`${at}:LOC:بغداد`]);
  assert.match(h.undo(a).description!, /annotate/);
  assert.deepEqual(shown(a), []);
  assert.equal(h.undo(a).description, undefined);
  h.redo(a);
  assert.deepEqual(shown(a), [`${at}:LOC:بغداد`]);
  assert.equal(h.redoCount, 1);
  operate(h, a, () => a.reject(cp('البصرة'), cp('البصرة') + 6, 'LOC'));
  assert.equal(h.redoCount, 0, 'a new operation drops what could be redone');
});

test('steps follow the text: typed before, the entity is found where it moved; deleted, it is kept unresolved', () => {
  const a = DocumentAnnotations.empty(TEXT);
  const h = new AnnotationHistory();
  const at = cp('البصرة');
  operate(h, a, () => a.add(at, at + 6, 'LOC'));
  operate(h, a, () => a.remove(() => true));
  // Two code points (an emoji is two UTF-16 units, one code point; then a space) typed at the start.
  const { edit } = a.applyEdit(0, 0, '😀 ');
  h.moveThrough(edit);
  h.undo(a);
  assert.deepEqual(shown(a), [`${at + 2}:LOC:البصرة`]);
  // The entity's text deleted, then the add undone and redone: the redo cannot place it, keeps it unresolved.
  h.undo(a);
  assert.deepEqual(shown(a), []);
  const from = '😀 '.length + TEXT.indexOf('البصرة');
  const deleted = a.applyEdit(from, from + 'البصرة'.length, '');
  h.moveThrough(deleted.edit);
  const outcome = h.redo(a);
  assert.equal(outcome.unplaced, 1);
  assert.deepEqual(a.unresolved.map((e) => `${e.label}:${e.text}`), ['LOC:البصرة']);
});

test('status and rejections are undone; the history keeps at most its bound of steps', () => {
  const a = DocumentAnnotations.empty(TEXT);
  const h = new AnnotationHistory(3);
  operate(h, a, () => (a.status = 'in-progress'));
  operate(h, a, () => a.reject(cp('بغداد'), cp('بغداد') + 5, 'LOC'));
  assert.match(h.undo(a).description!, /reject «بغداد»/);
  assert.deepEqual(a.rejected, []);
  assert.match(h.undo(a).description!, /status todo → in-progress/);
  assert.equal(a.status, 'todo');
  for (const status of ['in-progress', 'done', 'reviewed', 'todo', 'done'] as const) operate(h, a, () => (a.status = status));
  assert.equal(h.undoCount, 3);
  h.undo(a);
  h.undo(a);
  h.undo(a);
  assert.equal(a.status, 'done', 'done → reviewed → todo → done undone');
  assert.equal(h.undo(a).description, undefined, 'the two oldest of five steps were dropped');
  assert.equal(a.status, 'done');
});

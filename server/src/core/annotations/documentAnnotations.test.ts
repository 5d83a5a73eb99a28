import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Sidecar } from '../sidecar/types';
import { DocumentAnnotations } from './documentAnnotations';

const TEXT = 'قصف في بغداد والبصرة';

function withEntities(text: string, spans: Array<[string, string]>): DocumentAnnotations {
  const doc = DocumentAnnotations.empty(text);
  for (const [word, label] of spans) {
    const u16 = text.indexOf(word);
    const start = doc.index.toCodePoint(u16);
    doc.add(start, start + [...word].length, label);
  }
  return doc;
}

/** Applies an edit given in UTF-16 offsets, like an editor's content change. */
function edit(doc: DocumentAnnotations, at: number, remove: number, insert: string) {
  return doc.applyChange(at, at + remove, insert);
}

test('text typed before an entity moves it; its text stays', () => {
  const doc = withEntities(TEXT, [['بغداد', 'LOC']]);
  edit(doc, 0, 0, 'عاجل: ');
  assert.equal(doc.entities[0].start, 13);
  assert.equal(doc.slice(doc.entities[0].start, doc.entities[0].end), 'بغداد');
});

test('an emoji typed before an entity moves it by one code point, not two', () => {
  const doc = withEntities(TEXT, [['بغداد', 'LOC']]);
  edit(doc, 0, 0, '😀');
  assert.equal(doc.entities[0].start, 8);
  assert.equal(doc.entities[0].text, 'بغداد');
});

test('CRLF typed before an entity counts two code points', () => {
  const doc = withEntities(TEXT, [['بغداد', 'LOC']]);
  edit(doc, 0, 0, '\r\n');
  assert.equal(doc.entities[0].start, 9);
});

test('text typed at an entity edge stays outside; inside, it joins the entity', () => {
  const doc = withEntities(TEXT, [['بغداد', 'LOC']]);
  const start16 = TEXT.indexOf('بغداد');
  edit(doc, start16 + 5, 0, 'ي');
  assert.equal(doc.entities[0].text, 'بغداد');
  edit(doc, start16, 0, 'ب');
  assert.equal(doc.entities[0].text, 'بغداد');
  edit(doc, start16 + 3, 0, 'ـ');
  assert.equal(doc.entities[0].text, 'بغـداد'); // the entity moved by the ب typed before it
});

test('deleting an entity keeps it as unresolved; undo brings it back', () => {
  const doc = withEntities(TEXT, [['بغداد', 'LOC']]);
  const start16 = TEXT.indexOf('بغداد');
  edit(doc, start16, 5, '');
  assert.equal(doc.entities.length, 0);
  assert.equal(doc.unresolved.length, 1);
  assert.equal(doc.unresolved[0].text, 'بغداد');
  edit(doc, start16, 0, 'بغداد');
  assert.equal(doc.unresolved.length, 0);
  assert.deepEqual(doc.entities.map((e) => e.text), ['بغداد']);
});

test('a sidecar for other text is re-anchored by its entities\' text; lost ones are kept unresolved', () => {
  const sidecar: Sidecar = {
    text: 'a.txt', sha256: '0'.repeat(64), status: 'in-progress',
    entities: [{ start: 7, end: 12, label: 'LOC', text: 'بغداد' }, { start: 14, end: 20, label: 'LOC', text: 'الموصل' }],
    rejected: [], unresolved: [],
  };
  const { annotations, report } = DocumentAnnotations.fromSidecar('خبر: قصف في بغداد', sidecar);
  assert.deepEqual(annotations.entities.map((e) => [e.start, e.text]), [[12, 'بغداد']]);
  assert.equal(report.moved.length, 1);
  assert.deepEqual(annotations.unresolved.map((e) => e.text), ['الموصل']);
});

test('rejections move with the text too', () => {
  const doc = withEntities(TEXT, []);
  doc.reject(7, 12, 'LOC');
  edit(doc, 0, 0, 'xx');
  assert.deepEqual(doc.rejected.map((r) => [r.start, r.text]), [[9, 'بغداد']]);
});

const alphabet = fc.constantFrom('ب', 'غ', 'د', 'ا', ' ', '\r\n', '\n', '😀', 'x', '\u200f', 'ﻻ');
const textArb = fc.array(alphabet, { minLength: 1, maxLength: 40 }).map((p) => p.join(''));

test('property: random edit sequences keep every annotation\'s text equal to its covered characters', () => {
  fc.assert(
    fc.property(
      textArb,
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
      fc.array(fc.tuple(fc.nat(), fc.nat(3), textArb.map((s) => s.slice(0, 4))), { maxLength: 12 }),
      (text, spans, edits) => {
        const doc = DocumentAnnotations.empty(text);
        const n = doc.index.codePointLength;
        for (const [a, b] of spans) {
          const start = a % n;
          const end = start + 1 + (b % (n - start));
          doc.add(start, end, 'LOC');
        }
        for (const [at, len, insert] of edits) {
          const length = doc.text.length;
          const from = at % (length + 1);
          const to = Math.min(length, from + len);
          doc.applyChange(from, to, insert);
          for (const e of doc.entities) {
            assert.ok(e.end > e.start, 'entities are never empty');
            assert.equal(doc.slice(e.start, e.end), e.text);
          }
          assert.equal(doc.index.codePointLength, [...doc.text].length);
        }
      },
    ),
    { numRuns: 1000 },
  );
});

test('deleting a stretch that holds 150,000 entities keeps every one of them unresolved (no call with one argument per entity)', () => {
  const text = 'بغداد '.repeat(150_000);
  const entities = Array.from({ length: 150_000 }, (_, i) => ({ start: i * 6, end: i * 6 + 5, label: 'LOC', text: 'بغداد' }));
  const sidecar: Sidecar = { text: 'a.txt', sha256: createHash('sha256').update(text).digest('hex'), status: 'in-progress', entities, rejected: [], unresolved: [] };
  const { annotations } = DocumentAnnotations.fromSidecar(text, sidecar);
  assert.equal(annotations.entities.length, 150_000);
  annotations.applyChange(0, text.length, 'عاجل');
  assert.equal(annotations.entities.length, 0);
  assert.equal(annotations.unresolved.length, 150_000);
});

test('fromSidecar with the text the sidecar was written for: offsets mapped exactly through the diff', () => {
  // The second بغداد annotated; a new بغداد typed first. By text alone the nearest copy is the old first one.
  const previous = 'في بغداد ثم بغداد';
  const text = 'بغداد ' + previous;
  const sidecar: Sidecar = { text: 'a.txt', sha256: '0'.repeat(64), status: 'todo', entities: [{ start: 12, end: 17, label: 'LOC', text: 'بغداد' }], rejected: [], unresolved: [] };
  const { annotations, report } = DocumentAnnotations.fromSidecar(text, sidecar, previous);
  assert.deepEqual(annotations.entities.map((e) => [e.start, e.end]), [[18, 23]]);
  assert.equal(report.moved.length, 1);
  assert.equal(report.unresolved.length, 0);
});

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { DEFAULT_LABELS } from '../core/corpus/config';
import { sidecarCompletionItems, sidecarValueSite } from './sidecarCompletion';

const SIDECAR = `{
  "hashiya": 1,
  "text": "a.txt",
  "status": "todo",
  "entities": [
    {"start": 0, "end": 5, "label": "LOC", "text": "بغداد", "ref": "geonames:98"},
    {"start": 7, "end": 13, "label": "ACTOR", "text": "العصائب", "ref": }
  ],
  "rejected": [
    {"start": 20, "end": 26, "label": "", "text": "العراق"}
  ]
}`;
const at = (marker: string, plus = 0) => SIDECAR.indexOf(marker) + plus;

test('the site: a label or ref value of an entity, a rejection or an unresolved annotation; never a key', () => {
  const label = sidecarValueSite(SIDECAR, at('"LOC"', 2))!;
  assert.equal(label.field, 'label');
  assert.deepEqual(label.entity, { label: 'LOC', text: 'بغداد' });
  assert.deepEqual(label.replace, { start: at('"LOC"'), end: at('"LOC"') + 5 });
  assert.equal(label.articleName, 'a.txt');
  // A partial ref: the whole quoted value is replaced.
  const ref = sidecarValueSite(SIDECAR, at('"geonames:98"', 5))!;
  assert.equal(ref.field, 'ref');
  assert.deepEqual(ref.replace, { start: at('"geonames:98"'), end: at('"geonames:98"') + 13 });
  // After the colon with no value yet: an insertion.
  const empty = sidecarValueSite(SIDECAR, at('"ref": }', 7))!;
  assert.equal(empty.field, 'ref');
  assert.deepEqual(empty.entity, { label: 'ACTOR', text: 'العصائب' });
  assert.deepEqual(empty.replace, { start: at('"ref": }', 7), end: at('"ref": }', 7) });
  assert.equal(sidecarValueSite(SIDECAR, at('"label": ""', 10))?.field, 'label', 'in "rejected"');
  assert.equal(sidecarValueSite(SIDECAR, at('"label"', 3)), undefined, 'on a key');
  assert.equal(sidecarValueSite(SIDECAR, at('"todo"', 2)), undefined, 'the status');
  assert.equal(sidecarValueSite(SIDECAR, at('"بغداد"', 2)), undefined, 'the text is never completed');
});

test('items: labels quoted in order; refs of the entity\'s label first, each once', () => {
  const range = (start: number, end: number) => ({ start: { line: 0, character: start }, end: { line: 0, character: end } });
  const labels = sidecarCompletionItems(sidecarValueSite(SIDECAR, at('"LOC"', 2))!, { labels: DEFAULT_LABELS }, range);
  assert.deepEqual(labels.map((i) => i.label), DEFAULT_LABELS.map((l) => l.name));
  assert.deepEqual(labels[0].textEdit, { range: range(at('"LOC"'), at('"LOC"') + 5), newText: JSON.stringify(DEFAULT_LABELS[0].name) });
  const rank = (text: string) => {
    assert.equal(text, 'العصائب');
    return [
      { label: 'LOC', ref: 'geonames:1', name: 'x', source: 'builtin', score: 1, match: 'exact' },
      { label: 'ACTOR', ref: 'actor:aah', name: 'عصائب أهل الحق', source: 'builtin', score: 0.9, match: 'prefix' },
      { label: 'ACTOR', name: 'no ref', source: 'corpus', score: 0.9, match: 'prefix' },
      { label: 'ACTOR', ref: 'actor:aah', name: 'عصائب أهل الحق', source: 'corpus', score: 0.8, match: 'fuzzy' },
    ];
  };
  const refs = sidecarCompletionItems(sidecarValueSite(SIDECAR, at('"ref": }', 7))!, { labels: DEFAULT_LABELS, rank }, range);
  assert.deepEqual(refs.map((i) => i.label), ['actor:aah', 'geonames:1']);
  assert.equal(refs[0].textEdit?.newText, '"actor:aah"');
  assert.deepEqual(sidecarCompletionItems(sidecarValueSite(SIDECAR, at('"ref": }', 7))!, { labels: DEFAULT_LABELS }, range), [], 'no knowledge base: no refs');
});

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { CodePointIndex } from '../text/codePoints';
import type { Entity } from '../sidecar/types';
import { DocumentAnnotations } from './documentAnnotations';
import { reanchor } from './reanchor';

/** Code-point length, counted independently of CodePointIndex. */
const cpLength = (s: string) => [...s].length;

/** The entity over the `nth` (0-based) occurrence of `word` in `text`, offsets counted by hand from the string. */
function entityAt(text: string, word: string, nth: number, label = 'LOC'): Entity {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(word, at + 1);
  assert.ok(at >= 0, `${word} #${nth} not in the text`);
  const start = cpLength(text.slice(0, at));
  return { start, end: start + cpLength(word), label, text: word };
}

function run(text: string, entities: Entity[], previousText?: string) {
  return reanchor(text, CodePointIndex.of(text), entities, previousText === undefined ? {} : { previousText });
}

const spans = (list: Entity[]) => list.map((e) => [e.start, e.end, e.label, e.text]);

const OLD = 'قال الوزير إن العراق والعراق بلد واحد';

test('a prefix longer than the gap between two annotated copies: both move by its length, none lost', () => {
  const entities = [entityAt(OLD, 'العراق', 0), entityAt(OLD, 'العراق', 1)];
  const gap = entities[1].start - entities[0].start;
  const prefix = 'عاجل من بغداد: '.repeat(2);
  assert.ok(cpLength(prefix) > gap);
  const text = prefix + OLD;
  const result = run(text, entities);
  const shift = cpLength(prefix);
  assert.deepEqual(spans(result.placed), spans(entities.map((e) => ({ ...e, start: e.start + shift, end: e.end + shift }))));
  assert.equal(result.unresolved.length, 0);
  assert.equal(result.moved.length, 2);
});

test('the same through DocumentAnnotations.fromSidecar: both annotations kept', () => {
  const entities = [entityAt(OLD, 'العراق', 0), entityAt(OLD, 'العراق', 1)];
  const text = 'عاجل من بغداد: عاجل من بغداد: ' + OLD;
  const { annotations, report } = DocumentAnnotations.fromSidecar(text, { text: 'a.txt', sha256: '0'.repeat(64), status: 'todo', entities, rejected: [], unresolved: [] });
  assert.equal(annotations.entities.length, 2);
  assert.equal(report.unresolved.length, 0);
  for (const e of annotations.entities) assert.equal(annotations.slice(e.start, e.end), 'العراق');
});

test('one copy deleted: the other stays, the deleted one is unresolved (not merged into the other)', () => {
  const entities = [entityAt(OLD, 'العراق', 0), entityAt(OLD, 'العراق', 1)];
  // "العراق " deleted: the second copy (والعراق) is left where the first began.
  const text = OLD.replace('العراق ', '');
  const result = run(text, entities);
  assert.equal(result.placed.length + result.unresolved.length, 2);
  assert.equal(result.placed.length, 1);
  assert.equal(result.unresolved.length, 1);
  const left = entityAt(text, 'العراق', 0);
  assert.deepEqual(spans(result.placed), spans([left]));
});

test('one copy deleted, through fromSidecar: one entity and one unresolved', () => {
  const entities = [entityAt(OLD, 'العراق', 0), entityAt(OLD, 'العراق', 1)];
  const text = OLD.replace('العراق ', '');
  const { annotations } = DocumentAnnotations.fromSidecar(text, { text: 'a.txt', sha256: '0'.repeat(64), status: 'todo', entities, rejected: [], unresolved: [] });
  assert.equal(annotations.entities.length, 1);
  assert.equal(annotations.unresolved.length, 1);
});

test('العراق is not anchored inside العراقية', () => {
  const old = 'قالت الحكومة إن العراق بلد';
  const text = 'قالت الحكومة العراقية إن البلد بخير';
  const result = run(text, [entityAt(old, 'العراق', 0)]);
  assert.equal(result.placed.length, 0);
  assert.equal(result.unresolved.length, 1);
});

test('العراق is anchored inside بالعراق and وللعراق-like proclitic words, after the prefix', () => {
  const old = 'قالت الحكومة إن العراق بلد';
  for (const word of ['بالعراق', 'والعراق', 'وبالعراق', 'فالعراق', 'كالعراق']) {
    const text = `خبر: ${word} بلد`;
    const result = run(text, [entityAt(old, 'العراق', 0)]);
    assert.equal(result.placed.length, 1, word);
    const expected = cpLength('خبر: ') + cpLength(word) - cpLength('العراق');
    assert.equal(result.placed[0].start, expected, word);
  }
  // Diacritics and tatweel between the proclitic letters, as the matcher reads them (normalised).
  for (const word of ['وَبِالعراق', 'بـالعراق', 'فَالعراق']) {
    const text = `خبر: ${word} بلد`;
    const result = run(text, [entityAt(old, 'العراق', 0)]);
    assert.equal(result.placed[0]?.start, cpLength('خبر: ') + cpLength(word) - cpLength('العراق'), word);
  }
  // A letter before that is not a proclitic: not a place for the name.
  const result = run('خبر: مالعراق بلد', [entityAt(old, 'العراق', 0)]);
  assert.equal(result.unresolved.length, 1);
});

test('an entity whose offsets still hold its text stays, and its occurrence is not given to another', () => {
  const text = 'بغداد وبغداد';
  const stays = entityAt(text, 'بغداد', 0);
  const other: Entity = { start: 40, end: 45, label: 'LOC', text: 'بغداد' };
  const result = run(text, [stays, other]);
  assert.deepEqual(spans(result.placed), spans([stays, { ...other, start: 7, end: 12 }]));
});

test('one occurrence may carry one LOC and one ACTOR that shared it before', () => {
  const old = 'زار الوفد الموصل';
  const loc = entityAt(old, 'الموصل', 0, 'LOC');
  const actor = entityAt(old, 'الموصل', 0, 'ACTOR');
  const text = 'أمس ' + old;
  const result = run(text, [loc, actor]);
  assert.equal(result.unresolved.length, 0);
  assert.deepEqual(result.placed.map((e) => [e.start, e.label]), [[loc.start + 4, 'ACTOR'], [loc.start + 4, 'LOC']]);
});

test('entities keep their order: two labels on copies of one word do not swap or collapse', () => {
  const old = 'الموصل ثم الموصل';
  const loc = entityAt(old, 'الموصل', 0, 'LOC');
  const actor = entityAt(old, 'الموصل', 1, 'ACTOR');
  // A long insertion between them: the ACTOR's nearest occurrence would be the LOC's.
  const text = 'الموصل ' + 'وفي اليوم التالي قال المتحدث '.repeat(3) + 'ثم الموصل';
  const result = run(text, [loc, actor]);
  assert.deepEqual(result.placed.map((e) => [e.start, e.label]), [[0, 'LOC'], [cpLength(text) - cpLength('الموصل'), 'ACTOR']]);
});

test('CRLF, a BOM-less text with emoji and CRLF before the entities: offsets in code points', () => {
  const old = 'سطر أول\r\nقصف في بغداد والبصرة';
  const entities = [entityAt(old, 'بغداد', 0), entityAt(old, 'البصرة', 0)];
  const prefix = '😀🇮🇶 عاجل\r\n';
  const text = prefix + old;
  for (const previous of [undefined, old]) {
    const result = run(text, entities, previous);
    const shift = cpLength(prefix);
    assert.deepEqual(spans(result.placed), spans(entities.map((e) => ({ ...e, start: e.start + shift, end: e.end + shift }))));
    const index = CodePointIndex.of(text);
    for (const e of result.placed) assert.equal(text.slice(index.toUtf16(e.start), index.toUtf16(e.end)), e.text);
  }
});

test('emoji inside the entities\' own text and a BOM character kept in the text', () => {
  // An editor that keeps a BOM gives it as the first character; offsets then count it.
  const old = '\uFEFFفريق 🇮🇶 العراق';
  const entities = [entityAt(old, '🇮🇶 العراق', 0, 'ACTOR')];
  const text = '\uFEFF😀 ' + old.slice(1);
  const result = run(text, entities);
  assert.deepEqual(spans(result.placed), [[entities[0].start + 2, entities[0].end + 2, 'ACTOR', '🇮🇶 العراق']]);
});

test('with the previous text, the diff places a copy exactly even where the search could not tell', () => {
  // The second copy annotated; a new copy typed at the start. By text alone the old first copy's place fits best
  // (nearest); the diff knows which copy it was.
  const old = 'في بغداد ثم بغداد';
  const entity = entityAt(old, 'بغداد', 1);
  const text = 'بغداد ' + old;
  assert.deepEqual(spans(run(text, [entity], old).placed), [[entity.start + 6, entity.end + 6, 'LOC', 'بغداد']]);
});

test('an entity inside a word stays where it still covers its text when nothing better exists', () => {
  // Marked on purpose inside a longer word; the text changed elsewhere, another entity must move.
  const old = 'الحكومة العراقية وبغداد';
  const inside: Entity = { ...entityAt(old, 'العراق', 0), label: 'ACTOR' };
  const baghdad = entityAt(old, 'بغداد', 0);
  const text = 'أمس: ' + old;
  const result = run(text, [inside, { ...baghdad, start: baghdad.start - 3, end: baghdad.end - 3 }]);
  assert.equal(result.unresolved.length, 1, 'the one inside a word moved with the text: no word-edge place for it');
  const kept = run(old.replace('وبغداد', 'و بغداد'), [inside, baghdad]);
  assert.deepEqual(spans(kept.placed), spans([inside, { ...baghdad, start: baghdad.start + 1, end: baghdad.end + 1 }]));
});

test('with the previous text, an entity whose own word was edited falls back to the search', () => {
  const old = 'قصف في بغداد ثم بغداد';
  const entities = [entityAt(old, 'بغداد', 0), entityAt(old, 'بغداد', 1)];
  const text = 'قصف في بغدادي ثم بغداد';
  const result = run(text, entities, old);
  assert.equal(result.placed.length, 1);
  assert.equal(result.unresolved.length, 1);
  assert.deepEqual(spans(result.placed), spans([entityAt(text, 'بغداد', 1)]));
});

test('entities given in any order come back sorted, count unchanged, duplicates unresolved not dropped', () => {
  const text = 'بغداد والبصرة';
  const a = entityAt(text, 'بغداد', 0);
  const b = entityAt(text, 'البصرة', 0);
  const result = run(text, [b, a, { ...a }]);
  assert.deepEqual(spans(result.placed), spans([a, b]));
  assert.equal(result.unresolved.length, 1);
});

// ---- Property: random texts, random insertions that leave annotated words intact.

/** Names that are always annotated where they occur, so that where each one truly is can be told. */
const NAMES = ['بغداد', 'البصرة', 'العراق', 'الموصل', 'كربلاء', 'الأمم المتحدة'];
/** Words never annotated; العراقية holds العراق inside a word, and the emoji shift code points from UTF-16. */
const FILLERS = ['قال', 'في', 'من', 'إن', 'الوزير', 'اليوم', 'العراقية', 'بغدادي', '😀', '🇮🇶', 'مع', 'الأممية', '2024'];
const SEPARATORS = [' ', ' ', ' ', '، ', '\r\n', '\n', ' «', '» '];

interface Token {
  id: number;
  word: string;
  labels: string[];
  sep: string;
}

function render(tokens: Token[]): { text: string; entities: Array<Entity & { id: string }> } {
  let text = '';
  const entities: Array<Entity & { id: string }> = [];
  for (const t of tokens) {
    const start = cpLength(text);
    text += t.word;
    for (const label of t.labels) entities.push({ id: `${t.id}:${label}`, start, end: start + cpLength(t.word), label, text: t.word });
    text += t.sep;
  }
  return { text, entities };
}

const tokenArb = fc.record({
  name: fc.boolean(),
  nameIndex: fc.nat(NAMES.length - 1),
  fillerIndex: fc.nat(FILLERS.length - 1),
  labels: fc.constantFrom(['LOC'], ['ACTOR'], ['LOC', 'ACTOR']),
  sep: fc.constantFrom(...SEPARATORS),
});
const editArb = fc.record({ at: fc.nat(), words: fc.array(fc.record({ fillerIndex: fc.nat(FILLERS.length - 1), sep: fc.constantFrom(...SEPARATORS) }), { minLength: 1, maxLength: 12 }) });

test('property: after random insertions, every annotation is placed exactly where its word truly is now', () => {
  fc.assert(
    fc.property(fc.array(tokenArb, { minLength: 1, maxLength: 40 }), fc.array(editArb, { minLength: 1, maxLength: 5 }), fc.boolean(), (specs, edits, withPrevious) => {
      let id = 0;
      const tokens: Token[] = specs.map((s) => ({ id: id++, word: s.name ? NAMES[s.nameIndex] : FILLERS[s.fillerIndex], labels: s.name ? [...s.labels] : [], sep: s.sep }));
      const before = render(tokens);
      for (const edit of edits) {
        const inserted = edit.words.map((w) => ({ id: id++, word: FILLERS[w.fillerIndex], labels: [], sep: w.sep }));
        tokens.splice(edit.at % (tokens.length + 1), 0, ...inserted);
      }
      const after = render(tokens);
      const result = run(after.text, before.entities.map(({ id: _id, ...e }) => e), withPrevious ? before.text : undefined);
      assert.equal(result.placed.length + result.unresolved.length, before.entities.length, 'count never drops');
      assert.equal(result.unresolved.length, 0);
      assert.deepEqual(spans(result.placed), spans([...after.entities].sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : 1))));
    }),
    { seed: 8, numRuns: 400 },
  );
});

test('property: with the previous text, annotations survive edits anywhere outside them (deletions too)', () => {
  fc.assert(
    fc.property(
      fc.array(tokenArb, { minLength: 2, maxLength: 40 }),
      fc.array(fc.record({ at: fc.nat(), remove: fc.nat(3), words: fc.array(fc.nat(FILLERS.length - 1), { maxLength: 6 }) }), { minLength: 1, maxLength: 5 }),
      (specs, edits) => {
        let id = 0;
        const tokens: Token[] = specs.map((s) => ({ id: id++, word: s.name ? NAMES[s.nameIndex] : FILLERS[s.fillerIndex], labels: s.name ? [...s.labels] : [], sep: s.sep }));
        const before = render(tokens);
        for (const edit of edits) {
          // Unannotated tokens removed and others inserted (a name typed anew could be told from an old copy by no one).
          const at = edit.at % (tokens.length + 1);
          let removed = 0;
          while (removed < edit.remove && at < tokens.length && tokens[at].labels.length === 0) {
            tokens.splice(at, 1);
            removed++;
          }
          const words = edit.words.map((w) => FILLERS[w]);
          tokens.splice(at, 0, ...words.map((word) => ({ id: id++, word, labels: [], sep: ' ' })));
        }
        const after = render(tokens);
        const result = run(after.text, before.entities.map(({ id: _id, ...e }) => e), before.text);
        assert.equal(result.placed.length + result.unresolved.length, before.entities.length, 'count never drops');
        assert.deepEqual(spans(result.placed), spans([...after.entities].sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : 1))));
      },
    ),
    { seed: 9, numRuns: 300 },
  );
});

test('a long article (250,000 UTF-16 units, 12,936 entities, العراق 4,312 times): a prefix and a word typed mid-way, every entity placed', () => {
  const base = 'أعلنت القوات الأميركية في ذي قار جنوبي العراق أن قافلة مرت ببغداد ثم البصرة، وقال مسؤول في العراق إن 😀 الوضع هادئ.\n';
  const words = ['القوات الأميركية', 'ذي قار', 'العراق', 'بغداد', 'البصرة', 'العراق'];
  const once = words.map((w, k) => entityAt(base, w, k === 5 ? 1 : 0));
  const copies = Math.ceil(250_000 / base.length);
  const old = base.repeat(copies);
  const entities: Entity[] = [];
  for (let c = 0; c < copies; c++) for (const e of once) entities.push({ ...e, start: e.start + c * cpLength(base), end: e.end + c * cpLength(base) });
  const half = Math.floor(old.length / 2 / base.length) * base.length;
  const prefix = 'عاجل: ';
  const inserted = 'كلمة جديدة ';
  const text = prefix + old.slice(0, half) + inserted + old.slice(half);
  const halfCp = cpLength(old.slice(0, half));
  const truth = entities.map((e) => {
    const shift = cpLength(prefix) + (e.start >= halfCp ? cpLength(inserted) : 0);
    return { ...e, start: e.start + shift, end: e.end + shift };
  });
  for (const previous of [undefined, old]) {
    const result = run(text, entities, previous);
    assert.equal(result.unresolved.length, 0);
    assert.deepEqual(spans(result.placed), spans(truth));
  }
});

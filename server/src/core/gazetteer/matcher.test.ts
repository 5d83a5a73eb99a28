import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_NORMALIZATION } from '../corpus/config';
import { CodePointIndex } from '../text/codePoints';
import type { KbEntry } from './entries';
import { GazetteerMatcher } from './matcher';
import { boundedDistance, rankEntries } from './rank';
import { GazetteerError } from './entries';
import { readGeonamesGazetteer, readJsonlGazetteer, readTsvGazetteer } from './readers';
import { rematchAfterEdit } from './rematch';

const ENTRIES: KbEntry[] = [
  { ref: 'geonames:99237', label: 'LOC', names: ['العراق', 'جمهورية العراق'], source: 'builtin' },
  { ref: 'geonames:97019', label: 'LOC', names: ['ذي قار'], source: 'builtin' },
  { ref: 'geonames:98182', label: 'LOC', names: ['بغداد'], source: 'builtin' },
  { ref: 'geonames:99762', label: 'LOC', names: ['الديوانية'], source: 'builtin' },
  { ref: 'actor:usa-mil', label: 'ACTOR', names: ['القوات الأميركية', 'القوات الأمريكية'], source: 'builtin' },
  { ref: 'actor:usa', label: 'ACTOR', names: ['الأميركيين'], source: 'builtin' },
  { ref: 'actor:najaf-council', label: 'ACTOR', names: ['النجف'], source: 'builtin' },
  { ref: 'geonames:98463', label: 'LOC', names: ['النجف'], source: 'builtin' },
];

const matcher = (proclitics: 'exclude' | 'include' = 'exclude') => GazetteerMatcher.build(ENTRIES, { normalization: DEFAULT_NORMALIZATION, proclitics });
const found = (text: string, m = matcher()) => m.matchAll(text).map((c) => `${[...text].slice(c.start, c.end).join('')}|${c.label}`);

test('a name matches whole and after each proclitic, the span excluding the prefix', () => {
  assert.deepEqual(found('بغداد وبغداد ببغداد والعراق بالعراق وبالعراق فالعراق كالعراق'), [
    'بغداد|LOC', 'بغداد|LOC', 'بغداد|LOC', 'العراق|LOC', 'العراق|LOC', 'العراق|LOC', 'العراق|LOC', 'العراق|LOC',
  ]);
});

test('لل is ل + ال: للقوات الأميركية and للأميركيين', () => {
  const text = 'دعم للقوات الأميركية وللأميركيين';
  assert.deepEqual(found(text), ['لقوات الأميركية|ACTOR', 'لأميركيين|ACTOR']);
});

test('policy include: the span covers the proclitic', () => {
  assert.deepEqual(found('ببغداد وللأميركيين', matcher('include')), ['ببغداد|LOC', 'وللأميركيين|ACTOR']);
});

test('spelling variants, hamza and diacritics normalise; hashtags with underscores match their name', () => {
  assert.deepEqual(found('القوات الامريكية في ذِي قَار و#ذي_قار و#القوات_الأمريكية'), ['القوات الامريكية|ACTOR', 'ذِي قَار|LOC', 'ذي_قار|LOC', 'القوات_الأمريكية|ACTOR']);
});

test('longest match wins; ambiguity is kept', () => {
  assert.deepEqual(found('جمهورية العراق'), ['جمهورية العراق|LOC']);
  assert.deepEqual(found('في النجف'), ['النجف|ACTOR', 'النجف|LOC']);
});

test('no match inside a longer word or across a comma or a line', () => {
  assert.deepEqual(found('العراقية بغدادي'), []);
  assert.deepEqual(found('ذي، قار ذي\nقار'), []);
});

test('offsets are code points after an emoji, CRLF and a BOM-less text', () => {
  const text = '😀 خبر\r\nفي بغداد';
  const [c] = matcher().matchAll(text);
  assert.equal(c.start, [...text].indexOf('ب', 5));
  assert.equal([...text].slice(c.start, c.end).join(''), 'بغداد');
});

test('trailing diacritics and tatweel belong to the name', () => {
  assert.deepEqual(found('في بغدادَ اليوم'), ['بغدادَ|LOC']);
});

test('property: re-matching only the edited lines equals matching the whole new text', () => {
  const words = fc.constantFrom('بغداد', 'ببغداد', 'العراق', 'ذي', 'قار', 'القوات', 'الأميركية', 'x', '😀', ' ', ' ', '\n', '\r\n', '_', '،');
  const textArb = fc.array(words, { maxLength: 30 }).map((w) => w.join(''));
  const m = matcher();
  fc.assert(
    fc.property(textArb, textArb, fc.nat(), fc.nat(20), (text, inserted, at, len) => {
      const start = at % (text.length + 1);
      const end = Math.min(text.length, start + len);
      const oldIndex = CodePointIndex.of(text);
      const newText = text.slice(0, start) + inserted + text.slice(end);
      const newIndex = CodePointIndex.of(newText);
      const key = (c: { start: number; end: number; label: string; ref?: string }) => `${c.start}-${c.end}-${c.label}-${c.ref}`;
      const incremental = rematchAfterEdit(m, m.matchAll(text, oldIndex), oldIndex, newText, newIndex, { start, end, inserted }).map(key).sort();
      const full = m.matchAll(newText, newIndex).map(key).sort();
      assert.deepEqual(incremental, full);
    }),
    { numRuns: 500 },
  );
});

test('completion ranking: exact, after a proclitic, prefix, typo', () => {
  const m = matcher();
  const first = (q: string) => rankEntries(m, q, 5).map((r) => `${r.entry.names[0]}:${r.match}`);
  assert.equal(first('بغداد')[0], 'بغداد:exact');
  assert.equal(first('ببغداد')[0], 'بغداد:proclitic');
  assert.equal(first('الديوا')[0], 'الديوانية:prefix');
  assert.equal(first('الديوانيت')[0], 'الديوانية:fuzzy');
  assert.ok(first('القوات').includes('القوات الأميركية:prefix'));
});

test('gazetteer readers: TSV, GeoNames and JSON Lines, errors name file and line', () => {
  const tsv = readTsvGazetteer('# places\nبغداد\tLOC\tgeonames:98182\tcapital\nالحشد الشعبي\tACTOR\n', 'kb.tsv', 'gazetteer:kb.tsv');
  assert.deepEqual(tsv.map((e) => [e.names[0], e.label, e.ref]), [['بغداد', 'LOC', 'geonames:98182'], ['الحشد الشعبي', 'ACTOR', 'gazetteer:kb.tsv:الحشد الشعبي']]);
  assert.throws(() => readTsvGazetteer('بغداد\n', 'kb.tsv', 'x'), (e: GazetteerError) => e.message === 'kb.tsv:1: no label (name<TAB>label[<TAB>ref[<TAB>description]])');
  const row = ['98182', 'Baghdad', 'Baghdad', 'Bagdad,بغداد', '33.34058', '44.40088', 'P', 'PPLC', 'IQ', '', '07', '', '', '', '7216000', '', '41', 'Asia/Baghdad', '2020-01-01'].join('\t');
  const [geo] = readGeonamesGazetteer(row + '\n', 'cities.txt', 'gazetteer:cities.txt');
  assert.deepEqual(geo.names, ['Baghdad', 'Bagdad', 'بغداد']);
  assert.equal(geo.ref, 'geonames:98182');
  assert.match(geo.description!, /^capital, admin1 IQ\.07, IQ — 33\.34, 44\.40$/);
  assert.throws(() => readGeonamesGazetteer('1\t2\n', 'cities.txt', 'x'), /cities\.txt:1: expected 19/);
  const [kb] = readJsonlGazetteer('{"id":"actor:pmf","label":"ACTOR","names":["الحشد الشعبي","الحشد"]}\n', 'kb.jsonl', 'x');
  assert.deepEqual(kb.names, ['الحشد الشعبي', 'الحشد']);
  assert.throws(() => readJsonlGazetteer('\n{"id":"a","label":"LOC","names":[]}', 'kb.jsonl', 'x'), /kb\.jsonl:2: "names" must be/);
});

test('a text of many chunks matches exactly as its lines do one by one (chunk edges, astral offsets)', () => {
  const m = matcher();
  const words = ['بغداد', 'ببغداد', 'وبالعراق', 'ذي قار', 'للقوات الأميركية', 'في', 'مدينة', '😀', 'x', 'النجف'];
  let seed = 7;
  const pick = () => words[(seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % words.length];
  // Lines of up to ~2,000 characters, 200,000 in all: several scan chunks, with lines across their edges.
  const lines: string[] = [];
  for (let total = 0; total < 200_000; ) {
    const line = Array.from({ length: 1 + ((seed >>> 3) % 300) }, pick).join(' ');
    lines.push(line);
    total += line.length + 1;
  }
  const text = lines.join('\n');
  const whole = m.matchAll(text).map((c) => `${c.start}-${c.end}-${c.ref}`);
  const byLine: string[] = [];
  let offset = 0;
  for (const line of lines) {
    for (const c of m.matchAll(line)) byLine.push(`${c.start + offset}-${c.end + offset}-${c.ref}`);
    offset += [...line].length + 1;
  }
  assert.ok(whole.length > 10_000, `${whole.length} matches`);
  assert.deepEqual(whole, byLine);
});

test('index lookups by ref after more entries are added', () => {
  const m = matcher();
  assert.equal(m.entryByRef('geonames:98182')?.names[0], 'بغداد');
  m.add({ ref: 'actor:new', label: 'ACTOR', names: ['الحشد الشعبي'], source: 'memory' });
  assert.equal(m.entryByRef('actor:new')?.names[0], 'الحشد الشعبي');
  assert.deepEqual(found('قوات الحشد الشعبي', m), ['الحشد الشعبي|ACTOR']);
  assert.equal(m.entryByRef('nope'), undefined);
});

test('property: boundedDistance is the Levenshtein distance, capped at max + 1', () => {
  const levenshtein = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length][b.length];
  };
  const word = fc.array(fc.constantFrom('ب', 'غ', 'د', 'ا', ' '), { maxLength: 90 }).map((w) => w.join(''));
  fc.assert(
    fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
      assert.equal(boundedDistance(a, b, max), Math.min(levenshtein(a, b), max + 1));
    }),
    { numRuns: 500 },
  );
});

test('a keystroke on a line holding 150,000 matches re-matches it whole (no call with one argument per match)', () => {
  const m = matcher();
  const line = 'بغداد '.repeat(150_000);
  const text = line + '\nالعراق';
  const index = CodePointIndex.of(text);
  const previous = m.matchAll(text, index);
  // Hand count: every repeated word, and the one on the second line.
  assert.equal(previous.length, 150_001);
  const newText = 'و' + text;
  const after = rematchAfterEdit(m, previous, index, newText, index.applyEdit(0, 0, 'و', newText), { start: 0, end: 0, inserted: 'و' });
  // وبغداد is بغداد after the proclitic و: still 150,001 matches, the first now one code point later.
  assert.equal(after.length, 150_001);
  assert.equal(after[0].start, 1);
  assert.equal(after[150_000].start, line.length + 2);
});

test('a name is its own key only when normalisation keeps it as it is: marks, alef forms, presentation forms, runs of spaces and edges are normalised', () => {
  const m = new GazetteerMatcher({ normalization: DEFAULT_NORMALIZATION, proclitics: 'exclude' });
  const own = 'مدينة الصدر';
  const cases: Array<[string, string]> = [
    ['بغداد', 'بغداد'],
    ['بَغْدَاد', 'بغداد'],
    ['أربيل', 'اربيل'],
    ['ذي  قار', 'ذي قار'],
    [' ذي قار ', 'ذي قار'],
    ['ذي_قار', 'ذي قار'],
    ['ﻻ', 'لا'],
    ['بغداد١', 'بغداد1'],
  ];
  for (const [name, key] of cases) assert.equal(m.keyOf(name), key, name);
  assert.equal(m.keyOf(own), m.normalizer.normalizeString(own).split(/\s+/).join(' '));
});

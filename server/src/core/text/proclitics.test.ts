import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { procliticSplits } from './proclitics';

const splits = (word: string) => procliticSplits(word).map((s) => (s.elidedAlef ? 'ا' : '') + word.slice(s.prefix));

test('a bare word is its only reading', () => {
  assert.deepEqual(splits('العراق'), ['العراق']);
});

test('preposition ب before the article: بالعراق reads as العراق', () => {
  assert.deepEqual(splits('بالعراق'), ['بالعراق', 'العراق']);
});

test('a name starting with ب keeps its whole reading first: ببغداد and بغداد', () => {
  assert.deepEqual(splits('ببغداد'), ['ببغداد', 'بغداد']);
  assert.deepEqual(splits('بغداد'), ['بغداد', 'غداد']);
});

test('conjunction then preposition: وبالعراق', () => {
  assert.deepEqual(splits('وبالعراق'), ['وبالعراق', 'بالعراق', 'العراق']);
});

test('لل is ل + ال with the alef elided: للقوات reads as القوات', () => {
  assert.deepEqual(splits('للقوات'), ['للقوات', 'لقوات', 'القوات']);
  assert.deepEqual(splits('وللأميركيين'), ['وللأميركيين', 'للأميركيين', 'لأميركيين', 'الأميركيين']);
});

test('remainders shorter than two letters are not tried', () => {
  assert.deepEqual(splits('ول'), ['ول']);
  assert.deepEqual(splits('ولد'), ['ولد', 'لد']);
});

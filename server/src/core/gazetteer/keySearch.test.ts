import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { type KeyList, KeySearch, letterSignature } from './keySearch';

const listOf = (keys: string[]): KeyList => ({ length: keys.length, get: (n) => keys[n] });

// Keys from a few letters and spaces, so that many share heads, first words, lengths and letters; '' where a key
// was merged into an earlier copy (the matcher lists each key once).
const word = fc.string({ unit: fc.constantFrom('ا', 'ل', 'ب', 'غ', 'د'), minLength: 1, maxLength: 5 });
const key = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' ')).filter((k) => k.length >= 2);
const keys = fc
  .array(fc.oneof({ weight: 9, arbitrary: key }, { weight: 1, arbitrary: fc.constant('') }), { maxLength: 300 })
  .map((list) => list.map((k, i) => (k !== '' && list.indexOf(k) < i ? '' : k)));

test('property: completions are the first keys in code-unit order that start with the text, as a sorted scan finds them', () => {
  fc.assert(
    fc.property(keys, key, fc.boolean(), fc.integer({ min: 1, max: 12 }), (list, prefix, wholeWords, limit) => {
      if (!wholeWords && prefix.length < 4) return;
      const search = KeySearch.of(listOf(list));
      const expected = list
        .filter((k) => k.length > prefix.length && k.startsWith(prefix) && (!wholeWords || k.charCodeAt(prefix.length) === 0x20))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, limit);
      assert.deepEqual(search.completions(prefix, wholeWords, limit), expected);
    }),
    { numRuns: 300 },
  );
});

test('property: the keys of one length and first (or second) letter whose letters are few edits away, each once', () => {
  const differing = (a: number, b: number) => [...(a & ~b).toString(2)].filter((bit) => bit === '1').length;
  fc.assert(
    fc.property(keys, fc.integer({ min: 1, max: 17 }), fc.constantFrom('ا', 'ل', 'ب', ' '), fc.constantFrom('first', 'second'), key, fc.integer({ min: 0, max: 2 }), (list, length, letter, by, near, edits) => {
      const search = KeySearch.of(listOf(list));
      const signature = letterSignature(near);
      const got: string[] = [];
      search.forEachOfLength(by as 'first' | 'second', length, letter.charCodeAt(0), signature, edits, (k) => got.push(k));
      const expected = list.filter((k) => {
        if (k.length !== length || k.charAt(by === 'first' ? 0 : 1) !== letter) return false;
        const other = letterSignature(k);
        return differing(signature >>> 0, other >>> 0) <= edits && differing(other >>> 0, signature >>> 0) <= edits;
      });
      assert.deepEqual(got.sort(), expected.sort());
    }),
    { numRuns: 300 },
  );
});

test('ذي completes to the words of ذي قار, not to ذيب; الديوا completes to الديوانية, nearest first', () => {
  const search = KeySearch.of(listOf(['ذي قار', 'ذيب', 'ذي', '', 'الديوانية', 'الديوان', 'الديوانية الجديدة', 'الدير']));
  assert.deepEqual(search.completions('ذي', true, 10), ['ذي قار']);
  assert.deepEqual(search.completions('الديوا', false, 10), ['الديوان', 'الديوانية', 'الديوانية الجديدة']);
  assert.deepEqual(search.completions('الديوا', false, 2), ['الديوان', 'الديوانية']);
  assert.deepEqual(search.completions('الدي', false, 10), ['الدير', 'الديوان', 'الديوانية', 'الديوانية الجديدة'], 'ر before و');
  assert.deepEqual(search.completions('الد', false, 10), [], 'a partial word from four letters only');
});

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { CodePointIndex, decodeArticle } from './codePoints';

test('code points and UTF-16 agree on text without astral characters', () => {
  const index = CodePointIndex.of('قالت مصادر');
  assert.equal(index.codePointLength, 10);
  assert.equal(index.toCodePoint(5), 5);
  assert.equal(index.toUtf16(5), 5);
});

test('an emoji before a word shifts UTF-16 offsets by one, not code-point offsets', () => {
  const text = 'x😀 بغداد';
  const index = CodePointIndex.of(text);
  const u16 = text.indexOf('بغداد');
  assert.equal(u16, 4);
  assert.equal(index.toCodePoint(u16), 3);
  assert.equal(index.toUtf16(3), 4);
  assert.equal([...text].slice(3, 8).join(''), 'بغداد');
  assert.equal(index.codePointLength, [...text].length);
});

test('an offset inside a surrogate pair counts as before the pair', () => {
  const index = CodePointIndex.of('a😀b');
  assert.equal(index.toCodePoint(2), 1);
  assert.equal(index.toCodePoint(3), 2);
});

test('decodeArticle removes exactly one BOM and keeps CRLF', () => {
  const bytes = Buffer.from('\uFEFF\uFEFFسطر\r\nثان', 'utf8');
  const { text, hasBom } = decodeArticle(bytes);
  assert.equal(hasBom, true);
  assert.equal(text, '\uFEFFسطر\r\nثان');
  assert.deepEqual(decodeArticle(Buffer.from('abc')), { text: 'abc', hasBom: false });
});

const pieces = fc.constantFrom('a', 'ب', 'غ', ' ', '\r\n', '\n', '😀', '𝔸', '\uD83D', '\uDE00', 'ﻻ');
const textArb = fc.array(pieces, { maxLength: 30 }).map((p) => p.join(''));

test('property: conversions match a naive count for every offset', () => {
  fc.assert(
    fc.property(textArb, (text) => {
      const index = CodePointIndex.of(text);
      const cps = [...text];
      assert.equal(index.codePointLength, cps.length);
      let u16 = 0;
      for (let cp = 0; cp <= cps.length; cp++) {
        assert.equal(index.toUtf16(cp), u16);
        assert.equal(index.toCodePoint(u16), cp);
        if (cp < cps.length) u16 += cps[cp].length;
      }
    }),
  );
});

test('property: applyEdit gives the same index as rebuilding it', () => {
  fc.assert(
    fc.property(textArb, textArb, fc.nat(), fc.nat(), (text, inserted, a, b) => {
      const start = a % (text.length + 1);
      const end = start + (b % (text.length - start + 1));
      const after = text.slice(0, start) + inserted + text.slice(end);
      const edited = CodePointIndex.of(text).applyEdit(start, end, inserted, after);
      const rebuilt = CodePointIndex.of(after);
      assert.equal(edited.codePointLength, rebuilt.codePointLength);
      for (let u = 0; u <= after.length; u++) assert.equal(edited.toCodePoint(u), rebuilt.toCodePoint(u));
    }),
    { numRuns: 500 },
  );
});

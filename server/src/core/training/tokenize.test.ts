import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { sentenceStarts } from './sentences';
import { baseTokens, procliticPrefixLength, splitProclitics, splitTokensAt } from './tokenize';

const words = (text: string, mode: 'default' | 'whitespace' = 'default') => {
  const t = baseTokens(text, mode);
  return t.start.map((s, i) => text.slice(s, t.end[i]));
};

test('default tokens: Arabic words, punctuation apart, numbers with separators whole, invisible marks dropped', () => {
  assert.deepEqual(words('قالت مصادر أمنية عراقية، اليوم «الأربعاء»: 3.5% و٣٫٥ و2,000!'), [
    'قالت', 'مصادر', 'أمنية', 'عراقية', '،', 'اليوم', '«', 'الأربعاء', '»', ':', '3.5', '%', 'و٣٫٥', 'و2,000', '!',
  ]);
  assert.deepEqual(words('\u200Eفرانكفورت \u200F(د ب ا)'), ['فرانكفورت', '(', 'د', 'ب', 'ا', ')']);
  assert.deepEqual(words('ما ... هذا؟! #العراق'), ['ما', '...', 'هذا', '؟', '!', '#', 'العراق']);
  // ZWNJ inside a Persian word keeps it whole; diacritics and tatweel belong to the word.
  assert.deepEqual(words('می\u200Cخواهم عـــربيّة'), ['می\u200Cخواهم', 'عـــربيّة']);
  // Astral characters (emoji) are one token, not two halves.
  assert.deepEqual(words('بغداد 😀 اليوم'), ['بغداد', '😀', 'اليوم']);
});

test('whitespace tokens keep everything between spaces; splitTokensAt cuts only inside tokens', () => {
  assert.deepEqual(words('العراق. (د ب ا)\nب\u00a0ج', 'whitespace'), ['العراق.', '(د', 'ب', 'ا)', 'ب\u00a0ج']);
  const text = 'بالعراق اليوم';
  const t = splitTokensAt(baseTokens(text, 'default'), [0, 1, 7, 8]);
  assert.deepEqual(t.start.map((s, i) => text.slice(s, t.end[i])), ['ب', 'العراق', 'اليوم']);
});

test('proclitic prefix: entity boundary honoured when it reads as proclitics, article rule otherwise', () => {
  const w = 'وبالعراق';
  assert.equal(procliticPrefixLength(w, 0, w.length, 2), 2);
  assert.equal(procliticPrefixLength(w, 0, w.length), 2);
  assert.equal(procliticPrefixLength('بغداد', 0, 5), 0); // a name starting with ب is not split
  assert.equal(procliticPrefixLength('بالغ', 0, 4), 0); // ال + one letter: too short for the article rule
  assert.equal(procliticPrefixLength('للقوات', 0, 6), 1); // لل contraction: ل + لقوات
  assert.equal(procliticPrefixLength('فإن', 0, 3), 0);
  const text = 'وبالعراق والحكومة ببغداد';
  const t = splitProclitics(text, baseTokens(text, 'default'), [19, 24]);
  assert.deepEqual(t.start.map((s, i) => text.slice(s, t.end[i])), ['و', 'ب', 'العراق', 'و', 'الحكومة', 'ب', 'بغداد']);
});

test('sentences end at Arabic and Latin sentence marks followed by space, take closing quotes, never inside an entity', () => {
  const text = 'قال: "انتهى." ثم غادر؟! وعاد.\nسطر جديد U.S.A. هنا';
  const t = baseTokens(text, 'default');
  const starts = sentenceStarts(text, t, 'punctuation');
  const sentences = starts.slice(0, -1).map((s, i) => t.start.slice(s, starts[i + 1]).map((x, k) => text.slice(x, t.end[s + k])).join(' '));
  assert.deepEqual(sentences, ['قال : " انتهى . "', 'ثم غادر ؟ !', 'وعاد .', 'سطر جديد U . S . A .', 'هنا']);
  const blocked = new Uint8Array(t.start.length);
  blocked[5] = 1; // the gap after the closing quote
  assert.equal(sentenceStarts(text, t, 'punctuation', blocked)[1], 10);
  assert.deepEqual(sentenceStarts(text, t, 'lines'), [0, starts[3], t.start.length]);
});

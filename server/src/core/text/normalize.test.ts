import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { DEFAULT_NORMALIZATION, type NormalizationOptions } from '../corpus/config';
import { Normalizer } from './normalize';

const only = (key: keyof NormalizationOptions, on: boolean): NormalizationOptions => {
  const all = Object.fromEntries(Object.keys(DEFAULT_NORMALIZATION).map((k) => [k, false])) as unknown as NormalizationOptions;
  return { ...all, [key]: on };
};

const cases: Array<[keyof NormalizationOptions, string, string]> = [
  ['diacritics', 'بَغْدَادُ قُرْآن ٰ', 'بغداد قرآن '],
  ['tatweel', 'بغـــداد', 'بغداد'],
  ['alef', 'أإآٱ', 'اااا'],
  ['alefMaksura', 'مصطفى', 'مصطفي'],
  ['tehMarbuta', 'الديوانية', 'الديوانيه'],
  ['hamzaCarriers', 'مؤتمر هيئة', 'موتمر هيية'],
  ['persianLetters', 'کرمانشاہ ی', 'كرمانشاه ي'],
  ['digits', '٢٠٢٠ و۱۹', '2020 و19'],
  ['bidiControls', '\u200fبغداد\u200e\u202bx\u202c\u2066y\u2069', 'بغدادxy'],
  ['joiners', 'ب\u200dغ\u200cد', 'بغد'],
  ['presentationForms', 'ﻻ ﺑﻐﺪاد', 'لا بغداد'],
];

for (const [key, input, expected] of cases) {
  test(`normalisation switch ${key}: on changes, off keeps`, () => {
    assert.equal(new Normalizer(only(key, true)).normalizeString(input), expected);
    assert.equal(new Normalizer(only(key, false)).normalizeString(input), input);
  });
}

test('every switch together, with an offset map back to the original', () => {
  const original = '\u200fفي بَغْـداد 😀 والبصرة';
  const { text, origin } = new Normalizer(DEFAULT_NORMALIZATION).normalize(original);
  assert.equal(text, 'في بغداد 😀 والبصره');
  const at = text.indexOf('بغداد');
  assert.equal(original.slice(origin[at], origin[at + 5 - 1] + 1), 'بَغْـداد');
  assert.equal(origin[text.length], original.length);
  const emoji = text.indexOf('😀');
  assert.equal(original.slice(origin[emoji], origin[emoji + 1] + 1), '😀');
});

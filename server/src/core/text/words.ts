// What a word is, in one place: letters, combining marks and decimal digits (any script) are word characters;
// everything else — spaces, punctuation, symbols, bidi controls — separates words. The matcher, the code actions,
// the diagnostics, completion and re-anchoring all use this definition, so an entity edge that one of them calls
// a word edge is a word edge for all of them.

import { WORD_CHAR } from '../../../../common/wordPattern';

/** One word character (a single code point as a string, or the first code point of a string). */
export { WORD_CHAR } from '../../../../common/wordPattern';

/** A run of word characters. */
export const WORD_RUN = /[\p{L}\p{M}\p{Nd}]+/gu;

/** Whether the code point is a word character. */
export function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < 0x10000) return WORD_TABLE[codePoint] === 1;
  return WORD_CHAR.test(String.fromCodePoint(codePoint));
}

/** Whether `char` (one code point, or empty) is a word character; empty is not. */
export function isWordChar(char: string): boolean {
  return char.length > 0 && WORD_CHAR.test(char);
}

/** A lookup table for the Basic Multilingual Plane, for the scanners that test every code unit. */
export const WORD_TABLE: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (WORD_CHAR.test(String.fromCharCode(c))) table[c] = 1;
  }
  return table;
})();

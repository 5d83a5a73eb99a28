// Where an annotation's text occurs in an article, by the matcher's own idea of a word: an occurrence ends at a
// word edge and starts at one, or right after a proclitic prefix (و ف, then ب ل ك, or لل) — so العراق is found
// in بالعراق but not in العراقية, and بغداد not inside وبغدادي.
import { procliticSplits } from '../text/proclitics';
import { WORD_TABLE, isWordCodePoint } from '../text/words';

/** UTF-16 offsets of every occurrence of `needle` in `text` that sits at word edges, in order. */
export function wordOccurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (atWordEdges(text, at, at + needle.length)) out.push(at);
  }
  return out;
}

/** Whether UTF-16 range [start, end) of `text` begins and ends at word edges (a proclitic prefix allowed). */
export function atWordEdges(text: string, start: number, end: number): boolean {
  if (end < text.length && isWordAt(text, end) && isWordBefore(text, end)) return false;
  if (start > 0 && isWordBefore(text, start) && isWordAt(text, start)) return afterProclitic(text, start);
  return true;
}

/**
 * True when the characters from the start of the word holding `start` up to `start` are a proclitic prefix. The
 * matcher reads proclitics on normalised text, so diacritics and tatweel between the letters (وَبِـ) are skipped.
 */
function afterProclitic(text: string, start: number): boolean {
  let wordStart = start;
  while (wordStart > 0 && isWordBefore(text, wordStart)) wordStart -= codeUnitsBefore(text, wordStart);
  let wordEnd = start;
  while (wordEnd < text.length && isWordAt(text, wordEnd)) wordEnd += codeUnitsAt(text, wordEnd);
  // The word's letters without marks, and where in the text each letter's marks end.
  let letters = '';
  const after: number[] = [];
  for (let i = wordStart; i < wordEnd; i++) {
    const unit = text.charCodeAt(i);
    if (isIgnorable(unit)) {
      if (after.length > 0) after[after.length - 1] = i + 1;
      continue;
    }
    letters += text[i];
    after.push(i + 1);
  }
  // A proclitic prefix is at most two letters (وب، فل، لل); a longer stretch before `start` is part of the word.
  return procliticSplits(letters).some((split) => split.prefix > 0 && split.prefix <= 2 && after[split.prefix - 1] === start);
}

/** Diacritics, the superscript alef, Quranic marks and tatweel: dropped by the matcher's normalisation. */
function isIgnorable(unit: number): boolean {
  return (unit >= 0x064b && unit <= 0x065f) || unit === 0x0670 || (unit >= 0x06d6 && unit <= 0x06dc) || unit === 0x0640;
}

function isWordAt(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdfff) return WORD_TABLE[unit] === 1;
  return isWordCodePoint(text.codePointAt(i)!);
}

function isWordBefore(text: string, i: number): boolean {
  const unit = text.charCodeAt(i - 1);
  if (unit < 0xd800 || unit > 0xdfff) return WORD_TABLE[unit] === 1;
  return isWordCodePoint(text.codePointAt(i - codeUnitsBefore(text, i))!);
}

function codeUnitsAt(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

function codeUnitsBefore(text: string, i: number): number {
  const low = text.charCodeAt(i - 1);
  const high = i >= 2 ? text.charCodeAt(i - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
}

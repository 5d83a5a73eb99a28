// Word steps of the keyboard selection in the annotation view: Shift+Left and Shift+Right move the selection's
// end word by word in the order the words are seen. In a right-to-left paragraph the next word in reading order
// is to the left, so Shift+Left moves forward in the text and Shift+Right back; in a left-to-right line the other
// way round (the page decides the direction). Words are runs of the shared word characters
// (common/wordPattern.ts) and underscores (a hashtag's words).
import { COMPLETION_WORD } from '../../../../common/wordPattern';

const WORDS = new RegExp(COMPLETION_WORD.source, 'gu');

/** The words of a line as [start, end) UTF-16 offsets. */
export function wordsOf(text: string): Array<[number, number]> {
  const words: Array<[number, number]> = [];
  for (const m of text.matchAll(WORDS)) words.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return words;
}

/**
 * Where the selection's moving end goes from `at`: `forward` in reading order to the end of the word it is in or
 * the next one; backward to the start of the word it is in or the previous one. Stays put at the ends of the line.
 */
export function nextWordBoundary(text: string, at: number, forward: boolean): number {
  const words = wordsOf(text);
  if (forward) {
    const word = words.find(([, end]) => end > at);
    return word ? word[1] : at;
  }
  for (let i = words.length - 1; i >= 0; i--) if (words[i][0] < at) return words[i][0];
  return at;
}

// Keyboard selection in the article: Shift+Left and Shift+Right extend the selection word by word in the order
// the words are seen. In a right-to-left paragraph the next word in reading order is to the left, so Shift+Left
// moves the selection's end forward in the text and Shift+Right back; in a left-to-right line the other way
// round. The selection is the browser's own (so it is drawn as one, and the number keys label it like a
// selection made with the mouse); words are runs of the shared word characters (common/wordPattern.ts).
// @ts-check
import { WORD_CHAR } from '../../../../common/wordPattern';

const WORDS = new RegExp(`(?:${WORD_CHAR.source}|_)+`, 'gu');

/** The words of a line as [start, end) UTF-16 offsets. */
export function wordsOf(text) {
  const words = [];
  for (const m of text.matchAll(WORDS)) words.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return words;
}

/**
 * Where the selection's moving end goes: `forward` in reading order to the end of the word it is in or the next
 * one, backward to the start of the word it is in or the previous one. Stays put at the ends of the line.
 */
export function nextWordBoundary(text, at, forward) {
  const words = wordsOf(text);
  if (forward) {
    const word = words.find(([, end]) => end > at);
    return word ? word[1] : at;
  }
  for (let i = words.length - 1; i >= 0; i--) if (words[i][0] < at) return words[i][0];
  return at;
}

/** The DOM point of a line's character in a shown paragraph (text spans carry their line and start). */
export function domPoint(p, character) {
  const spans = p.querySelectorAll('.text');
  for (const span of spans) {
    const start = Number(/** @type {HTMLElement} */ (span).dataset.start);
    const node = span.firstChild;
    const length = node?.nodeValue?.length ?? 0;
    if (node && character >= start && character <= start + length) return { node, offset: character - start };
  }
  return undefined;
}

// Sentence splitting over tokens: at line breaks always; with `punctuation`, also after Arabic and Latin sentence
// punctuation (. ! ? ؟ ۔ …) that whitespace follows, taking closing quotes and brackets along. A sentence never
// ends inside an entity: the break moves to after the entity.
import type { TokenSpans } from './tokenize';

const TERMINAL = /^[.!?\u061F\u06D4\u2026]+$/;
const CLOSING = /^[»”’"')\]}›]+$/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const SPACE = /[\s\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

/**
 * Index of the first token of each sentence, followed by the token count. `blocked[i]` true forbids a break
 * between token i and i + 1 (the gap lies inside an entity).
 */
export function sentenceStarts(text: string, tokens: TokenSpans, mode: 'punctuation' | 'lines', blocked?: Uint8Array): number[] {
  const n = tokens.start.length;
  const starts: number[] = n > 0 ? [0] : [];
  const gapHas = (i: number, pattern: RegExp): boolean => {
    for (let k = tokens.end[i]; k < tokens.start[i + 1]; k++) if (pattern.test(text[k])) return true;
    return false;
  };
  for (let i = 0; i < n - 1; i++) {
    if (blocked?.[i]) continue;
    let breakHere = gapHas(i, LINE_BREAK);
    if (!breakHere && mode === 'punctuation') {
      const token = text.slice(tokens.start[i], tokens.end[i]);
      const next = text.slice(tokens.start[i + 1], tokens.end[i + 1]);
      const adjacent = tokens.end[i] === tokens.start[i + 1];
      const ends = TERMINAL.test(token) || (CLOSING.test(token) && endsAfterTerminal(text, tokens, i));
      // Wait for the last of adjacent terminal marks and closing quotes (؟! or .») before breaking.
      const continues = adjacent && (TERMINAL.test(next) || CLOSING.test(next));
      breakHere = ends && !continues && gapHas(i, SPACE);
    }
    if (breakHere) starts.push(i + 1);
  }
  starts.push(n);
  return starts;
}

/** Whether the closing marks ending at token i directly follow a terminal mark (." or ؟»). */
function endsAfterTerminal(text: string, tokens: TokenSpans, i: number): boolean {
  for (let k = i; k > 0; k--) {
    if (tokens.start[k] !== tokens.end[k - 1]) return false;
    const previous = text.slice(tokens.start[k - 1], tokens.end[k - 1]);
    if (TERMINAL.test(previous)) return true;
    if (!CLOSING.test(previous)) return false;
  }
  return false;
}

// Tokenisation for export (SPEC §4, §6): Arabic-aware tokens that never cross an entity boundary. Offsets are
// UTF-16 here (what JavaScript strings index); formats convert to code points where they write offsets.
import { procliticSplits } from '../text/proclitics';

export interface TokenSpans {
  start: number[];
  end: number[];
}

/**
 * Default tokens: runs of letters, marks and digits (joined through ZWNJ/ZWJ, and through . , ٫ ٬ between digits:
 * 3.5, 2,000, ٣٫٥); every other visible character is a token of its own, a run of the same character (... !!)
 * one token. Whitespace, bidi controls and other invisible format characters separate tokens and belong to none.
 */
const DEFAULT_TOKEN =
  /[\p{L}\p{M}\p{N}]+(?:(?:[\u200C\u200D]+|(?<=\p{N})[.,\u066B\u066C](?=\p{N}))[\p{L}\p{M}\p{N}]+)*|([\s\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\u061C]+)|(.)\2*/gsu;

/** Whitespace tokens: anything between whitespace (no-break spaces stay inside a token). */
const WHITESPACE_TOKEN = /[^\t\n\v\f\r \u1680\u2000-\u200a\u2028\u2029\u205f\u3000\ufeff]+/g;

const WORD_START = /^[\p{L}\p{M}\p{N}]/u;

export function baseTokens(text: string, mode: 'default' | 'whitespace'): TokenSpans {
  const start: number[] = [];
  const end: number[] = [];
  if (mode === 'whitespace') {
    WHITESPACE_TOKEN.lastIndex = 0;
    for (let m = WHITESPACE_TOKEN.exec(text); m; m = WHITESPACE_TOKEN.exec(text)) {
      start.push(m.index);
      end.push(m.index + m[0].length);
    }
    return { start, end };
  }
  DEFAULT_TOKEN.lastIndex = 0;
  for (let m = DEFAULT_TOKEN.exec(text); m; m = DEFAULT_TOKEN.exec(text)) {
    if (m[1] !== undefined) continue; // separator
    start.push(m.index);
    end.push(m.index + m[0].length);
  }
  return { start, end };
}

/** Splits every token that has one of `points` (sorted, UTF-16) strictly inside it. */
export function splitTokensAt(tokens: TokenSpans, points: readonly number[]): TokenSpans {
  if (points.length === 0) return tokens;
  const start: number[] = [];
  const end: number[] = [];
  let p = 0;
  for (let i = 0; i < tokens.start.length; i++) {
    let s = tokens.start[i];
    const e = tokens.end[i];
    while (p < points.length && points[p] <= s) p++;
    while (p < points.length && points[p] < e) {
      if (points[p] > s) {
        start.push(s);
        end.push(points[p]);
        s = points[p];
      }
      p++;
    }
    start.push(s);
    end.push(e);
  }
  return { start, end };
}

/** Index of the token containing UTF-16 offset `at` strictly inside it (start < at < end), or -1. */
export function tokenStrictlyContaining(tokens: TokenSpans, at: number): number {
  let lo = 0;
  let hi = tokens.start.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens.start[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1; // last token starting before `at`
  return i >= 0 && tokens.end[i] > at ? i : -1;
}

/** Smallest remainder (UTF-16 units, article included) after a proclitic for the article rule: ال + 2 letters. */
const MIN_ARTICLE_REMAINDER = 4;

/**
 * The proclitic prefix length to split off the word [s, e) under `--clitics split`: the prefix an entity boundary
 * marks (when it reads as proclitics), else the longest proclitic prefix followed by the article ال (or the لل
 * contraction) and at least two more letters. 0 when nothing is split.
 */
export function procliticPrefixLength(text: string, s: number, e: number, boundaryInside?: number): number {
  const splits = procliticSplits(text, s, e).filter((split) => split.prefix > 0);
  if (splits.length === 0) return 0;
  if (boundaryInside !== undefined) {
    const wanted = boundaryInside - s;
    if (splits.some((split) => split.prefix === wanted)) return wanted;
  }
  let best = 0;
  for (const split of splits) {
    const rest = s + split.prefix;
    if (e - rest < MIN_ARTICLE_REMAINDER) continue;
    const article = split.elidedAlef ? text.charCodeAt(rest) === 0x0644 : text.startsWith('\u0627\u0644', rest);
    if (article && split.prefix > best) best = split.prefix;
  }
  return best;
}

/**
 * Splits proclitics off words (`--clitics split`): each clitic letter becomes a token, the rest of the word another.
 * `boundaries` are the entity boundaries (sorted, UTF-16), used to honour a prefix an annotator excluded.
 */
export function splitProclitics(text: string, tokens: TokenSpans, boundaries: readonly number[]): TokenSpans {
  const start: number[] = [];
  const end: number[] = [];
  let b = 0;
  for (let i = 0; i < tokens.start.length; i++) {
    const s = tokens.start[i];
    const e = tokens.end[i];
    while (b < boundaries.length && boundaries[b] <= s) b++;
    const inside = b < boundaries.length && boundaries[b] < e ? boundaries[b] : undefined;
    const prefix = WORD_START.test(text.slice(s, s + 2)) ? procliticPrefixLength(text, s, e, inside) : 0;
    for (let k = 0; k < prefix; k++) {
      start.push(s + k);
      end.push(s + k + 1);
    }
    start.push(s + prefix);
    end.push(e);
  }
  return { start, end };
}

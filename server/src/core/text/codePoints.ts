// Offsets in sidecars are Unicode code points; editors and LSP count UTF-16 code units. The two differ only after
// astral characters (emoji, rare CJK, mathematical letters), so we keep the sorted UTF-16 positions of the astral
// characters and convert with a binary search: O(log astral) per conversion, no copy of the text.
import { lowerBound } from '../lowerBound';

const BOM = '\uFEFF';

/** Decodes a text file's bytes as the sidecar format defines it: UTF-8, one leading BOM removed. */
export function decodeArticle(bytes: Uint8Array): { text: string; hasBom: boolean } {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  return text.startsWith(BOM) ? { text: text.slice(1), hasBom: true } : { text, hasBom: false };
}

/** Strips one leading BOM from text that an editor already decoded (VS Code keeps none, other clients may). */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}


/** A surrogate pair, matched code unit by code unit (no `u` flag): the regex engine scans far faster than a loop. */
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** UTF-16 indices of the high surrogates of every well-formed surrogate pair in `text`, from `from`, sorted. */
export function astralPositions(text: string, from = 0, to = text.length, base = 0): number[] {
  const out: number[] = [];
  // A slice is a view in V8 (no copy), and bounds the search to the range: an edit rescans only what it touched.
  const range = from === 0 && to === text.length ? text : text.slice(from, to);
  SURROGATE_PAIR.lastIndex = 0;
  for (let m = SURROGATE_PAIR.exec(range); m !== null; m = SURROGATE_PAIR.exec(range)) out.push(base + m.index);
  return out;
}

/** Number of elements of sorted `values` strictly less than `x`. */
const countBelow = lowerBound<number>;

/**
 * Converts between UTF-16 offsets and code-point offsets of one text. Immutable; `applyEdit` returns the index of
 * the edited text in O(astral characters + inserted length), without rescanning the document.
 */
export class CodePointIndex {
  private constructor(
    /** UTF-16 offsets of high surrogates, sorted. */
    private readonly astral: readonly number[],
    readonly utf16Length: number,
  ) {}

  static of(text: string): CodePointIndex {
    return new CodePointIndex(astralPositions(text), text.length);
  }

  get codePointLength(): number {
    return this.utf16Length - this.astral.length;
  }

  /** Code-point offset of a UTF-16 offset. An offset inside a surrogate pair counts as before the pair. */
  toCodePoint(utf16: number): number {
    return utf16 - countBelow(this.astral, utf16);
  }

  /** UTF-16 offset of a code-point offset. */
  toUtf16(codePoint: number): number {
    // Each astral character before the target adds one code unit. Find the smallest u with toCodePoint(u) == cp.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // code-point offset of astral[mid] is astral[mid] - mid
      if (this.astral[mid] - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }

  /**
   * The index after replacing UTF-16 range [start, end) with `inserted`. `text` must be the text after the edit,
   * used only to look at the surrogates at the seams of the edit.
   */
  applyEdit(start: number, end: number, inserted: string, textAfter: string): CodePointIndex {
    const delta = inserted.length - (end - start);
    // Pairs wholly before the edit keep their place, pairs wholly after it shift; a pair at either seam may have
    // been split or joined, so the seams are rescanned in the new text.
    const kept = this.astral.slice(0, countBelow(this.astral, start - 1));
    const rescanFrom = Math.max(0, start - 1);
    const rescanned = astralPositions(textAfter, rescanFrom, Math.min(textAfter.length, start + inserted.length + 1), rescanFrom);
    const shifted = this.astral.slice(countBelow(this.astral, end)).map((p) => p + delta);
    return new CodePointIndex(kept.concat(rescanned, shifted), textAfter.length);
  }
}

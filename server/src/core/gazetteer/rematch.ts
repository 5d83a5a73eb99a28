// Re-matching after an edit: only the lines the edit touched are scanned again; matches before them stay, matches
// after them shift by the edit's length. Names never cross a line break, so nothing else can change. The list
// stays in order (by start) without sorting: the kept, the fresh and the shifted matches come in that order.
import type { CodePointIndex } from '../text/codePoints';
import type { Candidate, GazetteerMatcher } from './matcher';

export interface Edit16 {
  /** UTF-16 range of the old text that was replaced. */
  start: number;
  end: number;
  inserted: string;
}

/** The lines an edit touched: where to scan in the new text, and which old matches they replace. */
export interface EditRegion {
  /** UTF-16 range of the new text to scan again (whole lines). */
  lineStart: number;
  lineEnd: number;
  /** Code-point range of the old text whose matches are dropped. */
  oldFrom: number;
  oldTo: number;
  /** How far old matches after the region move, in code points. */
  deltaCp: number;
}

export function editRegion(oldIndex: CodePointIndex, newText: string, newIndex: CodePointIndex, edit: Edit16): EditRegion {
  // The lines of the new text that hold the inserted text.
  const lineStart = edit.start <= 0 ? 0 : newText.lastIndexOf('\n', edit.start - 1) + 1;
  const insertedEnd = edit.start + edit.inserted.length;
  let lineEnd = newText.indexOf('\n', insertedEnd);
  if (lineEnd === -1) lineEnd = newText.length;
  const delta16 = edit.inserted.length - (edit.end - edit.start);
  // The same region in old-text code points: before it nothing moved, after it everything moved by the delta.
  const oldFrom = oldIndex.toCodePoint(lineStart);
  const oldTo = oldIndex.toCodePoint(lineEnd - delta16);
  return { lineStart, lineEnd, oldFrom, oldTo, deltaCp: newIndex.toCodePoint(lineEnd) - oldTo };
}

/** A match moved by `delta` code points, as a new object (spread copies, which are slow for thousands). */
function shiftedCopy<T extends { start: number; end: number }>(c: T, delta: number): T {
  return { ...c, start: c.start + delta, end: c.end + delta };
}

/**
 * The matches after an edit: old ones before the region, `fresh` (sorted) in it, old ones after it shifted.
 * `shifted` makes the moved copy of a match (a caller that knows the shape of its matches builds it directly,
 * which is several times faster than a spread over the thousands after an edit in the middle of a long article).
 */
export function spliceMatches<T extends { start: number; end: number }>(previous: readonly T[], region: EditRegion, fresh: Iterable<T>, shifted: (match: T, delta: number) => T = shiftedCopy): T[] {
  // The old matches are sorted by start, and those wholly before the region form a prefix (a match ends before
  // the next line starts): found by binary search, copied by slice.
  let lo = 0;
  let hi = previous.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (previous[mid].start < region.oldFrom) lo = mid + 1;
    else hi = mid;
  }
  const out = previous.slice(0, lo);
  // One by one: a long line can hold more matches than a call takes arguments (push(...list) overflows).
  for (const c of fresh) out.push(c);
  let after = lo;
  while (after < previous.length && previous[after].start < region.oldTo) after++;
  // Matches after the region are new objects even when their offsets stay (a line break typed in place of a
  // letter moves them to another line): an object that survives an edit is one whose place did not change.
  const delta = region.deltaCp;
  for (let i = after; i < previous.length; i++) out.push(shifted(previous[i], delta));
  return out;
}

export function rematchAfterEdit(
  matcher: GazetteerMatcher,
  previous: readonly Candidate[],
  oldIndex: CodePointIndex,
  newText: string,
  newIndex: CodePointIndex,
  edit: Edit16,
): Candidate[] {
  const region = editRegion(oldIndex, newText, newIndex, edit);
  return spliceMatches(previous, region, matcher.matchRange(newText, newIndex, region.lineStart, region.lineEnd));
}

// Re-matching after an edit: only the lines the edit touched are scanned again; matches before them stay, matches
// after them shift by the edit's length. Names never cross a line break, so nothing else can change.
import type { CodePointIndex } from '../text/codePoints';
import type { Candidate, GazetteerMatcher } from './matcher';

export interface Edit16 {
  /** UTF-16 range of the old text that was replaced. */
  start: number;
  end: number;
  inserted: string;
}

export function rematchAfterEdit(
  matcher: GazetteerMatcher,
  previous: readonly Candidate[],
  oldIndex: CodePointIndex,
  newText: string,
  newIndex: CodePointIndex,
  edit: Edit16,
): Candidate[] {
  // The lines of the new text that hold the inserted text.
  const lineStart = edit.start <= 0 ? 0 : newText.lastIndexOf('\n', edit.start - 1) + 1;
  const insertedEnd = edit.start + edit.inserted.length;
  let lineEnd = newText.indexOf('\n', insertedEnd);
  if (lineEnd === -1) lineEnd = newText.length;
  const delta16 = edit.inserted.length - (edit.end - edit.start);
  // The same region in old-text code points: before it nothing moved, after it everything moved by the delta.
  const oldFrom = oldIndex.toCodePoint(lineStart);
  const oldTo = oldIndex.toCodePoint(lineEnd - delta16);
  const deltaCp = newIndex.toCodePoint(lineEnd) - oldTo;
  const out: Candidate[] = [];
  for (const c of previous) {
    if (c.end <= oldFrom) out.push(c);
  }
  // One by one: a long line can hold more matches than a call takes arguments (push(...list) overflows).
  for (const c of matcher.matchRange(newText, newIndex, lineStart, lineEnd)) out.push(c);
  for (const c of previous) {
    if (c.start >= oldTo) out.push({ ...c, start: c.start + deltaCp, end: c.end + deltaCp });
  }
  return out;
}

// Finding annotations again after the text changed outside the editor: an entity whose offsets still cover its
// text stays; otherwise it moves to the occurrence of its text nearest to where it was; if its text is gone it
// is kept as unresolved.
import type { CodePointIndex } from '../text/codePoints';
import type { Entity } from '../sidecar/types';

export interface ReanchorResult {
  placed: Entity[];
  moved: Entity[];
  unresolved: Entity[];
}

export function reanchor(text: string, index: CodePointIndex, entities: readonly Entity[]): ReanchorResult {
  const result: ReanchorResult = { placed: [], moved: [], unresolved: [] };
  const length = index.codePointLength;
  for (const entity of entities) {
    if (entity.end <= length && text.slice(index.toUtf16(entity.start), index.toUtf16(entity.end)) === entity.text) {
      result.placed.push(entity);
      continue;
    }
    const found = nearestOccurrence(text, entity.text, index.toUtf16(Math.min(entity.start, length)));
    if (found === undefined || entity.text.length === 0) {
      result.unresolved.push(entity);
      continue;
    }
    const start = index.toCodePoint(found);
    const moved = { ...entity, start, end: index.toCodePoint(found + entity.text.length) };
    result.placed.push(moved);
    result.moved.push(moved);
  }
  return result;
}

/** UTF-16 offset of the occurrence of `needle` closest to `near`, or undefined. */
function nearestOccurrence(text: string, needle: string, near: number): number | undefined {
  if (needle.length === 0) return undefined;
  const after = text.indexOf(needle, near);
  const before = text.lastIndexOf(needle, Math.max(0, near - 1));
  if (after === -1) return before === -1 ? undefined : before;
  if (before === -1) return after;
  return near - before <= after - near ? before : after;
}

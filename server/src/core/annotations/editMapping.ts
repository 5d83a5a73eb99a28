// How a span moves when the text is edited. An edit replaces code points [from, to) with `inserted` code points.
// Text typed exactly at an entity's edge stays outside it; text typed inside it becomes part of it; a span whose
// characters were all deleted collapses (its caller keeps the annotation as unresolved, never drops it).

export interface TextEdit {
  from: number;
  to: number;
  inserted: number;
}

/** New position of an entity's start: after the inserted text when the edit touches or covers it. */
export function mapStart(x: number, edit: TextEdit): number {
  if (x < edit.from) return x;
  if (x >= edit.to) return x + edit.inserted - (edit.to - edit.from);
  return edit.from + edit.inserted;
}

/** New position of an entity's end: before the inserted text when the edit starts at it. */
export function mapEnd(x: number, edit: TextEdit): number {
  if (x <= edit.from) return x;
  if (x >= edit.to) return x + edit.inserted - (edit.to - edit.from);
  return edit.from;
}

/** New position of a point that is not an entity edge (a collapsed annotation's place). */
export function mapPoint(x: number, edit: TextEdit): number {
  if (x <= edit.from) return x;
  if (x >= edit.to) return x + edit.inserted - (edit.to - edit.from);
  return edit.from;
}

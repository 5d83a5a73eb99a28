// How the server tells the client what changed in a document's annotation state after a keystroke, in a message
// proportional to the change instead of the whole state (a 1 MB article has thousands of suggestions). Both sides
// move the items they hold through the same text edits with the functions below, then the server names what to
// remove and what to add; an item is named by a key of everything the client draws from it.
import type { Position } from 'vscode-languageserver-protocol';
import type { DocumentState, EntityInfo, SuggestionInfo } from './protocol';

/** One text edit, in the coordinates of the text before it (LSP positions and code points). */
export interface StateEdit {
  start: Position;
  end: Position;
  /** Where the inserted text ends, in the text after the edit. */
  newEnd: Position;
  /** The same edit in code points: [cpStart, cpEnd) replaced by text that shifts what follows by cpDelta. */
  cpStart: number;
  cpEnd: number;
  cpDelta: number;
}

export interface ItemChanges<T> {
  removed: string[];
  added: T[];
}

export interface DocumentStateDelta {
  uri: string;
  /** The state's sequence number after the delta, and the one it applies to: a client holding another state
   * (it missed a message) asks for the whole state instead. */
  seq: number;
  fromSeq: number;
  /** Everything but the item lists (small), always whole; it carries the document version. */
  header: Omit<DocumentState, 'entities' | 'suggestions' | 'seq'>;
  edits: StateEdit[];
  entities: ItemChanges<EntityInfo>;
  suggestions: ItemChanges<SuggestionInfo>;
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** A position moved through an edit: before it unchanged, after it shifted, inside it to its start. */
export function movePosition(p: Position, edit: StateEdit): Position {
  if (comparePositions(p, edit.end) >= 0) {
    return p.line === edit.end.line
      ? { line: edit.newEnd.line, character: edit.newEnd.character + p.character - edit.end.character }
      : { line: p.line + edit.newEnd.line - edit.end.line, character: p.character };
  }
  return comparePositions(p, edit.start) <= 0 ? p : edit.start;
}

export function moveCodePoint(x: number, edit: StateEdit): number {
  if (x >= edit.cpEnd) return x + edit.cpDelta;
  return x <= edit.cpStart ? x : edit.cpStart;
}

/** An item moved through edits. Returns the same object when nothing moved. */
export function moveItem<T extends EntityInfo>(item: T, edits: readonly StateEdit[]): T {
  let { start, end } = item;
  let rangeStart = item.range.start;
  let rangeEnd = item.range.end;
  for (const edit of edits) {
    start = moveCodePoint(start, edit);
    end = moveCodePoint(end, edit);
    rangeStart = movePosition(rangeStart, edit);
    rangeEnd = movePosition(rangeEnd, edit);
  }
  if (start === item.start && end === item.end && rangeStart === item.range.start && rangeEnd === item.range.end) return item;
  return { ...item, start, end, range: { start: rangeStart, end: rangeEnd } };
}

/** Everything the client draws from an item: two items with one key are the same for the client. */
export function itemKey(item: EntityInfo | SuggestionInfo): string {
  const s = item as SuggestionInfo;
  const r = item.range;
  return `${item.start}:${item.end}:${r.start.line}.${r.start.character}-${r.end.line}.${r.end.character}:${item.label}:${item.ref ?? ''}:${item.text}:${s.source ?? ''}:${s.name ?? ''}`;
}

/** What turns `before` (moved through the edits) into `after`. */
export function itemChanges<T extends EntityInfo>(before: readonly T[], edits: readonly StateEdit[], after: readonly T[]): ItemChanges<T> {
  const moved = new Map<string, number>();
  for (const item of before) {
    const key = itemKey(moveItem(item, edits));
    moved.set(key, (moved.get(key) ?? 0) + 1);
  }
  const added: T[] = [];
  for (const item of after) {
    const key = itemKey(item);
    const n = moved.get(key);
    if (n) {
      if (n === 1) moved.delete(key);
      else moved.set(key, n - 1);
    } else added.push(item);
  }
  const removed: string[] = [];
  for (const [key, n] of moved) for (let i = 0; i < n; i++) removed.push(key);
  return { removed, added };
}

/** Applies changes to a list: moves every item through the edits, drops the removed keys, adds the new items. */
export function applyItemChanges<T extends EntityInfo>(before: readonly T[], edits: readonly StateEdit[], changes: ItemChanges<T>): T[] {
  const toRemove = new Map<string, number>();
  for (const key of changes.removed) toRemove.set(key, (toRemove.get(key) ?? 0) + 1);
  const out: T[] = [];
  for (const item of before) {
    const moved = moveItem(item, edits);
    const key = toRemove.size > 0 ? itemKey(moved) : '';
    const n = toRemove.get(key);
    if (n) {
      if (n === 1) toRemove.delete(key);
      else toRemove.set(key, n - 1);
      continue;
    }
    out.push(moved);
  }
  for (const item of changes.added) out.push(item);
  return out.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** The whole state after a delta, or undefined when the delta does not apply to `state`'s version. */
export function applyStateDelta(state: DocumentState, delta: DocumentStateDelta): DocumentState | undefined {
  if (state.uri !== delta.uri || state.seq !== delta.fromSeq) return undefined;
  return {
    ...delta.header,
    seq: delta.seq,
    entities: applyItemChanges(state.entities, delta.edits, delta.entities),
    suggestions: applyItemChanges(state.suggestions, delta.edits, delta.suggestions),
  };
}

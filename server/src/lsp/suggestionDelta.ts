// The suggestions part of a state delta, computed from the knowledge-base candidates rather than from the infos the
// client draws. A keystroke re-matches only its own lines: the candidates before them are the same objects, those
// after them are the same candidates shifted. Such a candidate, moved through the edits as the client moves its
// copy, is the same item on both sides, so it needs no info at all: infos (a range and a slice of the text each)
// are built only for the stretch between the common head and tail — a keystroke costs a walk over the candidates
// with a few comparisons each, and no allocation proportional to the document.
import type { SuggestionInfo } from '../../../common/protocol';
import { type ItemChanges, itemKey, moveCodePoint, moveItem, type StateEdit } from '../../../common/stateDelta';
import { suggestionInfo } from '../features/suggestions';
import type { ArticleSnapshot } from '../session/articleSnapshot';
import type { KbCandidate } from '../workspace/suggestionTypes';

/**
 * Whether no edit touched the text of [start, end): the span lies wholly before or after each edit (in that edit's
 * coordinates, moved through the edits before it). Text inserted exactly at its end counts as touching (the
 * client's copy would grow over it); a replacement that starts right at its end does not.
 */
function untouched(start: number, end: number, edit: StateEdit): boolean {
  return end < edit.cpStart || (end === edit.cpStart && edit.cpEnd > edit.cpStart) || start >= edit.cpEnd;
}

/**
 * Whether `before` (a candidate of the earlier text), moved through the edits, is `after`: same text (no edit
 * touched it), same place, same knowledge. Then the client's moved copy of its info equals the info of `after`:
 * positions outside every edit move exactly with it.
 */
export function sameCandidateAfterEdits(before: KbCandidate, edits: readonly StateEdit[], after: KbCandidate): boolean {
  if (before.label !== after.label || before.ref !== after.ref || before.source !== after.source || before.name !== after.name || before.description !== after.description) return false;
  let { start, end } = before;
  for (const edit of edits) {
    if (!untouched(start, end, edit)) return false;
    start = moveCodePoint(start, edit);
    end = moveCodePoint(end, edit);
  }
  return start === after.start && end === after.end;
}

/**
 * What turns the client's suggestions of `previous` (moved through `edits`) into those of `current`. Both lists are
 * in document order. Removed items are named by the key of their moved info, as the client computes it.
 */
export function suggestionChanges(
  previous: ArticleSnapshot,
  before: readonly KbCandidate[],
  edits: readonly StateEdit[],
  current: ArticleSnapshot,
  after: readonly KbCandidate[],
): ItemChanges<SuggestionInfo> {
  let head = 0;
  while (head < before.length && head < after.length && sameCandidateAfterEdits(before[head], edits, after[head])) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && sameCandidateAfterEdits(before[before.length - 1 - tail], edits, after[after.length - 1 - tail])) tail++;
  const moved = new Map<string, number>();
  for (let i = head; i < before.length - tail; i++) {
    const key = itemKey(moveItem(suggestionInfo(previous, before[i]), edits));
    moved.set(key, (moved.get(key) ?? 0) + 1);
  }
  const added: SuggestionInfo[] = [];
  for (let i = head; i < after.length - tail; i++) {
    const info = suggestionInfo(current, after[i]);
    const key = itemKey(info);
    const n = moved.get(key);
    if (n) {
      if (n === 1) moved.delete(key);
      else moved.set(key, n - 1);
    } else added.push(info);
  }
  const removed: string[] = [];
  for (const [key, n] of moved) for (let i = 0; i < n; i++) removed.push(key);
  return { removed, added };
}

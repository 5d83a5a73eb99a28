// Finding annotations again after their article changed outside the editor. Nothing is ever dropped: every entity
// given comes back either placed (at the same offsets, or moved) or unresolved.
//
// 1. When the text the offsets were made for is known (`previousText`), each entity is mapped through an exact
//    diff of the old text to the new one, if nothing inside it was edited: that is where it goes, unless
//    (rarely: a diff is one of the shortest edits, not always the one made) that would leave another unplaced.
// 2. The candidates of an entity are that place and the occurrences of its text at word edges
//    (the matcher's rules: العراق inside بالعراق, never inside العراقية) — its nearest ones, and those reached by
//    the shifts most entities agree on (an edit moves everything after it by one amount). Each occurrence (span
//    and label) goes to at most one entity, and the entities keep their order: entities that started together
//    move together, and groups that started in order start in order. Among such assignments, a longest-chain
//    dynamic programme takes the one that places the most entities, then agrees most with the diff, then keeps
//    one shift the most often, then moves them least.
// 3. An entity that still covers its text inside a word (marked so on purpose) keeps its place if nothing took it.
import { CodePointIndex } from '../text/codePoints';
import { commonRuns, mapThroughRuns } from '../text/textDiff';
import { lowerBound } from '../lowerBound';
import { compareEntities, type Entity } from '../sidecar/types';
import { atWordEdges, wordOccurrences } from './occurrences';

export interface ReanchorResult {
  /** Every entity placed in the text, the moved ones included, in sidecar order. */
  placed: Entity[];
  /** The placed entities whose offsets changed. */
  moved: Entity[];
  /** Entities with no place in the text, as they were given. */
  unresolved: Entity[];
}

export interface ReanchorOptions {
  /** The text the entities' offsets were made for, when it is known: offsets are then mapped through a diff. */
  previousText?: string;
}

/** Occurrences nearest to its old place weighed for each entity. */
const NEAREST = 16;
/** A text with at most this many occurrences votes for the shifts that reach them. */
const RARE = 4;
/** The most voted shifts tried for every entity. */
const COMMON_SHIFTS = 32;

export function reanchor(text: string, index: CodePointIndex, entities: readonly Entity[], options: ReanchorOptions = {}): ReanchorResult {
  const sorted = [...entities].sort(compareEntities);
  const n = sorted.length;
  if (n === 0) return { placed: [], moved: [], unresolved: [] };
  const covers = (e: Entity) => e.text.length > 0 && e.start >= 0 && e.end <= index.codePointLength && e.start < e.end && text.slice(index.toUtf16(e.start), index.toUtf16(e.end)) === e.text;
  const key = (start: number, end: number, label: string) => `${start}:${end}:${label}`;

  // The usual case: the text did not change where the entities are.
  const coversAtEdges = (e: Entity) => covers(e) && atWordEdges(text, index.toUtf16(e.start), index.toUtf16(e.end));
  if (options.previousText === undefined && sorted.every(coversAtEdges)) {
    const keys = new Set(sorted.map((e) => key(e.start, e.end, e.label)));
    if (keys.size === n) return { placed: sorted, moved: [], unresolved: [] };
  }

  const newStart = new Float64Array(n).fill(NaN);
  const newEnd = new Float64Array(n);
  const taken = new Set<string>();
  const order = new OrderGuard(sorted.map((e) => e.start));
  const assign = (i: number, start: number, end: number) => {
    newStart[i] = start;
    newEnd[i] = end;
    taken.add(key(start, end, sorted[i].label));
    order.set(i, start);
  };

  // An exact duplicate (same span, label and text) is one annotation written twice: the second copy must not
  // take another occurrence of the word, so it goes to unresolved as it is.
  const duplicate = sorted.map((e, i) => i > 0 && compareEntities(sorted[i - 1], e) === 0 && sorted[i - 1].text === e.text);

  // 1. Through the diff: where each entity's text went, if nothing inside it was edited. A diff is one of the
  // shortest edits, not necessarily the one made (a word typed and another deleted may read either way), so this
  // is the preferred place of the entity, not an order: below, placing every entity comes first.
  const diffStart = new Float64Array(n).fill(NaN);
  const previousIndex = options.previousText === undefined ? undefined : CodePointIndex.of(options.previousText);
  if (options.previousText !== undefined && previousIndex !== undefined) {
    const previous = options.previousText;
    const runs = commonRuns(previous, text);
    if (runs) {
      for (let i = 0; i < n; i++) {
        const e = sorted[i];
        if (duplicate[i] || e.end > previousIndex.codePointLength || e.start >= e.end) continue;
        const old16 = previousIndex.toUtf16(e.start);
        if (previous.slice(old16, previousIndex.toUtf16(e.end)) !== e.text) continue;
        const mapped = mapThroughRuns(runs, e.start, e.end);
        if (!mapped) continue;
        // A diff may line a word up with the same letters inside a longer word typed beside it (العراق with the
        // start of a new العراقية): a span that was at word edges must still be.
        const new16 = index.toUtf16(mapped.start);
        if (atWordEdges(previous, old16, old16 + e.text.length) && !atWordEdges(text, new16, new16 + e.text.length)) continue;
        diffStart[i] = mapped.start;
      }
    }
  }

  // The usual case with a diff: every entity mapped, none on another's place. A diff maps in order, so this is
  // the assignment the search below would choose; it is taken without searching.
  if (options.previousText !== undefined && sorted.every((_e, i) => !duplicate[i] && !Number.isNaN(diffStart[i]))) {
    const keys = new Set(sorted.map((e, i) => key(diffStart[i], diffStart[i] + (e.end - e.start), e.label)));
    if (keys.size === n) {
      const placed = sorted.map((e, i) => (diffStart[i] === e.start ? e : { ...e, start: diffStart[i], end: diffStart[i] + (e.end - e.start) }));
      return { placed: [...placed].sort(compareEntities), moved: placed.filter((e, i) => e !== sorted[i]).sort(compareEntities), unresolved: [] };
    }
  }

  const lastResort: number[] = [];

  // 2. The search. Where each text occurs at word edges, in code points.
  const occurrencesOf = new Map<string, number[]>();
  const startsOf = (needle: string): number[] => {
    let starts = occurrencesOf.get(needle);
    if (!starts) occurrencesOf.set(needle, (starts = wordOccurrences(text, needle).map((u) => index.toCodePoint(u))));
    return starts;
  };
  const searched = (i: number) => !duplicate[i] && sorted[i].text.length > 0;

  // The shifts (new start − old start) that edits made: entities mapped by the diff, and those whose text is
  // rare, vote. Every entity tries the most voted shifts, however far, and its nearest occurrences: a common
  // word (العراق a thousand times in a long article) is weighed at a few dozen places, not at all of them.
  const votes = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(diffStart[i])) votes.set(diffStart[i] - sorted[i].start, (votes.get(diffStart[i] - sorted[i].start) ?? 0) + 1);
    else if (searched(i)) {
      const starts = startsOf(sorted[i].text);
      if (starts.length <= RARE) for (const s of starts) votes.set(s - sorted[i].start, (votes.get(s - sorted[i].start) ?? 0) + 1);
    }
  }
  const commonShifts = [...votes.entries()]
    .sort((x, y) => y[1] - x[1] || Math.abs(x[0]) - Math.abs(y[0]))
    .slice(0, COMMON_SHIFTS)
    .map(([shift]) => shift);

  // Candidate shifts of every entity.
  const candidates: Array<number[] | undefined> = new Array(n);
  for (let i = 0; i < n; i++) {
    const e = sorted[i];
    if (!searched(i)) continue;
    const starts = startsOf(e.text);
    const chosen = new Set<number>();
    if (!Number.isNaN(diffStart[i])) chosen.add(diffStart[i]);
    const at = lowerBound(starts, e.start);
    const from = Math.max(0, Math.min(at - NEAREST / 2, starts.length - NEAREST));
    for (let k = from; k < Math.min(starts.length, from + NEAREST); k++) chosen.add(starts[k]);
    for (const shift of commonShifts) {
      const k = lowerBound(starts, e.start + shift);
      if (starts[k] === e.start + shift) chosen.add(starts[k]);
    }
    // Its old place, if it still holds its text inside a word, is a last resort (below): an annotator may have
    // marked part of a word on purpose, but the same letters at the start of a longer word typed there are not it.
    if (!chosen.has(e.start) && covers(e)) {
      const old16 = previousIndex === undefined ? -1 : previousIndex.toUtf16(e.start);
      const wasAtEdges = old16 >= 0 && options.previousText!.slice(old16, old16 + e.text.length) === e.text && atWordEdges(options.previousText!, old16, old16 + e.text.length);
      if (!wasAtEdges) lastResort.push(i);
    }
    if (chosen.size > 0) candidates[i] = [...chosen].map((start) => start - e.start).sort((x, y) => x - y);
  }

  const tryPlace = (i: number, shift: number): boolean => {
    const e = sorted[i];
    const start = e.start + shift;
    const end = start + (index.toCodePoint(index.toUtf16(start) + e.text.length) - start);
    if (taken.has(key(start, end, e.label)) || !order.allows(i, start)) return false;
    assign(i, start, end);
    return true;
  };

  // Entities that started together (nested, or one span with two labels) move together: each group picks one
  // new start, and the groups' starts must increase in their old order. Among such choices: the one that places
  // the most entities, then puts the most where the diff mapped them, then most often keeps its predecessor's
  // shift, then moves them least. A longest-chain dynamic programme over (group, start) items, O(items · log items).
  const groups: Array<{ from: number; to: number }> = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && sorted[i - 1].start === sorted[i].start) groups[groups.length - 1].to = i + 1;
    else groups.push({ from: i, to: i + 1 });
  }
  const items: Item[] = [];
  const groupItems: Item[][] = groups.map((group) => {
    const byStart = new Map<number, Item>();
    for (let i = group.from; i < group.to; i++) {
      for (const shift of candidates[i] ?? []) {
        const start = sorted[i].start + shift;
        let item = byStart.get(start);
        if (!item) byStart.set(start, (item = { start, shift, agreed: 0, placed: 0, score: NONE, previous: -1, id: -1 }));
        item.placed++;
        if (diffStart[i] === start) item.agreed++;
      }
    }
    return [...byStart.values()];
  });
  const starts = [...new Set(groupItems.flatMap((list) => list.map((item) => item.start)))].sort((x, y) => x - y);
  const rank = new Map(starts.map((start, r) => [start, r + 1]));
  const bestBelow = new BestPrefix(starts.length);
  const bestWithShift = new Map<number, Item>();
  let best: Item | undefined;
  for (const list of groupItems) {
    for (const item of list) {
      item.id = items.length;
      items.push(item);
      const below = bestBelow.query(rank.get(item.start)! - 1);
      const own: Score = { placed: item.placed, agreed: item.agreed, steady: 0, near: -Math.abs(item.shift) };
      let score = below ? add(below.score, own) : own;
      item.previous = below ? below.id : -1;
      const same = bestWithShift.get(item.shift);
      if (same) {
        const steady = add(same.score, { ...own, steady: 1 });
        if (compareScores(steady, score) > 0) {
          score = steady;
          item.previous = same.id;
        }
      }
      item.score = score;
      if (!best || compareScores(score, best.score) > 0) best = item;
    }
    // Only after the whole group: two starts of one group never chain.
    for (const item of list) {
      bestBelow.update(rank.get(item.start)!, item);
      const same = bestWithShift.get(item.shift);
      if (!same || compareScores(item.score, same.score) > 0) bestWithShift.set(item.shift, item);
    }
  }
  const chosen = new Map<Item, true>();
  for (let item = best; item; item = item.previous >= 0 ? items[item.previous] : undefined) chosen.set(item, true);
  groupItems.forEach((list, g) => {
    const item = list.find((x) => chosen.has(x));
    if (!item) return;
    for (let i = groups[g].from; i < groups[g].to; i++) {
      if (candidates[i]?.includes(item.start - sorted[i].start)) tryPlace(i, item.start - sorted[i].start);
    }
  });

  for (const i of lastResort) if (Number.isNaN(newStart[i])) tryPlace(i, 0);

  const result: ReanchorResult = { placed: [], moved: [], unresolved: [] };
  for (let i = 0; i < n; i++) {
    const e = sorted[i];
    if (Number.isNaN(newStart[i])) {
      result.unresolved.push(e);
    } else if (newStart[i] === e.start && newEnd[i] === e.end) {
      result.placed.push(e);
    } else {
      const moved = { ...e, start: newStart[i], end: newEnd[i] };
      result.placed.push(moved);
      result.moved.push(moved);
    }
  }
  result.placed.sort(compareEntities);
  result.moved.sort(compareEntities);
  return result;
}

interface Score {
  placed: number;
  agreed: number;
  steady: number;
  near: number;
}

const NONE: Score = { placed: 0, agreed: 0, steady: 0, near: 0 };

function add(a: Score, b: Score): Score {
  return { placed: a.placed + b.placed, agreed: a.agreed + b.agreed, steady: a.steady + b.steady, near: a.near + b.near };
}

function compareScores(a: Score, b: Score): number {
  return a.placed - b.placed || a.agreed - b.agreed || a.steady - b.steady || a.near - b.near;
}

/** One possible new start of a group of entities, and the best chain of earlier groups' choices ending in it. */
interface Item {
  start: number;
  shift: number;
  /** Entities of the group it would place, and how many of them the diff mapped there. */
  placed: number;
  agreed: number;
  score: Score;
  previous: number;
  id: number;
}

/** Best item among those whose start has rank ≤ r (a Fenwick tree of maxima). */
class BestPrefix {
  private readonly tree: Array<Item | undefined>;

  constructor(size: number) {
    this.tree = new Array(size + 1);
  }

  update(r: number, item: Item): void {
    for (let p = r; p < this.tree.length; p += p & -p) {
      const here = this.tree[p];
      if (!here || compareScores(item.score, here.score) > 0) this.tree[p] = item;
    }
  }

  query(r: number): Item | undefined {
    let best: Item | undefined;
    for (let p = r; p > 0; p -= p & -p) {
      const here = this.tree[p];
      if (here && (!best || compareScores(here.score, best.score) > 0)) best = here;
    }
    return best;
  }
}

/**
 * Keeps placements in the entities' order: an entity may start at s only if every placed entity that started
 * before it (in the old text) starts before s, and every one that started after it starts after s; entities
 * that started together (nested, or one span with two labels) may stay together. Two Fenwick trees answer
 * "latest start placed before" and "earliest start placed after" in O(log n).
 */
class OrderGuard {
  private readonly before: Float64Array;
  private readonly after: Float64Array;
  /** For each entity (sorted by old start), the first and one past the last entity with the same old start. */
  private readonly groupStart: Int32Array;
  private readonly groupEnd: Int32Array;

  constructor(oldStarts: readonly number[]) {
    const n = oldStarts.length;
    this.before = new Float64Array(n + 1).fill(-Infinity);
    this.after = new Float64Array(n + 1).fill(-Infinity);
    this.groupStart = new Int32Array(n);
    this.groupEnd = new Int32Array(n);
    for (let i = 0; i < n; i++) this.groupStart[i] = i > 0 && oldStarts[i - 1] === oldStarts[i] ? this.groupStart[i - 1] : i;
    for (let i = n - 1; i >= 0; i--) this.groupEnd[i] = i < n - 1 && oldStarts[i + 1] === oldStarts[i] ? this.groupEnd[i + 1] : i + 1;
  }

  set(i: number, start: number): void {
    const n = this.groupStart.length;
    for (let p = i + 1; p <= n; p += p & -p) this.before[p] = Math.max(this.before[p], start);
    for (let p = n - i; p <= n; p += p & -p) this.after[p] = Math.max(this.after[p], -start);
  }

  allows(i: number, start: number): boolean {
    const n = this.groupStart.length;
    // Entities 0 .. groupStart-1 started before; groupEnd .. n-1 started after (reversed: positions 1 .. n-groupEnd).
    let latestBefore = -Infinity;
    for (let p = this.groupStart[i]; p > 0; p -= p & -p) latestBefore = Math.max(latestBefore, this.before[p]);
    let earliestAfter = -Infinity;
    for (let p = n - this.groupEnd[i]; p > 0; p -= p & -p) earliestAfter = Math.max(earliestAfter, this.after[p]);
    return latestBefore < start && start < -earliestAfter;
  }
}

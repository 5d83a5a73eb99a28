// The key lists completion searches: keys that start with what was typed, and keys grouped by length and first or
// second letter (the only ones a typo search compares). Sorting a million keys as strings took about 3 s, most of
// the server's start with a large gazetteer. Here keys are grouped by numbers only, with a radix sort (linear, no
// string comparison): by a hash of their first four units (completing a partial word, from four letters), by a
// hash of their first word (completing whole words after a shorter one), by length and letter (typos). A search
// compares the strings of one group only, and sorts only the keys it keeps. Everything is in typed arrays: a
// million keys cost about 16 MB outside the garbage-collected heap.
import { type RadixScratch, radixSort } from '../radixOrder';
import { FNV_OFFSET, fnv1a, fnvStep } from './keyTable';

/** The keys, by number ('' where a key was merged into an earlier copy). */
export interface KeyList {
  readonly length: number;
  get(n: number): string;
}

/** Keys in groups of equal `value`, groups in ascending (unsigned) value; `order` holds key numbers, group by group. */
interface Groups {
  values: Int32Array;
  starts: Int32Array;
  order: Int32Array;
}

/** Units of the head a partial word is completed by (rank.ts completes a word from four letters). */
export const HEAD_UNITS = 4;
/** Lengths beyond this share one typo group (no typo is looked for in a word that long). */
const MAX_TYPO_LENGTH = 0x7fff;
/**
 * Bits of a hash a group goes by: 4M groups, of which a million keys fill few twice (a search checks each key's
 * text anyway), sorted in two radix passes rather than three.
 */
const GROUP_BITS = 22;

/** FNV-1a of s[from, to), cut to GROUP_BITS. */
function fnv(s: string, from: number, to: number): number {
  return fnv1a(s, from, to) >>> (32 - GROUP_BITS);
}

/** Hash of a key's first word. */
function firstWordHash(key: string): number {
  const space = key.indexOf(' ');
  return fnv(key, 0, space === -1 ? key.length : space);
}

/** The set of letters of a key, as bits (letters folded onto 31 bits): a typo search's first, cheap test. */
export function letterSignature(key: string): number {
  let bits = 0;
  for (let i = 0; i < key.length; i++) bits |= 1 << (key.charCodeAt(i) % 31);
  return bits;
}

/** Key numbers grouped by `values` (which the sort takes over); keys valued `none` (the largest value) are left out. */
function groupBy(sorted: Int32Array, n: number, scratch: RadixScratch, none: number): Groups {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  radixSort(sorted, order, n, undefined, scratch);
  let kept = n;
  while (kept > 0 && sorted[kept - 1] === none) kept--;
  let count = 0;
  for (let i = 0; i < kept; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) count++;
  const starts = new Int32Array(count + 1);
  const groupValues = new Int32Array(count);
  let g = 0;
  for (let i = 0; i < kept; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      starts[g] = i;
      groupValues[g++] = sorted[i];
    }
  }
  starts[count] = kept;
  return { values: groupValues, starts, order: kept === n ? order : order.slice(0, kept) };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** values[order[i]] for each i. */
function inGroupOrder(values: Int32Array, order: Int32Array): Int32Array {
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]];
  return out;
}

/** The group whose value is `v`, or -1. */
function groupOf(groups: Groups, v: number): number {
  const target = v >>> 0;
  let lo = 0;
  let hi = groups.values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (groups.values[mid] >>> 0 < target) lo = mid + 1;
    else hi = mid;
  }
  return lo < groups.values.length && groups.values[lo] >>> 0 === target ? lo : -1;
}

export class KeySearch {
  private readonly byHead: Groups;
  private readonly byFirstWord: Groups;
  private readonly byFirst: Groups;
  private readonly bySecond: Groups;
  /** letterSignature of each key of byFirst.order and bySecond.order, in that order. */
  private readonly firstSignatures: Int32Array;
  private readonly secondSignatures: Int32Array;
  /** Keys searched: the list's first `count` ('' skipped; a matcher's list grows when names are added later). */
  readonly count: number;

  private constructor(readonly keys: KeyList) {
    const n = keys.length;
    this.count = n;
    // The four groupings' values in one pass over the keys, then one pair of scratch arrays serves their sorts.
    const heads = new Int32Array(n);
    const firstWords = new Int32Array(n);
    const firsts = new Int32Array(n);
    const seconds = new Int32Array(n);
    // '' stands where a key was added again: valued one past the largest value, so that it sorts last, and left out.
    const noHash = 1 << GROUP_BITS;
    let longest = 0;
    const signatures = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const key = keys.get(k);
      // One pass over the key's units: its letters' signature, the hashes of its head and of its first word.
      let bits = 0;
      let head = FNV_OFFSET;
      let word = FNV_OFFSET;
      let wordEnd = -1;
      for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        bits |= 1 << (c % 31);
        if (i < HEAD_UNITS) head = fnvStep(head, c);
        if (wordEnd === -1) {
          if (c === 0x20) wordEnd = i;
          else word = fnvStep(word, c);
        }
      }
      signatures[k] = bits;
      heads[k] = key.length < HEAD_UNITS ? noHash : head >>> (32 - GROUP_BITS);
      // Only names of several words are completed from their first word.
      firstWords[k] = wordEnd === -1 ? noHash : word >>> (32 - GROUP_BITS);
      const length = Math.min(key.length, MAX_TYPO_LENGTH);
      if (length > longest) longest = length;
      firsts[k] = (length << 16) | key.charCodeAt(0);
      seconds[k] = (length << 16) | key.charCodeAt(1);
    }
    const noLetter = (longest + 1) << 16;
    for (let k = 0; k < n; k++) {
      if (keys.get(k) !== '') continue;
      firsts[k] = noLetter;
      seconds[k] = noLetter;
    }
    const scratch = { values: new Int32Array(n), payload: new Int32Array(n) };
    this.byHead = groupBy(heads, n, scratch, noHash);
    this.byFirstWord = groupBy(firstWords, n, scratch, noHash);
    this.byFirst = groupBy(firsts, n, scratch, noLetter);
    this.bySecond = groupBy(seconds, n, scratch, noLetter);
    // Signatures in each typo group's order: a typo search turns most keys away reading these alone, in order.
    this.firstSignatures = inGroupOrder(signatures, this.byFirst.order);
    this.secondSignatures = inGroupOrder(signatures, this.bySecond.order);
  }

  static of(keys: KeyList): KeySearch {
    return new KeySearch(keys);
  }

  /**
   * The first `limit` keys, in sorted (code-unit) order, that start with `prefix` and are longer than it: with
   * `wholeWords`, only those that go on with a space after it (the words of a longer name); otherwise `prefix` must
   * have at least HEAD_UNITS units (a partial word is completed from there).
   */
  completions(prefix: string, wholeWords: boolean, limit: number): string[] {
    let group: number;
    let groups: Groups;
    if (wholeWords) {
      groups = this.byFirstWord;
      group = groupOf(groups, firstWordHash(prefix));
    } else {
      if (prefix.length < HEAD_UNITS) return [];
      groups = this.byHead;
      group = groupOf(groups, fnv(prefix, 0, HEAD_UNITS));
    }
    if (group === -1 || limit <= 0) return [];
    // The `limit` smallest matches, kept sorted: a key past the largest kept one is turned away with one compare.
    const kept: string[] = [];
    for (let i = groups.starts[group]; i < groups.starts[group + 1]; i++) {
      const key = this.keys.get(groups.order[i]);
      if (key.length <= prefix.length || !key.startsWith(prefix)) continue;
      if (wholeWords && key.charCodeAt(prefix.length) !== 0x20) continue;
      if (kept.length === limit && key >= kept[limit - 1]) continue;
      let at = kept.length;
      while (at > 0 && kept[at - 1] > key) at--;
      kept.splice(at, 0, key);
      if (kept.length > limit) kept.pop();
    }
    return kept;
  }

  /**
   * Calls `visit` with each key of `length` units whose first (or second) unit is `letter` and whose letters could
   * be `maxEdits` edits from those of `signature` (letterSignature): each edit adds at most one letter the other
   * lacks, so a key with more such letters either way is turned away without reading it.
   */
  forEachOfLength(by: 'first' | 'second', length: number, letter: number, signature: number, maxEdits: number, visit: (key: string) => void): void {
    if (length < 1) return;
    const groups = by === 'first' ? this.byFirst : this.bySecond;
    const signatures = by === 'first' ? this.firstSignatures : this.secondSignatures;
    const g = groupOf(groups, (Math.min(length, MAX_TYPO_LENGTH) << 16) | letter);
    if (g === -1) return;
    for (let i = groups.starts[g]; i < groups.starts[g + 1]; i++) {
      const other = signatures[i];
      if (popcount(signature & ~other) > maxEdits || popcount(other & ~signature) > maxEdits) continue;
      visit(this.keys.get(groups.order[i]));
    }
  }
}

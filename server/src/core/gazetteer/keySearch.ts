// The key lists completion searches: keys in sorted order (names that start with what was typed) and keys grouped by
// length and first or second letter (the only ones a typo search compares). Sorting a million strings took about
// 3 s, most of the server's start with a large gazetteer; here keys are grouped by their first letters with a
// radix sort of small integers (linear, no string comparison), and a group is sorted only when a search first
// reaches it. Everything is kept in typed arrays: a million keys cost 12 MB outside the garbage-collected heap.

import { type RadixScratch, radixSort } from '../radixOrder';

/** Rank of each UTF-16 unit found among the first three of a key (1-based, in code-unit order); 0: none. */
type Ranks = Uint16Array;

/** Keys in groups of equal `value`, groups in ascending value; `order` holds key numbers, group by group. */
interface Groups {
  values: Int32Array;
  starts: Int32Array;
  order: Int32Array;
}

const MAX_VALUE = 2 ** 31 - 1;
/** Lengths beyond this share one typo group (no typo is looked for in a word that long). */
const MAX_TYPO_LENGTH = 4095;

/** The set of letters of a key, as bits (letters folded onto 31 bits): a typo search's first, cheap test. */
export function letterSignature(key: string): number {
  let bits = 0;
  for (let i = 0; i < key.length; i++) bits |= 1 << (key.charCodeAt(i) % 31);
  return bits;
}

/** Key numbers grouped by `values` (which the sort takes over). */
function groupBy(sorted: Int32Array, n: number, scratch: RadixScratch): Groups {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  radixSort(sorted, order, n, undefined, scratch);
  let count = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) count++;
  const starts = new Int32Array(count + 1);
  const groupValues = new Int32Array(count);
  let g = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      starts[g] = i;
      groupValues[g++] = sorted[i];
    }
  }
  starts[count] = n;
  return { values: groupValues, starts, order };
}

/** The first group whose value is >= v. */
function firstGroupFrom(groups: Groups, v: number): number {
  let lo = 0;
  let hi = groups.values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (groups.values[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class KeySearch {
  /** Leading units that form a prefix group: 3, or fewer when the keys' alphabet is too large to number them. */
  private readonly prefixUnits: number;
  private readonly base: number;
  private readonly byPrefix: Groups;
  /** Whether each prefix group's keys are in sorted order yet. */
  private readonly sorted: Uint8Array;
  private readonly byFirst: Groups;
  private readonly bySecond: Groups;
  /** Longest length told apart by the typo groups (longer keys share the last one). */
  private readonly lengthCap: number;
  /** Keys searched: the list's first `count` ('' skipped; a matcher's list grows when names are added later). */
  readonly count: number;

  private constructor(
    readonly keys: readonly string[],
    private readonly ranks: Ranks,
    alphabet: number,
  ) {
    const n = keys.length;
    this.count = n;
    this.base = alphabet + 1;
    this.prefixUnits = this.base ** 3 <= MAX_VALUE ? 3 : this.base ** 2 <= MAX_VALUE ? 2 : 1;
    this.lengthCap = Math.min(MAX_TYPO_LENGTH, Math.floor(MAX_VALUE / this.base) - 1);
    // One array of values and one pair of scratch arrays serve the three groupings in turn.
    const values = new Int32Array(n);
    const scratch = { values: new Int32Array(n), payload: new Int32Array(n) };
    // '' stands where a key was added again: it stays in groups of value 0, which no search visits.
    for (let k = 0; k < n; k++) values[k] = keys[k] === '' ? 0 : this.prefixValue(keys[k]);
    this.byPrefix = groupBy(values, n, scratch);
    this.sorted = new Uint8Array(this.byPrefix.values.length);
    for (let k = 0; k < n; k++) {
      const key = keys[k];
      values[k] = key === '' ? 0 : Math.min(key.length, this.lengthCap) * this.base + ranks[key.charCodeAt(0)];
    }
    this.byFirst = groupBy(values, n, scratch);
    for (let k = 0; k < n; k++) {
      const key = keys[k];
      values[k] = key === '' ? 0 : Math.min(key.length, this.lengthCap) * this.base + ranks[key.charCodeAt(1)];
    }
    this.bySecond = groupBy(values, n, scratch);
  }

  static of(keys: readonly string[]): KeySearch {
    // Only the first units of keys are numbered (groups and typo buckets go by them).
    const seen = new Uint8Array(0x10000);
    for (const key of keys) for (let i = 0; i < 3 && i < key.length; i++) seen[key.charCodeAt(i)] = 1;
    const ranks = new Uint16Array(0x10000);
    let alphabet = 0;
    for (let c = 0; c < 0x10000; c++) if (seen[c]) ranks[c] = ++alphabet;
    return new KeySearch(keys, ranks, alphabet);
  }

  /** The prefix group number of a key's first units (absent units rank 0: a shorter key sorts first). */
  private prefixValue(key: string): number {
    let v = 0;
    for (let i = 0; i < this.prefixUnits; i++) v = v * this.base + (i < key.length ? this.ranks[key.charCodeAt(i)] : 0);
    return v;
  }

  /**
   * Calls `visit` with every key that starts with `prefix`, in sorted (code-unit) order, until it returns false.
   * A group of keys is sorted the first time a search reaches it.
   */
  forEachWithPrefix(prefix: string, visit: (key: string) => boolean): void {
    const head = Math.min(prefix.length, this.prefixUnits);
    for (let i = 0; i < head; i++) if (this.ranks[prefix.charCodeAt(i)] === 0) return; // no key has that letter there
    // Group values of keys whose first `head` units are the prefix's: [low, high].
    let low = 0;
    for (let i = 0; i < this.prefixUnits; i++) low = low * this.base + (i < head ? this.ranks[prefix.charCodeAt(i)] : 0);
    const span = this.base ** (this.prefixUnits - head);
    const high = low + span - 1;
    const { values, starts, order } = this.byPrefix;
    for (let g = firstGroupFrom(this.byPrefix, low); g < values.length && values[g] <= high; g++) {
      this.sortGroup(g);
      let i = starts[g];
      const end = starts[g + 1];
      if (prefix.length > head) {
        // Within the one group: binary search for the first key >= prefix.
        let hi = end;
        while (i < hi) {
          const mid = (i + hi) >>> 1;
          if (this.keys[order[mid]] < prefix) i = mid + 1;
          else hi = mid;
        }
      }
      for (; i < end; i++) {
        const key = this.keys[order[i]];
        if (key === '') continue;
        if (!key.startsWith(prefix)) return;
        if (!visit(key)) return;
      }
    }
  }

  /** Calls `visit` with each key of `length` units whose first (or second) unit is `letter`. */
  forEachOfLength(by: 'first' | 'second', length: number, letter: number, visit: (key: string) => void): void {
    const rank = this.ranks[letter];
    if (rank === 0 || length < 1) return;
    const groups = by === 'first' ? this.byFirst : this.bySecond;
    const value = Math.min(length, this.lengthCap) * this.base + rank;
    const g = firstGroupFrom(groups, value);
    if (g >= groups.values.length || groups.values[g] !== value) return;
    for (let i = groups.starts[g]; i < groups.starts[g + 1]; i++) {
      const key = this.keys[groups.order[i]];
      if (key !== '') visit(key);
    }
  }

  private sortGroup(g: number): void {
    if (this.sorted[g]) return;
    const { starts, order } = this.byPrefix;
    const keys = this.keys;
    order.subarray(starts[g], starts[g + 1]).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
    this.sorted[g] = 1;
  }
}

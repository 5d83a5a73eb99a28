// Strings (the matcher's normalised keys; the entries' refs) and the entries of each, found by an FNV hash (for
// keys, the one the matcher already computes): one open-addressing Int32Array of (hash, key number) pairs beside a
// list of the strings. A JavaScript Map keyed by the strings would hash every key a second time and grow by
// rehashing its entries.
//
// Keys are added to a list first and placed into the hash slots together (place), in the order of their hashes:
// a hash's slot is its top bits, so the slots fill front to back. Placed in arrival order, each of a million keys
// waited on memory (about 0.5 s). A key added twice keeps its first number; the later copy's entries join it and
// the copy is left as '' in the list.
import { Int32List } from '../int32List';
import { StringList } from '../stringList';
import { radixSort } from '../radixOrder';

// Hashes stay signed 32-bit integers (what Math.imul returns): V8 keeps those unboxed, where an unsigned value
// above 2^31 would become a heap number at every call that passes it.
export const FNV_OFFSET = 0x811c9dc5 | 0;

/** One step of FNV-1a: hash `h` followed by unit `c`. */
export function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** FNV-1a over the UTF-16 units s[from, to): the hash the tables find keys by. */
export function fnv1a(s: string, from = 0, to = s.length): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}

export class KeyTable {
  /** Key number -> key ('' for a later copy of a key, merged into the first). */
  readonly keys = new StringList();
  /**
   * Key number -> its entry id (>= 0), or -(1 + i) when several entries share the key: their ids are shared[i].
   * Numbers in a typed list, not a plain array: a million of them outside the garbage-collected heap.
   */
  private readonly ids = new Int32List();
  private readonly shared: number[][] = [];
  /** Key number -> hash, for the keys not placed yet (from `placed` on). */
  private readonly pendingHashes = new Int32List();
  private placed = 0;
  private copies = 0;
  /** slots[2k] = hash, slots[2k + 1] = key number + 1 (0: empty). */
  private slots: Int32Array;
  private mask: number;
  /** 32 - log2(capacity): a hash's slot is hash >>> shift. */
  private shift: number;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    this.shift = Math.clz32(capacity) + 1;
  }

  /** Number of distinct keys (placed or not). */
  get size(): number {
    return this.keys.length - this.copies;
  }

  /** Keys added since the last place(). */
  get unplacedCount(): number {
    return this.keys.length - this.placed;
  }

  /** Number of `key`, whose hash is `hash`; -1 when no placed key is it. */
  find(key: string, hash: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let k = hash >>> this.shift; ; k = (k + 1) & mask) {
      const n = slots[(k << 1) + 1];
      if (n === 0) return -1;
      if (slots[k << 1] === hash && this.keys.get(n - 1) === key) return n - 1;
    }
  }

  /** The entry id of key `n`, or the ids when several entries share it (in the order they were added). */
  entriesOf(n: number): number | readonly number[] {
    const v = this.ids.array[n];
    return v >= 0 ? v : this.shared[-1 - v];
  }

  /** Adds `key` (hash `hash`) with entry `id`; findable after place(). Returns its number. */
  add(key: string, hash: number, id: number): number {
    const n = this.keys.push(key);
    this.ids.push(id);
    this.pendingHashes.push(hash);
    return n;
  }

  /**
   * Makes every added key findable: a key equal to one already there gives it its entries and becomes ''. Calls
   * `placedNew` with the hash of each new distinct key, in the order of their slots. Returns how many there were.
   */
  place(placedNew?: (hash: number) => void): number {
    const first = this.placed;
    const count = this.keys.length - first;
    if (count === 0) return 0;
    const copiesBefore = this.copies;
    let capacity = this.mask + 1;
    while (capacity < (this.keys.length - this.copies) * 2) capacity *= 2;
    if (capacity !== this.mask + 1) this.rehash(capacity);
    const order = new Int32Array(count);
    for (let i = 0; i < count; i++) order[i] = first + i;
    const sorted = this.pendingHashes.array;
    // By slot (the hashes' top bits) only, stable: of two equal keys, the one added first keeps its number and
    // comes first in the entries' order.
    radixSort(sorted, order, count, 32 - this.shift);
    this.pendingHashes.clear();
    this.placed = this.keys.length;
    const slots = this.slots;
    const mask = this.mask;
    for (let i = 0; i < count; i++) {
      const hash = sorted[i];
      const n = order[i];
      let k = hash >>> this.shift;
      let copyOf = -1;
      for (; slots[(k << 1) + 1] !== 0; k = (k + 1) & mask) {
        // Strings are compared only when the hashes are equal (rare): reading the keys is what waits on memory.
        if (slots[k << 1] === hash && this.keys.get(slots[(k << 1) + 1] - 1) === this.keys.get(n)) {
          copyOf = slots[(k << 1) + 1] - 1;
          break;
        }
      }
      if (copyOf === -1) {
        slots[k << 1] = hash;
        slots[(k << 1) + 1] = n + 1;
        placedNew?.(hash);
        continue;
      }
      const ids = this.ids.array;
      const into = ids[copyOf];
      const id = ids[n];
      if (into >= 0) {
        if (into !== id) {
          ids[copyOf] = -1 - this.shared.length;
          this.shared.push([into, id]);
        }
      } else if (!this.shared[-1 - into].includes(id)) this.shared[-1 - into].push(id);
      this.keys.set(n, '');
      this.copies++;
    }
    return count - (this.copies - copiesBefore);
  }

  private rehash(capacity: number): void {
    const old = this.slots;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    this.shift = Math.clz32(capacity) + 1;
    const slots = this.slots;
    const mask = this.mask;
    // Old slots are in the order of their hashes' top bits: the new table fills front to back too.
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === 0) continue;
      let k = old[j] >>> this.shift;
      while (slots[(k << 1) + 1] !== 0) k = (k + 1) & mask;
      slots[k << 1] = old[j];
      slots[(k << 1) + 1] = old[j + 1];
    }
  }
}

// The matcher's normalised keys and the entries of each, found by the FNV hash the matcher already computes for
// every key: one open-addressing Int32Array of (hash, key number) pairs beside a plain array of the keys. A
// JavaScript Map keyed by the strings would hash every key a second time and grow by rehashing its entries; for a
// million names that was most of the build.

export class KeyTable {
  /** Key number -> key. */
  readonly keys: string[] = [];
  /** Key number -> entry id, or ids when several entries share the key. */
  readonly ids: Array<number | number[]> = [];
  /** slots[2k] = hash, slots[2k + 1] = key number + 1 (0: empty). */
  private slots: Int32Array;
  private mask: number;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.keys.length;
  }

  /** Grows the table now to hold `expected` keys without growing again. */
  reserve(expected: number): void {
    if (this.mask + 1 >= expected * 2) return;
    let capacity = this.mask + 1;
    while (capacity < expected * 2) capacity *= 2;
    this.rehash(capacity);
  }

  /** Number of `key`, whose hash is `hash`; -1 when it is not in the table. */
  find(key: string, hash: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let k = hash & mask; ; k = (k + 1) & mask) {
      const n = slots[(k << 1) + 1];
      if (n === 0) return -1;
      if (slots[k << 1] === hash && this.keys[n - 1] === key) return n - 1;
    }
  }

  /** Adds `key` (not in the table yet, hash `hash`) with its first entry; returns its number. */
  add(key: string, hash: number, id: number): number {
    const n = this.keys.length;
    this.keys.push(key);
    this.ids.push(id);
    if ((n + 1) * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    this.place(hash, n + 1);
    return n;
  }

  private place(hash: number, value: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let k = hash & mask;
    while (slots[(k << 1) + 1] !== 0) k = (k + 1) & mask;
    slots[k << 1] = hash;
    slots[(k << 1) + 1] = value;
  }

  private rehash(capacity: number): void {
    const old = this.slots;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    for (let k = 0; k < old.length; k += 2) if (old[k + 1] !== 0) this.place(old[k], old[k + 1]);
  }
}

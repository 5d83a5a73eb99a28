// An open-addressing table from 32-bit hashes to small non-negative integers, in one Int32Array of (hash, value)
// pairs. The matcher looks up every word of the text in it: a JavaScript Map keyed by numbers costs about 130 ns
// per lookup there, this table one probe into a cache line. Hashes are only a filter (a match is confirmed by
// comparing the spelled-out name), so hash 0, which marks an empty slot, is stored as 1. A hash's slot is its top
// bits, so that hashes set in ascending order fill the table front to back.

const EMPTY = 0;

export class HashFlags {
  /** slots[2k] = hash (0: empty), slots[2k + 1] = value. */
  private slots: Int32Array;
  private mask: number;
  /** 32 - log2(capacity): a hash's slot is hash >>> shift. */
  private shift: number;
  private count = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity * 5 < expected * 8) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    this.shift = Math.clz32(capacity) + 1;
  }

  get size(): number {
    return this.count;
  }

  /** How many top bits of a hash choose its slot: hashes set in the order of those bits fill the table in order. */
  get slotBits(): number {
    return 32 - this.shift;
  }

  /** Bytes held by the table. */
  get byteLength(): number {
    return this.slots.byteLength;
  }

  /** Grows the table now to hold `expected` hashes without growing again (each growth rehashes everything). */
  reserve(expected: number): void {
    let capacity = this.mask + 1;
    while (capacity * 5 < expected * 8) capacity *= 2;
    if (capacity !== this.mask + 1) this.grow(capacity);
  }

  /** The value stored for `hash`, 0 when there is none. */
  get(hash: number): number {
    const h = hash === EMPTY ? 1 : hash | 0;
    const slots = this.slots;
    const mask = this.mask;
    let k = h >>> this.shift;
    for (;;) {
      const stored = slots[k << 1];
      if (stored === h) return slots[(k << 1) + 1];
      if (stored === EMPTY) return 0;
      k = (k + 1) & mask;
    }
  }

  set(hash: number, value: number): void {
    const h = hash === EMPTY ? 1 : hash | 0;
    let k = h >>> this.shift;
    for (;;) {
      const stored = this.slots[k << 1];
      if (stored === h || stored === EMPTY) {
        if (stored === EMPTY) {
          this.slots[k << 1] = h;
          this.count++;
        }
        this.slots[(k << 1) + 1] = value;
        break;
      }
      k = (k + 1) & this.mask;
    }
    // Kept at most 5/8 full: linear probing stays short (an absent hash probes about 4 slots, within a cache line
    // or two), and a million hashes fit in 16 MB rather than 32.
    if (this.count * 8 > (this.mask + 1) * 5) this.grow();
  }

  /** Calls `visit` with every stored hash, as stored: hash 0 as 1 (the two share every bit but the lowest). */
  forEachHash(visit: (hash: number) => void): void {
    const slots = this.slots;
    for (let k = 0; k < slots.length; k += 2) if (slots[k] !== EMPTY) visit(slots[k]);
  }

  private grow(capacity = (this.mask + 1) * 2): void {
    const old = this.slots;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    this.shift = Math.clz32(capacity) + 1;
    this.count = 0;
    for (let k = 0; k < old.length; k += 2) if (old[k] !== EMPTY) this.set(old[k], old[k + 1]);
  }
}

// A list of 32-bit integers that grows by doubling: columns of numbers per name for a million names, kept outside
// the garbage-collected heap (a plain array holds each as a tagged 8-byte value).

export class Int32List {
  array = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = new Int32Array(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }

  /** Empties the list and lets its memory go. */
  clear(): void {
    this.array = new Int32Array(1024);
    this.length = 0;
  }
}

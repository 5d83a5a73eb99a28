// A list of strings in blocks of 65,536: a million names without an array copied at every growth (the copies, up
// to twice the final array, wait in the heap for the garbage collector) and without the slack a grown array keeps.

const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;

export class StringList {
  private readonly blocks: string[][] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(value: string): number {
    const at = this.count;
    const block = at >>> BLOCK_BITS;
    // A block is made at its full size once (holes until filled), never grown.
    if (block === this.blocks.length) this.blocks.push(new Array<string>(BLOCK));
    this.blocks[block][at & MASK] = value;
    this.count++;
    return at;
  }

  get(i: number): string {
    return this.blocks[i >>> BLOCK_BITS][i & MASK];
  }

  set(i: number, value: string): void {
    this.blocks[i >>> BLOCK_BITS][i & MASK] = value;
  }
}

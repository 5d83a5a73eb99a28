// Ordering many numbers without comparisons: a counting sort per digit. Used where a million keys or hashes are put
// in order (completion's key groups, the matcher's tables filled slot after slot), where Array.prototype.sort or
// inserting in arrival order would spend its time waiting on memory.

/** Widest digit sorted in one pass: its counts (16 KB) stay in the processor's cache. */
const MAX_DIGIT_BITS = 12;

/** Two arrays a caller sorting several lists of one size lends to each sort, rather than each sort making its own. */
export interface RadixScratch {
  values: Int32Array;
  payload: Int32Array;
}

/**
 * Sorts `values[0, n)`, read as unsigned 32-bit integers, in place and stably by their top `bits` bits, moving
 * `payload[i]` with `values[i]`. `bits` defaults to what the largest value needs (a full sort); a hash table that
 * places values by their top bits needs only those. Each pass moves every value with its payload, so that every
 * pass reads memory in order: a caller that needs more per value carries it as the payload rather than looking it
 * up by position afterwards, which waits on memory at each value. Two scratch arrays of n are the only memory used.
 */
export function radixSort(values: Int32Array, payload: Int32Array, n: number, bits?: number, scratch?: RadixScratch): void {
  let low = 0;
  if (bits === undefined) {
    let max = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i] >>> 0;
      if (v > max) max = v;
    }
    bits = 32 - Math.clz32(max);
  } else low = 32 - bits;
  const passes = Math.max(1, Math.ceil(bits / MAX_DIGIT_BITS));
  const digitBits = Math.ceil(bits / passes);
  const mask = (1 << digitBits) - 1;
  let from: Int32Array<ArrayBufferLike> = payload;
  let fromValues: Int32Array<ArrayBufferLike> = values;
  let to: Int32Array<ArrayBufferLike> = scratch && scratch.payload.length >= n ? scratch.payload : new Int32Array(n);
  let toValues: Int32Array<ArrayBufferLike> = scratch && scratch.values.length >= n ? scratch.values : new Int32Array(n);
  const counts = new Int32Array(mask + 2);
  let done = 0;
  for (let shift = low; shift < low + passes * digitBits && shift < 32; shift += digitBits) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((fromValues[i] >>> shift) & mask) + 1]++;
    for (let d = 1; d <= mask + 1; d++) counts[d] += counts[d - 1];
    for (let i = 0; i < n; i++) {
      const v = fromValues[i];
      const at = counts[(v >>> shift) & mask]++;
      to[at] = from[i];
      toValues[at] = v;
    }
    [from, to] = [to, from];
    [fromValues, toValues] = [toValues, fromValues];
    done++;
  }
  if (done % 2 === 1) {
    payload.set(from.subarray(0, n));
    values.set(fromValues.subarray(0, n));
  }
}

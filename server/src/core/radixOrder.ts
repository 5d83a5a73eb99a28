// Ordering many numbers without comparisons: a counting sort per digit. Used where a million keys or hashes are put
// in order (completion's key groups, the matcher's tables filled slot after slot), where Array.prototype.sort or
// inserting in arrival order would spend its time waiting on memory.

/** Widest digit sorted in one pass: its counts (16 KB) stay in the processor's cache. */
const MAX_DIGIT_BITS = 12;

/**
 * `values[0, n)` read as unsigned 32-bit integers, sorted (stably) by their top `bits` bits, each with its payload:
 * by default its position, so that `order` lists positions in the order of their values. `bits` defaults to what the
 * largest value needs (a full sort); a hash table that places values by their top bits needs only those. Each pass
 * moves every value with its payload, so that every pass reads memory in order (a caller that needs more per value
 * carries it as the payload rather than looking it up by position afterwards, which waits on memory at each value).
 */
export function radixOrder(values: Int32Array, n = values.length, payload?: Int32Array, bits?: number): { order: Int32Array; sorted: Int32Array } {
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
  let from = new Int32Array(n);
  if (payload) from.set(payload.subarray(0, n));
  else for (let i = 0; i < n; i++) from[i] = i;
  let to = new Int32Array(n);
  let fromValues = values.slice(0, n);
  let toValues = new Int32Array(n);
  const counts = new Int32Array(mask + 2);
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
  }
  return { order: from, sorted: fromValues };
}

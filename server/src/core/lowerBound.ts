// Binary search over a sorted array: offsets (astral characters, token starts) and names (completion keys).

/** The first index i with values[i] >= x, or values.length; `values` sorted ascending. */
export function lowerBound<T extends number | string>(values: readonly T[], x: T): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// What every bench prints: one JSON line per figure, {"name","value","unit"} plus "target", peers and ratios.
export function emit(name: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 1000) / 1000);
  process.stdout.write(JSON.stringify({ name, value: round(value), unit, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])) }) + '\n');
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The value below which `p` (0–1) of the values lie (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

/** Whether `value` meets a target given as a bound: at most (≤) or at least (≥). */
export function meets(value: number, bound: number, direction: 'max' | 'min'): 'yes' | 'no' {
  return (direction === 'max' ? value <= bound : value >= bound) ? 'yes' : 'no';
}

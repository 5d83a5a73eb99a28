// Spreading a corpus over machines: `--shard K/N` keeps the files whose path hashes to K of N. The hash depends
// only on the path string, so every machine given the same list (or the same corpus) agrees on the split without
// talking to the others, and adding files never moves the others to another shard.
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `K/N` with 1 ≤ K ≤ N; undefined when malformed. */
export function parseShard(spec: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}

/** Whether `key` (a path with / separators) belongs to `shard`: the first 32 bits of its SHA-1, modulo N. */
export function inShard(key: string, shard: Shard): boolean {
  return createHash('sha1').update(key).digest().readUInt32BE(0) % shard.count === shard.index - 1;
}

/** The paths of a list read from standard input or a file: one per line, blank lines and CR ignored. */
export function pathList(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
}

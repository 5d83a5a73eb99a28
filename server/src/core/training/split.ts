// Reproducible train/dev/test splits by document: a document's part depends only on the seed and its path
// (SHA-256 of seed and path, modulo 100, against the cumulative percentages), so adding documents to a corpus never
// moves the documents already there from one part to another.
import { createHash } from 'node:crypto';

export interface SplitSpec {
  names: string[];
  /** Percentages, summing to 100. */
  percents: number[];
}

const NAMES: Record<number, string[]> = { 1: ['train'], 2: ['train', 'test'], 3: ['train', 'dev', 'test'] };

/** Parses `80,10,10` (train, dev, test), `90,10` (train, test) or `100`. */
export function parseSplit(spec: string): SplitSpec {
  const percents = spec.split(',').map((s) => s.trim());
  if (!NAMES[percents.length] || percents.some((p) => !/^\d+$/.test(p))) {
    throw new Error(`--split "${spec}": expected one to three whole percentages, e.g. 80,10,10`);
  }
  const values = percents.map(Number);
  const sum = values.reduce((a, b) => a + b, 0);
  if (sum !== 100) throw new Error(`--split "${spec}": percentages add up to ${sum}, not 100`);
  return { names: NAMES[values.length], percents: values };
}

/** The bucket (0-99) of a document: stable across runs, machines and corpus growth. */
export function splitBucket(seed: string, documentPath: string): number {
  const digest = createHash('sha256').update(`${seed}\n${documentPath}`, 'utf8').digest();
  return digest.readUInt32BE(0) % 100;
}

export function splitOf(spec: SplitSpec, seed: string, documentPath: string): string {
  const bucket = splitBucket(seed, documentPath);
  let bound = 0;
  for (let i = 0; i < spec.names.length; i++) {
    bound += spec.percents[i];
    if (bucket < bound) return spec.names[i];
  }
  return spec.names[spec.names.length - 1];
}

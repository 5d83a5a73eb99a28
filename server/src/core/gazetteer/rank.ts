// Completion candidates for a span of text, best first: exact normalised match, match after a proclitic, names
// that start with the text, then names within one or two typos. The key lists for prefix and typo search are
// built on first use and kept with the matcher.
import { lowerBound } from '../lowerBound';
import { procliticSplits } from '../text/proclitics';
import type { KbEntry } from './entries';
import type { GazetteerMatcher } from './matcher';

export type MatchKind = 'exact' | 'proclitic' | 'prefix' | 'fuzzy';

export interface RankedEntry {
  entry: KbEntry;
  key: string;
  score: number;
  match: MatchKind;
  /** For a match after a proclitic: UTF-16 units of the query that the proclitic takes (ببغداد -> 1). */
  prefix?: number;
}

/** Keys of one length that share a letter at one place, with each key's letter signature. */
interface Bucket {
  keys: string[];
  signatures: number[];
}

interface KeyIndex {
  sorted: string[];
  /** Keys by length and first letter, and by length and second letter: the only ones a typo search compares. */
  byFirst: Map<number, Bucket>;
  bySecond: Map<number, Bucket>;
}

const bucket = (length: number, letter: number) => length * 0x10000 + letter;

/** The set of letters of a key, as bits (letters folded onto 31 bits). */
function signature(key: string): number {
  let bits = 0;
  for (let i = 0; i < key.length; i++) bits |= 1 << (key.charCodeAt(i) % 31);
  return bits;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

const keyIndexes = new WeakMap<GazetteerMatcher, KeyIndex>();

function keyIndex(matcher: GazetteerMatcher): KeyIndex {
  let index = keyIndexes.get(matcher);
  if (!index) {
    const sorted = [...matcher.allKeys()].sort();
    const byFirst = new Map<number, Bucket>();
    const bySecond = new Map<number, Bucket>();
    const add = (map: Map<number, Bucket>, b: number, key: string, sig: number) => {
      const list = map.get(b);
      if (list) {
        list.keys.push(key);
        list.signatures.push(sig);
      } else map.set(b, { keys: [key], signatures: [sig] });
    };
    for (const key of sorted) {
      const sig = signature(key);
      add(byFirst, bucket(key.length, key.charCodeAt(0)), key, sig);
      add(bySecond, bucket(key.length, key.charCodeAt(1)), key, sig);
    }
    index = { sorted, byFirst, bySecond };
    keyIndexes.set(matcher, index);
  }
  return index;
}

/** Builds the prefix and typo indexes now (the first completion would otherwise pay for it). */
export function prepareRanking(matcher: GazetteerMatcher): void {
  keyIndex(matcher);
}

/** Levenshtein distance of a and b if it is at most `max`, else max + 1. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Two rows reused across calls: a typo search compares tens of thousands of keys and should allocate nothing.
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length * 2 + 2);
    rowB = new Int32Array(b.length * 2 + 2);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      let d = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      if (prev[j] + 1 < d) d = prev[j] + 1;
      if (cur[j - 1] + 1 < d) d = cur[j - 1] + 1;
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[b.length], max + 1);
}
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

const SOURCE_ORDER = (source: string) => (source === 'corpus' ? 0 : source.startsWith('gazetteer:') ? 1 : 2);

export function rankEntries(matcher: GazetteerMatcher, query: string, limit = 30): RankedEntry[] {
  const key = matcher.keyOf(query);
  if (!key) return [];
  // By entry id: entries are made as objects only for the results.
  const results = new Map<number, { id: number; key: string; score: number; match: MatchKind; prefix?: number }>();
  const offer = (k: string, score: number, match: MatchKind, prefix?: number) => {
    for (const id of matcher.lookupKeyIds(k)) {
      const seen = results.get(id);
      if (!seen || seen.score < score) results.set(id, prefix ? { id, key: k, score, match, prefix } : { id, key: k, score, match });
    }
  };
  offer(key, 1, 'exact');
  // After a proclitic: ببغداد -> بغداد, للقوات -> القوات.
  const { text: normalized, origin } = matcher.normalizer.normalize(query);
  const firstLetter = normalized.search(/[\p{L}\p{Nd}]/u);
  for (const split of procliticSplits(key)) {
    if (split.prefix > 0) offer((split.elidedAlef ? 'ا' : '') + key.slice(split.prefix), 0.95, 'proclitic', origin[firstLetter + split.prefix]);
  }
  const index = keyIndex(matcher);
  // Names that start with the text (a partial word or the first words of a longer name).
  for (let i = lowerBound(index.sorted, key), n = 0; i < index.sorted.length && n < limit * 4 && index.sorted[i].startsWith(key); i++, n++) {
    const k = index.sorted[i];
    if (k !== key) offer(k, 0.8 - Math.min(0.2, (k.length - key.length) * 0.01), 'prefix');
  }
  // Typos: one for short texts, two for longer; a key must share the first or the second letter.
  if (results.size < limit && key.length >= 3) {
    const max = key.length < 6 ? 1 : 2;
    const first = key.charCodeAt(0);
    const sig = signature(key);
    const compare = (b: Bucket | undefined, skipFirst: boolean) => {
      if (!b) return;
      for (let i = 0; i < b.keys.length; i++) {
        // Each edit adds at most one letter the other lacks: more than `max` such letters either way is too far.
        const other = b.signatures[i];
        if (popcount(sig & ~other) > max || popcount(other & ~sig) > max) continue;
        const k = b.keys[i];
        if (skipFirst && k.charCodeAt(0) === first) continue;
        const d = boundedDistance(key, k, max);
        if (d > 0 && d <= max) offer(k, 0.7 - 0.1 * d, 'fuzzy');
      }
    };
    for (let len = key.length - max; len <= key.length + max; len++) {
      compare(index.byFirst.get(bucket(len, first)), false);
      // Same second letter, other first letter (those with the same first letter were compared above).
      compare(index.bySecond.get(bucket(len, key.charCodeAt(1))), true);
    }
  }
  return [...results.values()]
    .sort((a, b) => b.score - a.score || SOURCE_ORDER(matcher.sourceOfEntry(a.id)) - SOURCE_ORDER(matcher.sourceOfEntry(b.id)) || (matcher.nameOf(a.id) < matcher.nameOf(b.id) ? -1 : 1))
    .slice(0, limit)
    .map(({ id, ...rest }) => ({ entry: matcher.entry(id), ...rest }));
}

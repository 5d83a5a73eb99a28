// Completion candidates for a span of text, best first: exact normalised match, match after a proclitic, names
// that start with the text, then names within one or two typos. The key lists for prefix and typo search are
// built on first use and kept with the matcher.
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

interface KeyIndex {
  sorted: string[];
  byLength: Map<number, string[]>;
}

const keyIndexes = new WeakMap<GazetteerMatcher, KeyIndex>();

function keyIndex(matcher: GazetteerMatcher): KeyIndex {
  let index = keyIndexes.get(matcher);
  if (!index) {
    const sorted = [...matcher.allKeys()].sort();
    const byLength = new Map<number, string[]>();
    for (const key of sorted) (byLength.get(key.length) ?? byLength.set(key.length, []).get(key.length)!).push(key);
    index = { sorted, byLength };
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
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

const SOURCE_ORDER = (source: string) => (source === 'corpus' ? 0 : source.startsWith('gazetteer:') ? 1 : 2);

export function rankEntries(matcher: GazetteerMatcher, query: string, limit = 30): RankedEntry[] {
  const key = matcher.keyOf(query);
  if (!key) return [];
  const results = new Map<KbEntry, RankedEntry>();
  const offer = (k: string, score: number, match: MatchKind, prefix?: number) => {
    for (const entry of matcher.lookupKey(k)) {
      const seen = results.get(entry);
      if (!seen || seen.score < score) results.set(entry, prefix ? { entry, key: k, score, match, prefix } : { entry, key: k, score, match });
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
  let lo = 0;
  let hi = index.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo, n = 0; i < index.sorted.length && n < limit * 4 && index.sorted[i].startsWith(key); i++, n++) {
    const k = index.sorted[i];
    if (k !== key) offer(k, 0.8 - Math.min(0.2, (k.length - key.length) * 0.01), 'prefix');
  }
  // Typos: one for short texts, two for longer; a key must share the first or the second letter.
  if (results.size < limit && key.length >= 3) {
    const max = key.length < 6 ? 1 : 2;
    for (let len = key.length - max; len <= key.length + max; len++) {
      for (const k of index.byLength.get(len) ?? []) {
        if (k.charCodeAt(0) !== key.charCodeAt(0) && k.charCodeAt(1) !== key.charCodeAt(1)) continue;
        const d = boundedDistance(key, k, max);
        if (d > 0 && d <= max) offer(k, 0.7 - 0.1 * d, 'fuzzy');
      }
    }
  }
  return [...results.values()]
    .sort((a, b) => b.score - a.score || SOURCE_ORDER(a.entry.source) - SOURCE_ORDER(b.entry.source) || (a.entry.names[0] < b.entry.names[0] ? -1 : 1))
    .slice(0, limit);
}

// Completion candidates for a span of text, best first: exact normalised match, match after a proclitic, names
// that start with the text, then names within a typo or two. Typos are guessed only for words of six letters or
// more (shorter words sit a letter away from too many others: سعي / سعير), one typo below ten letters; a word's
// completion to a longer word only from four letters. Among matches of one kind, entries of the article's country
// and refs the corpus already uses come first. The key lists for prefix and typo search are built on first use
// and kept with the matcher.
import { procliticSplits } from '../text/proclitics';
import type { KbEntry } from './entries';
import { HEAD_UNITS, KeySearch, letterSignature } from './keySearch';
import type { GazetteerMatcher } from './matcher';

export type MatchKind = 'exact' | 'proclitic' | 'prefix' | 'fuzzy';

/** What the ranking knows of the article and the corpus. */
export interface RankOptions {
  /** ISO code of the article's country: its entries first among matches of one kind («الحكومة» in an Iraqi article). */
  country?: string;
  /** How often the corpus has used each ref: used refs first among matches of one kind. */
  corpusRefs?: ReadonlyMap<string, number>;
}

/** Typos are guessed for words of at least this many letters, two typos from TWO_TYPOS letters. */
export const MIN_TYPO_LENGTH = 6;
const TWO_TYPOS = 10;
/** A word is completed to a longer word (الديوا -> الديوانية) from this many letters (what keySearch groups by); whole words always. */
const MIN_WORD_COMPLETION = HEAD_UNITS;

// Scores of the kinds of match never overlap, bonuses included: exact 1–1.04, proclitic 0.95–0.99, prefix
// 0.65–0.84, typo 0.5–0.64; callers that merge ranked lists by score keep that order.
const COUNTRY_BONUS = 0.02;
const CORPUS_BONUS = 0.02;
const MATCH_ORDER: Record<MatchKind, number> = { exact: 0, proclitic: 1, prefix: 2, fuzzy: 3 };

export interface RankedEntry {
  entry: KbEntry;
  key: string;
  score: number;
  match: MatchKind;
  /** For a match after a proclitic: UTF-16 units of the query that the proclitic takes (ببغداد -> 1). */
  prefix?: number;
}

/** The matcher's keys as completion searches them; made again when the matcher has gained keys since. */
const keySearches = new WeakMap<GazetteerMatcher, KeySearch>();

function keySearch(matcher: GazetteerMatcher): KeySearch {
  let search = keySearches.get(matcher);
  const keys = matcher.allKeys();
  if (!search || search.count !== keys.length) {
    search = KeySearch.of(keys);
    keySearches.set(matcher, search);
  }
  return search;
}

/** Builds the prefix and typo indexes now (the first completion would otherwise pay for it). */
export function prepareRanking(matcher: GazetteerMatcher): void {
  keySearch(matcher);
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

export function rankEntries(matcher: GazetteerMatcher, query: string, limit = 30, options: RankOptions = {}): RankedEntry[] {
  const key = matcher.keyOf(query);
  if (!key) return [];
  // By entry id: entries are made as objects only for the results (and for the bonus when options ask for it).
  const results = new Map<number, { id: number; key: string; score: number; match: MatchKind; prefix?: number }>();
  const ranksByContext = options.country !== undefined || (options.corpusRefs?.size ?? 0) > 0;
  const bonus = (id: number) => {
    if (!ranksByContext) return 0;
    const entry = matcher.entry(id);
    return (options.country && entry.country === options.country ? COUNTRY_BONUS : 0) + (entry.ref && (options.corpusRefs?.get(entry.ref) ?? 0) > 0 ? CORPUS_BONUS : 0);
  };
  const offer = (k: string, base: number, match: MatchKind, prefix?: number) => {
    for (const id of matcher.lookupKeyIds(k)) {
      const score = Math.round((base + bonus(id)) * 1e6) / 1e6;
      const seen = results.get(id);
      if (!seen || MATCH_ORDER[match] < MATCH_ORDER[seen.match] || (seen.match === match && seen.score < score)) {
        results.set(id, prefix ? { id, key: k, score, match, prefix } : { id, key: k, score, match });
      }
    }
  };
  offer(key, 1, 'exact');
  // After a proclitic: ببغداد -> بغداد, للقوات -> القوات.
  const { text: normalized, origin } = matcher.normalizer.normalize(query);
  const firstLetter = normalized.search(/[\p{L}\p{Nd}]/u);
  for (const split of procliticSplits(key)) {
    if (split.prefix > 0) offer((split.elidedAlef ? 'ا' : '') + key.slice(split.prefix), 0.95, 'proclitic', origin[firstLetter + split.prefix]);
  }
  const search = keySearch(matcher);
  // Names that start with the text: the first words of a longer name, or (from four letters) a partial word.
  const letters = key.replace(/ /g, '').length;
  // Below four letters only the words of longer names (ذي -> ذي قار), not a longer word (سعي -> سعير).
  for (const k of search.completions(key, letters < MIN_WORD_COMPLETION, limit * 4)) {
    const wholeWords = k.charCodeAt(key.length) === 0x20;
    offer(k, 0.8 - Math.min(0.1, (k.length - key.length) * 0.005) - (wholeWords ? 0 : 0.05), 'prefix');
  }
  // Typos: only in words long enough that a near spelling is likely the same name; a key must share the first or
  // the second letter.
  if (results.size < limit && letters >= MIN_TYPO_LENGTH) {
    const max = letters < TWO_TYPOS ? 1 : 2;
    const first = key.charCodeAt(0);
    const sig = letterSignature(key);
    const compare = (skipFirst: boolean) => (k: string) => {
      if (skipFirst && k.charCodeAt(0) === first) return;
      const d = boundedDistance(key, k, max);
      if (d > 0 && d <= max) offer(k, 0.6 - 0.1 * (d - 1), 'fuzzy');
    };
    for (let len = key.length - max; len <= key.length + max; len++) {
      search.forEachOfLength('first', len, first, sig, max, compare(false));
      // Same second letter, other first letter (those with the same first letter were compared above).
      search.forEachOfLength('second', len, key.charCodeAt(1), sig, max, compare(true));
    }
  }
  return [...results.values()]
    .sort(
      (a, b) =>
        MATCH_ORDER[a.match] - MATCH_ORDER[b.match] ||
        b.score - a.score ||
        SOURCE_ORDER(matcher.sourceOfEntry(a.id)) - SOURCE_ORDER(matcher.sourceOfEntry(b.id)) ||
        (matcher.nameOf(a.id) < matcher.nameOf(b.id) ? -1 : matcher.nameOf(a.id) > matcher.nameOf(b.id) ? 1 : 0),
    )
    .slice(0, limit)
    .map(({ id, ...rest }) => ({ entry: matcher.entry(id), ...rest }));
}

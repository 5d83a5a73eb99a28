// Candidates people can choose between: one per thing (label and ref), whichever sources offer it — the built-in
// gazetteer, a corpus gazetteer and corpus memory give one candidate for one ref, not three — each carrying what
// tells it apart from the others of its name (kind, country, governorate, population, office and term).
import type { KbEntry } from './entries';
import { distinguishing } from './entryDetails';
import type { Candidate, GazetteerMatcher } from './matcher';
import { rankEntries, type MatchKind, type RankOptions } from './rank';

export interface RefChoice {
  label: string;
  /** Absent for corpus memory of entities annotated without a ref. */
  ref?: string;
  name: string;
  description?: string;
  /** Every source that offers it, best first (corpus, corpus gazetteers, built-in). */
  sources: string[];
  score: number;
  match: MatchKind;
  /** UTF-16 units at the start of the query that are a proclitic. */
  prefix?: number;
  kind?: string;
  country?: string;
  governorate?: string;
  population?: number;
  office?: string;
  valid?: KbEntry['valid'];
  seatOf?: string;
  /** kind · governorate · country · population, for a pick list. */
  detail: string;
}

const DETAIL_FIELDS = ['kind', 'country', 'governorate', 'population', 'office', 'valid', 'seatOf'] as const;

/** One thing's identity across sources: its label and ref, or its label and name when it has no ref. */
export function choiceKey(label: string, ref: string | undefined, name: string): string {
  return ref ? `${label}|${ref}` : `${label}|name:${name}`;
}

function sourceOrder(source: string): number {
  return source === 'corpus' ? 0 : source.startsWith('gazetteer:') ? 1 : 2;
}

/** Fills the fields a choice lacks from another entry of the same ref (corpus memory has no kind or country). */
function absorb(choice: RefChoice, entry: KbEntry): void {
  for (const field of DETAIL_FIELDS) {
    if (choice[field] === undefined && entry[field] !== undefined) (choice as unknown as Record<string, unknown>)[field] = entry[field];
  }
  if (!choice.description && entry.description && entry.source !== 'corpus') choice.description = entry.description;
  if (!choice.sources.includes(entry.source)) {
    choice.sources.push(entry.source);
    choice.sources.sort((a, b) => sourceOrder(a) - sourceOrder(b));
  }
}

/**
 * Completion over several matchers (corpus memory, the gazetteers), merged: one choice per label and ref, with the
 * best match any source gave, best first.
 */
export function rankChoices(matchers: readonly GazetteerMatcher[], query: string, limit = 30, options: RankOptions = {}): RefChoice[] {
  const byKey = new Map<string, RefChoice>();
  const ranked = matchers.flatMap((m) => rankEntries(m, query, limit, options));
  const order: Record<MatchKind, number> = { exact: 0, proclitic: 1, prefix: 2, fuzzy: 3 };
  ranked.sort((a, b) => order[a.match] - order[b.match] || b.score - a.score || sourceOrder(a.entry.source) - sourceOrder(b.entry.source));
  for (const r of ranked) {
    const key = choiceKey(r.entry.label, r.entry.ref || undefined, r.entry.names[0]);
    let choice = byKey.get(key);
    if (!choice) {
      choice = { label: r.entry.label, name: r.entry.names[0], sources: [], score: r.score, match: r.match, detail: '' };
      if (r.entry.ref) choice.ref = r.entry.ref;
      if (r.prefix) choice.prefix = r.prefix;
      byKey.set(key, choice);
    }
    absorb(choice, r.entry);
  }
  const out = [...byKey.values()].slice(0, limit);
  for (const choice of out) {
    choice.detail = distinguishing(choice);
    // Corpus memory's description ("confirmed 3 times") is kept only when nothing better describes the thing.
    if (!choice.description) {
      const memory = ranked.find((r) => r.entry.source === 'corpus' && choiceKey(r.entry.label, r.entry.ref || undefined, r.entry.names[0]) === choiceKey(choice.label, choice.ref, choice.name));
      if (memory?.entry.description) choice.description = memory.entry.description;
    }
  }
  return out;
}

export interface SpanChoice extends Omit<Candidate, 'source'> {
  sources: string[];
}

/** Candidates found in text, one per span, label and ref whichever sources matched it. */
export function mergeSpanCandidates(candidates: readonly Candidate[]): SpanChoice[] {
  const byKey = new Map<string, SpanChoice>();
  // Keys whose description comes from a gazetteer: it says what the thing is, where memory only counts uses.
  const described = new Set<string>();
  for (const c of candidates) {
    const key = `${c.start}-${c.end}|${choiceKey(c.label, c.ref, c.name)}`;
    const seen = byKey.get(key);
    if (seen) {
      if (!seen.sources.includes(c.source)) seen.sources.push(c.source);
      seen.sources.sort((a, b) => sourceOrder(a) - sourceOrder(b));
      if (c.description && c.source !== 'corpus' && !described.has(key)) {
        seen.description = c.description;
        described.add(key);
      } else if (!seen.description && c.description) seen.description = c.description;
      continue;
    }
    const { source, ...rest } = c;
    byKey.set(key, { ...rest, sources: [source] });
    if (c.description && source !== 'corpus') described.add(key);
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

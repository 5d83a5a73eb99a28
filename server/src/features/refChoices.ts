// The refs a span may stand for, for a pick list: one per thing across the sources (built-in, corpus gazetteers,
// corpus memory), each with its kind and place, the one the corpus already gives this surface form first and
// marked, and the one the context points to (core/gazetteer/disambiguate.ts) named, with whether it is decisive.
// Also the article's country and the corpus's usage of a form, which completion ranks by.
import type { RefChoiceInfo, RefChoicesResult } from '../../../common/protocol';
import type { EntityIndex } from '../core/corpus/entityIndex';
import { articleDateFromPath } from '../core/corpus/articleDate';
import { articleCountryOf, disambiguate, type ArticlePlace } from '../core/gazetteer/disambiguate';
import type { RefChoice } from '../core/gazetteer/candidates';
import type { ArticleSnapshot } from '../session/articleSnapshot';
import type { TextMatcher } from '../workspace/knowledge';
import type { KbCandidate } from '../workspace/suggestionTypes';
import { visibleText } from './visibleText';

/** Kinds of place (whatever label a corpus gives places: LOC, GPE, …); actors have other kinds. */
const PLACE_KINDS = new Set(['country', 'governorate', 'district', 'city', 'town', 'region', 'feature', 'continent']);

/** Code points of context read on each side of a mention: a sentence or two. */
const BEFORE = 200;
const AFTER = 100;

/**
 * How often the corpus gave each ref to each surface form (by normalised key). Counting reads every entity of the
 * corpus, so it is redone when the index has changed and the last count is more than USAGE_FRESH_MS old: a burst
 * of accepts in a large corpus costs one count, and a ranking a second behind is still the corpus's habit.
 */
const usageCache = new WeakMap<EntityIndex, { generation: number; at: number; matcher: TextMatcher; byForm: Map<string, Map<string, number>> }>();
const USAGE_FRESH_MS = 2000;

export function corpusRefsForForm(index: EntityIndex | undefined, matcher: TextMatcher, form: string): Map<string, number> {
  if (!index) return new Map();
  let cached = usageCache.get(index);
  const stale = cached && cached.generation !== index.generation && performance.now() - cached.at > USAGE_FRESH_MS;
  if (!cached || stale || cached.matcher !== matcher) {
    const byForm = new Map<string, Map<string, number>>();
    for (const e of index.entities()) {
      if (!e.ref) continue;
      const key = matcher.keyOf(e.text);
      let refs = byForm.get(key);
      if (!refs) byForm.set(key, (refs = new Map()));
      refs.set(e.ref, (refs.get(e.ref) ?? 0) + 1);
    }
    cached = { generation: index.generation, at: performance.now(), matcher, byForm };
    usageCache.set(index, cached);
  }
  return new Map(cached.byForm.get(matcher.keyOf(form)) ?? []);
}

/**
 * The places the article names that only one place could be: its annotated places, and the suggestions whose
 * span has a single place ref. A candidate's own refs are left out by disambiguate().
 */
export function articlePlaces(snapshot: ArticleSnapshot, matcher: TextMatcher, candidates: readonly KbCandidate[]): ArticlePlace[] {
  // Snapshots are immutable: the places of one are read once, however many completions and choices ask.
  const cached = placesCache.get(snapshot);
  if (cached && cached.matcher === matcher && cached.candidates === candidates) return cached.places;
  const out: ArticlePlace[] = [];
  const place = (ref: string) => {
    const entry = matcher.entry(ref);
    if (entry?.kind && PLACE_KINDS.has(entry.kind)) out.push({ ref, ...(entry.kind ? { kind: entry.kind } : {}), ...(entry.country ? { country: entry.country } : {}), ...(entry.governorate ? { governorate: entry.governorate } : {}) });
  };
  for (const e of snapshot.annotations.entities) if (e.ref) place(e.ref);
  const bySpan = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (!c.ref || !PLACE_KINDS.has(matcher.entry(c.ref)?.kind ?? '')) continue;
    const key = `${c.start}-${c.end}`;
    const refs = bySpan.get(key) ?? bySpan.set(key, new Set()).get(key)!;
    refs.add(c.ref);
  }
  for (const refs of bySpan.values()) if (refs.size === 1) place([...refs][0]);
  placesCache.set(snapshot, { matcher, candidates, places: out });
  return out;
}
const placesCache = new WeakMap<ArticleSnapshot, { matcher: TextMatcher; candidates: readonly KbCandidate[]; places: ArticlePlace[] }>();

/** The article's country: the most frequent country of its places, when one leads. */
export function articleCountry(snapshot: ArticleSnapshot, matcher: TextMatcher): string | undefined {
  return articleCountryOf(articlePlaces(snapshot, matcher, snapshot.candidates));
}

/** A choice as the client shows it, with no invisible marks in its text. */
function asInfo(choice: RefChoice, uses: number, reasons: readonly string[]): RefChoiceInfo {
  const info: RefChoiceInfo = {
    label: choice.label,
    name: visibleText(choice.name),
    detail: visibleText(choice.detail),
    sources: choice.sources,
    corpusUses: uses,
    reasons: reasons.map(visibleText),
  };
  if (choice.ref) info.ref = choice.ref;
  if (choice.kind) info.kind = choice.kind;
  if (choice.description) info.description = visibleText(choice.description);
  return info;
}

/**
 * The refs the span [start, end) may stand for (exact or after-proclitic matches of its text, of `label` if given),
 * the corpus's ref for the form first; `preselect` is the index of the context's choice; `decisive` when only
 * one remains or the context leaves no doubt (disambiguate's `clear`: the best leads by a full point — a word
 * such as محافظة or مدينة before the name, a dateline, or the corpus's settled habit for the form).
 */
export function refChoices(snapshot: ArticleSnapshot, matcher: TextMatcher, index: EntityIndex | undefined, start: number, end: number, label?: string): RefChoicesResult {
  const text = snapshot.annotations.slice(start, end);
  const usage = corpusRefsForForm(index, matcher, text);
  const places = articlePlaces(snapshot, matcher, snapshot.candidates);
  const country = articleCountryOf(places);
  // An office-holder outside their term at the article's date ranks lower and says so (entryDetails outsideTerm).
  const date = articleDateFromPath(snapshot.path);
  const found = matcher
    .choices(text, 50, { ...(country ? { country } : {}), corpusRefs: usage })
    .filter((c) => (c.match === 'exact' || c.match === 'proclitic') && c.ref && (label === undefined || c.label === label));
  if (found.length === 0) return { text, choices: [], preselect: -1, decisive: false };
  const context = {
    textBefore: snapshot.annotations.slice(Math.max(0, start - BEFORE), start),
    textAfter: snapshot.annotations.slice(end, Math.min(snapshot.annotations.index.codePointLength, end + AFTER)),
    articlePlaces: places,
    corpusRefsForForm: usage,
    ...(country ? { articleCountry: country } : {}),
    ...(date ? { articleDate: date } : {}),
  };
  const decided = disambiguate(found, context);
  const reasons = new Map(decided.scored.map((s) => [s.candidate, s.reasons]));
  // The corpus's habit first (most used first), then the context's order.
  const used = decided.ordered.filter((c) => (usage.get(c.ref!) ?? 0) > 0).sort((a, b) => (usage.get(b.ref!) ?? 0) - (usage.get(a.ref!) ?? 0));
  const ordered = [...used, ...decided.ordered.filter((c) => !used.includes(c))];
  const winner = decided.ordered[0];
  return {
    text,
    choices: ordered.map((c) => asInfo(c, usage.get(c.ref!) ?? 0, reasons.get(c) ?? [])),
    preselect: ordered.indexOf(winner),
    decisive: found.length === 1 || decided.clear,
  };
}

/**
 * For accept-all: the ref to accept for each span and label that several refs could fill, or null when the context
 * does not decide (those stay suggestions, for a person to choose). Spans with one ref are not in the map.
 */
export function decideSpans(snapshot: ArticleSnapshot, matcher: TextMatcher, index: EntityIndex | undefined, suggestions: readonly KbCandidate[]): Map<string, string | null> {
  const refsBySpan = new Map<string, Set<string>>();
  for (const s of suggestions) {
    if (!s.ref) continue;
    const key = spanKey(s);
    (refsBySpan.get(key) ?? refsBySpan.set(key, new Set()).get(key)!).add(s.ref);
  }
  const out = new Map<string, string | null>();
  for (const [key, refs] of refsBySpan) {
    if (refs.size < 2) continue;
    const [range, label] = key.split('|');
    const [start, end] = range.split('-').map(Number);
    const result = refChoices(snapshot, matcher, index, start, end, label);
    const winner = result.choices[result.preselect];
    out.set(key, result.decisive && winner?.ref && refs.has(winner.ref) ? winner.ref : null);
  }
  return out;
}

export function spanKey(s: { start: number; end: number; label: string }): string {
  return `${s.start}-${s.end}|${s.label}`;
}

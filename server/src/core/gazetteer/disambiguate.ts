// Choosing between the refs a surface form may stand for — Baghdad the city or the governorate, Kuwait the state
// or its capital, «وزارة الدفاع» of which country — from what a reader would use: the word before the name
// (محافظة, مدينة, قضاء, دولة), a dateline ("عمان - "), the ref this corpus already gives the form, the article's
// country, the kind of the other places in the article, and last a prior by kind and population. Says whether the
// choice is clear, so that an editor can ask (a quick pick) instead of choosing silently.
import type { KbEntry } from './entries';
import { outsideTerm } from './entryDetails';
import { WORD_RUN } from '../text/words';

/** What disambiguation reads of a candidate (a RefChoice, a KbEntry, …). */
export type Choosable = Pick<KbEntry, 'kind' | 'country' | 'governorate' | 'population' | 'valid'> & { ref?: string; label: string };

/** Another place named in the article (found or annotated), with what is known of it. */
export type ArticlePlace = Pick<KbEntry, 'kind' | 'country' | 'governorate'> & { ref: string };

export interface DisambiguationContext {
  /** The article's text just before the mention (a sentence or two is enough) and just after it. */
  textBefore: string;
  textAfter: string;
  /** The other places of the article; the candidates' own refs among them are ignored. */
  articlePlaces: readonly ArticlePlace[];
  /** How often this corpus has annotated this surface form with each ref. */
  corpusRefsForForm: ReadonlyMap<string, number>;
  /** The article's country when known otherwise; by default the most frequent country of its places. */
  articleCountry?: string;
  /** The article's date (YYYY-MM-DD): office-holders outside their term rank lower and say so. */
  articleDate?: string;
}

export interface ScoredChoice<T> {
  candidate: T;
  score: number;
  /** Why, in words: "after «محافظة»", "the corpus's ref for this form (3 of 3)", … */
  reasons: string[];
  /** The article's date lies outside the candidate's term of office. */
  outsideTerm?: boolean;
}

export interface Disambiguation<T> {
  /** Best first. */
  ordered: T[];
  scored: ScoredChoice<T>[];
  /** True when one candidate stands out (or there is only one); false when an editor should ask. */
  clear: boolean;
}

// Weights: a word that names the kind of place outweighs the corpus's habit, which outweighs the article's
// country; the other places and the priors only break near-ties. A choice is clear when the best leads by CLEAR.
const CUE = 4;
const SECOND_WORD_CUE = 3;
const CORPUS_FORM = 3;
const DATELINE = 2;
const ARTICLE_COUNTRY = 1.5;
const NEIGHBOUR_KINDS = 0.75;
const OUT_OF_TERM = 1;
const CLEAR = 1;
const KIND_PRIOR: Record<string, number> = { country: 0.6, city: 0.5, town: 0.45, governorate: 0.3, region: 0.3, feature: 0.3, continent: 0.3, district: 0.2 };

type KindGroup = 'country' | 'governorate' | 'settlement' | 'district';
const KIND_GROUP: Record<string, KindGroup> = { country: 'country', governorate: 'governorate', city: 'settlement', town: 'settlement', district: 'district' };

/** Words before a name that say what kind of place it is (folded spellings: ا for أ إ آ, ه for ة, ي for ى). */
const CUES: Record<string, KindGroup> = {
  محافظه: 'governorate', المحافظه: 'governorate', محافظ: 'governorate', محافظتي: 'governorate', محافظات: 'governorate', ولايه: 'governorate',
  مدينه: 'settlement', المدينه: 'settlement', مدينتي: 'settlement', العاصمه: 'settlement', عاصمه: 'settlement', بلده: 'settlement', البلده: 'settlement', ناحيه: 'settlement', قريه: 'settlement',
  قضاء: 'district', القضاء: 'district',
  دوله: 'country', الدوله: 'country', دولتي: 'country', بلاد: 'country', جمهوريه: 'country', مملكه: 'country', المملكه: 'country', سلطنه: 'country', منتخب: 'country',
};

function fold(word: string): string {
  return word
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي');
}

/** The cue a word gives, read with and without a proclitic (بمحافظة, لمدينة, وقضاء, والعاصمة). */
function cueOf(word: string): KindGroup | undefined {
  const w = fold(word);
  for (const candidate of [w, w.replace(/^[وف]/, ''), w.replace(/^[وف]?[بلك]/, ''), w.replace(/^[وف]?لل/, 'ال')]) {
    const cue = CUES[candidate];
    if (cue) return cue;
  }
  return undefined;
}

function lastWords(text: string, n: number): string[] {
  // Only the current sentence: a cue across a full stop is not about this name.
  const sentence = text.split(/[.!?؟\n]/).pop() ?? '';
  return (sentence.match(WORD_RUN) ?? []).slice(-n).reverse();
}

/** "عمان - " or "تونس : " opening a report, alone or after another dateline ("القاهرة - عمان - بترا"). */
function isDateline(before: string, after: string): boolean {
  if (!/^\s*[-–—:]\s/.test(after)) return false;
  const sentence = before.split(/[.!?؟\n]/).pop() ?? '';
  return sentence.trim() === '' || /[-–—]\s*$/.test(sentence) || /^[\s()"«»]*$/.test(sentence);
}

/** The most frequent country of the places, if one leads. */
export function articleCountryOf(places: readonly Pick<ArticlePlace, 'country'>[]): string | undefined {
  const counts = new Map<string, number>();
  for (const p of places) if (p.country) counts.set(p.country, (counts.get(p.country) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  if (sorted.length === 0 || (sorted.length > 1 && sorted[0][1] === sorted[1][1])) return undefined;
  return sorted[0][0];
}

export function disambiguate<T extends Choosable>(candidates: readonly T[], context: DisambiguationContext): Disambiguation<T> {
  const own = new Set(candidates.map((c) => c.ref).filter((r): r is string => !!r));
  const places = context.articlePlaces.filter((p) => !own.has(p.ref));
  const country = context.articleCountry ?? articleCountryOf(places);
  const groupsDiffer = new Set(candidates.map((c) => KIND_GROUP[c.kind ?? ''] ?? c.kind)).size > 1;
  const neighbourGroups = new Map<KindGroup, number>();
  for (const p of places) {
    const g = KIND_GROUP[p.kind ?? ''];
    if (g) neighbourGroups.set(g, (neighbourGroups.get(g) ?? 0) + 1);
  }
  const leadingGroup = [...neighbourGroups].sort((a, b) => b[1] - a[1]);
  const neighbourGroup = leadingGroup.length > 0 && (leadingGroup.length === 1 || leadingGroup[0][1] > leadingGroup[1][1]) ? leadingGroup[0][0] : undefined;
  const words = lastWords(context.textBefore, 2);
  const cues: Array<[KindGroup, number, string]> = [];
  words.forEach((w, i) => {
    const cue = cueOf(w);
    if (cue) cues.push([cue, i === 0 ? CUE : SECOND_WORD_CUE, w]);
  });
  const dateline = isDateline(context.textBefore, context.textAfter);
  const formTotal = [...context.corpusRefsForForm.values()].reduce((a, b) => a + b, 0);

  const scored = candidates.map((candidate, index) => {
    const reasons: string[] = [];
    const group = KIND_GROUP[candidate.kind ?? ''];
    let score = KIND_PRIOR[candidate.kind ?? ''] ?? 0.25;
    if (candidate.population) score += Math.min(0.1, Math.log10(candidate.population + 1) / 70);
    if (groupsDiffer) {
      const cue = cues.find(([g]) => g === group);
      if (cue) {
        score += cue[1];
        reasons.push(`after «${cue[2]}»`);
      }
      if (dateline && group === 'settlement') {
        score += DATELINE;
        reasons.push('a dateline names a city');
      }
      if (neighbourGroup && neighbourGroup === group) {
        score += NEIGHBOUR_KINDS;
        reasons.push(`the article's other places are mostly of this kind (${neighbourGroup})`);
      }
    }
    const used = candidate.ref ? context.corpusRefsForForm.get(candidate.ref) ?? 0 : 0;
    if (used > 0) {
      score += (CORPUS_FORM * used) / formTotal;
      reasons.push(`the corpus's ref for this form (${used} of ${formTotal})`);
    }
    if (country && candidate.country === country) {
      score += ARTICLE_COUNTRY;
      reasons.push(`of the article's country (${country})`);
    }
    const out: ScoredChoice<T> & { index: number } = { candidate, score, reasons, index };
    if (context.articleDate && outsideTerm(candidate, context.articleDate)) {
      out.score -= OUT_OF_TERM;
      out.outsideTerm = true;
      out.reasons.push(`the article's date (${context.articleDate.slice(0, 10)}) is outside the term`);
    }
    return out;
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  const clear = scored.length <= 1 || scored[0].score - scored[1].score >= CLEAR;
  return {
    ordered: scored.map((s) => s.candidate),
    scored: scored.map(({ index: _index, ...rest }) => rest),
    clear,
  };
}

// How often the top candidate ref is the right one, before (the completion order: exact matches as rankEntries
// returns them) and after disambiguation (server/src/core/gazetteer/disambiguate.ts), on two sets:
// - fixtures/ref-choice/mentions.jsonl: ambiguous mentions from NewsFANE and Wojood, each with its gold ref and
//   the reason, annotated by hand (see the README there);
// - the seed article (samples/iraq): every annotated entity with a ref; the corpus's usage of each form is the
//   other annotations of the seed (the mention itself left out), the article's places its other annotated places.
// Run: `npx tsx bench/refChoice.ts`; prints one JSON line per set.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../server/src/core/corpus/config';
import { readBuiltinWithDetails } from '../server/src/core/gazetteer/builtinWithDetails';
import { disambiguate, type ArticlePlace } from '../server/src/core/gazetteer/disambiguate';
import type { KbEntry } from '../server/src/core/gazetteer/entries';
import { GazetteerMatcher } from '../server/src/core/gazetteer/matcher';
import { rankEntries } from '../server/src/core/gazetteer/rank';

const ROOT = path.join(__dirname, '..');

export interface Mention {
  id: string;
  form: string;
  textBefore: string;
  textAfter: string;
  gold: string;
  reason: string;
}

export interface Accuracy {
  set: string;
  mentions: number;
  /** Mentions whose form has more than one candidate ref. */
  ambiguous: number;
  before: number;
  after: number;
  /** Of the mentions disambiguation calls clear, how many it gets right. */
  clear: number;
  clearRight: number;
  wrong: Array<{ id: string; form: string; gold: string; got?: string }>;
}

export function readMentions(file = path.join(ROOT, 'fixtures/ref-choice/mentions.jsonl')): Mention[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Mention);
}

export async function builtinMatcher(): Promise<GazetteerMatcher> {
  const config = defaultConfig(ROOT);
  return GazetteerMatcher.build(await readBuiltinWithDetails(path.join(ROOT, 'data/builtin')), { normalization: config.normalization, proclitics: config.proclitics });
}

/** One entry per ref among the exact matches of a form, in the completion's order. */
function candidatesOf(matcher: GazetteerMatcher, form: string): KbEntry[] {
  const seen = new Set<string>();
  return rankEntries(matcher, form, 50)
    .filter((r) => r.match === 'exact' && r.entry.ref && !seen.has(r.entry.ref) && seen.add(r.entry.ref))
    .map((r) => r.entry);
}

/** Places found in text that only one place could be. */
function placesIn(matcher: GazetteerMatcher, text: string): ArticlePlace[] {
  const bySpan = new Map<string, Set<string>>();
  for (const c of matcher.matchAll(text)) {
    if (c.label !== 'LOC' || !c.ref) continue;
    const key = `${c.start}-${c.end}`;
    let refs = bySpan.get(key);
    if (!refs) bySpan.set(key, (refs = new Set()));
    refs.add(c.ref);
  }
  const out: ArticlePlace[] = [];
  for (const refs of bySpan.values()) {
    if (refs.size !== 1) continue;
    const entry = matcher.entryByRef([...refs][0]);
    if (entry) out.push({ ref: entry.ref, ...(entry.kind ? { kind: entry.kind } : {}), ...(entry.country ? { country: entry.country } : {}) });
  }
  return out;
}

function score(set: string, items: Array<{ id: string; form: string; gold: string; candidates: KbEntry[]; choose: () => ReturnType<typeof disambiguate<KbEntry>> }>): Accuracy {
  const result: Accuracy = { set, mentions: items.length, ambiguous: 0, before: 0, after: 0, clear: 0, clearRight: 0, wrong: [] };
  for (const item of items) {
    if (item.candidates.length > 1) result.ambiguous++;
    if (item.candidates[0]?.ref === item.gold) result.before++;
    const chosen = item.candidates.length ? item.choose() : undefined;
    const got = chosen?.ordered[0]?.ref;
    if (got === item.gold) result.after++;
    else result.wrong.push({ id: item.id, form: item.form, gold: item.gold, ...(got ? { got } : {}) });
    if (chosen?.clear) {
      result.clear++;
      if (got === item.gold) result.clearRight++;
    }
  }
  return result;
}

export async function evaluateMentions(matcher?: GazetteerMatcher): Promise<Accuracy> {
  const m = matcher ?? (await builtinMatcher());
  return score(
    'ambiguous mentions (fixtures/ref-choice)',
    readMentions().map((x) => {
      const candidates = candidatesOf(m, x.form);
      const articlePlaces = [...placesIn(m, x.textBefore), ...placesIn(m, x.textAfter)];
      return { id: x.id, form: x.form, gold: x.gold, candidates, choose: () => disambiguate(candidates, { textBefore: x.textBefore, textAfter: x.textAfter, articlePlaces, corpusRefsForForm: new Map() }) };
    }),
  );
}

interface SeedEntity {
  start: number;
  end: number;
  label: string;
  text: string;
  ref?: string;
}

export async function evaluateSeed(matcher?: GazetteerMatcher): Promise<Accuracy> {
  const m = matcher ?? (await builtinMatcher());
  const base = path.join(ROOT, 'samples/iraq/dhi-qar-convoy-2020-07-22');
  const text = [...readFileSync(`${base}.txt`, 'utf8')];
  const entities = (JSON.parse(readFileSync(`${base}.ann.json`, 'utf8')) as { entities: SeedEntity[] }).entities.filter((e) => e.ref);
  return score(
    'seed article (samples/iraq)',
    entities.map((e, i) => {
      const candidates = candidatesOf(m, e.text);
      const others = entities.filter((_, j) => j !== i);
      const corpusRefsForForm = new Map<string, number>();
      for (const o of others) if (m.keyOf(o.text) === m.keyOf(e.text)) corpusRefsForForm.set(o.ref!, (corpusRefsForForm.get(o.ref!) ?? 0) + 1);
      const articlePlaces: ArticlePlace[] = others
        .filter((o) => o.label === 'LOC')
        .map((o) => m.entryByRef(o.ref!))
        .filter((x): x is KbEntry => !!x)
        .map((x) => ({ ref: x.ref, ...(x.kind ? { kind: x.kind } : {}), ...(x.country ? { country: x.country } : {}) }));
      const context = { textBefore: text.slice(Math.max(0, e.start - 200), e.start).join(''), textAfter: text.slice(e.end, e.end + 100).join(''), articlePlaces, corpusRefsForForm };
      return { id: `seed-${e.start}`, form: e.text, gold: e.ref!, candidates, choose: () => disambiguate(candidates, context) };
    }),
  );
}

if (require.main === module) {
  void (async () => {
    const matcher = await builtinMatcher();
    for (const r of [await evaluateMentions(matcher), await evaluateSeed(matcher)]) {
      const { wrong, ...figures } = r;
      console.log(JSON.stringify({ ...figures, top1Before: +(r.before / r.mentions).toFixed(3), top1After: +(r.after / r.mentions).toFixed(3) }));
      if (process.argv.includes('--wrong')) for (const w of wrong) console.log('  wrong', JSON.stringify(w));
    }
  })();
}

// Recall and precision of the built-in gazetteer's places on hand-annotated Arabic news in fixtures/: NewsFANE
// (newswire, 170K tokens) and the Wojood sample. Gold spans are the place-type entities (NewsFANE: Nation,
// Population-Center, State-or-Province, County-or-District, Continent, Water-Body, Land, Land-Region-Natural;
// Wojood: GPE, LOC, at any nesting level). The tokens are joined by single spaces, the matcher runs over that text
// with the built-in gazetteer, and every distinct span of a LOC candidate is a prediction: a hit when it is
// exactly a gold span. The same for actors: gold spans of people and organisations (NewsFANE: Politician,
// Government, Non-Governmental, Group, Media, Police, Religious_ORG, Other_PER, Religious_PER, Businessperson;
// Wojood: ORG, PERS) against ACTOR candidates — few of them are in the gazetteer, so there recall is low by
// design and precision is the figure to watch. Run: `npx tsx bench/kbRecall.ts [builtin-dir]` (default
// data/builtin); prints one JSON line per corpus and label.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { defaultConfig } from '../server/src/core/corpus/config';
import { buildMatcher, readKnowledge } from '../server/src/core/gazetteer/load';

const ROOT = path.join(__dirname, '..');

export interface GoldCorpus {
  name: string;
  text: string;
  /** `start-end` in code points. */
  gold: Set<string>;
  /** The annotated type of each gold span (Nation, Population-Center, GPE, …). */
  types: Map<string, string>;
}

const NEWSFANE_PLACES = new Set(['Nation', 'Population-Center', 'State-or-Province', 'County-or-District', 'Continent', 'Water-Body', 'Land', 'Land-Region-Natural']);
const WOJOOD_PLACES = ['GPE', 'LOC'];
const NEWSFANE_ACTORS = new Set(['Politician', 'Government', 'Non-Governmental', 'Group', 'Media', 'Police', 'Religious_ORG', 'Other_PER', 'Religious_PER', 'Businessperson']);
const WOJOOD_ACTORS = ['ORG', 'PERS'];
export type Kind = 'places' | 'actors';

/** Sentences of [token, tags[]]: joined into one text, one sentence per line, with each token's code-point span. */
function assemble(name: string, sentences: Array<Array<[string, string[]]>>, isPlace: (type: string) => boolean): GoldCorpus {
  const parts: string[] = [];
  let offset = 0;
  const gold = new Set<string>();
  const types = new Map<string, string>();
  for (const sentence of sentences) {
    // Open spans by type: start offset and end of the last token.
    const open = new Map<string, { start: number; end: number }>();
    const close = (type: string) => {
      const span = open.get(type);
      if (span) {
        gold.add(`${span.start}-${span.end}`);
        types.set(`${span.start}-${span.end}`, type);
      }
      open.delete(type);
    };
    sentence.forEach(([token, tags], i) => {
      if (i > 0) {
        parts.push(' ');
        offset += 1;
      }
      const start = offset;
      const end = start + [...token].length;
      parts.push(token);
      offset = end;
      const here = new Set<string>();
      for (const tag of tags) {
        const m = /^([BI])-(.+)$/.exec(tag);
        if (!m || !isPlace(m[2])) continue;
        here.add(m[2]);
        if (m[1] === 'B') {
          close(m[2]);
          open.set(m[2], { start, end });
        } else {
          const span = open.get(m[2]);
          if (span) span.end = end;
          else open.set(m[2], { start, end });
        }
      }
      for (const type of [...open.keys()]) if (!here.has(type)) close(type);
    });
    for (const type of [...open.keys()]) close(type);
    parts.push('\n');
    offset += 1;
  }
  return { name, text: parts.join(''), gold, types };
}

export function readNewsFane(kind: Kind = 'places'): GoldCorpus {
  const raw = gunzipSync(readFileSync(path.join(ROOT, 'fixtures/newsfane/NewsFANE_Gold_2014_170K.txt.gz'))).toString('utf8');
  const sentences: Array<Array<[string, string[]]>> = [];
  let current: Array<[string, string[]]> = [];
  for (const line of raw.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const [token = '', tag = ''] = line.split('\t');
    // Every token starts with U+200E; a line with only a tab ends a sentence.
    const clean = token.replace(/\u200E/g, '');
    if (clean === '') {
      if (current.length) sentences.push(current);
      current = [];
      continue;
    }
    current.push([clean, [tag]]);
  }
  if (current.length) sentences.push(current);
  return assemble('newsfane', sentences, (t) => (kind === 'places' ? NEWSFANE_PLACES : NEWSFANE_ACTORS).has(t));
}

export function readWojood(kind: Kind = 'places'): GoldCorpus {
  const sentences: Array<Array<[string, string[]]>> = [];
  for (const file of ['train.txt', 'val.txt', 'test.txt']) {
    let current: Array<[string, string[]]> = [];
    for (const line of readFileSync(path.join(ROOT, 'fixtures/wojood-sample', file), 'utf8').split(/\r?\n/)) {
      const fields = line.trim().split(/\s+/).filter(Boolean);
      if (fields.length === 0) {
        if (current.length) sentences.push(current);
        current = [];
        continue;
      }
      current.push([fields[0], fields.slice(1)]);
    }
    if (current.length) sentences.push(current);
  }
  return assemble('wojood', sentences, (t) => (kind === 'places' ? WOJOOD_PLACES : WOJOOD_ACTORS).includes(t));
}

export interface Score {
  corpus: string;
  label: string;
  gold: number;
  predicted: number;
  hits: number;
  recall: number;
  precision: number;
}

export async function scoreBuiltin(builtinDir: string, corpora = [readNewsFane(), readWojood()], label = 'LOC'): Promise<Score[]> {
  const config = defaultConfig(ROOT);
  const matcher = buildMatcher(config, await readKnowledge(config, { builtinDir }));
  return corpora.map((c) => {
    const predicted = new Set(matcher.matchAll(c.text).filter((m) => m.label === label).map((m) => `${m.start}-${m.end}`));
    let hits = 0;
    for (const p of predicted) if (c.gold.has(p)) hits++;
    const round = (x: number) => Math.round(x * 1000) / 1000;
    return { corpus: c.name, label, gold: c.gold.size, predicted: predicted.size, hits, recall: round(hits / c.gold.size), precision: round(hits / Math.max(1, predicted.size)) };
  });
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? path.join(ROOT, 'data/builtin'));
  void (async () => {
    for (const s of [...(await scoreBuiltin(dir)), ...(await scoreBuiltin(dir, [readNewsFane('actors'), readWojood('actors')], 'ACTOR'))]) console.log(JSON.stringify(s));
  })();
}

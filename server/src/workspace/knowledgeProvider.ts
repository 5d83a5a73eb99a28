// The knowledge of each corpus, built once and reused: one matcher over the built-in gazetteer and the corpus's
// gazetteers, and a small one over corpus memory that is rebuilt (debounced) when annotations change.
import type { CorpusConfig } from '../core/corpus/config';
import type { EntityIndex } from '../core/corpus/entityIndex';
import type { Candidate, GazetteerMatcher } from '../core/gazetteer/matcher';
import { buildMatcher, corpusMemoryEntries, loadMatcher } from '../core/gazetteer/load';
import { rankChoices, type RefChoice } from '../core/gazetteer/candidates';
import type { KbEntry } from '../core/gazetteer/entries';
import { prepareRanking, type RankOptions } from '../core/gazetteer/rank';
import { editRegion, spliceMatches } from '../core/gazetteer/rematch';
import type { KnowledgeProvider, TextMatcher } from './knowledge';
import type { KbCandidate, RankedCandidate } from './suggestionTypes';
import { type BackgroundTurns, IMMEDIATE_TURNS } from './foreground';

const MEMORY_REBUILD_DELAY_MS = 500;
const WARM_UP_DELAY_MS = 200;
/** Knowledge bases with this many names or more get their completion and hover indexes built in advance. */
const EAGER_INDEX_KEYS = 100_000;

function toKb(c: Candidate): KbCandidate {
  const out: KbCandidate = { start: c.start, end: c.end, label: c.label, name: c.name, source: c.source };
  if (c.ref) out.ref = c.ref;
  if (c.description) out.description = c.description;
  return out;
}

/** A candidate moved by `delta` code points, built with the shape toKb gives it. */
function shiftKb(c: KbCandidate, delta: number): KbCandidate {
  const out: KbCandidate = { start: c.start + delta, end: c.end + delta, label: c.label, name: c.name, source: c.source };
  if (c.ref) out.ref = c.ref;
  if (c.description) out.description = c.description;
  return out;
}

class CorpusKnowledge implements TextMatcher {
  memory: GazetteerMatcher;
  memoryTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly config: CorpusConfig,
    readonly fixed: GazetteerMatcher,
    memory: GazetteerMatcher,
  ) {
    this.memory = memory;
  }

  matchAll(text: string, index: Parameters<TextMatcher['matchAll']>[1]): KbCandidate[] {
    return mergeByStart(this.fixed.matchAll(text, index).map(toKb), this.memory.matchAll(text, index).map(toKb));
  }

  /** Only the edited lines are matched again; the list stays sorted without sorting it (a keystroke on an
   * article with thousands of matches costs its lines, not the article). */
  rematch(...[previous, oldIndex, newText, newIndex, edit]: Parameters<TextMatcher['rematch']>): KbCandidate[] {
    const region = editRegion(oldIndex, newText, newIndex, edit);
    const fresh = mergeByStart(
      this.fixed.matchRange(newText, newIndex, region.lineStart, region.lineEnd).map(toKb),
      this.memory.matchRange(newText, newIndex, region.lineStart, region.lineEnd).map(toKb),
    );
    return spliceMatches(previous, region, fresh, shiftKb);
  }

  rank(query: string, limit: number, options: RankOptions = {}): RankedCandidate[] {
    return this.choices(query, limit, options).map((choice) => {
      const c: RankedCandidate = { label: choice.label, name: choice.name, source: choice.sources[0] ?? 'builtin', score: choice.score, match: choice.match };
      if (choice.ref) c.ref = choice.ref;
      if (choice.description) c.description = choice.description;
      if (choice.prefix) c.prefix = choice.prefix;
      if (choice.detail) c.detail = choice.detail;
      return c;
    });
  }

  /** One choice per label and ref whichever sources offer it (corpus memory and the gazetteers), best first. */
  choices(query: string, limit: number, options: RankOptions = {}): RefChoice[] {
    return rankChoices([this.memory, this.fixed], query, limit, options);
  }

  entry(ref: string): KbEntry | undefined {
    return this.fixed.entryByRef(ref) ?? this.memory.entryByRef(ref);
  }

  keyOf(text: string): string {
    return this.fixed.keyOf(text);
  }

  describe(ref: string): { name?: string; description?: string; source: string } | undefined {
    const entry = this.fixed.entryByRef(ref) ?? this.memory.entryByRef(ref);
    if (!entry) return undefined;
    return { name: entry.names[0], ...(entry.description ? { description: entry.description } : {}), source: entry.source };
  }
}

export class GazetteerKnowledge implements KnowledgeProvider {
  private readonly corpora = new Map<string, Promise<CorpusKnowledge>>();

  constructor(
    private readonly builtinDir?: string,
    /** The editor's turns: loading and the warm-ups run in slices between its messages, never in front of them. */
    private readonly turns: BackgroundTurns = IMMEDIATE_TURNS,
  ) {}

  matcherFor(config: CorpusConfig, corpus: EntityIndex | undefined): Promise<TextMatcher> {
    const key = `${config.root}\u0000${JSON.stringify([config.labels, config.gazetteers, config.builtinGazetteer, config.normalization, config.proclitics])}`;
    let knowledge = this.corpora.get(key);
    if (!knowledge) {
      knowledge = (async () => {
        // Streamed from the files into the index: no object per gazetteer row.
        const pacer = this.turns.pacer();
        const fixed = await loadMatcher(config, this.builtinDir ? { builtinDir: this.builtinDir, pacer } : { pacer });
        await pacer.pause();
        const memory = buildMatcher(config, { gazetteers: [], memory: corpus ? corpusMemoryEntries(corpus) : [] });
        // The completion and hover indexes are built on first use. For a large knowledge base they are built now,
        // once the first suggestions have gone out and the editor is quiet, so that the first completion does not
        // wait (about a second for a million names). Each is one stretch of work that a keystroke arriving then
        // waits for: for a small one (the built-in gazetteer: 10-40 ms while its code is still cold) the first
        // completion or hover pays it instead.
        if (fixed.size >= EAGER_INDEX_KEYS) {
          setTimeout(() => {
            void (async () => {
              await this.turns.idle();
              prepareRanking(fixed);
              await pacer.pause();
              fixed.entryByRef('');
            })();
          }, WARM_UP_DELAY_MS).unref();
        }
        return new CorpusKnowledge(config, fixed, memory);
      })();
      for (const k of this.corpora.keys()) if (k.startsWith(`${config.root}\u0000`)) this.corpora.delete(k);
      this.corpora.set(key, knowledge);
      knowledge.catch(() => this.corpora.delete(key));
    }
    return knowledge;
  }

  corpusChanged(config: CorpusConfig, corpus: EntityIndex): void {
    for (const [key, knowledge] of this.corpora) {
      if (!key.startsWith(`${config.root}\u0000`)) continue;
      void knowledge.then((k) => {
        if (k.memoryTimer) clearTimeout(k.memoryTimer);
        k.memoryTimer = setTimeout(() => {
          void this.turns.idle().then(() => {
            k.memory = buildMatcher(k.config, { gazetteers: [], memory: corpusMemoryEntries(corpus) });
          });
        }, MEMORY_REBUILD_DELAY_MS);
      });
    }
  }
}

/** Two lists sorted by (start, end) as one. */
function mergeByStart(a: KbCandidate[], b: KbCandidate[]): KbCandidate[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: KbCandidate[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i].start - b[j].start || a[i].end - b[j].end) <= 0)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

// The knowledge a corpus annotates with: its gazetteers, the built-in one, and what the corpus itself confirmed.
// The server asks it for matches in a text and for ranked candidates for a span; how it matches is the core's.
import type { CorpusConfig } from '../core/corpus/config';
import type { EntityIndex } from '../core/corpus/entityIndex';
import type { KbEntry } from '../core/gazetteer/entries';
import type { RefChoice } from '../core/gazetteer/candidates';
import type { RankOptions } from '../core/gazetteer/rank';
import type { CodePointIndex } from '../core/text/codePoints';
import type { KbCandidate, RankedCandidate } from './suggestionTypes';

export interface TextMatcher {
  /** Every knowledge-base match in `text` (code points), ambiguity kept. */
  matchAll(text: string, index: CodePointIndex): KbCandidate[];
  /**
   * Matches after UTF-16 range [start, end) of the old text was replaced by `inserted`; `previous` were the
   * matches of the old text. Only the edited lines are scanned again.
   */
  rematch(previous: readonly KbCandidate[], oldIndex: CodePointIndex, newText: string, newIndex: CodePointIndex, edit: { start: number; end: number; inserted: string }): KbCandidate[];
  /** Candidates for a span of text, best first; the article's country and the corpus's refs rank first among equals. */
  rank(query: string, limit: number, options?: RankOptions): RankedCandidate[];
  /** The same candidates with what tells them apart (kind, place, population), one per label and ref. */
  choices(query: string, limit: number, options?: RankOptions): RefChoice[];
  /** Everything the knowledge base knows of a ref (kind, country, governorate, …). */
  entry(ref: string): KbEntry | undefined;
  /** The normalised key of a surface form: forms with one key are one name. */
  keyOf(text: string): string;
  /** What the knowledge base says about a ref, for hover. */
  describe(ref: string): { name?: string; description?: string; source: string } | undefined;
}

export interface KnowledgeProvider {
  /** The matcher for a corpus, built once and reused; `corpus` feeds corpus memory. */
  matcherFor(config: CorpusConfig, corpus: EntityIndex | undefined): Promise<TextMatcher>;
  /** The corpus's own knowledge changed (a sidecar was written): corpus memory may update. */
  corpusChanged?(config: CorpusConfig, corpus: EntityIndex): void;
}

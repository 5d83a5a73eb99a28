// The knowledge a corpus annotates with: its gazetteers, the built-in one, and what the corpus itself confirmed.
// The server asks it for matches in a text and for ranked candidates for a span; how it matches is the core's.
import type { CorpusConfig } from '../core/corpus/config';
import type { EntityIndex } from '../core/corpus/entityIndex';
import type { KbCandidate, RankedCandidate } from './suggestionTypes';

export interface TextMatcher {
  /** Every knowledge-base match in `text` (code points), ambiguity kept. */
  matchAll(text: string): KbCandidate[];
  /**
   * Matches after an edit of UTF-16 range [start16, end16) replaced by `inserted`: `previous` were the matches of
   * the old text. Implementations re-scan only around the edit.
   */
  rematch?(previous: readonly KbCandidate[], oldText: string, newText: string, start16: number, end16: number, inserted: string): KbCandidate[];
  /** Candidates for a span of text, best first. */
  rank(query: string, limit: number): RankedCandidate[];
  /** What the knowledge base says about a ref, for hover. */
  describe(ref: string): { name?: string; description?: string; source: string } | undefined;
}

export interface KnowledgeProvider {
  /** The matcher for a corpus, built once and reused; `corpus` feeds corpus memory. */
  matcherFor(config: CorpusConfig, corpus: EntityIndex | undefined): Promise<TextMatcher>;
  /** The corpus's own knowledge changed (a sidecar was written): corpus memory may update. */
  corpusChanged?(config: CorpusConfig, corpus: EntityIndex): void;
}

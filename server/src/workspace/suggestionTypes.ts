// What the knowledge base offers for a span of an article: a suggestion in the text, or a completion candidate.
// Offsets are code points into the article.

export interface KbCandidate {
  start: number;
  end: number;
  label: string;
  ref?: string;
  /** Canonical name in the knowledge base. */
  name?: string;
  description?: string;
  /** Where it came from: `builtin`, `gazetteer:<file>`, `corpus`. */
  source: string;
}

export interface RankedCandidate {
  label: string;
  ref?: string;
  name: string;
  description?: string;
  source: string;
  /** Higher is better; 1 is an exact match of the normalised text. */
  score: number;
  /** How it matched: exact, proclitic, prefix, fuzzy. */
  match: string;
  /** UTF-16 units at the start of the query that are a proclitic, not part of the name. */
  prefix?: number;
  /** What tells it apart from others of its name: "city · Baghdad · IQ · pop. 7,216,000". */
  detail?: string;
}

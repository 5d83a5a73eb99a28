// Shared vocabulary of training-data export and import (SPEC §6): formats, tagging schemes, policies, and the
// token-level view of one document that every output format is written from.

export const EXPORT_FORMATS = ['conll', 'iob2', 'bioes', 'hf-jsonl', 'spacy', 'prodigy-jsonl', 'doccano-jsonl', 'brat'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats that hold one label per token: nested entities must be resolved by the nesting policy. */
export const FLAT_FORMATS: ReadonlySet<ExportFormat> = new Set(['conll', 'iob2', 'bioes', 'hf-jsonl', 'spacy']);

export const SCHEMES = ['iob2', 'bioes'] as const;
export type Scheme = (typeof SCHEMES)[number];

/**
 * What to do when an entity boundary falls inside a word (بالعراق with the entity on العراق):
 * - `boundary` (default): split the word exactly at the entity boundary (ب + العراق);
 * - `attach`: keep the word whole and extend the entity over it (ANERcorp, Wojood);
 * - `split`: split proclitics (و ف ب ك ل) off as tokens of their own, one per clitic, at entity boundaries and
 *   before the article ال everywhere (و + ب + العراق).
 */
export const CLITIC_POLICIES = ['boundary', 'attach', 'split'] as const;
export type CliticPolicy = (typeof CLITIC_POLICIES)[number];

/** Which entity of a nested pair a flat format keeps: the longest (`outer`) or the shortest (`inner`). */
export const NESTED_POLICIES = ['outer', 'inner'] as const;
export type NestedPolicy = (typeof NESTED_POLICIES)[number];

/**
 * How a corpus's text is cut into tokens and sentences for export. Recorded in `hashiya.json` under
 * `"tokenization"` by `hashiya import`, so that export gives back the original tokens:
 * - tokens `default`: Arabic-aware (runs of letters, marks and digits; each punctuation mark separate);
 *   `whitespace`: the text between whitespace (imported text is its tokens joined by spaces), plus the extra
 *   breaks listed in a sidecar's `"tokenBreaks"` (CoNLL-U tokens written without a space between them).
 * - sentences `punctuation`: after . ! ? ؟ ۔ … followed by a space, and at line breaks; `lines`: at line breaks.
 */
export interface TokenizationRecord {
  tokens: 'default' | 'whitespace';
  sentences: 'punctuation' | 'lines';
  /** Where the corpus came from (informative): `conll`, `conllu`, `brat`, `doccano`. */
  source?: string;
}

export const DEFAULT_TOKENIZATION: TokenizationRecord = { tokens: 'default', sentences: 'punctuation' };

/** Sidecar key holding token breaks that whitespace does not show (see TokenizationRecord). */
export const TOKEN_BREAKS_KEY = 'tokenBreaks';

/** The value stored under `"tokenBreaks"` in a sidecar: valid only while the article's hash is `sha256`. */
export interface TokenBreaks {
  sha256: string;
  /** Code-point offsets where a token ends and the next begins with no whitespace between them. */
  offsets: number[];
}

/** One entity of a prepared document, aligned to tokens. Offsets are UTF-16 (`start`) and code points (`cpStart`). */
export interface AlignedEntity {
  start: number;
  end: number;
  cpStart: number;
  cpEnd: number;
  label: string;
  ref?: string;
  /** First token inside the entity. */
  tokenStart: number;
  /** One past the last token inside the entity. */
  tokenEnd: number;
}

/** A document cut into tokens and sentences, with its entities aligned to tokens; what formats are written from. */
export interface PreparedDocument {
  /** Path relative to the corpus root, `/`-separated. */
  path: string;
  text: string;
  status: string;
  /** UTF-16 offsets of each token. */
  tokenStart: number[];
  tokenEnd: number[];
  /** Code-point offsets of each token. */
  tokenCpStart: number[];
  tokenCpEnd: number[];
  /** Index of the first token of each sentence, followed by the number of tokens. */
  sentenceStarts: number[];
  /** Entities sorted by (start, end, label); for flat formats, non-overlapping. */
  entities: AlignedEntity[];
}

/** Why an entity was changed or left out, counted in every export's manifest. */
export interface EntityNote {
  path: string;
  start: number;
  end: number;
  label: string;
  reason: string;
}

export class AbortError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'AbortError';
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError();
}

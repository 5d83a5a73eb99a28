// Shared vocabulary of training-data export and import (SPEC §6): formats, tagging schemes, policies, and the
// token-level view of one document that every output format is written from.

export {
  CLITIC_POLICIES,
  type CliticPolicy,
  EXPORT_FORMATS,
  type ExportFormat,
  FLAT_FORMATS,
  NESTED_POLICIES,
  type NestedPolicy,
  SCHEMES,
  type Scheme,
} from '../../../../common/training';

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

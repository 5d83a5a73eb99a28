// A knowledge-base entry: one thing (a place, an actor) with every name it goes by.

export interface KbEntry {
  /** `namespace:id`, e.g. `geonames:98182`, `actor:usa-mil`; '' for corpus memory without a ref. */
  ref: string;
  label: string;
  /** First = canonical name. */
  names: string[];
  description?: string;
  /** `builtin`, `gazetteer:<file>`, `corpus`. */
  source: string;
}

/** A problem in a gazetteer file, placed by line (1-based). */
export class GazetteerError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

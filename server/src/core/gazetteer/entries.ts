// A knowledge-base entry: one thing (a place, an actor) with every name it goes by, and what tells it apart from
// other things of the same name (its kind, country, governorate, population; an office-holder's term).

/** A date range in ISO form (YYYY-MM-DD); an open end is absent. */
export interface ValidRange {
  from?: string;
  to?: string;
}

export interface KbEntry {
  /** `namespace:id`, e.g. `geonames:98182`, `actor:usa-mil`; '' for corpus memory without a ref. */
  ref: string;
  label: string;
  /** First = canonical name. */
  names: string[];
  description?: string;
  /** `builtin`, `gazetteer:<file>`, `corpus`. */
  source: string;
  /** A place: country, governorate, district, city, town, region, feature, continent. An actor: its type (ministry, militia, person, …). */
  kind?: string;
  /** ISO 3166-1 alpha-2 code of the country the place lies in or the actor belongs to. */
  country?: string;
  /** The governorate (first-order division) a place lies in, in English: "Kirkuk". */
  governorate?: string;
  /** Inhabitants, where GeoNames has the figure. */
  population?: number;
  /** For a town that is the seat of a district: the district's ref. */
  seatOf?: string;
  /** For an office-holder: the office, with its terms in `valid`. */
  office?: string;
  /** When the entry's description holds (an office-holder's terms). */
  valid?: ValidRange[];
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

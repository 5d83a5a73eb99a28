// The fields of a JSON Lines gazetteer entry beyond id, label, names and description: kind, country, governorate,
// population, seat, office and its terms. Read here, checked, and copied onto the entry; a reader of JSON Lines
// calls `readEntryDetails` on each parsed line. Also: a short text that tells candidates of one name apart, and
// whether an article's date falls outside an office-holder's term.
import type { KbEntry, ValidRange } from './entries';

export type EntryDetails = Pick<KbEntry, 'kind' | 'country' | 'governorate' | 'population' | 'seatOf' | 'office' | 'valid'>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function readRange(value: unknown): ValidRange {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('"valid" must be {"from","to"} or a list of them');
  const { from, to } = value as Record<string, unknown>;
  const range: ValidRange = {};
  for (const [key, date] of [['from', from], ['to', to]] as const) {
    if (date === undefined) continue;
    if (typeof date !== 'string' || !ISO_DATE.test(date)) throw new Error(`"valid.${key}" must be a date YYYY-MM-DD`);
    range[key] = date;
  }
  if (range.from && range.to && range.from > range.to) throw new Error(`"valid" ends (${range.to}) before it starts (${range.from})`);
  return range;
}

/** The detail fields of one parsed JSON Lines entry; throws an Error naming the field that is malformed. */
export function readEntryDetails(value: Record<string, unknown>): EntryDetails {
  const out: EntryDetails = {};
  for (const key of ['kind', 'governorate', 'seatOf', 'office'] as const) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v === '') throw new Error(`"${key}" must be a non-empty string`);
    out[key] = v;
  }
  if (value.country !== undefined) {
    if (typeof value.country !== 'string' || !/^[A-Z]{2}$/.test(value.country)) throw new Error('"country" must be an ISO 3166 alpha-2 code');
    out.country = value.country;
  }
  if (value.population !== undefined) {
    if (typeof value.population !== 'number' || !Number.isInteger(value.population) || value.population < 0) throw new Error('"population" must be a whole number');
    out.population = value.population;
  }
  if (value.valid !== undefined) out.valid = Array.isArray(value.valid) ? value.valid.map(readRange) : [readRange(value.valid)];
  return out;
}

/**
 * Copies the detail fields of a JSON Lines file onto entries read from it (matched by ref), for entries whose reader
 * kept only id, label, names and description.
 */
export function attachDetails(entries: readonly KbEntry[], jsonl: string): void {
  const byRef = new Map<string, EntryDetails>();
  for (const line of jsonl.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const value = JSON.parse(line) as Record<string, unknown>;
    if (typeof value.id === 'string') byRef.set(value.id, readEntryDetails(value));
  }
  for (const entry of entries) {
    const details = byRef.get(entry.ref);
    if (details) Object.assign(entry, details);
  }
}

const PLACE_KINDS: Record<string, string> = {
  country: 'country', governorate: 'governorate', district: 'district', city: 'city', town: 'town', region: 'region', feature: 'natural feature', continent: 'continent',
};

/**
 * What tells this entry apart from others of its name, for a pick list: "city · Kirkuk · IQ · pop. 601,433",
 * "district · Kirkuk · IQ", "ministry · IQ", "person · Prime Minister of Iraq 2022-10-27–".
 */
export function distinguishing(entry: Pick<KbEntry, keyof EntryDetails>): string {
  const parts: string[] = [];
  if (entry.kind) parts.push(PLACE_KINDS[entry.kind] ?? entry.kind);
  if (entry.office) parts.push(`${entry.office}${entry.valid?.length ? ` ${entry.valid.map((r) => `${r.from ?? ''}–${r.to ?? ''}`).join(', ')}` : ''}`);
  if (entry.governorate && entry.kind !== 'governorate') parts.push(entry.governorate);
  if (entry.country) parts.push(entry.country);
  if (entry.population) parts.push(`pop. ${entry.population.toLocaleString('en-US')}`);
  return parts.join(' · ');
}

/**
 * Whether an article's date (YYYY-MM-DD, or a longer ISO timestamp) lies outside every term of the entry: true
 * when the entry has terms and none covers the date; false when one does, when it has none, or when the date is
 * not an ISO date.
 */
export function outsideTerm(entry: Pick<KbEntry, 'valid'>, articleDate: string): boolean {
  if (!entry.valid || entry.valid.length === 0) return false;
  const day = articleDate.slice(0, 10);
  if (!ISO_DATE.test(day)) return false;
  return !entry.valid.some((r) => (r.from === undefined || r.from <= day) && (r.to === undefined || day <= r.to));
}

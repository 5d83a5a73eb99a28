// The matcher's entries, one column per field: an object per name would cost a million allocations for a
// million-line gazetteer, and as much again in garbage collection. Label and source, which nearly every row
// repeats, are one small integer per entry; refs and descriptions take room only once some entry has one (a TSV of
// bare names has neither); detail fields only for the entries that carry any.
import { Int32List } from '../int32List';
import { StringList } from '../stringList';
import { fnv1a, KeyTable } from './keyTable';
import type { KbEntry } from './entries';

export const DETAIL_KEYS = ['kind', 'country', 'governorate', 'population', 'seatOf', 'office', 'valid'] as const;
export type DetailKey = (typeof DETAIL_KEYS)[number];
export type EntryDetailFields = Partial<Pick<KbEntry, DetailKey>>;

export class EntryColumns {
  private readonly canonical = new StringList();
  /** Per entry: the number of its (label, source) pair in `tags`. */
  private readonly tagOf = new Int32List();
  private readonly tags: Array<{ label: string; source: string }> = [];
  private readonly tagNumbers = new Map<string, number>();
  /**
   * Explicit refs of entries refsFrom.. (refs[id - refsFrom]); entries outside have none (named `source:name`).
   * Starting where the first ref is: the built-in gazetteer's refs after a million bare names cost no million
   * empty slots.
   */
  private readonly refs: (string | undefined)[] = [];
  private refsFrom = -1;
  /** Descriptions of entries descriptionsFrom.., likewise. */
  private readonly descriptions: (string | undefined)[] = [];
  private descriptionsFrom = -1;
  private readonly details = new Map<number, EntryDetailFields>();
  /**
   * Explicit ref -> first entry with it; built on the first lookup by ref (hover), not while loading. A key table
   * rather than a Map: a million refs take about a quarter of the time and the memory.
   */
  private byRef: KeyTable | undefined;

  get count(): number {
    return this.canonical.length;
  }

  add(name: string, label: string, ref: string | undefined, description: string | undefined, source: string): number {
    const id = this.canonical.push(name);
    this.tagOf.push(this.tag(label, source));
    if (ref !== undefined) {
      if (this.refsFrom === -1) this.refsFrom = id;
      while (this.refsFrom + this.refs.length < id) this.refs.push(undefined);
      this.refs.push(ref);
      if (this.byRef && ref) this.byRef.add(ref, fnv1a(ref), id);
    }
    if (description) {
      if (this.descriptionsFrom === -1) this.descriptionsFrom = id;
      while (this.descriptionsFrom + this.descriptions.length < id) this.descriptions.push(undefined);
      this.descriptions.push(description);
    }
    return id;
  }

  private tag(label: string, source: string): number {
    // Consecutive rows nearly always share label and source: check the last pair before the map.
    const last = this.tags.length - 1;
    if (last >= 0 && this.tags[last].label === label && this.tags[last].source === source) return last;
    const key = `${label}\u0000${source}`;
    let n = this.tagNumbers.get(key);
    if (n === undefined) {
      n = this.tags.length;
      this.tags.push({ label, source });
      this.tagNumbers.set(key, n);
    }
    return n;
  }

  /** Keeps what tells entry `id` apart from others of its name, if it has any of those fields. */
  setDetails(id: number, from: EntryDetailFields): void {
    let details: EntryDetailFields | undefined;
    for (const key of DETAIL_KEYS) {
      if (from[key] === undefined) continue;
      details ??= {};
      (details as Record<string, unknown>)[key] = from[key];
    }
    if (details) this.details.set(id, details);
  }

  nameOf(id: number): string {
    return this.canonical.get(id);
  }

  labelOf(id: number): string {
    return this.tags[this.tagOf.array[id]].label;
  }

  sourceOf(id: number): string {
    return this.tags[this.tagOf.array[id]].source;
  }

  /** The ref the entry was given; undefined when it is named `source:name`. */
  explicitRef(id: number): string | undefined {
    const at = id - this.refsFrom;
    return this.refsFrom !== -1 && at >= 0 && at < this.refs.length ? this.refs[at] : undefined;
  }

  /** The ref of entry `id` ('' for corpus memory without one). */
  refOf(id: number): string {
    const ref = this.explicitRef(id);
    return ref === undefined ? `${this.sourceOf(id)}:${this.canonical.get(id)}` : ref;
  }

  descriptionOf(id: number): string | undefined {
    const at = id - this.descriptionsFrom;
    return this.descriptionsFrom !== -1 && at >= 0 && at < this.descriptions.length ? this.descriptions[at] : undefined;
  }

  /** Entry `id` as an object (made on request; it carries the canonical name only). */
  entry(id: number): KbEntry {
    const tag = this.tags[this.tagOf.array[id]];
    const out: KbEntry = { ref: this.refOf(id), label: tag.label, names: [this.canonical.get(id)], source: tag.source };
    const description = this.descriptionOf(id);
    if (description) out.description = description;
    const details = this.details.get(id);
    if (details) Object.assign(out, details);
    return out;
  }

  /** The first entry given this ref explicitly. */
  idOfExplicitRef(ref: string): number | undefined {
    // Only refs spelled out in the gazetteers are indexed: a row named `source:name` is found through its name
    // (a million TSV rows without refs would otherwise cost a million new strings on first hover).
    if (!this.byRef) {
      this.byRef = new KeyTable();
      for (let at = 0; at < this.refs.length; at++) {
        const r = this.refs[at];
        if (r) this.byRef.add(r, fnv1a(r), this.refsFrom + at);
      }
    }
    // Entries of one ref in the order added: the first added is the first listed.
    if (this.byRef.unplacedCount > 0) this.byRef.place();
    const n = this.byRef.find(ref, fnv1a(ref));
    if (n === -1) return undefined;
    const ids = this.byRef.entriesOf(n);
    return typeof ids === 'number' ? ids : ids[0];
  }

  /** The sources entries came from (few: the built-in gazetteer, each corpus gazetteer, corpus memory). */
  sources(): string[] {
    return [...new Set(this.tags.map((t) => t.source))];
  }
}

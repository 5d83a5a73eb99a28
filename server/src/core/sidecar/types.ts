// The sidecar format `hashiya/1` (SPEC §3.2) as data. Unknown keys are carried in `extra` so that rewriting a
// sidecar never loses what another tool or a later version put there.

import type { DocumentStatus } from '../../../../common/documentStatus';
export { DOCUMENT_STATUSES, type DocumentStatus } from '../../../../common/documentStatus';

export interface Entity {
  /** Code-point offset of the first covered character. */
  start: number;
  /** Code-point offset just past the last covered character. */
  end: number;
  label: string;
  /** Exactly the covered characters. */
  text: string;
  /** `namespace:id`, e.g. `geonames:98463`. */
  ref?: string;
  /** Keys this version does not know, in file order. */
  extra?: Record<string, unknown>;
}

/** A rejected suggestion: never suggested again for this span and label. */
export type Rejection = Entity;

export interface Sidecar {
  /** File name of the article, relative to the sidecar's folder. */
  text: string;
  sha256: string;
  status: DocumentStatus;
  entities: Entity[];
  rejected: Rejection[];
  /**
   * Annotations that could not be placed in the current text (their span was deleted, or re-anchoring found no
   * match). Kept, shown and re-tried; never dropped.
   */
  unresolved: Entity[];
  /** Top-level keys this version does not know, in file order. */
  extra?: Record<string, unknown>;
}

export const KNOWN_TOP_KEYS = ['hashiya', 'text', 'sha256', 'status', 'entities', 'rejected', 'unresolved'];
export const KNOWN_ENTITY_KEYS = ['start', 'end', 'label', 'text', 'ref'];

/** Order of entities in a sidecar: (start, end, label). */
export function compareEntities(a: Entity, b: Entity): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

export function sameSpanAndLabel(a: Entity, b: Entity): boolean {
  return a.start === b.start && a.end === b.end && a.label === b.label;
}

// What the corpus tree shows of each article without reading it: its status, counts and the health of its
// sidecar, as the corpus index last read or wrote them. One record per listed article, with or without a sidecar.
import type { SidecarHealth } from '../../../common/documentStatus';
import type { ParsedSidecar } from '../core/sidecar/parse';
import type { DocumentStatus, Entity, Rejection } from '../core/sidecar/types';

export interface DocumentFacts {
  status: DocumentStatus;
  sidecar: SidecarHealth;
  entities: number;
  unresolved: number;
  /** Kept for counting open suggestions of a closed article (a rejected span is not suggested again). */
  rejected: readonly Rejection[];
  /** Refs of the unresolved annotations (a rename of a ref must find them too). */
  unresolvedRefs: readonly string[];
}

export const NO_SIDECAR: DocumentFacts = { status: 'todo', sidecar: 'missing', entities: 0, unresolved: 0, rejected: [], unresolvedRefs: [] };

/** The facts of a parsed sidecar; a sidecar that does not parse is corrupt, or conflicted when git left markers. */
export function factsOfParsed(parsed: ParsedSidecar): DocumentFacts {
  const s = parsed.sidecar;
  if (!s) {
    const conflict = parsed.problems.some((p) => p.code === 'conflict-markers');
    return { ...NO_SIDECAR, sidecar: conflict ? 'conflict' : 'corrupt' };
  }
  return { status: s.status, sidecar: 'ok', entities: s.entities.length, unresolved: s.unresolved.length, rejected: s.rejected, unresolvedRefs: refsOf(s.unresolved) };
}

/** The facts of what a session holds (its sidecar as written). */
export function factsOfAnnotations(a: { status: DocumentStatus; entities: readonly Entity[]; unresolved: readonly Entity[]; rejected: readonly Rejection[] }, sidecar: SidecarHealth): DocumentFacts {
  return { status: a.status, sidecar, entities: a.entities.length, unresolved: a.unresolved.length, rejected: a.rejected, unresolvedRefs: refsOf(a.unresolved) };
}

function refsOf(list: readonly Entity[]): string[] {
  const refs: string[] = [];
  for (const e of list) if (e.ref) refs.push(e.ref);
  return refs;
}

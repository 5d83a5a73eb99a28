// Annotation-level difference between two versions of a sidecar, for review: what a reviewer asks is "which
// annotations were added, removed, relabelled, re-referenced or moved", not which JSON lines changed. Pure.
//
// Pairing, in this order, each annotation used at most once:
// 1. same identity (start, end, label): unchanged, or `ref` / `changed` (text or unknown keys differ);
// 2. same span, different label: `relabelled`;
// 3. same label, overlapping spans: `moved` (boundaries moved);
// 4. what is left: `added` (only in B) and `removed` (only in A).
import { compareEntities, type Entity, type Sidecar } from './types';
import { inlineJson } from './serialize';

export type AnnotationChangeKind = 'added' | 'removed' | 'relabelled' | 'ref' | 'changed' | 'moved';

export interface AnnotationChange {
  kind: AnnotationChangeKind;
  /** The annotation in A (absent for `added`). */
  before?: Entity;
  /** The annotation in B (absent for `removed`). */
  after?: Entity;
}

export interface SidecarDiff {
  changes: AnnotationChange[];
  /** Set when the status differs. */
  status?: { before?: string; after?: string };
  /** Rejections only in A (withdrawn) and only in B (new), by identity. */
  rejected: { added: Entity[]; removed: Entity[] };
  unresolved: { added: Entity[]; removed: Entity[] };
}

const identity = (e: Entity) => `${e.start}:${e.end}:${e.label}`;

function fieldsDiffer(a: Entity, b: Entity): boolean {
  return a.text !== b.text || inlineJson(a.extra ?? {}) !== inlineJson(b.extra ?? {});
}

function setDiff(a: readonly Entity[], b: readonly Entity[]) {
  const inA = new Set(a.map(identity));
  const inB = new Set(b.map(identity));
  return { added: b.filter((e) => !inA.has(identity(e))), removed: a.filter((e) => !inB.has(identity(e))) };
}

/** `undefined` for a side stands for a sidecar that does not exist there (all added or all removed). */
export function diffSidecars(a: Sidecar | undefined, b: Sidecar | undefined): SidecarDiff {
  const before = [...(a?.entities ?? [])].sort(compareEntities);
  const after = [...(b?.entities ?? [])].sort(compareEntities);
  const changes: AnnotationChange[] = [];
  const afterById = new Map(after.map((e) => [identity(e), e]));
  const leftA: Entity[] = [];
  const usedB = new Set<Entity>();
  for (const e of before) {
    const match = afterById.get(identity(e));
    if (!match) {
      leftA.push(e);
      continue;
    }
    usedB.add(match);
    if (e.ref !== match.ref) changes.push({ kind: 'ref', before: e, after: match });
    else if (fieldsDiffer(e, match)) changes.push({ kind: 'changed', before: e, after: match });
  }
  let leftB = after.filter((e) => !usedB.has(e));

  // Same span, other label. Several labels on one span pair up in sorted order.
  const bySpan = new Map<string, Entity[]>();
  for (const e of leftB) {
    const key = `${e.start}:${e.end}`;
    (bySpan.get(key) ?? bySpan.set(key, []).get(key)!).push(e);
  }
  const stillA: Entity[] = [];
  for (const e of leftA) {
    const candidates = bySpan.get(`${e.start}:${e.end}`);
    const match = candidates?.shift();
    if (match) {
      usedB.add(match);
      changes.push({ kind: 'relabelled', before: e, after: match });
    } else stillA.push(e);
  }
  leftB = leftB.filter((e) => !usedB.has(e));

  // Same label, overlapping: the boundaries moved. Both lists are sorted, so the nearest overlap is found first.
  const removed: Entity[] = [];
  for (const e of stillA) {
    const match = leftB.find((o) => !usedB.has(o) && o.label === e.label && o.start < e.end && e.start < o.end);
    if (match) {
      usedB.add(match);
      changes.push({ kind: 'moved', before: e, after: match });
    } else removed.push(e);
  }
  for (const e of removed) changes.push({ kind: 'removed', before: e });
  for (const e of leftB) if (!usedB.has(e)) changes.push({ kind: 'added', after: e });
  changes.sort((x, y) => compareEntities(x.after ?? x.before!, y.after ?? y.before!) || x.kind.localeCompare(y.kind));

  const diff: SidecarDiff = {
    changes,
    rejected: setDiff(a?.rejected ?? [], b?.rejected ?? []),
    unresolved: setDiff(a?.unresolved ?? [], b?.unresolved ?? []),
  };
  if (a?.status !== b?.status) diff.status = { before: a?.status, after: b?.status };
  return diff;
}

export function isEmptyDiff(d: SidecarDiff): boolean {
  return d.changes.length === 0 && !d.status && d.rejected.added.length + d.rejected.removed.length + d.unresolved.added.length + d.unresolved.removed.length === 0;
}

// Three-way merge of sidecars by annotation identity, for the git merge driver and for resolving a sidecar that
// git left with conflict markers. Pure: no file system.
//
// The identity of an annotation is (start, end, label). What merges without a question:
// - an annotation either side added is kept; one that one side removed while the other left it alone is removed;
// - the fields of one annotation (text, ref, unknown keys) merge one by one: a change on one side wins over no
//   change, the same change on both sides is one change;
// - `rejected` is merged as a set by identity (kept if either side has it, unless one side dropped a base
//   rejection the other left alone), minus every rejection that the merged entities accept;
// - `text`, `sha256`, `status` and unknown top-level keys: one side's change wins over no change.
// What is a conflict (left out of `merged` and reported with every side, so that it can be resolved):
// - `annotation`: the same identity changed differently on both sides — the same field set to different values,
//   one side removed it while the other changed it, or both added it with different fields;
// - `labels`: both sides changed the set of labels of one span, and not to the same set. This is a relabel
//   (base LOC, ours ACTOR, theirs PER) and also two annotators labelling a new span differently (base none,
//   ours LOC, theirs ACTOR): by identity these are different annotations, but they are one decision about one
//   span, so keeping both silently would hide the disagreement. A side that adds a nested label while keeping the
//   base one also changes the set, so it conflicts only if the other side changed the same span too;
// - `field`: a top-level field (status, text, sha256, an unknown key) changed differently on both sides; also
//   `sha256` when the article changed on one side (its annotations were re-anchored to the new text) while the
//   other side changed annotations against the old text: their offsets cannot be trusted until re-anchored.
// Not detected: the same annotation moved to different boundaries on both sides (two overlapping annotations are
// kept; overlaps are legal, and `hashiya validate` reports the duplicate surface form if labels differ).
import { inlineJson } from './serialize';
import { compareEntities, type Entity, type Sidecar } from './types';

export type MergeChoice = 'ours' | 'theirs' | 'both';
export type EntityListName = 'entities' | 'unresolved';

export interface AnnotationConflict {
  kind: 'annotation' | 'labels';
  list: EntityListName;
  /** `start:end:label` for an annotation conflict, `start:end` for a labels conflict. */
  key: string;
  description: string;
  /** What each side holds for this identity or span (empty: nothing there), sorted. */
  base: Entity[];
  ours: Entity[];
  theirs: Entity[];
}

export interface FieldConflict {
  kind: 'field';
  /** `status`, `text`, `sha256` or an unknown top-level key. */
  key: string;
  description: string;
  /** Undefined: the key is absent on that side. */
  base?: unknown;
  ours?: unknown;
  theirs?: unknown;
}

export type MergeConflict = AnnotationConflict | FieldConflict;

export interface MergeResult {
  /**
   * The merged sidecar. The entities of an annotation conflict are not in it; a field conflict holds ours'
   * value until it is resolved.
   */
  merged: Sidecar;
  conflicts: MergeConflict[];
}

const EMPTY: Sidecar = { text: '', sha256: '', status: 'todo', entities: [], rejected: [], unresolved: [] };

export function identityKey(e: Pick<Entity, 'start' | 'end' | 'label'>): string {
  return `${e.start}:${e.end}:${e.label}`;
}

function spanKey(e: Pick<Entity, 'start' | 'end'>): string {
  return `${e.start}:${e.end}`;
}

function same(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return inlineJson(a) === inlineJson(b);
}

/** The mergeable fields of an entity: everything but its identity. */
function fieldsOf(e: Entity): Map<string, unknown> {
  const fields = new Map<string, unknown>([['text', e.text]]);
  if (e.ref !== undefined) fields.set('ref', e.ref);
  for (const [k, v] of Object.entries(e.extra ?? {})) fields.set(k, v);
  return fields;
}

function sameEntity(a: Entity | undefined, b: Entity | undefined): boolean {
  if (!a || !b) return a === b;
  return identityKey(a) === identityKey(b) && same(Object.fromEntries(fieldsOf(a)), Object.fromEntries(fieldsOf(b)));
}

type Three<T> = { base: T | undefined; ours: T | undefined; theirs: T | undefined };

/** Classic three-way choice for one value: undefined `conflict` means the sides agree or only one changed. */
function pick<T>({ base, ours, theirs }: Three<T>, eq: (a: T | undefined, b: T | undefined) => boolean): { value: T | undefined; conflict: boolean } {
  if (eq(ours, theirs)) return { value: ours, conflict: false };
  if (eq(ours, base)) return { value: theirs, conflict: false };
  if (eq(theirs, base)) return { value: ours, conflict: false };
  return { value: ours, conflict: true };
}

/** Field-wise merge of one identity present on both sides; undefined when a field changed differently on both. */
function mergeFields(base: Entity | undefined, ours: Entity, theirs: Entity): Entity | undefined {
  const b = base ? fieldsOf(base) : new Map<string, unknown>();
  const o = fieldsOf(ours);
  const t = fieldsOf(theirs);
  // Key order: ours' order, then keys only theirs has, so that a merge of unchanged entities keeps their bytes.
  const keys = [...new Set([...o.keys(), ...t.keys(), ...b.keys()])];
  const out = new Map<string, unknown>();
  for (const key of keys) {
    const r = pick({ base: b.get(key), ours: o.get(key), theirs: t.get(key) }, same);
    if (r.conflict) return undefined;
    if (r.value !== undefined) out.set(key, r.value);
  }
  const entity: Entity = { start: ours.start, end: ours.end, label: ours.label, text: String(out.get('text') ?? ours.text) };
  if (out.has('ref')) entity.ref = out.get('ref') as string;
  const extra: Record<string, unknown> = {};
  for (const [k, v] of out) if (k !== 'text' && k !== 'ref') extra[k] = v;
  if (Object.keys(extra).length > 0) entity.extra = extra;
  return entity;
}

function byKey(list: readonly Entity[], key: (e: Entity) => string): Map<string, Entity[]> {
  const map = new Map<string, Entity[]>();
  for (const e of list) {
    const k = key(e);
    const group = map.get(k);
    if (group) group.push(e);
    else map.set(k, [e]);
  }
  return map;
}

function labelSet(entities: readonly Entity[] | undefined): string {
  return [...new Set((entities ?? []).map((e) => e.label))].sort().join('\u0000');
}

function mergeEntityList(list: EntityListName, base: readonly Entity[], ours: readonly Entity[], theirs: readonly Entity[]) {
  const merged: Entity[] = [];
  const conflicts: AnnotationConflict[] = [];
  const bSpans = byKey(base, spanKey);
  const oSpans = byKey(ours, spanKey);
  const tSpans = byKey(theirs, spanKey);
  const spans = [...new Set([...oSpans.keys(), ...tSpans.keys(), ...bSpans.keys()])];
  for (const span of spans) {
    const b = bSpans.get(span) ?? [];
    const o = oSpans.get(span) ?? [];
    const t = tSpans.get(span) ?? [];
    const [bl, ol, tl] = [labelSet(b), labelSet(o), labelSet(t)];
    if (ol !== bl && tl !== bl && ol !== tl) {
      const labels = (s: Entity[]) => (s.length ? s.map((e) => e.label).join('+') : 'none');
      conflicts.push({
        kind: 'labels',
        list,
        key: span,
        description: `[${span.replace(':', ', ')}) ${JSON.stringify((o[0] ?? t[0] ?? b[0]).text)}: labelled ${labels(o)} on ours, ${labels(t)} on theirs (base ${labels(b)})`,
        base: [...b].sort(compareEntities),
        ours: [...o].sort(compareEntities),
        theirs: [...t].sort(compareEntities),
      });
      continue;
    }
    const bIds = new Map(b.map((e) => [e.label, e]));
    const oIds = new Map(o.map((e) => [e.label, e]));
    const tIds = new Map(t.map((e) => [e.label, e]));
    for (const label of new Set([...oIds.keys(), ...tIds.keys(), ...bIds.keys()])) {
      const three = { base: bIds.get(label), ours: oIds.get(label), theirs: tIds.get(label) };
      const r = pick(three, sameEntity);
      let value = r.value;
      let conflict = r.conflict;
      if (conflict && three.ours && three.theirs) {
        value = mergeFields(three.base, three.ours, three.theirs);
        conflict = value === undefined;
      }
      if (!conflict) {
        if (value) merged.push(value);
        continue;
      }
      const any = (three.ours ?? three.theirs)!;
      const what = !three.ours ? 'removed on ours, changed on theirs' : !three.theirs ? 'changed on ours, removed on theirs' : three.base ? 'changed differently on both sides' : 'added differently on both sides';
      conflicts.push({
        kind: 'annotation',
        list,
        key: identityKey(any),
        description: `${any.label} [${any.start}, ${any.end}) ${JSON.stringify(any.text)}: ${what}`,
        base: three.base ? [three.base] : [],
        ours: three.ours ? [three.ours] : [],
        theirs: three.theirs ? [three.theirs] : [],
      });
    }
  }
  merged.sort(compareEntities);
  conflicts.sort((x, y) => compareEntities(firstEntity(x), firstEntity(y)));
  return { merged, conflicts };
}

function firstEntity(c: AnnotationConflict): Entity {
  return [...c.ours, ...c.theirs, ...c.base].sort(compareEntities)[0];
}

/** Rejections as a set by identity; a base rejection dropped by one side is dropped. */
function mergeRejected(base: readonly Entity[], ours: readonly Entity[], theirs: readonly Entity[], accepted: ReadonlySet<string>): Entity[] {
  const b = new Set(base.map(identityKey));
  const o = new Map(ours.map((e) => [identityKey(e), e]));
  const t = new Map(theirs.map((e) => [identityKey(e), e]));
  const out: Entity[] = [];
  for (const [key, entity] of [...o, ...[...t].filter(([k]) => !o.has(k))]) {
    const droppedByOne = b.has(key) && (!o.has(key) || !t.has(key));
    if (!droppedByOne && !accepted.has(key)) out.push(entity);
  }
  return out.sort(compareEntities);
}

export function mergeSidecars(base: Sidecar | undefined, ours: Sidecar, theirs: Sidecar): MergeResult {
  // Without a base (both sides created the file) every field that differs is a conflict.
  const b = base ?? EMPTY;
  const conflicts: MergeConflict[] = [];
  const field = <T>(key: string, three: Three<T>): T | undefined => {
    const r = pick(three, same);
    if (r.conflict) {
      conflicts.push({ kind: 'field', key, description: `"${key}": ${fmt(three.ours)} on ours, ${fmt(three.theirs)} on theirs (base ${fmt(three.base)})`, ...three });
    }
    return r.value;
  };
  const text = field('text', { base: base?.text, ours: ours.text, theirs: theirs.text })!;
  const sha256 = field('sha256', { base: base?.sha256, ours: ours.sha256, theirs: theirs.sha256 })!;
  const status = field('status', { base: base?.status, ours: ours.status, theirs: theirs.status })!;
  const extraKeys = [...new Set([...Object.keys(ours.extra ?? {}), ...Object.keys(theirs.extra ?? {}), ...Object.keys(b.extra ?? {})])];
  const extra: Record<string, unknown> = {};
  for (const key of extraKeys) {
    const value = field(key, { base: b.extra?.[key], ours: ours.extra?.[key], theirs: theirs.extra?.[key] });
    if (value !== undefined) extra[key] = value;
  }

  const entities = mergeEntityList('entities', b.entities, ours.entities, theirs.entities);
  const unresolved = mergeEntityList('unresolved', b.unresolved, ours.unresolved, theirs.unresolved);
  // A rejection is withdrawn when either side accepts it — also when the acceptance is still in conflict.
  const accepted = new Set([...ours.entities, ...theirs.entities].map(identityKey));
  const rejected = mergeRejected(b.rejected, ours.rejected, theirs.rejected, accepted);

  let mergedSha = sha256;
  const annotationsChanged = (side: Sidecar) => !sameEntities(b.entities, side.entities) || !sameEntities(b.unresolved, side.unresolved);
  if (base && ours.sha256 !== theirs.sha256 && !conflicts.some((c) => c.key === 'sha256') && annotationsChanged(ours) && annotationsChanged(theirs)) {
    const edited = ours.sha256 !== base.sha256 ? 'ours' : 'theirs';
    const other = edited === 'ours' ? 'theirs' : 'ours';
    conflicts.push({
      kind: 'field',
      key: 'sha256',
      description: `the article changed on ${edited} while ${other} changed annotations against the old text: check the offsets of ${other}'s changes (re-anchor them) before resolving`,
      base: base.sha256,
      ours: ours.sha256,
      theirs: theirs.sha256,
    });
    mergedSha = ours.sha256;
  }
  const merged: Sidecar = { text, sha256: mergedSha, status, entities: entities.merged, rejected, unresolved: unresolved.merged };
  if (Object.keys(extra).length > 0) merged.extra = extra;
  return { merged, conflicts: [...conflicts, ...entities.conflicts, ...unresolved.conflicts] };
}

function sameEntities(a: readonly Entity[], b: readonly Entity[]): boolean {
  return a.length === b.length && a.every((e, i) => sameEntity(e, b[i]));
}

function fmt(value: unknown): string {
  return value === undefined ? 'absent' : inlineJson(value);
}

/** Whether 'both' can resolve this conflict: not when both sides hold the same identity differently. */
export function canKeepBoth(conflict: MergeConflict): boolean {
  if (conflict.kind === 'field') return false;
  const ours = new Set(conflict.ours.map(identityKey));
  return !conflict.theirs.some((e) => ours.has(identityKey(e)) && !conflict.ours.some((o) => sameEntity(o, e)));
}

/**
 * The result with conflict `index` resolved by keeping ours, theirs or both sides' annotations. Returns a new
 * result; the other conflicts keep their order (so their indices shift down by one past `index`).
 */
export function resolveConflict(result: MergeResult, index: number, choice: MergeChoice): MergeResult {
  const conflict = result.conflicts[index];
  if (!conflict) throw new RangeError(`no conflict ${index} (there are ${result.conflicts.length})`);
  if (choice === 'both' && !canKeepBoth(conflict)) {
    throw new Error(`cannot keep both for ${conflict.key}: ${conflict.kind === 'field' ? 'a field holds one value' : 'both sides hold the same annotation with different fields'}`);
  }
  const conflicts = result.conflicts.filter((_, i) => i !== index);
  const merged: Sidecar = { ...result.merged };
  if (conflict.kind === 'field') {
    const value = choice === 'ours' ? conflict.ours : conflict.theirs;
    if (conflict.key === 'text' || conflict.key === 'sha256') merged[conflict.key] = value as string;
    else if (conflict.key === 'status') merged.status = value as Sidecar['status'];
    else {
      const extra = { ...merged.extra };
      if (value === undefined) delete extra[conflict.key];
      else extra[conflict.key] = value;
      merged.extra = extra;
      if (Object.keys(extra).length === 0) delete merged.extra;
    }
    return { merged, conflicts };
  }
  const chosen = choice === 'ours' ? conflict.ours : choice === 'theirs' ? conflict.theirs : [...conflict.ours, ...conflict.theirs];
  const list = new Map(merged[conflict.list].map((e) => [identityKey(e), e]));
  for (const e of chosen) if (!list.has(identityKey(e))) list.set(identityKey(e), e);
  merged[conflict.list] = [...list.values()].sort(compareEntities);
  if (conflict.list === 'entities') {
    const accepted = new Set(merged.entities.map(identityKey));
    merged.rejected = merged.rejected.filter((r) => !accepted.has(identityKey(r)));
  }
  return { merged, conflicts };
}

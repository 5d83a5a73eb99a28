// Undo and redo of annotation operations (annotate, relabel, remove, accept, reject, accept-all, status), per
// open article. A step is what one operation changed, as lists of annotations added and removed (entities,
// rejections, unresolved) and the status before and after — not a copy of the state — so that undoing it touches
// only those annotations: whatever else changed since (other steps, a merge from disk) stays. The recorded spans
// move with every text edit, exactly as the entities do, so a step recorded before typing still finds its
// annotations after it. Undoing a step applies its inverse and records what that actually changed as the step to
// redo, and the other way round; a new operation clears the redo list.
import { mapEnd, mapPoint, mapStart, type TextEdit } from '../core/annotations/editMapping';
import type { DocumentAnnotations } from '../core/annotations/documentAnnotations';
import type { DocumentStatus, Entity } from '../core/sidecar/types';

/** Steps kept per article. */
export const HISTORY_STEPS = 200;
/**
 * Annotations kept across all steps: every keystroke moves them, so an accept-all of thousands of suggestions
 * drops the oldest steps rather than slow down typing.
 */
export const HISTORY_ANNOTATIONS = 20_000;

/** The parts of an article's annotations that a step records. */
export interface AnnotationLists {
  entities: readonly Entity[];
  rejected: readonly Entity[];
  unresolved: readonly Entity[];
  status: DocumentStatus;
}

interface ListChange {
  added: Entity[];
  removed: Entity[];
}

export interface HistoryStep {
  description: string;
  entities: ListChange;
  rejected: ListChange;
  unresolved: ListChange;
  status?: { before: DocumentStatus; after: DocumentStatus };
}

export interface HistoryOutcome {
  /** What was undone or redone; undefined when there was nothing to undo or redo. */
  description?: string;
  /** Annotations of the step that could not be placed in the current text (kept as unresolved). */
  unplaced: number;
  undoSteps: number;
  redoSteps: number;
}

const identity = (e: Entity) => `${e.start}:${e.end}:${e.label}:${e.ref ?? ''}`;
const unresolvedIdentity = (e: Entity) => `${e.label}:${e.text}:${e.ref ?? ''}`;

function listChange(before: readonly Entity[], after: readonly Entity[], key: (e: Entity) => string): ListChange {
  if (before === after) return { added: [], removed: [] };
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  return { added: after.filter((e) => !beforeKeys.has(key(e))), removed: before.filter((e) => !afterKeys.has(key(e))) };
}

function size(step: HistoryStep): number {
  const n = (c: ListChange) => c.added.length + c.removed.length;
  return n(step.entities) + n(step.rejected) + n(step.unresolved) + (step.status ? 1 : 0);
}

/** What an operation changed between two states of the same text, or undefined when nothing changed. */
export function stepBetween(before: AnnotationLists, after: AnnotationLists): HistoryStep | undefined {
  const step: HistoryStep = {
    description: '',
    entities: listChange(before.entities, after.entities, identity),
    rejected: listChange(before.rejected, after.rejected, identity),
    unresolved: listChange(before.unresolved, after.unresolved, unresolvedIdentity),
    ...(before.status !== after.status ? { status: { before: before.status, after: after.status } } : {}),
  };
  if (size(step) === 0) return undefined;
  step.description = describe(step);
  return step;
}

function describe(step: HistoryStep): string {
  const { added, removed } = step.entities;
  const quote = (e: Entity) => `«${e.text}»`;
  if (added.length === 1 && removed.length === 1 && added[0].start === removed[0].start && added[0].end === removed[0].end) {
    const [a, r] = [added[0], removed[0]];
    return a.label !== r.label ? `relabel ${quote(a)} ${r.label} → ${a.label}` : `set the ref of ${quote(a)} to ${a.ref ?? 'none'}`;
  }
  if (added.length === 1 && removed.length === 1) return `move ${quote(removed[0])} to ${quote(added[0])}`;
  if (added.length === 1 && removed.length === 0) return `annotate ${quote(added[0])} as ${added[0].label}`;
  if (added.length > 1 && removed.length === 0) return `add ${added.length} annotations`;
  if (removed.length === 1 && added.length === 0) return `remove ${quote(removed[0])} (${removed[0].label})`;
  if (removed.length > 1 && added.length === 0) return `remove ${removed.length} annotations`;
  if (added.length + removed.length > 0) return `change ${added.length + removed.length} annotations`;
  if (step.rejected.added.length === 1 && step.rejected.removed.length === 0) return `reject ${quote(step.rejected.added[0])} (${step.rejected.added[0].label})`;
  if (step.rejected.added.length > 0) return `reject ${step.rejected.added.length} suggestions`;
  if (step.status) return `status ${step.status.before} → ${step.status.after}`;
  return 'change unresolved annotations';
}

export class AnnotationHistory {
  private readonly undoSteps: HistoryStep[] = [];
  private readonly redoSteps: HistoryStep[] = [];
  private annotationCount = 0;

  constructor(
    private readonly maxSteps = HISTORY_STEPS,
    private readonly maxAnnotations = HISTORY_ANNOTATIONS,
  ) {}

  get undoCount(): number {
    return this.undoSteps.length;
  }

  get redoCount(): number {
    return this.redoSteps.length;
  }

  /** A new operation: it can be undone, and what was undone before it can no longer be redone. */
  record(step: HistoryStep): void {
    this.redoSteps.length = 0;
    this.push(this.undoSteps, step);
    this.recount();
  }

  /** The text changed: every recorded span moves as the entities do (editMapping.ts). */
  moveThrough(edit: TextEdit): void {
    if (this.annotationCount === 0) return;
    const move = (e: Entity): Entity => {
      if (e.end < edit.from) return e;
      const start = mapStart(e.start, edit);
      // A span whose text was deleted collapses to its place; undo then keeps it as unresolved.
      const end = Math.max(start, mapEnd(e.end, edit));
      return start === e.start && end === e.end ? e : { ...e, start, end };
    };
    const movePoint = (e: Entity): Entity => {
      const start = mapPoint(e.start, edit);
      return start === e.start ? e : { ...e, start, end: start + (e.end - e.start) };
    };
    const moveChange = (c: ListChange, f: (e: Entity) => Entity): ListChange => ({ added: c.added.map(f), removed: c.removed.map(f) });
    for (const list of [this.undoSteps, this.redoSteps]) {
      for (let i = 0; i < list.length; i++) {
        const s = list[i];
        list[i] = { ...s, entities: moveChange(s.entities, move), rejected: moveChange(s.rejected, move), unresolved: moveChange(s.unresolved, movePoint) };
      }
    }
  }

  undo(annotations: DocumentAnnotations): HistoryOutcome {
    return this.replay(annotations, this.undoSteps, this.redoSteps, 'backward');
  }

  redo(annotations: DocumentAnnotations): HistoryOutcome {
    return this.replay(annotations, this.redoSteps, this.undoSteps, 'forward');
  }

  private replay(annotations: DocumentAnnotations, from: HistoryStep[], to: HistoryStep[], direction: 'backward' | 'forward'): HistoryOutcome {
    const step = from.pop();
    if (!step) return { unplaced: 0, undoSteps: this.undoCount, redoSteps: this.redoCount };
    const before = lists(annotations);
    const unplaced = apply(annotations, direction === 'backward' ? invert(step) : step);
    // What the replay really changed (another change may have done part of it already) is what the other list
    // gets: redoing an undo restores exactly what the undo took away.
    // Both lists hold steps as the operation made them (undo applies the inverse), so an undo's own change goes to
    // the redo list inverted.
    const done = stepBetween(before, lists(annotations));
    if (done) this.push(to, { ...(direction === 'backward' ? invert(done) : done), description: step.description });
    this.recount();
    return { description: step.description, unplaced, undoSteps: this.undoCount, redoSteps: this.redoCount };
  }

  private push(list: HistoryStep[], step: HistoryStep): void {
    list.push(step);
    if (list.length > this.maxSteps) list.splice(0, list.length - this.maxSteps);
  }

  /** Counts what typing has to move; drops the oldest steps (undo first, then redo) above the bound. */
  private recount(): void {
    this.annotationCount = [...this.undoSteps, ...this.redoSteps].reduce((n, s) => n + size(s), 0);
    while (this.annotationCount > this.maxAnnotations && this.undoSteps.length + this.redoSteps.length > 1) {
      const dropped = this.undoSteps.length > 0 ? this.undoSteps.shift()! : this.redoSteps.shift()!;
      this.annotationCount -= size(dropped);
    }
  }
}

function lists(a: DocumentAnnotations): AnnotationLists {
  return { entities: a.entities, rejected: a.rejected, unresolved: a.unresolved, status: a.status };
}

function invert(step: HistoryStep): HistoryStep {
  const flip = (c: ListChange): ListChange => ({ added: c.removed, removed: c.added });
  return {
    description: step.description,
    entities: flip(step.entities),
    rejected: flip(step.rejected),
    unresolved: flip(step.unresolved),
    ...(step.status ? { status: { before: step.status.after, after: step.status.before } } : {}),
  };
}

/** Applies a step to the annotations; returns how many of its entities had to be kept as unresolved. */
function apply(a: DocumentAnnotations, step: HistoryStep): number {
  let unplaced = 0;
  const same = (x: Entity, y: Entity) => x.start === y.start && x.end === y.end && x.label === y.label && (x.ref ?? '') === (y.ref ?? '');
  for (const e of step.entities.removed) a.remove((x) => same(x, e));
  for (const e of step.unresolved.removed) a.removeUnresolved((x) => x.label === e.label && x.text === e.text && (x.ref ?? '') === (e.ref ?? ''));
  for (const e of step.entities.added) {
    const length = a.index.codePointLength;
    if (e.end > e.start && e.start >= 0 && e.end <= length) {
      a.remove((x) => x.start === e.start && x.end === e.end && x.label === e.label);
      a.add(e.start, e.end, e.label, e.ref, e.extra);
    } else {
      // Its text was deleted since: kept as unresolved, never dropped.
      a.addUnresolved(e);
      unplaced++;
    }
  }
  for (const e of step.unresolved.added) a.addUnresolved(e);
  for (const r of step.rejected.removed) a.unreject(r.start, r.end, r.label);
  for (const r of step.rejected.added) if (r.end > r.start && r.end <= a.index.codePointLength) a.reject(r.start, r.end, r.label);
  if (step.status) a.status = step.status.after;
  return unplaced;
}

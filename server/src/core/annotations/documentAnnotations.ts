// The annotations of one open article, kept in step with its text as the annotator types. Offsets are code
// points; edits arrive in UTF-16 (what editors send) and are converted once, through the document's
// CodePointIndex, so an edit costs O(entities + astral characters), never a rescan of the text.
import { CodePointIndex } from '../text/codePoints';
import { compareEntities, type DocumentStatus, type Entity, sameSpanAndLabel, type Sidecar } from '../sidecar/types';
import { mapEnd, mapPoint, mapStart, type TextEdit } from './editMapping';
import { reanchor } from './reanchor';

export interface LoadReport {
  /** Entities whose offsets were moved to where their text now is. */
  moved: Entity[];
  /** Entities whose text was not found: kept as unresolved. */
  unresolved: Entity[];
}

/**
 * A read-only view of the annotations at one moment. The lists are never mutated after the view is taken:
 * DocumentAnnotations replaces its arrays on every change (copy on write), so a view stays true to the text it
 * was taken from while the article goes on changing.
 */
export class AnnotationsSnapshot {
  constructor(
    readonly text: string,
    readonly index: CodePointIndex,
    readonly entities: readonly Entity[],
    readonly rejected: readonly Entity[],
    readonly unresolved: readonly Entity[],
    readonly status: DocumentStatus,
  ) {}

  /** The characters between two code-point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.index.toUtf16(start), this.index.toUtf16(end));
  }

  /** Entities covering the code-point offset (or touching it at their end), innermost first. */
  entitiesAt(offset: number): Entity[] {
    return this.entities
      .filter((e) => e.start <= offset && offset <= e.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
  }
}

export class DocumentAnnotations {
  private constructor(
    private textValue: string,
    private indexValue: CodePointIndex,
    public entities: readonly Entity[],
    public rejected: readonly Entity[],
    /** Annotations not placed in the current text; re-tried after each edit (an undo brings them back). */
    public unresolved: readonly Entity[],
    public status: DocumentStatus,
    public readonly extra: Record<string, unknown> | undefined,
  ) {}

  /** An independent copy (the lists are shared: they are replaced, never mutated). */
  clone(): DocumentAnnotations {
    return new DocumentAnnotations(this.textValue, this.indexValue, this.entities, this.rejected, this.unresolved, this.status, this.extra);
  }

  static empty(text: string): DocumentAnnotations {
    return new DocumentAnnotations(text, CodePointIndex.of(text), [], [], [], 'todo', undefined);
  }

  /**
   * Annotations of a sidecar placed on `text`. When the sidecar was written for other text (its sha256 differs,
   * or an entity's text does not match), the entities are re-anchored (see reanchor.ts); `previousText`, the text
   * the sidecar was written for when it can be found, lets them be mapped exactly.
   */
  static fromSidecar(text: string, sidecar: Sidecar, previousText?: string): { annotations: DocumentAnnotations; report: LoadReport } {
    const index = CodePointIndex.of(text);
    const options = previousText === undefined ? {} : { previousText };
    const placed = reanchor(text, index, [...sidecar.entities, ...sidecar.unresolved], options);
    const rejected = reanchor(text, index, sidecar.rejected, options);
    const annotations = new DocumentAnnotations(
      text,
      index,
      dedupe(placed.placed),
      dedupe(rejected.placed),
      placed.unresolved,
      sidecar.status,
      sidecar.extra,
    );
    return { annotations, report: { moved: placed.moved, unresolved: placed.unresolved } };
  }

  get text(): string {
    return this.textValue;
  }

  get index(): CodePointIndex {
    return this.indexValue;
  }

  /** The characters between two code-point offsets of the current text. */
  slice(start: number, end: number): string {
    return this.textValue.slice(this.indexValue.toUtf16(start), this.indexValue.toUtf16(end));
  }

  /**
   * Applies one editor change: UTF-16 range [start16, end16) of the current text replaced by `inserted`.
   * Returns true when any annotation moved or changed.
   */
  applyChange(start16: number, end16: number, inserted: string): boolean {
    return this.applyEdit(start16, end16, inserted).changed;
  }

  /** As applyChange; also returns the edit in code points (for the edit log of versioned requests). */
  applyEdit(start16: number, end16: number, inserted: string, after?: { text: string; index: CodePointIndex }): { changed: boolean; edit: TextEdit } {
    const edit: TextEdit = {
      from: this.indexValue.toCodePoint(start16),
      to: this.indexValue.toCodePoint(end16),
      inserted: CodePointIndex.of(inserted).codePointLength,
    };
    // `after`: the text and index after this edit, when another holder of the same text computed them already
    // (a session moves its merge base through the same edits).
    const newText = after?.text ?? this.textValue.slice(0, start16) + inserted + this.textValue.slice(end16);
    this.indexValue = after?.index ?? this.indexValue.applyEdit(start16, end16, inserted, newText);
    this.textValue = newText;

    let changed = false;
    const collapsed: Entity[] = [];
    const move = (list: readonly Entity[], keepCollapsed: boolean): Entity[] => {
      const out: Entity[] = [];
      for (const entity of list) {
        if (entity.end < edit.from) {
          out.push(entity);
          continue;
        }
        changed = true;
        const start = mapStart(entity.start, edit);
        const end = mapEnd(entity.end, edit);
        if (end <= start) {
          if (keepCollapsed) collapsed.push({ ...entity, start, end: start + CodePointIndex.of(entity.text).codePointLength });
          continue;
        }
        // Text typed inside an entity becomes part of it: `text` always equals the covered characters.
        out.push({ ...entity, start, end, text: this.slice(start, end) });
      }
      return out;
    };
    this.entities = dedupe(move(this.entities, true));
    this.rejected = dedupe(move(this.rejected, false));
    if (this.unresolved.length > 0) {
      changed = true;
      this.unresolved = this.unresolved.map((e) => {
        const start = mapPoint(e.start, edit);
        return { ...e, start, end: start + (e.end - e.start) };
      });
    }
    if (collapsed.length > 0) this.unresolved = this.unresolved.concat(collapsed);
    if (this.unresolved.length > 0) this.restoreUnresolved();
    return { changed, edit };
  }

  /** A read-only view of the current state (shares the arrays: they are never mutated, only replaced). */
  snapshot(): AnnotationsSnapshot {
    return new AnnotationsSnapshot(this.textValue, this.indexValue, this.entities, this.rejected, this.unresolved, this.status);
  }

  /** Unresolved annotations whose text is back at their place (after an undo) become entities again. */
  private restoreUnresolved(): void {
    const still: Entity[] = [];
    const back: Entity[] = [];
    for (const e of this.unresolved) {
      const fits = e.start >= 0 && e.end <= this.indexValue.codePointLength && this.slice(e.start, e.end) === e.text;
      if (fits && !this.entities.some((x) => sameSpanAndLabel(x, e)) && !back.some((x) => sameSpanAndLabel(x, e))) back.push(e);
      else still.push(e);
    }
    if (still.length === this.unresolved.length) return;
    this.unresolved = still;
    this.entities = this.entities.concat(back).sort(compareEntities);
  }

  /** Adds an entity over [start, end); its text is taken from the document. Returns it, or undefined if present. */
  add(start: number, end: number, label: string, ref?: string, extra?: Record<string, unknown>): Entity | undefined {
    if (!(start >= 0 && end > start && end <= this.indexValue.codePointLength)) {
      throw new RangeError(`span [${start}, ${end}) is empty or outside the text (${this.indexValue.codePointLength} characters)`);
    }
    const entity: Entity = { start, end, label, text: this.slice(start, end) };
    if (ref) entity.ref = ref;
    if (extra) entity.extra = extra;
    if (this.entities.some((e) => sameSpanAndLabel(e, entity))) return undefined;
    this.entities = this.entities.concat([entity]).sort(compareEntities);
    // Accepting what was once rejected lifts the rejection.
    this.rejected = this.rejected.filter((r) => !sameSpanAndLabel(r, entity));
    return entity;
  }

  /** Removes the entities that `predicate` selects; returns them. */
  remove(predicate: (entity: Entity) => boolean): Entity[] {
    const removed = this.entities.filter(predicate);
    if (removed.length > 0) this.entities = this.entities.filter((e) => !predicate(e));
    return removed;
  }

  /** Records a rejected suggestion so that it is not offered again. */
  reject(start: number, end: number, label: string): Entity {
    const entity: Entity = { start, end, label, text: this.slice(start, end) };
    if (!this.rejected.some((r) => sameSpanAndLabel(r, entity))) {
      this.rejected = this.rejected.concat([entity]).sort(compareEntities);
    }
    return entity;
  }

  /** Replaces one entity (found by identity) with another; the replacement's text is taken from the document. */
  replace(old: Entity, replacement: Omit<Entity, 'text'>): Entity | undefined {
    const i = this.entities.indexOf(old);
    if (i === -1) return undefined;
    const entity: Entity = { ...replacement, text: this.slice(replacement.start, replacement.end) };
    if (entity.ref === undefined) delete entity.ref;
    const rest = this.entities.filter((e) => e !== old && !sameSpanAndLabel(e, entity));
    this.entities = rest.concat([entity]).sort(compareEntities);
    return entity;
  }

  /** Lifts a rejection (an undo of a reject): the suggestion is offered again. Returns whether one was there. */
  unreject(start: number, end: number, label: string): boolean {
    const kept = this.rejected.filter((r) => !(r.start === start && r.end === end && r.label === label));
    if (kept.length === this.rejected.length) return false;
    this.rejected = kept;
    return true;
  }

  /** Keeps an annotation that cannot be placed in the current text as unresolved (never dropped). */
  addUnresolved(entity: Entity): void {
    this.unresolved = this.unresolved.concat([entity]);
  }

  /** Removes unresolved annotations that `predicate` selects; returns them. */
  removeUnresolved(predicate: (entity: Entity) => boolean): Entity[] {
    const removed = this.unresolved.filter(predicate);
    if (removed.length > 0) this.unresolved = this.unresolved.filter((e) => !predicate(e));
    return removed;
  }

  /** Places an unresolved annotation at [start, end) of the current text (its text becomes what is there). */
  placeUnresolved(entity: Entity, start: number, end: number): Entity | undefined {
    if (!this.unresolved.includes(entity)) return undefined;
    this.unresolved = this.unresolved.filter((e) => e !== entity);
    return this.add(start, end, entity.label, entity.ref, entity.extra) ?? this.entities.find((e) => e.start === start && e.end === end && e.label === entity.label);
  }

  /** Entities covering the code-point offset (or touching it at their end), innermost first. */
  entitiesAt(offset: number): Entity[] {
    return this.entities
      .filter((e) => e.start <= offset && offset <= e.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
  }

  toSidecar(articleName: string, sha256: string): Sidecar {
    const sidecar: Sidecar = {
      text: articleName,
      sha256,
      status: this.status,
      entities: [...this.entities],
      rejected: [...this.rejected],
      unresolved: [...this.unresolved],
    };
    if (this.extra) sidecar.extra = this.extra;
    return sidecar;
  }
}

function dedupe(list: Entity[]): Entity[] {
  const sorted = [...list].sort(compareEntities);
  return sorted.filter((e, i) => i === 0 || !sameSpanAndLabel(sorted[i - 1], e));
}

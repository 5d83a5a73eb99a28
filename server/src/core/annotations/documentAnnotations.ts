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

export class DocumentAnnotations {
  private constructor(
    private textValue: string,
    private indexValue: CodePointIndex,
    public entities: Entity[],
    public rejected: Entity[],
    /** Annotations not placed in the current text; re-tried after each edit (an undo brings them back). */
    public unresolved: Entity[],
    public status: DocumentStatus,
    public readonly extra: Record<string, unknown> | undefined,
  ) {}

  static empty(text: string): DocumentAnnotations {
    return new DocumentAnnotations(text, CodePointIndex.of(text), [], [], [], 'todo', undefined);
  }

  /**
   * Annotations of a sidecar placed on `text`. When the sidecar was written for other text (its sha256 differs,
   * or an entity's text does not match), each entity is re-anchored to the nearest occurrence of its text.
   */
  static fromSidecar(text: string, sidecar: Sidecar): { annotations: DocumentAnnotations; report: LoadReport } {
    const index = CodePointIndex.of(text);
    const placed = reanchor(text, index, [...sidecar.entities, ...sidecar.unresolved]);
    const rejected = reanchor(text, index, sidecar.rejected);
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
    const edit: TextEdit = {
      from: this.indexValue.toCodePoint(start16),
      to: this.indexValue.toCodePoint(end16),
      inserted: CodePointIndex.of(inserted).codePointLength,
    };
    const newText = this.textValue.slice(0, start16) + inserted + this.textValue.slice(end16);
    this.indexValue = this.indexValue.applyEdit(start16, end16, inserted, newText);
    this.textValue = newText;

    let changed = false;
    const collapsed: Entity[] = [];
    const move = (list: Entity[], keepCollapsed: boolean): Entity[] => {
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
    // One by one: deleting a large stretch can collapse more entities than a call takes arguments.
    for (const entity of collapsed) this.unresolved.push(entity);
    if (this.unresolved.length > 0) this.restoreUnresolved();
    return changed;
  }

  /** Unresolved annotations whose text is back at their place (after an undo) become entities again. */
  private restoreUnresolved(): void {
    const still: Entity[] = [];
    for (const e of this.unresolved) {
      const fits = e.end <= this.indexValue.codePointLength && this.slice(e.start, e.end) === e.text;
      if (fits && !this.entities.some((x) => sameSpanAndLabel(x, e))) this.entities.push(e);
      else if (!fits) still.push(e);
    }
    this.unresolved = still;
    this.entities.sort(compareEntities);
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
    this.entities.push(entity);
    this.entities.sort(compareEntities);
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
      this.rejected.push(entity);
      this.rejected.sort(compareEntities);
    }
    return entity;
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
      entities: this.entities,
      rejected: this.rejected,
      unresolved: this.unresolved,
    };
    if (this.extra) sidecar.extra = this.extra;
    return sidecar;
  }
}

function dedupe(list: Entity[]): Entity[] {
  const sorted = [...list].sort(compareEntities);
  return sorted.filter((e, i) => i === 0 || !sameSpanAndLabel(sorted[i - 1], e));
}

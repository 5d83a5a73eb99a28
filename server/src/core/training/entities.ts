// Which entities an export writes: the label selection (`--labels LOC,ACTOR` or `GPE=LOC`) and, for flat formats,
// the nesting policy. Every entity left out is reported with its reason by the caller.
import type { NestedPolicy } from './types';

export interface LabelSelection {
  /** Labels kept (after renaming); undefined keeps every label. */
  keep?: ReadonlySet<string>;
  /** Renames applied first: GPE -> LOC. */
  rename: ReadonlyMap<string, string>;
}

/**
 * Parses `--labels`: a comma-separated list of labels to keep, where `FROM=TO` renames FROM to TO (and keeps it).
 * When every item is a rename, all other labels are kept unchanged; otherwise only the listed ones are.
 */
export function parseLabelSelection(spec: string): LabelSelection {
  const items = spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new Error('--labels needs at least one label');
  const rename = new Map<string, string>();
  const keep = new Set<string>();
  let onlyRenames = true;
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq === -1) {
      onlyRenames = false;
      keep.add(item);
      continue;
    }
    const from = item.slice(0, eq).trim();
    const to = item.slice(eq + 1).trim();
    if (!from || !to) throw new Error(`--labels: "${item}" must be FROM=TO`);
    if (rename.has(from) && rename.get(from) !== to) throw new Error(`--labels: "${from}" is renamed twice`);
    rename.set(from, to);
    keep.add(to);
  }
  return onlyRenames ? { rename } : { keep, rename };
}

/** The label an entity is exported with, or undefined when the selection leaves it out. */
export function selectLabel(label: string, selection: LabelSelection | undefined): string | undefined {
  if (!selection) return label;
  const renamed = selection.rename.get(label) ?? label;
  return !selection.keep || selection.keep.has(renamed) ? renamed : undefined;
}

export interface Span {
  start: number;
  end: number;
  label: string;
}

export interface NestingResult<T extends Span> {
  kept: T[];
  dropped: Array<{ entity: T; reason: string }>;
}

/**
 * Resolves overlapping entities for a flat format. `outer` keeps the longest entity of a nest, `inner` the shortest;
 * ties go to the earlier start, then the label's order. An entity that crosses a kept one (overlaps without nesting)
 * is dropped too. The kept entities come back sorted by (start, end, label).
 */
export function resolveNesting<T extends Span>(entities: readonly T[], policy: NestedPolicy): NestingResult<T> {
  const byLabel = (a: T, b: T) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  const order = [...entities].sort((a, b) =>
    policy === 'outer'
      ? a.start - b.start || b.end - a.end || byLabel(a, b)
      : a.end - a.start - (b.end - b.start) || a.start - b.start || byLabel(a, b),
  );
  // Kept spans never overlap, so sorted by start they are sorted by end too.
  const kept: T[] = [];
  const dropped: NestingResult<T>['dropped'] = [];
  for (const entity of order) {
    // First kept span ending after this one starts: the only candidate for an overlap on the left.
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (kept[mid].end <= entity.start) lo = mid + 1;
      else hi = mid;
    }
    const other = kept[lo];
    if (other && other.start < entity.end) {
      dropped.push({ entity, reason: nestingReason(entity, other, policy) });
      continue;
    }
    kept.splice(lo, 0, entity);
  }
  return { kept, dropped };
}

function nestingReason(entity: Span, other: Span, policy: NestedPolicy): string {
  if (entity.start === other.start && entity.end === other.end) return `same span as a kept ${other.label} entity (one label per token)`;
  const inside = entity.start >= other.start && entity.end <= other.end;
  const contains = entity.start <= other.start && entity.end >= other.end;
  if (policy === 'outer' && inside) return 'nested inside a longer entity (--nested outer)';
  if (policy === 'inner' && contains) return 'contains a shorter entity (--nested inner)';
  return 'crosses another entity (overlaps without nesting)';
}

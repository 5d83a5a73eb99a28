// The textual form of a merge with conflicts: the sidecar in its exact layout (serialize.ts), with each
// conflicting line wrapped in git conflict markers, so that git, editors and people see an ordinary conflict —
// and the way back: reading a sidecar with markers (ours, ours' and git's own, `<<<<<<< HEAD`) into both sides
// and the conflicts between them.
//
// Each side of the file, read alone, is a valid sidecar: commas are placed per side, and a line whose comma
// would differ between sides moves into the conflict block that follows it. A conflict whose base held
// something gets a diff3 base part (`||||||| base`), so that reading the file back finds the same conflicts.
import { splitConflictSides } from './conflictMarkers';
import { type MergeConflict, type MergeResult, mergeSidecars } from './merge';
import { parseSidecar } from './parse';
import { entityLine, scalar } from './serialize';
import { compareEntities, type Entity, type Sidecar } from './types';

type Side = 'ours' | 'base' | 'theirs';
const SIDES: Side[] = ['ours', 'base', 'theirs'];

/** The lines of one JSON element; the comma, when one follows, goes after its last line. */
type Item = string[];
type Row = { common: Item } | { split: Record<Side, Item[]> };

function hasContent(row: Row, side: Side): boolean {
  return 'common' in row || row.split[side].length > 0;
}

/** Lines of a comma-separated sequence whose every side, read alone, is valid JSON. */
function renderRows(input: Row[]): string[] {
  const rows = [...input];
  // From the end: a common item whose comma differs between sides joins the conflict block after it.
  const later: Record<Side, boolean> = { ours: false, base: false, theirs: false };
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if ('common' in row && !(later.ours === later.base && later.base === later.theirs)) {
      const next = rows[i + 1] as { split: Record<Side, Item[]> };
      for (const side of SIDES) next.split[side].unshift(row.common);
      rows.splice(i, 1);
    }
    for (const side of SIDES) later[side] ||= hasContent(row, side);
  }
  // Whether any row after row i has content on a side (one pass from the end, not a scan per row: a sidecar
  // has one row per entity, and the session renders this on every write while a conflict is open).
  const laterContent: Array<Record<Side, boolean>> = new Array(rows.length);
  let seen: Record<Side, boolean> = { ours: false, base: false, theirs: false };
  for (let i = rows.length - 1; i >= 0; i--) {
    laterContent[i] = seen;
    seen = { ours: seen.ours || hasContent(rows[i], 'ours'), base: seen.base || hasContent(rows[i], 'base'), theirs: seen.theirs || hasContent(rows[i], 'theirs') };
  }
  const out: string[] = [];
  const pushAll = (lines: readonly string[]) => {
    for (const line of lines) out.push(line);
  };
  const withComma = (item: Item, comma: boolean) => item.map((line, i) => (comma && i === item.length - 1 ? line + ',' : line));
  rows.forEach((row, i) => {
    const after = (side: Side) => laterContent[i][side];
    if ('common' in row) {
      pushAll(withComma(row.common, after('ours')));
      return;
    }
    const part = (side: Side) => row.split[side].flatMap((item, j) => withComma(item, j < row.split[side].length - 1 || after(side)));
    out.push('<<<<<<< ours');
    pushAll(part('ours'));
    if (row.split.base.length > 0) {
      out.push('||||||| base');
      pushAll(part('base'));
    }
    out.push('=======');
    pushAll(part('theirs'));
    out.push('>>>>>>> theirs');
  });
  return out;
}

function entityRows(merged: readonly Entity[], conflicts: Array<Extract<MergeConflict, { ours: Entity[] }>>): Row[] {
  const line = (e: Entity): Item => [`    ${entityLine(e)}`];
  type Placed = { at: Entity; row: Row };
  const placed: Placed[] = merged.map((e) => ({ at: e, row: { common: line(e) } }));
  for (const c of conflicts) {
    const all = [...c.ours, ...c.theirs, ...c.base].sort(compareEntities);
    placed.push({ at: all[0], row: { split: { ours: c.ours.map(line), base: c.base.map(line), theirs: c.theirs.map(line) } } });
  }
  placed.sort((a, b) => compareEntities(a.at, b.at));
  return placed.map((p) => p.row);
}

function listItem(key: string, rows: Row[]): Item {
  if (rows.length === 0) return [`  "${key}": []`];
  return [`  "${key}": [`, ...renderRows(rows), '  ]'];
}

/**
 * The merged sidecar in the sidecar layout with every conflict wrapped in conflict markers. Without conflicts
 * this is exactly `serializeSidecar(result.merged)`.
 */
export function serializeConflicted(result: MergeResult): string {
  const { merged, conflicts } = result;
  const fieldConflicts = new Map(conflicts.flatMap((c) => (c.kind === 'field' ? [[c.key, c] as const] : [])));
  const annotationConflicts = conflicts.filter((c): c is Extract<MergeConflict, { ours: Entity[] }> => c.kind !== 'field');
  const field = (key: string, value: unknown): Row => {
    const c = fieldConflicts.get(key);
    if (!c) return { common: [scalar(key, value)] };
    const item = (v: unknown): Item[] => (v === undefined ? [] : [[scalar(key, v)]]);
    return { split: { ours: item(c.ours), base: item(c.base), theirs: item(c.theirs) } };
  };
  const rows: Row[] = [
    { common: [scalar('hashiya', 1)] },
    field('text', merged.text),
    field('sha256', merged.sha256),
    field('status', merged.status),
  ];
  for (const key of ['entities', 'rejected', 'unresolved'] as const) {
    const list = key === 'rejected' ? [...merged.rejected].sort(compareEntities) : merged[key];
    const listRows = entityRows(list, annotationConflicts.filter((c) => c.list === key));
    if (key === 'unresolved' && listRows.length === 0) continue;
    rows.push({ common: listItem(key, listRows) });
  }
  const extraKeys = [...new Set([...Object.keys(merged.extra ?? {}), ...fieldConflicts.keys()])].filter(
    (k) => !['text', 'sha256', 'status'].includes(k),
  );
  for (const key of extraKeys) rows.push(field(key, merged.extra?.[key]));
  return ['{', ...renderRows(rows), '}'].join('\n') + '\n';
}

export interface ConflictedSidecar {
  ours: Sidecar;
  theirs: Sidecar;
  /** The base, when the markers carry one (diff3) or the common lines alone form a valid sidecar. */
  base?: Sidecar;
  /** The merge of the sides by annotation identity: what is left to decide. */
  merged: Sidecar;
  conflicts: MergeConflict[];
}

/**
 * Reads a sidecar that contains git conflict markers. Undefined when the text has no markers, or when either side
 * read alone is not a valid sidecar (then it is reported as it is, never rewritten).
 */
export function parseConflicted(text: string): ConflictedSidecar | undefined {
  const sides = splitConflictSides(text);
  if (!sides) return undefined;
  const ours = parseSidecar(sides.ours).sidecar;
  const theirs = parseSidecar(sides.theirs).sidecar;
  if (!ours || !theirs) return undefined;
  // The base is what both sides share plus the base parts: with git's default two-part markers, a conflicting
  // line counts as added on its side, which keeps every annotation and still flags different labels or refs.
  // Removing a conflict's lines can leave a trailing comma in the common lines; the base is only a guide, so it
  // is read with those commas dropped.
  const base = parseSidecar(sides.base).sidecar ?? parseSidecar(sides.base.replace(/,(\s*[\]}])/g, '$1')).sidecar;
  const result = mergeSidecars(base, ours, theirs);
  return { ours, theirs, ...(base ? { base } : {}), merged: result.merged, conflicts: result.conflicts };
}

// Renaming a ref (`geonames:98182` -> `geonames:98183`) in one article's annotations: entities, the unresolved
// ones (kept for re-placing) and rejections alike, so that no list keeps the old name. Lists are replaced, never
// mutated (sessions share them with their snapshots).
import type { Entity } from './types';

export interface RefLists {
  entities: readonly Entity[];
  rejected: readonly Entity[];
  unresolved: readonly Entity[];
}

/** How many annotations carry `ref`. */
export function countRef(lists: RefLists, ref: string): number {
  let n = 0;
  for (const list of [lists.entities, lists.rejected, lists.unresolved]) for (const e of list) if (e.ref === ref) n++;
  return n;
}

/** The lists with `oldRef` replaced by `newRef`, and how many annotations changed. */
export function renameRef<T extends RefLists>(lists: T, oldRef: string, newRef: string): { lists: T; renamed: number } {
  let renamed = 0;
  const rename = (list: readonly Entity[]) =>
    list.some((e) => e.ref === oldRef)
      ? list.map((e) => {
          if (e.ref !== oldRef) return e;
          renamed++;
          return { ...e, ref: newRef };
        })
      : list;
  return { lists: { ...lists, entities: rename(lists.entities), rejected: rename(lists.rejected), unresolved: rename(lists.unresolved) }, renamed };
}

// A sidecar written for another version of its article, re-anchored on the article as it is now: the one
// routine behind `hashiya validate --fix` and export. Nothing is dropped: what finds no place goes to
// `unresolved`; top-level and per-entity keys this version does not know are carried over.
import type { Sidecar } from '../sidecar/types';
import { DocumentAnnotations } from './documentAnnotations';
import type { TextHistory } from './textHistory';

export interface SidecarReanchorReport {
  /** Entities (and earlier unresolved ones) placed where they were. */
  stayed: number;
  /** Placed at other offsets. */
  moved: number;
  /** Not placed: kept under `unresolved`. */
  unresolved: number;
  /** True when the text the sidecar was written for was found and offsets were mapped through a diff. */
  exact: boolean;
}

/** The sidecar placed on `text` (whose file bytes hash to `sha256`); `previousText` is the text it was written for. */
export function reanchorSidecar(sidecar: Sidecar, text: string, sha256: string, previousText?: string): { sidecar: Sidecar; report: SidecarReanchorReport } {
  const { annotations, report } = DocumentAnnotations.fromSidecar(text, sidecar, previousText);
  const placed = annotations.entities.length;
  return {
    sidecar: annotations.toSidecar(sidecar.text, sha256),
    report: { stayed: placed - report.moved.length, moved: report.moved.length, unresolved: annotations.unresolved.length, exact: previousText !== undefined },
  };
}

/** Re-anchors a sidecar whose sha256 is not its article's, looking for the old text in `history` first. */
export async function reanchorStaleSidecar(
  sidecar: Sidecar,
  article: { articlePath: string; text: string; sha256: string },
  history?: TextHistory,
): Promise<{ sidecar: Sidecar; report: SidecarReanchorReport }> {
  const previousText = history ? await history.find(sidecar.sha256, article.articlePath).catch(() => undefined) : undefined;
  return reanchorSidecar(sidecar, article.text, article.sha256, previousText);
}

/** "3 stayed, 2 moved, 1 unresolved (mapped through the earlier text)" */
export function describeReanchor(report: SidecarReanchorReport): string {
  const how = report.exact ? 'mapped through the earlier text' : 'earlier text not found; found by searching';
  return `${report.stayed} stayed, ${report.moved} moved, ${report.unresolved} unresolved (${how})`;
}

// The messages of the corpus maintainer's views (corpus tree, compare with HEAD, corpus-wide rename of a ref,
// agreement report): typed once, used by the client and the server. Each line says which way it travels.
import { NotificationType, type Range, RequestType } from 'vscode-languageserver-protocol';
import type { DocumentStatus, SidecarHealth } from './documentStatus';

// ---- rendered annotations (Compare with HEAD) ------------------------------------------------------------------

export interface RenderAnnotationsParams {
  /** The article (file URI). */
  uri: string;
  /** 'HEAD': the sidecar and article as committed; absent: as the editor has them now, unsaved edits included. */
  revision?: 'HEAD';
}
export interface RenderAnnotationsResult {
  /** The article with its entities marked inline, `[البطحاء]{LOC}`, as `hashiya render` prints it. */
  text: string;
  /** Why the text is empty or not what was asked (no sidecar at HEAD, the folder is not a git repository). */
  note?: string;
  /** Set with a note: 'not-git' (no HEAD at all), 'new' (no sidecar there), 'corrupt', 'conflict'. */
  reason?: 'not-git' | 'new' | 'corrupt' | 'conflict';
}
/** client -> server: the rendered annotations of an article, now or at HEAD. */
export const RenderAnnotationsRequest = new RequestType<RenderAnnotationsParams, RenderAnnotationsResult, void>('hashiya/renderAnnotations');

// ---- corpus tree -----------------------------------------------------------------------------------------------

export interface CorpusSummary {
  root: string;
  /** Articles of the corpus (with or without a sidecar). */
  total: number;
  byStatus: Record<DocumentStatus, number>;
  /** False while the corpus is still being indexed (counts grow). */
  complete: boolean;
  /** Whether the corpus lies in a git repository (the "changed since HEAD" marks mean something). */
  git: boolean;
}
/** client -> server: every corpus of the workspace with its counts by status (the tree's top level). */
export const CorpusSummariesRequest = new RequestType<Record<string, never>, CorpusSummary[], void>('hashiya/corpusSummaries');

export interface CorpusDocument {
  /** Path of the article relative to the corpus root, `/`-separated (10,000 of them travel in one answer). */
  path: string;
  status: DocumentStatus;
  sidecar: SidecarHealth;
  entities: number;
  unresolved: number;
  /** Knowledge-base suggestions not yet accepted or rejected; undefined until counted (background). */
  suggestions?: number;
  /** The sidecar differs from HEAD (or is new): `git status` of the sidecar. */
  changed: boolean;
}
export interface CorpusDocumentsParams {
  root: string;
  status: DocumentStatus;
}
/** client -> server: the documents of one status group of a corpus, sorted by path (fetched when it expands). */
export const CorpusDocumentsRequest = new RequestType<CorpusDocumentsParams, CorpusDocument[], void>('hashiya/corpusDocuments');
/** server -> client: something shown in the corpus tree changed (indexing progressed, a sidecar was written). */
export const CorpusChangedNotification = new NotificationType<{ root: string }>('hashiya/corpusChanged');

// ---- rename of a ref across the corpus --------------------------------------------------------------------------

export interface RenameRefParams {
  /** The article and position of an entity with a ref, or `ref` naming the ref directly. */
  uri?: string;
  position?: { line: number; character: number };
  ref?: string;
  newRef: string;
}
export interface RenameRefFile {
  uri: string;
  path: string;
  /** Annotations with the ref (entities, unresolved and rejected together). */
  count: number;
  /** The article is open in the editor: its session rewrites the sidecar. */
  open: boolean;
}
export interface RenameRefPlan {
  oldRef: string;
  newRef: string;
  files: RenameRefFile[];
}
export interface RenameRefResult extends RenameRefPlan {
  /** Files that could not be rewritten, with the reason (a corrupt sidecar is never overwritten). */
  failed: Array<{ path: string; reason: string }>;
}
/** client -> server: which sidecars a rename of a ref would change, and how many annotations in each (preview). */
export const RenameRefPreviewRequest = new RequestType<RenameRefParams, RenameRefPlan, void>('hashiya/renameRefPreview');
/** client -> server: rename the ref in every sidecar of the corpus. */
export const RenameRefRequest = new RequestType<RenameRefParams, RenameRefResult, void>('hashiya/renameRef');

// ---- agreement -------------------------------------------------------------------------------------------------

export interface AgreementScores {
  precision: number;
  recall: number;
  f1: number;
  matched: number;
  a: number;
  b: number;
}
export interface AgreementDisagreementInfo {
  /** Sidecar path relative to the folders. */
  document: string;
  kind: 'label' | 'boundary' | 'only-a' | 'only-b';
  a?: { start: number; end: number; label: string; text: string; ref?: string };
  b?: { start: number; end: number; label: string; text: string; ref?: string };
  /** The article in folder A (file URI) and the disagreement's range in it, for "open at the place". */
  uri: string;
  range: Range;
  context: string;
}
export interface AgreementResult {
  dirA: string;
  dirB: string;
  documents: number;
  overall: AgreementScores;
  labels: Record<string, AgreementScores>;
  overlap: AgreementScores & { labels: Record<string, AgreementScores> };
  kappa: number | null;
  tokens: { count: number; observedAgreement: number; expectedAgreement: number };
  disagreements: AgreementDisagreementInfo[];
  /** Sidecars not compared, with the reason. */
  skipped: string[];
}
/** client -> server: inter-annotator agreement of two copies of a corpus (`hashiya agree`). */
export const AgreementRequest = new RequestType<{ dirA: string; dirB: string }, AgreementResult, void>('hashiya/agreement');

// The custom messages between the Hashiya client and language server: one home, typed, used by both sides.
// Positions and ranges are LSP ones (UTF-16); the server converts to code points at its boundary.
import { NotificationType, type ProgressToken, type Range, RequestType, type TextDocumentIdentifier } from 'vscode-languageserver-protocol';
import type { CorpusStats, ExportManifestSummary, ExportRequestOptions, ImportRequestOptions, ImportSummary } from './training';
import type { DocumentStateDelta } from './stateDelta';

import { type DocumentStatus, type SidecarHealth } from './documentStatus';
export { DOCUMENT_STATUSES, type DocumentStatus, type SidecarHealth } from './documentStatus';

export interface LabelInfo {
  name: string;
  title: string;
  color: string;
  kind: string;
}

export interface EntityInfo {
  range: Range;
  /** Code-point offsets, as in the sidecar. */
  start: number;
  end: number;
  label: string;
  text: string;
  ref?: string;
}

export interface SuggestionInfo extends EntityInfo {
  name?: string;
  description?: string;
  source: string;
}


export interface DocumentState {
  uri: string;
  /** The document version these ranges belong to: a client never draws them on another version. */
  version: number;
  /** Counts the states the server sent for this document; deltas name the one they apply to. */
  seq: number;
  corpusRoot: string;
  sidecarPath: string;
  sidecar: SidecarHealth;
  status: DocumentStatus;
  labels: LabelInfo[];
  entities: EntityInfo[];
  suggestions: SuggestionInfo[];
  unresolved: Array<{ label: string; text: string; ref?: string }>;
  /** Suggestions reviewed (accepted or rejected) of all suggested in the document (server/src/features/reviewProgress.ts). */
  review?: { reviewed: number; total: number };
  /**
   * Annotation operations of this article that can be undone and redone; `operations` counts those made, undone
   * or redone since it opened (it changes on annotation changes only, not on text edits, merges or rematching).
   */
  history?: { undo: number; redo: number; operations: number };
}

export interface AnnotateParams {
  textDocument: TextDocumentIdentifier;
  range: Range;
  label: string;
  ref?: string;
  /**
   * A span that already has an entity with another label: `relabel` it (the default: one entity per span) or
   * `add` a second entity beside it (nested annotation of the same characters, on purpose).
   */
  onLabelledSpan?: 'relabel' | 'add';
}
export interface AnnotateResult {
  entity?: EntityInfo;
  /** False when the span was already annotated (with this label, or relabelled from another). */
  added: boolean;
  /** The entity as it was before it was relabelled to this label. */
  relabelled?: EntityInfo;
}

export interface RemoveAnnotationParams {
  textDocument: TextDocumentIdentifier;
  /** Removes the innermost entity at this range's start (or every entity with exactly this range if `exact`). */
  range: Range;
  exact?: boolean;
  label?: string;
}
export interface RemoveAnnotationResult {
  removed: EntityInfo[];
}

export interface RelabelParams {
  textDocument: TextDocumentIdentifier;
  range: Range;
  /** Selects the entity when several share the span. */
  label?: string;
  newLabel?: string;
  /** A new ref; null removes it. */
  ref?: string | null;
}
export interface RelabelResult {
  changed: EntityInfo[];
}

export interface SetStatusParams {
  textDocument: TextDocumentIdentifier;
  status: DocumentStatus;
}

export interface DocumentStateParams {
  textDocument: TextDocumentIdentifier;
}

/** client -> server: annotate a range. */
export const AnnotateRequest = new RequestType<AnnotateParams, AnnotateResult, void>('hashiya/annotate');
/** client -> server: remove the annotation at a range. */
export const RemoveAnnotationRequest = new RequestType<RemoveAnnotationParams, RemoveAnnotationResult, void>('hashiya/removeAnnotation');
/** client -> server: change the label or ref of an annotation. */
export const RelabelRequest = new RequestType<RelabelParams, RelabelResult, void>('hashiya/relabel');
/** client -> server: set the document's status (todo, in-progress, done, reviewed). */
export const SetStatusRequest = new RequestType<SetStatusParams, DocumentState | null, void>('hashiya/setStatus');
/** client -> server: the annotation state of a document (null when it is not a corpus article). */
export const DocumentStateRequest = new RequestType<DocumentStateParams, DocumentState | null, void>('hashiya/documentState');
/** server -> client: a document's whole annotation state (on open, reload, or when a client asks). */
export const DocumentStateNotification = new NotificationType<DocumentState>('hashiya/documentStateChanged');
/** server -> client: what changed in a document's annotation state since the last state or delta. */
export const DocumentStateDeltaNotification = new NotificationType<DocumentStateDelta>('hashiya/documentStateDelta');

export interface CandidatesParams {
  textDocument: TextDocumentIdentifier;
  range: Range;
  limit?: number;
}
export interface CandidateInfo {
  label: string;
  ref?: string;
  name: string;
  description?: string;
  source: string;
  score: number;
  match: string;
  /** The span this candidate would annotate (a proclitic before the name is left out unless the corpus says so). */
  range?: Range;
}
/** client -> server: knowledge-base candidates for a span, best first (the Annotate Selection quick pick). */
export const CandidatesRequest = new RequestType<CandidatesParams, CandidateInfo[], void>('hashiya/candidates');

export interface RefChoicesParams {
  textDocument: TextDocumentIdentifier;
  /** The span whose refs are asked for (a suggestion's, or the text to annotate). */
  range: Range;
  /** Only refs of this label. */
  label?: string;
}
export interface RefChoiceInfo {
  label: string;
  ref?: string;
  name: string;
  /** The kind of place or actor (city, governorate, district, ministry, …). */
  kind?: string;
  /** What tells it apart from the others of its name: "district · Kirkuk · IQ", "city · IQ · pop. 601,433". */
  detail: string;
  description?: string;
  /** Every source that offers it: corpus, gazetteer:<file>, builtin. */
  sources: string[];
  /** How often the corpus has given this ref to this surface form. */
  corpusUses: number;
  /** Why the context ranks it where it is ("after «محافظة»", …). */
  reasons: string[];
}
export interface RefChoicesResult {
  /** The text of the span. */
  text: string;
  /** The corpus's ref for the form first, then in the context's order. */
  choices: RefChoiceInfo[];
  /** Index of the context's choice in `choices` (-1 when there are none). */
  preselect: number;
  /** One choice, or the context leaves no doubt: accept without asking. */
  decisive: boolean;
}
/** client -> server: the refs a span may stand for, ranked, with the context's choice (the ref quick pick). */
export const RefChoicesRequest = new RequestType<RefChoicesParams, RefChoicesResult, void>('hashiya/refChoices');

/** Semantic token types, one per label kind; declared with superTypes in package.json so every theme colours them. */
export const TOKEN_TYPES = ['location', 'actor', 'person', 'organization', 'date', 'event', 'entity'] as const;
export const TOKEN_MODIFIERS = ['suggested'] as const;

export const LANGUAGE_ID = 'hashiya-arabic';

/** client -> server: export training data (work-done progress, cancellable); open articles as the editor has them. */
export const ExportTrainingDataRequest = new RequestType<{ options: ExportRequestOptions; workDoneToken?: ProgressToken }, ExportManifestSummary, void>('hashiya/exportTrainingData');
/** client -> server: import an annotated corpus into a new folder (work-done progress, cancellable). */
export const ImportCorpusRequest = new RequestType<{ options: ImportRequestOptions; workDoneToken?: ProgressToken }, ImportSummary, void>('hashiya/importCorpus');
/** client -> server: statistics of a corpus (work-done progress, cancellable). */
export const CorpusStatsRequest = new RequestType<{ root: string; workDoneToken?: ProgressToken }, CorpusStats, void>('hashiya/corpusStats');
/** client -> server: the root of the corpus a file belongs to, or null (which .txt files are articles). */
export const CorpusOfRequest = new RequestType<{ uri: string }, { root: string } | null, void>('hashiya/corpusOf');

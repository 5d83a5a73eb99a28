// The server's commands (run by code actions, completion items and the client's own commands) and their
// arguments, defined once for both sides.

export const SERVER_COMMANDS = {
  accept: 'hashiya.server.accept',
  acceptAll: 'hashiya.server.acceptAll',
  reject: 'hashiya.server.reject',
  relabel: 'hashiya.server.relabel',
  remove: 'hashiya.server.remove',
  fitToWords: 'hashiya.server.fitToWords',
  annotateAll: 'hashiya.server.annotateAll',
  resolveConflict: 'hashiya.server.resolveConflict',
  placeUnresolved: 'hashiya.server.placeUnresolved',
  removeUnresolved: 'hashiya.server.removeUnresolved',
  undo: 'hashiya.server.undo',
  redo: 'hashiya.server.redo',
} as const;

/**
 * A span of an article as a command carries it: code-point offsets into the text of document `version`, and the
 * text they covered then. A command whose version is not the document's current one is re-resolved by its text
 * (mapped through the edits since, or found again nearby) or refused — never applied to other text.
 */
export interface SpanArgs {
  uri: string;
  start: number;
  end: number;
  label: string;
  ref?: string;
  version?: number;
  text?: string;
  /** The ref was chosen by a person (a completion item, the ref quick pick): the editor does not ask again. */
  refChosen?: boolean;
}

export interface RelabelArgs extends SpanArgs {
  newLabel?: string;
  newRef?: string;
}

export interface AcceptAllArgs {
  uri: string;
  label?: string;
  /** Only the suggestions over this surface form (the exact characters). */
  text?: string;
  /**
   * With `text`: the ref the annotator chose for that form (a quick pick when the context does not decide); its
   * suggestions are accepted with it. Without it, a span that several refs could fill is accepted only when the
   * context decides.
   */
  ref?: string;
  version?: number;
}

/** Undo or redo the last annotation operation of an article. */
export interface HistoryArgs {
  uri: string;
}

/** What an undo or redo did. */
export interface HistoryResult {
  /** The operation undone or redone; absent when there was nothing to undo or redo. */
  description?: string;
  /** Annotations of that operation whose text has been deleted since: kept as unresolved. */
  unplaced: number;
  undoSteps: number;
  redoSteps: number;
}

export interface ResolveConflictArgs {
  uri: string;
  /** The conflict's key as the diagnostic names it. */
  key: string;
  choice: 'ours' | 'theirs' | 'both';
}

export interface UnresolvedArgs {
  uri: string;
  label: string;
  text: string;
  ref?: string;
  /** Where to place it (code points of document `version`), for placeUnresolved. */
  start?: number;
  end?: number;
  version?: number;
}

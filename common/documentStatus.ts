// The statuses of a document (SPEC §3.2), defined once for the sidecar format, the server and the client.
export const DOCUMENT_STATUSES = ['todo', 'in-progress', 'done', 'reviewed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** What an export takes when no status is named (CLI and editor alike): finished work only. */
export const DEFAULT_EXPORT_STATUSES: readonly DocumentStatus[] = ['done', 'reviewed'];

/** The health of an article's sidecar as the server sees it. */
export type SidecarHealth = 'ok' | 'missing' | 'corrupt' | 'conflict';

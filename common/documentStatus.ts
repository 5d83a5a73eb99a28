// The statuses of a document (SPEC §3.2), defined once for the sidecar format, the server and the client.
export const DOCUMENT_STATUSES = ['todo', 'in-progress', 'done', 'reviewed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** The health of an article's sidecar as the server sees it. */
export type SidecarHealth = 'ok' | 'missing' | 'corrupt' | 'conflict';

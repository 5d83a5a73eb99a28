// Restricted mode: an untrusted workspace (VS Code's workspace trust) is shown but never written to. One wording
// for the server's refusals and the editor's status bar and commands, so the annotator reads one reason everywhere.

/** Why nothing is written in an untrusted workspace, and what to do about it. */
export const RESTRICTED_MODE_REASON = 'Restricted mode: Hashiya shows annotations but does not write them. Trust the workspace to annotate.';

/** The initialization options by which the editor tells the server whether the workspace is trusted. */
export interface TrustOptions {
  /** false: restricted mode. Missing (a client that knows no workspace trust): trusted. */
  trusted?: boolean;
}

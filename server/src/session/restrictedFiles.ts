// The files of an untrusted workspace: read as usual, never written. Every write operation refuses with the
// restricted-mode reason, so no code path of the server can change the workspace, whichever path it takes; the
// session and the server ask `whyNotWritable` first, so that a refused change is never made in memory either.
import { RESTRICTED_MODE_REASON } from '../../../common/restrictedMode';
import { UserError } from './errors';
import { nodeSessionFiles, type SessionFiles } from './sessionFiles';

export const restrictedSessionFiles: SessionFiles = {
  read: (file) => nodeSessionFiles.read(file),
  whyNotWritable: () => RESTRICTED_MODE_REASON,
  writeAtomic: async () => {
    throw new UserError(RESTRICTED_MODE_REASON);
  },
  withLock: async () => {
    // A lock is a file written beside the sidecar: refused like any write.
    throw new UserError(RESTRICTED_MODE_REASON);
  },
  // Debris of a killed writer stays where it is: removing it is a write.
  removeStaleTemporaries: async () => 0,
};

// The files an article session reads and writes, behind an interface: the language server passes the real file
// system, tests pass an in-memory one (and can change "disk" underneath a session, or fail a write).
import { isProcessAlive } from '../core/processAlive';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../core/sidecar/store';

export interface SessionFiles {
  /** The file's bytes, or undefined when it does not exist. Other errors (a folder, no permission) throw. */
  read(file: string): Promise<Uint8Array | undefined>;
  /**
   * Why `file` may not be written (restricted mode in an untrusted workspace), or undefined when it may. Asked
   * before a change is made, so that nothing is changed in memory that could not be written.
   */
  whyNotWritable(file: string): string | undefined;
  /** Replaces the file atomically: readers see the old or the new content, never a mix. */
  writeAtomic(file: string, content: string): Promise<void>;
  /**
   * Runs `task` while holding an exclusive lock on `file` across processes (two editor windows on one corpus),
   * so that "read what is on disk, compare, write" cannot interleave with another writer.
   */
  withLock<T>(file: string, task: () => Promise<T>): Promise<T>;
  /** Removes temporary files that an earlier writer of `file` left behind when it was killed mid-write. */
  removeStaleTemporaries(file: string): Promise<number>;
}

const LOCK_WAIT_MS = 2000;
const LOCK_STALE_MS = 10_000;
let lockCounter = 0;

/** Name of the lock file for `file` (beside it, hidden). */
export function lockPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

export const nodeSessionFiles: SessionFiles = {
  async read(file) {
    try {
      return await fs.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },

  whyNotWritable: () => undefined,

  writeAtomic: (file, content) => writeFileAtomic(file, content),

  async withLock(file, task) {
    const lock = lockPathFor(file);
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      // The lock appears with its owner's pid already in it (written to a temporary, then hard-linked into
      // place, which fails if the lock exists), so a lock left by a killed process is always recognisable.
      const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.${lockCounter++}.tmp`);
      await fs.writeFile(temp, String(process.pid));
      try {
        await fs.link(temp, lock);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (await lockIsStale(lock)) {
          await fs.rm(lock, { force: true });
          continue;
        }
        if (Date.now() > deadline) throw new Error(`${file} is locked by another process (${lock}); try again`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      } finally {
        await fs.rm(temp, { force: true });
      }
    }
    try {
      return await task();
    } finally {
      await fs.rm(lock, { force: true });
    }
  },

  async removeStaleTemporaries(file) {
    // writeFileAtomic names its temporary `.NAME.PID.TIME.N.tmp`; one whose process is gone is debris of a kill.
    const dir = path.dirname(file);
    const prefix = `.${path.basename(file)}.`;
    let removed = 0;
    const hidden = await hiddenNamesIn(dir);
    for (const name of hidden.filter((n) => n.startsWith(prefix))) {
      const pid = processOf(name.slice(prefix.length));
      const stale = name === `${prefix}lock` ? await lockIsStale(path.join(dir, name)) : pid !== undefined && pid !== process.pid && !isProcessAlive(pid);
      if (!stale) continue;
      await fs.rm(path.join(dir, name), { force: true });
      hidden.splice(hidden.indexOf(name), 1);
      removed++;
    }
    return removed;
  },
};

/**
 * The hidden names of each folder (where writers put their temporaries and locks), listed once per process: a
 * folder of a large corpus holds 20,000 files, and listing it at every article's open would cost each open
 * 25 ms of the thread the editor waits on. Debris is left by a writer killed before this process started (this
 * server's previous run, or another window's server that was restarted, which then clears its own). It is read a
 * few hundred names at a time, so that no keystroke waits for one long listing.
 */
const hiddenNames = new Map<string, Promise<string[]>>();

function hiddenNamesIn(dir: string): Promise<string[]> {
  let listing = hiddenNames.get(dir);
  if (!listing) {
    listing = (async () => {
      const names: string[] = [];
      try {
        for await (const entry of await fs.opendir(dir, { bufferSize: 256 })) if (entry.name.startsWith('.')) names.push(entry.name);
      } catch {
        // A folder that cannot be listed holds no debris that could be removed.
      }
      return names;
    })();
    hiddenNames.set(dir, listing);
  }
  return listing;
}

function processOf(rest: string): number | undefined {
  const match = /^(\d+)\.\d+\.\d+\.tmp$/.exec(rest);
  return match ? Number(match[1]) : undefined;
}


/** A lock whose process is gone, or that is older than any write could take. */
async function lockIsStale(lock: string): Promise<boolean> {
  try {
    const [content, stat] = await Promise.all([fs.readFile(lock, 'utf8'), fs.stat(lock)]);
    const pid = Number(content);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isProcessAlive(pid)) return true;
    return Date.now() - stat.mtimeMs > LOCK_STALE_MS;
  } catch {
    return false;
  }
}

// What git says about a corpus's files: a file as committed at HEAD, and which sidecars differ from HEAD. Git is
// run with arguments as an array (never a shell string), read-only, through the same guarded runner that finds
// earlier texts of an article (core/annotations/textHistory.ts).
import * as path from 'node:path';
import { git } from '../core/annotations/textHistory';
import { isSidecarPath } from '../core/sidecar/store';

/** The top folder of the git work tree holding `dir`, or undefined when it is not in one (or git is missing). */
export async function gitTopLevel(dir: string): Promise<string | undefined> {
  try {
    const out = (await git(dir, ['rev-parse', '--show-toplevel'])).toString('utf8').trim();
    return out === '' ? undefined : path.resolve(out);
  } catch {
    return undefined;
  }
}

export type AtHead = { state: 'not-git' } | { state: 'absent' } | { state: 'found'; bytes: Buffer };

/** The bytes of `file` as committed at HEAD; absent when HEAD does not hold it (a new file, or no commit yet). */
export async function fileAtHead(file: string): Promise<AtHead> {
  const dir = path.dirname(file);
  if ((await gitTopLevel(dir)) === undefined) return { state: 'not-git' };
  try {
    // `./name` is relative to the working folder, so the path never has to be made relative to the top by hand.
    return { state: 'found', bytes: await git(dir, ['show', `HEAD:./${path.basename(file)}`]) };
  } catch {
    return { state: 'absent' };
  }
}

/**
 * Sidecars under `root` that differ from HEAD (modified, added, untracked, deleted), as absolute paths; undefined
 * when `root` is not in a git work tree. One `git status` for the whole corpus, however many files it has.
 */
export async function sidecarsChangedSinceHead(root: string): Promise<Set<string> | undefined> {
  let prefix: string;
  let out: string;
  try {
    // Paths in `git status` are relative to the top of the work tree; the prefix (root's place under the top)
    // turns them back into paths under `root` as the corpus spells it, even when a symbolic link leads there.
    prefix = (await git(root, ['rev-parse', '--show-prefix'])).toString('utf8').trim();
    out = (await git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', '.'])).toString('utf8');
  } catch {
    return undefined;
  }
  const changed = new Set<string>();
  // `XY SP path NUL` per entry (renames are off, so there is never a second path).
  for (const entry of out.split('\0')) {
    if (entry.length < 4) continue;
    const file = entry.slice(3);
    if (isSidecarPath(file) && file.startsWith(prefix)) changed.add(path.join(root, file.slice(prefix.length)));
  }
  return changed;
}

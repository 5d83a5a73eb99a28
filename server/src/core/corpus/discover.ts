// Which files belong to a corpus. A corpus root is the nearest folder holding `hashiya.json`; without one, a
// folder is a corpus (with default settings) only if the article already has a sidecar. Files outside a corpus
// are never touched.
import { sidecarPathFor } from '../sidecar/store';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_FILE, type CorpusConfig } from './config';

export type Exists = (file: string) => Promise<boolean>;

export interface CorpusLocation {
  root: string;
  /** False when the corpus has no hashiya.json and runs on defaults. */
  configured: boolean;
}

/**
 * The corpus that `file` belongs to, looking for `hashiya.json` in its folder and each parent up to `stopAt`
 * (inclusive; default the file system root).
 */
export async function findCorpus(file: string, exists: Exists, stopAt?: string): Promise<CorpusLocation | undefined> {
  const folders: string[] = [];
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (let dir = path.dirname(path.resolve(file)); ; ) {
    folders.push(dir);
    const parent = path.dirname(dir);
    if (dir === stop || parent === dir) break;
    dir = parent;
  }
  // Every folder (and the sidecar) is asked at once, not one after another: opening an article waits for one
  // round of file system calls, which matters when the disk is busy (a large corpus being indexed). The nearest
  // configured folder wins, as if they had been asked in order.
  const sidecar = sidecarPathFor(file);
  const [hasSidecar, ...configured] = await Promise.all([exists(sidecar), ...folders.map((dir) => exists(path.join(dir, CONFIG_FILE)))]);
  const nearest = configured.indexOf(true);
  if (nearest !== -1) return { root: folders[nearest], configured: true };
  if (hasSidecar) return { root: stop ?? path.dirname(path.resolve(file)), configured: false };
  return undefined;
}

/** A predicate telling whether a path (absolute) is an article of the corpus per include/exclude. */
export function articleFilter(config: CorpusConfig): (file: string) => boolean {
  const accept = relativeArticleFilter(config);
  return (file) => {
    const rel = path.relative(config.root, file).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
    return accept(rel);
  };
}

/**
 * The same predicate over a path already relative to the root, with `/` between its parts: for a walk of the
 * corpus, which knows each file's relative path (path.relative for each of 20,000 files costs a quarter second).
 */
export function relativeArticleFilter(config: Pick<CorpusConfig, 'include' | 'exclude'>): (rel: string) => boolean {
  // The globs' regular expressions, tested directly: picomatch's own matcher builds a result object per call, a
  // microsecond or two per path, which a walk of a large corpus pays for every file.
  const include = config.include.map((glob) => picomatch.makeRe(glob, { dot: false }));
  const exclude = config.exclude.map((glob) => picomatch.makeRe(glob, { dot: true }));
  return (rel) => include.some((re) => re.test(rel)) && !exclude.some((re) => re.test(rel));
}

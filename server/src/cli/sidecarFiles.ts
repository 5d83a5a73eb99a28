// Every sidecar under a folder, for the commands that compare or check whole corpora.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isSidecarPath } from '../core/sidecar/store';

const SKIP_DIRS = new Set(['.git', 'node_modules']);

/** Paths relative to `root`, with `/` separators, sorted. */
export async function listSidecars(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) await walk(full);
      } else if (entry.isFile() && isSidecarPath(entry.name)) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  await walk(root);
  return out.sort();
}

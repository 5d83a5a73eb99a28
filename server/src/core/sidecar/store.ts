// Sidecar files on disk. Writes are atomic: the new content goes to a temporary file in the same folder, is
// flushed, and replaces the old file by rename, so a crash leaves either the old or the new sidecar, never half.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { articleOfSidecar, sidecarOfArticle } from '../corpus/read';

/** `dir/article.txt` -> `dir/article.ann.json`. */
export const sidecarPathFor = sidecarOfArticle;

/**
 * `dir/name.ann.json` -> `dir/name.txt`. The name a sidecar's "text" gives is never followed (see
 * articleOfSidecar); the parameter stays for callers that still pass it.
 */
export function articlePathFor(sidecarPath: string, _articleName?: string): string {
  return articleOfSidecar(sidecarPath);
}

export function isSidecarPath(file: string): boolean {
  return file.endsWith('.ann.json');
}

let counter = 0;

export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.${counter++}.tmp`);
  const handle = await fs.open(temp, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

export async function readFileIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

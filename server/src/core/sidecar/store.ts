// Sidecar files on disk. Writes are atomic: the new content goes to a temporary file in the same folder, is
// flushed, and replaces the old file by rename, so a crash leaves either the old or the new sidecar, never half.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** `dir/article.txt` -> `dir/article.ann.json`. */
export function sidecarPathFor(articlePath: string): string {
  const parsed = path.parse(articlePath);
  return path.join(parsed.dir, `${parsed.name}.ann.json`);
}

/** `dir/article.ann.json` -> `dir/article.txt` (the default; a sidecar's `text` field names the article). */
export function articlePathFor(sidecarPath: string, articleName?: string): string {
  const dir = path.dirname(sidecarPath);
  return path.join(dir, articleName ?? path.basename(sidecarPath).replace(/\.ann\.json$/, '.txt'));
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

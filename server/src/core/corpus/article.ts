// One article of a corpus with its sidecar, read from disk.
import { promises as fs } from 'node:fs';
import { decodeArticle } from '../text/codePoints';
import { sha256Hex } from '../text/hash';
import { type ParsedSidecar, parseSidecar } from '../sidecar/parse';
import { readFileIfExists, sidecarPathFor } from '../sidecar/store';

export interface LoadedArticle {
  articlePath: string;
  text: string;
  hasBom: boolean;
  sha256: string;
  sidecarPath: string;
  /** Undefined when the article has no sidecar yet. */
  sidecarText?: string;
  parsed?: ParsedSidecar;
}

export async function loadArticle(articlePath: string): Promise<LoadedArticle> {
  const bytes = await fs.readFile(articlePath);
  const { text, hasBom } = decodeArticle(bytes);
  const sidecarPath = sidecarPathFor(articlePath);
  const sidecarText = await readFileIfExists(sidecarPath);
  const loaded: LoadedArticle = { articlePath, text, hasBom, sha256: sha256Hex(bytes), sidecarPath };
  if (sidecarText !== undefined) {
    loaded.sidecarText = sidecarText;
    loaded.parsed = parseSidecar(sidecarText);
  }
  return loaded;
}

// Helpers for tests: small corpora written to temporary folders, with sidecars made by the core's serializer.
import { sidecarPathFor } from '../../sidecar/store';
import { rmSync } from 'node:fs';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { serializeSidecar } from '../../sidecar/serialize';
import type { DocumentStatus, Entity } from '../../sidecar/types';
import { articleBytes, sha256Hex } from '../../text/hash';

const created: string[] = [];
// Temporary folders go when the test process ends, whatever the outcome.
process.once('exit', () => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

export async function tempDir(prefix = 'hashiya-training-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export interface DocSpec {
  path: string;
  text: string;
  status?: DocumentStatus;
  /** Entities by the substring they cover: [surface, label, occurrence (default 0), ref?] or explicit offsets. */
  entities?: Array<[string, string, number?, string?] | { start: number; end: number; label: string; ref?: string }>;
  extra?: Record<string, unknown>;
}

/** Code-point offsets of the n-th occurrence of `surface` in `text`. */
export function find(text: string, surface: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(surface, at + 1);
    if (at === -1) throw new Error(`"${surface}" (${occurrence}) not in text`);
  }
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...surface].length };
}

export async function writeDoc(root: string, doc: DocSpec): Promise<void> {
  const file = path.join(root, doc.path);
  await mkdir(path.dirname(file), { recursive: true });
  const bytes = articleBytes(doc.text, false);
  await writeFile(file, bytes);
  const chars = [...doc.text];
  const entities: Entity[] = (doc.entities ?? []).map((e) => {
    const { start, end, label, ref } = Array.isArray(e) ? { ...find(doc.text, e[0], e[2] ?? 0), label: e[1], ref: e[3] } : e;
    const entity: Entity = { start, end, label, text: chars.slice(start, end).join('') };
    if (ref) entity.ref = ref;
    return entity;
  });
  const sidecar = { text: path.basename(file), sha256: sha256Hex(bytes), status: doc.status ?? 'done', entities, rejected: [], unresolved: [], ...(doc.extra ? { extra: doc.extra } : {}) };
  await writeFile(sidecarPathFor(file), serializeSidecar(sidecar));
}

export async function makeCorpus(docs: DocSpec[], config?: unknown): Promise<string> {
  const root = await tempDir();
  if (config !== undefined) await writeFile(path.join(root, 'hashiya.json'), JSON.stringify(config, null, 2));
  for (const doc of docs) await writeDoc(root, doc);
  return root;
}

// Reading a corpus from disk, the one way every command does it: articles (UTF-8 only, other encodings named and
// refused), sidecars (a folder or an unreadable file is a problem of that file, never an internal error), the
// article of a sidecar (always the file beside it, whatever its "text" says), and paths checked against the
// corpus by their real location (a symlink that leads out of the corpus is outside it).
import { promises as fs, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { type ParsedSidecar, parseSidecar } from '../sidecar/parse';
import type { Problem } from '../sidecar/problems';
import { decodeArticle } from '../text/codePoints';
import { sha256Hex } from '../text/hash';
import { encodingProblem } from './encoding';

/** An article's text as the sidecar format reads it. */
export interface ArticleText {
  text: string;
  hasBom: boolean;
  /** SHA-256 of the file's bytes, as sidecars record it. */
  sha256: string;
}

/** Why a file could not be read: `code` is stable, `message` names the file and says what to do. */
export interface ReadFailure {
  error: { code: 'missing' | 'not-a-file' | 'encoding' | 'binary' | 'unreadable'; message: string };
}

export function isReadFailure(value: object): value is ReadFailure {
  return 'error' in value;
}

function failure(code: ReadFailure['error']['code'], message: string): ReadFailure {
  return { error: { code, message } };
}

/** Reads a file's bytes, turning the usual ways of failing into a `ReadFailure` that names the file. */
async function readBytes(file: string, display: string): Promise<Buffer | ReadFailure> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return notAFile(stat, display);
    return await fs.readFile(file);
  } catch (error) {
    return readError(error, display);
  }
}

/**
 * readBytes without the event loop, for commands that read a whole corpus one file after another: the promise
 * API costs several times the CPU of the read itself per small file (a file handle, a thread-pool round trip per
 * call), which for 20,000 files is seconds.
 */
function readBytesSync(file: string, display: string): Buffer | ReadFailure {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return notAFile(stat, display);
    return readFileSync(file);
  } catch (error) {
    return readError(error, display);
  }
}

function notAFile(stat: { isDirectory(): boolean }, display: string): ReadFailure {
  return failure('not-a-file', `${display} is a ${stat.isDirectory() ? 'folder' : 'special file'}, not a file`);
}

function readError(error: unknown, display: string): ReadFailure {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return failure('missing', `${display}: no such file`);
  return failure('unreadable', `${display}: cannot be read (${code ?? (error as Error).message})`);
}

/** Decodes an article's bytes, or says which encoding they are in and how to convert them. */
export function decodeArticleBytes(bytes: Uint8Array, display: string): ArticleText | ReadFailure {
  const wrong = encodingProblem(bytes, display);
  if (wrong) return failure(wrong.code, wrong.message);
  return { ...decodeArticle(bytes), sha256: sha256Hex(bytes) };
}

/** An article read from disk: UTF-8 (a BOM allowed), or a failure naming the file and the problem. */
export async function readArticle(file: string, display = file): Promise<ArticleText | ReadFailure> {
  const bytes = await readBytes(file, display);
  return isReadFailure(bytes) ? bytes : decodeArticleBytes(bytes, display);
}

/** readArticle, synchronously (readBytesSync says when). */
export function readArticleSync(file: string, display = file): ArticleText | ReadFailure {
  const bytes = readBytesSync(file, display);
  return isReadFailure(bytes) ? bytes : decodeArticleBytes(bytes, display);
}

/** A sidecar's text, unparsed: for a quick look (export's pre-pass) before the full parse. */
export type SidecarText = { state: 'missing' } | { state: 'text'; fileText: string } | ({ state: 'unreadable' } & ReadFailure);

export async function readSidecarText(file: string, display = file): Promise<SidecarText> {
  return sidecarText(await readBytes(file, display));
}

function sidecarText(bytes: Buffer | ReadFailure): SidecarText {
  if (!isReadFailure(bytes)) return { state: 'text', fileText: bytes.toString('utf8') };
  return bytes.error.code === 'missing' ? { state: 'missing' } : { state: 'unreadable', ...bytes };
}

/** A sidecar read from disk. `fileText` is what problem offsets refer to ('' when the file could not be read). */
export type SidecarFile = { state: 'missing' } | { state: 'read'; fileText: string; parsed: ParsedSidecar };

/**
 * Reads and parses a sidecar. A sidecar that is a folder or cannot be read is a sidecar with one problem (at
 * offset 0), so that every command reports it like any other broken sidecar, and none writes over it.
 */
export async function readSidecarFile(file: string, display = file): Promise<SidecarFile> {
  return sidecarFile(await readSidecarText(file, display));
}

/** readSidecarFile, synchronously (readBytesSync says when). */
export function readSidecarFileSync(file: string, display = file): SidecarFile {
  return sidecarFile(sidecarText(readBytesSync(file, display)));
}

function sidecarFile(read: SidecarText): SidecarFile {
  if (read.state === 'missing') return read;
  if (read.state === 'unreadable') {
    const problem: Problem = { severity: 'error', message: read.error.message, offset: 0, length: 0, code: read.error.code };
    return { state: 'read', fileText: '', parsed: { problems: [problem], entityOffsets: { entities: [], rejected: [], unresolved: [] }, fieldOffsets: { text: 0, sha256: 0 } } };
  }
  return { state: 'read', fileText: read.fileText, parsed: parseSidecar(read.fileText) };
}

/** `dir/article.txt` -> `dir/article.ann.json`. */
export function sidecarOfArticle(articlePath: string): string {
  const parsed = path.parse(articlePath);
  return path.join(parsed.dir, `${parsed.name}.ann.json`);
}

/**
 * `dir/name.ann.json` -> `dir/name.txt`: a sidecar's article is the file beside it. The sidecar's "text" field
 * is checked against this name (validateSidecar), never followed: following it would let a sidecar make a
 * command read any file (`"text": "../../etc/passwd"`).
 */
export function articleOfSidecar(sidecarPath: string): string {
  return path.join(path.dirname(sidecarPath), path.basename(sidecarPath).replace(/\.ann\.json$/, '') + '.txt');
}

/** Whether `file` lies in `root` or is `root`, by their paths as written. */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..' + path.sep) && relative !== '..' && !path.isAbsolute(relative));
}

/**
 * The real path of `file` (symlinks resolved) when it lies inside the real path of `root`; undefined when it leads
 * out of it. A file that does not exist yet is judged by its nearest existing folder.
 */
export async function containedRealPath(root: string, file: string): Promise<string | undefined> {
  const realRoot = await fs.realpath(root).catch(() => path.resolve(root));
  let existing = path.resolve(root, file);
  const rest: string[] = [];
  for (;;) {
    try {
      const real = path.join(await fs.realpath(existing), ...rest);
      return isInside(realRoot, real) ? real : undefined;
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return undefined;
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

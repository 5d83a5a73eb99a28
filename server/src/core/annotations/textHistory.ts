// Finding the text a sidecar was anchored against. A sidecar names that text by the sha256 of its file bytes
// (BOM included); when those bytes can be found again, annotations are mapped through an exact diff instead of
// being searched for. Two places may hold them: a small content-addressed cache of texts that were anchored
// against, and the corpus's own git history.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeArticle } from '../text/codePoints';
import { sha256Hex } from '../text/hash';
import { writeFileAtomic } from '../sidecar/store';

export interface TextHistory {
  /** The text (decoded, BOM removed, as offsets count it) whose file bytes hash to `sha256`, if held here. */
  find(sha256: string, articlePath: string): Promise<string | undefined>;
  /** Keeps an article's file bytes, so that a later version of the article can be mapped back to this one. */
  remember(bytes: Uint8Array): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Where the command line keeps its texts: `$XDG_CACHE_HOME/hashiya/texts`, or `~/.cache/hashiya/texts`. */
export function defaultTextCacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'hashiya', 'texts');
}

/**
 * A folder of article texts, each in a file named by the sha256 of its bytes. Bounded: past `maxBytes` the
 * least recently used texts are removed. Writes are atomic; a file whose bytes no longer hash to its name is
 * ignored, so a damaged cache can never put annotations in the wrong place.
 */
export class TextCache implements TextHistory {
  constructor(
    readonly folder: string,
    readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  async find(sha256: string): Promise<string | undefined> {
    if (!SHA256.test(sha256)) return undefined;
    const file = path.join(this.folder, sha256);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch {
      return undefined;
    }
    if (sha256Hex(bytes) !== sha256) return undefined;
    const now = new Date();
    await fs.utimes(file, now, now).catch(() => undefined);
    return decodeArticle(bytes).text;
  }

  async remember(bytes: Uint8Array): Promise<void> {
    if (bytes.length > this.maxBytes) return;
    const file = path.join(this.folder, sha256Hex(bytes));
    const now = new Date();
    try {
      await fs.utimes(file, now, now);
      return;
    } catch {
      // Not there yet.
    }
    await fs.mkdir(this.folder, { recursive: true });
    await writeFileAtomic(file, bytes);
    await this.prune();
  }

  /** Removes the least recently used texts until the folder holds at most `maxBytes`. */
  private async prune(): Promise<void> {
    const entries: Array<{ file: string; size: number; used: number }> = [];
    for (const name of await fs.readdir(this.folder)) {
      if (!SHA256.test(name)) continue;
      const stat = await fs.stat(path.join(this.folder, name)).catch(() => undefined);
      if (stat?.isFile()) entries.push({ file: path.join(this.folder, name), size: stat.size, used: stat.mtimeMs });
    }
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    entries.sort((a, b) => a.used - b.used);
    for (const e of entries) {
      if (total <= this.maxBytes) break;
      await fs.rm(e.file, { force: true });
      total -= e.size;
    }
  }
}

/**
 * The versions of an article committed to git (the last `maxRevisions` commits that touched it). No git, or an
 * article outside a repository: nothing found. Never writes.
 */
export class GitHistory implements TextHistory {
  constructor(readonly maxRevisions = 50) {}

  async find(sha256: string, articlePath: string): Promise<string | undefined> {
    if (!SHA256.test(sha256)) return undefined;
    const cwd = path.dirname(articlePath);
    const name = path.basename(articlePath);
    let revisions: string;
    try {
      revisions = (await git(cwd, ['log', `-n${this.maxRevisions}`, '--format=%H', '--', name])).toString('utf8');
    } catch {
      return undefined;
    }
    for (const revision of revisions.split('\n').filter((r) => /^[0-9a-f]{40,64}$/.test(r))) {
      const bytes = await git(cwd, ['show', `${revision}:./${name}`]).catch(() => undefined);
      if (bytes && sha256Hex(bytes) === sha256) return decodeArticle(bytes).text;
    }
    return undefined;
  }

  async remember(): Promise<void> {
    // Git keeps what was committed; nothing to add.
  }
}

/** Looks in each history in turn; remembers in all. */
export function historyChain(...histories: TextHistory[]): TextHistory {
  return {
    async find(sha256, articlePath) {
      for (const h of histories) {
        const text = await h.find(sha256, articlePath);
        if (text !== undefined) return text;
      }
      return undefined;
    },
    async remember(bytes) {
      for (const h of histories) await h.remember(bytes);
    },
  };
}

/**
 * Runs a read-only git command. A corpus may come from anyone: its repository's configuration must not make git
 * run a program of its choosing (fsmonitor hooks), nor wait for a password prompt.
 */
export function git(cwd: string, args: string[]): Promise<Buffer> {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
  return new Promise((resolve, reject) => {
    execFile('git', ['-c', 'core.fsmonitor=false', '--no-pager', ...args], { env, cwd, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, windowsHide: true }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout);
    });
  });
}

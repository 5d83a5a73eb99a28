// Reading a corpus as it was at a git revision, without a checkout: the tree listing gives each file's blob id,
// so two revisions are compared by id first and only the sidecars that differ are read, in one `git cat-file
// --batch` process (thousands of `git show` processes would dominate the time on a large corpus).
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { CliError } from './io';

const run = promisify(execFile);

/** Path (relative to the repository root) → blob id of every file under `pathspecs` at `rev`. */
export async function listTree(cwd: string, rev: string, pathspecs: string[]): Promise<Map<string, string>> {
  let stdout: string;
  try {
    ({ stdout } = await run('git', ['ls-tree', '-r', '-z', '--full-name', rev, '--', ...pathspecs], { cwd, maxBuffer: 1 << 30 }));
  } catch (error) {
    throw new CliError(`git ls-tree ${rev}: ${((error as { stderr?: string }).stderr ?? (error as Error).message).trim()}`, 2);
  }
  const out = new Map<string, string>();
  for (const entry of stdout.split('\0')) {
    // `<mode> SP <type> SP <object> TAB <path>`
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, type, id] = entry.slice(0, tab).split(' ');
    if (type === 'blob') out.set(entry.slice(tab + 1), id);
  }
  return out;
}

/** The contents of the given blobs, read through one `git cat-file --batch`. */
export async function readBlobs(cwd: string, ids: readonly string[]): Promise<Map<string, Buffer>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, Buffer>();
  if (unique.length === 0) return out;
  const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => chunks.push(d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const done = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  child.stdin.end(unique.join('\n') + '\n');
  if ((await done) !== 0) throw new CliError(`git cat-file: ${stderr.trim()}`, 2);
  const all = Buffer.concat(chunks);
  let pos = 0;
  for (const id of unique) {
    const newline = all.indexOf(10, pos);
    const header = all.subarray(pos, newline).toString('utf8');
    const [, type, size] = header.split(' ');
    if (type !== 'blob') throw new CliError(`git cat-file: ${header}`, 2);
    const length = Number(size);
    out.set(id, all.subarray(newline + 1, newline + 1 + length));
    pos = newline + 1 + length + 1;
  }
  return out;
}

export async function isGitRevision(cwd: string, rev: string): Promise<boolean> {
  try {
    await run('git', ['rev-parse', '--verify', '--quiet', `${rev}^{tree}`], { cwd });
    return true;
  } catch {
    return false;
  }
}

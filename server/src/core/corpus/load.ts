// Reading a corpus from disk: its configuration and its articles, in a stable order.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { formatProblem, type Problem } from '../sidecar/problems';
import { CONFIG_FILE, type CorpusConfig, defaultConfig, FATAL_CONFIG_PROBLEMS, type ParsedConfig, parseConfig, resolveInside } from './config';
import type { Pacer } from '../pacer';
import { relativeArticleFilter } from './discover';
import { containedRealPath } from './read';

export async function loadCorpusConfig(root: string): Promise<ParsedConfig & { configPath?: string; configText?: string }> {
  const absRoot = path.resolve(root);
  const configPath = path.join(absRoot, CONFIG_FILE);
  let text: string;
  try {
    text = await fs.readFile(configPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { config: defaultConfig(absRoot), problems: [] };
    const message = code === 'EISDIR' ? `${CONFIG_FILE} is a folder, not a file` : `${CONFIG_FILE} cannot be read (${code ?? (error as Error).message})`;
    return { config: defaultConfig(absRoot), problems: [{ severity: 'error', message, offset: 0, length: 0, code: code === 'EISDIR' ? 'not-a-file' : 'unreadable' }], configPath, configText: '' };
  }
  const parsed = parseConfig(absRoot, text);
  // A gazetteer path that stays inside the corpus as written may still lead out of it through a symlink: judge it
  // by where it really is.
  const kept = [];
  for (const gazetteer of parsed.config.gazetteers) {
    if (await containedRealPath(absRoot, gazetteer.path)) kept.push(gazetteer);
    else parsed.problems.push(gazetteerOutside(text, absRoot, gazetteer.path));
  }
  parsed.config.gazetteers = kept;
  return { ...parsed, configPath, configText: text };
}

function gazetteerOutside(text: string, root: string, resolved: string): Problem {
  const tree = parseTree(text);
  const items = tree ? (findNodeAtLocation(tree, ['gazetteers'])?.children ?? []) : [];
  const node = items.map((item) => findNodeAtLocation(item, ['path'])).find((p) => typeof p?.value === 'string' && resolveInside(root, p.value) === resolved);
  const rel = path.relative(root, resolved);
  return { severity: 'error', message: `gazetteer path "${rel}" leads out of the corpus (a symbolic link); refused`, offset: node?.offset ?? 0, length: node?.length ?? 1, code: 'path-outside' };
}

/** The problems of a configuration that stop a command reading the whole corpus (see FATAL_CONFIG_PROBLEMS). */
export function fatalConfigProblems(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error' && (FATAL_CONFIG_PROBLEMS.has(p.code) || p.code === 'not-a-file' || p.code === 'unreadable'));
}

/** A corpus that cannot be read as a whole; the message has one `file:line:col: error: ...` line per problem. */
export class CorpusError extends Error {}

/** Throws a CorpusError when the configuration has problems after which the set of articles is unknown. */
export function requireUsableConfig(loaded: Awaited<ReturnType<typeof loadCorpusConfig>>): void {
  const fatal = fatalConfigProblems(loaded.problems);
  if (fatal.length === 0) return;
  const file = path.relative(process.cwd(), loaded.configPath!) || loaded.configPath!;
  throw new CorpusError(fatal.map((p) => formatProblem(file, loaded.configText ?? '', p)).join('\n'));
}

const SKIP_DIRS = new Set(['.git', 'node_modules']);

/**
 * Every article of the corpus (absolute paths), sorted by their path relative to the root. With a pacer (a server
 * walking a corpus in the background), it is asked before each entry.
 */
export async function listArticles(config: Pick<CorpusConfig, 'root' | 'include' | 'exclude'>, pacer?: Pacer): Promise<string[]> {
  const accept = relativeArticleFilter(config);
  const out: string[] = [];
  // Each file's relative path is built as the walk goes down, not derived from its absolute path. `dir` ends with
  // a separator.
  const walk = async (dir: string, relDir: string): Promise<void> => {
    // Read a few hundred entries at a time, not a folder of 20,000 at once: the server walks a corpus in the
    // background, and a keystroke must not wait for one long read of a folder.
    for await (const entry of await fs.opendir(dir, { bufferSize: 256 })) {
      if (pacer?.due()) await pacer.pause();
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) await walk(dir + entry.name + path.sep, rel);
      } else if (entry.isFile() && accept(rel)) {
        out.push(dir + entry.name);
      }
    }
  };
  const root = path.resolve(config.root);
  await walk(root.endsWith(path.sep) ? root : root + path.sep, '');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// Reading a corpus from disk: its configuration and its articles, in a stable order.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE, defaultConfig, type ParsedConfig, parseConfig } from './config';
import { articleFilter } from './discover';

export async function loadCorpusConfig(root: string): Promise<ParsedConfig & { configPath?: string; configText?: string }> {
  const absRoot = path.resolve(root);
  const configPath = path.join(absRoot, CONFIG_FILE);
  let text: string;
  try {
    text = await fs.readFile(configPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: defaultConfig(absRoot), problems: [] };
    throw error;
  }
  return { ...parseConfig(absRoot, text), configPath, configText: text };
}

const SKIP_DIRS = new Set(['.git', 'node_modules']);

/** Every article of the corpus (absolute paths), sorted by their path relative to the root. */
export async function listArticles(config: Parameters<typeof articleFilter>[0]): Promise<string[]> {
  const accept = articleFilter(config);
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) await walk(full);
      } else if (entry.isFile() && accept(full)) {
        out.push(full);
      }
    }
  };
  await walk(config.root);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// Corpus configurations, read once per corpus root and refreshed when hashiya.json changes.
import { promises as fs } from 'node:fs';
import type { CorpusConfig } from '../core/corpus/config';
import { type CorpusLocation, findCorpus } from '../core/corpus/discover';
import { loadCorpusConfig } from '../core/corpus/load';
import type { Problem } from '../core/sidecar/problems';

export interface LoadedCorpus {
  config: CorpusConfig;
  problems: Problem[];
  configPath?: string;
  configText?: string;
}

const exists = (file: string) => fs.access(file).then(() => true, () => false);

export class Corpora {
  private readonly byRoot = new Map<string, Promise<LoadedCorpus>>();

  constructor(private readonly workspaceRoots: () => string[]) {}

  /** The corpus that a file belongs to, or undefined when it is outside every corpus. */
  async locate(file: string): Promise<CorpusLocation | undefined> {
    const stopAt = this.workspaceRoots().find((root) => file.startsWith(root.endsWith('/') ? root : root + '/'));
    return findCorpus(file, exists, stopAt);
  }

  get(root: string): Promise<LoadedCorpus> {
    let loaded = this.byRoot.get(root);
    if (!loaded) {
      loaded = loadCorpusConfig(root);
      this.byRoot.set(root, loaded);
    }
    return loaded;
  }

  /** Forgets the configuration of `root` so that the next `get` reads it again. */
  invalidate(root: string): void {
    this.byRoot.delete(root);
  }
}

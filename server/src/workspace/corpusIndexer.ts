// Reads every sidecar of a corpus in the background, once per corpus, into an EntityIndex; keeps it current
// as sidecars are written here or change on disk. Articles are read only when a result needs a range in them.
import { promises as fs } from 'node:fs';
import type { CorpusConfig } from '../core/corpus/config';
import { EntityIndex } from '../core/corpus/entityIndex';
import { listArticles } from '../core/corpus/load';
import { parseSidecar } from '../core/sidecar/parse';
import { readSidecarText } from '../core/corpus/read';
import { sidecarPathFor } from '../core/sidecar/store';
import type { Entity } from '../core/sidecar/types';

export interface IndexProgress {
  begin(title: string, total: number): void;
  report(done: number, total: number): void;
  done(): void;
}

/** Longest stretch of indexing work between two chances for the editor's messages to be handled. */
const YIELD_EVERY_MS = 4;

export class CorpusIndexer {
  private readonly indexes = new Map<string, Promise<EntityIndex>>();
  private readonly finished = new Map<string, EntityIndex>();

  constructor(private readonly progress: () => IndexProgress | undefined) {}

  /** The index of a corpus, built on first use. */
  index(config: CorpusConfig): Promise<EntityIndex> {
    let index = this.indexes.get(config.root);
    if (!index) {
      index = this.build(config);
      this.indexes.set(config.root, index);
      void index.then((built) => {
        if (this.indexes.get(config.root) === index) this.finished.set(config.root, built);
      }, () => undefined);
    }
    return index;
  }

  /** The index if it has finished building, else undefined: for answers that must not wait (hover). */
  ready(root: string): EntityIndex | undefined {
    return this.finished.get(root);
  }

  /** The index if it was built already (never starts a build). */
  peek(root: string): Promise<EntityIndex> | undefined {
    return this.indexes.get(root);
  }

  private async build(config: CorpusConfig): Promise<EntityIndex> {
    const index = new EntityIndex();
    const articles = await listArticles(config);
    const progress = articles.length > 200 ? this.progress() : undefined;
    progress?.begin('Hashiya: indexing corpus', articles.length);
    let done = 0;
    // Sidecars are small; reading a few at a time keeps a 10,000-article corpus quick without flooding the disk.
    // Parsing is the work that holds the thread: it yields every few milliseconds, so that a keystroke or a
    // request arriving meanwhile is answered at once, not after the whole batch.
    const batch = 32;
    let since = performance.now();
    for (let i = 0; i < articles.length; i += batch) {
      const slice = articles.slice(i, i + batch);
      // Through the corpus reader: a sidecar that is a folder or cannot be read is left out of the index (validate
      // reports it), rather than failing the whole corpus's index.
      const reads = await Promise.all(slice.map((article) => readSidecarText(sidecarPathFor(article))));
      for (let k = 0; k < slice.length; k++) {
        const read = reads[k];
        if (read.state === 'text') index.set(slice[k], parseSidecar(read.fileText).sidecar?.entities);
        if (performance.now() - since > YIELD_EVERY_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          since = performance.now();
        }
      }
      done = Math.min(articles.length, i + batch);
      progress?.report(done, articles.length);
    }
    progress?.done();
    return index;
  }

  /** Records the entities of an article as just written or read. */
  async update(root: string, article: string, entities: readonly Entity[] | undefined): Promise<void> {
    const index = this.indexes.get(root);
    if (index) (await index).set(article, entities);
  }

  forget(root: string): void {
    this.indexes.delete(root);
    this.finished.delete(root);
  }
}

/** The text of an article on disk (for ranges in articles that are not open). */
export async function readArticleText(article: string): Promise<string | undefined> {
  try {
    const text = await fs.readFile(article, 'utf8');
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

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
import { type DocumentFacts, factsOfParsed, NO_SIDECAR } from './documentFacts';
import { type BackgroundTurns, IMMEDIATE_TURNS } from './foreground';

export interface IndexProgress {
  begin(title: string, total: number): void;
  report(done: number, total: number): void;
  done(): void;
}

export class CorpusIndexer {
  private readonly indexes = new Map<string, Promise<EntityIndex>>();
  private readonly finished = new Map<string, EntityIndex>();
  /** Per corpus root: every listed article with its status and counts (the corpus tree's data). */
  private readonly facts = new Map<string, Map<string, DocumentFacts>>();
  private readonly listeners: Array<(root: string, article?: string) => void> = [];

  constructor(
    private readonly progress: () => IndexProgress | undefined,
    /** Waited for between slices of indexing: the editor's own work (an article opening, a keystroke) goes first. */
    private readonly foreground: BackgroundTurns = IMMEDIATE_TURNS,
  ) {}

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

  /** Called when what is known of a corpus changed (a batch indexed, a sidecar written or changed on disk). */
  onChange(listener: (root: string, article?: string) => void): void {
    this.listeners.push(listener);
  }

  /** Every article of a corpus known so far, with its facts (grows while the index builds). */
  documents(root: string): ReadonlyMap<string, DocumentFacts> | undefined {
    return this.facts.get(root);
  }

  /** Corpus roots whose index was started. */
  roots(): string[] {
    return [...this.indexes.keys()];
  }

  private changed(root: string, article?: string): void {
    for (const listener of this.listeners) listener(root, article);
  }

  private async build(config: CorpusConfig): Promise<EntityIndex> {
    const index = new EntityIndex();
    const facts = new Map<string, DocumentFacts>();
    this.facts.set(config.root, facts);
    await this.foreground.idle();
    const pacer = this.foreground.pacer();
    const articles = await listArticles(config, pacer);
    const progress = articles.length > 200 ? this.progress() : undefined;
    progress?.begin('Hashiya: indexing corpus', articles.length);
    let done = 0;
    // Sidecars are small; reading a few at a time keeps a 10,000-article corpus quick without flooding the disk.
    // Parsing is the work that holds the thread: the pacer pauses it every few milliseconds and whenever the
    // editor has a message, so that a keystroke or a request arriving meanwhile is answered at once.
    const batch = 8;
    for (let i = 0; i < articles.length; i += batch) {
      // Reads are not even started while an article opens: they would queue ahead of its own in the thread pool.
      await this.foreground.idle();
      const slice = articles.slice(i, i + batch);
      // Through the corpus reader: a sidecar that is a folder or cannot be read is left out of the index (validate
      // reports it), rather than failing the whole corpus's index.
      const reads = await Promise.all(slice.map((article) => readSidecarText(sidecarPathFor(article))));
      for (let k = 0; k < slice.length; k++) {
        // Also right after the reads came in: they may have come with a message from the editor.
        if (pacer.due()) await pacer.pause();
        const read = reads[k];
        if (read.state === 'text') {
          const parsed = parseSidecar(read.fileText);
          index.set(slice[k], parsed.sidecar?.entities);
          facts.set(slice[k], factsOfParsed(parsed));
        } else {
          facts.set(slice[k], read.state === 'missing' ? NO_SIDECAR : { ...NO_SIDECAR, sidecar: 'corrupt' });
        }
      }
      done = Math.min(articles.length, i + batch);
      progress?.report(done, articles.length);
      this.changed(config.root);
    }
    progress?.done();
    if (articles.length === 0) this.changed(config.root);
    return index;
  }

  /** Records the entities (and, when known, the facts) of an article as just written or read. */
  async update(root: string, article: string, entities: readonly Entity[] | undefined, facts?: DocumentFacts): Promise<void> {
    const index = this.indexes.get(root);
    if (!index) return;
    (await index).set(article, entities);
    if (facts) this.facts.get(root)?.set(article, facts);
    this.changed(root, article);
  }

  /** An article appeared on disk (or went away): the corpus tree lists it with its sidecar's facts, or drops it. */
  async articleCreatedOrDeleted(root: string, article: string, exists: boolean): Promise<void> {
    const index = this.indexes.get(root);
    if (!index) return;
    await index;
    const facts = this.facts.get(root);
    if (!exists) {
      (await index).set(article, undefined);
      facts?.delete(article);
    } else {
      const read = await readSidecarText(sidecarPathFor(article));
      const parsed = read.state === 'text' ? parseSidecar(read.fileText) : undefined;
      (await index).set(article, parsed?.sidecar?.entities);
      facts?.set(article, parsed ? factsOfParsed(parsed) : read.state === 'missing' ? NO_SIDECAR : { ...NO_SIDECAR, sidecar: 'corrupt' });
    }
    this.changed(root, article);
  }

  forget(root: string): void {
    this.indexes.delete(root);
    this.finished.delete(root);
    this.facts.delete(root);
    this.changed(root);
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

// The corpus maintainer's requests: the corpus tree (documents by status with their counts and git marks), the
// rendered annotations of an article now and at HEAD (Compare with HEAD), a corpus-wide rename of a ref, and the
// agreement of two folders. Open articles are read and changed through their sessions (the one owner of an open
// article); closed ones from disk, written under the same lock and compare-and-swap the sessions use.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type {
  AgreementResult,
  CorpusDocument,
  CorpusDocumentsParams,
  CorpusSummary,
  RenameRefParams,
  RenameRefPlan,
  RenameRefResult,
  RenderAnnotationsParams,
  RenderAnnotationsResult,
} from '../../../common/corpusView';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../../common/documentStatus';
import { DocumentAnnotations } from '../core/annotations/documentAnnotations';
import { CONFIG_FILE, type CorpusConfig } from '../core/corpus/config';
import type { EntityIndex } from '../core/corpus/entityIndex';
import type { Pacer } from '../core/pacer';
import { parseConflicted } from '../core/sidecar/conflicted';
import { parseSidecar } from '../core/sidecar/parse';
import { renderInline } from '../core/sidecar/render';
import { countRef, renameRef } from '../core/sidecar/renameRef';
import { serializeSidecar } from '../core/sidecar/serialize';
import { sidecarPathFor } from '../core/sidecar/store';
import { CodePointIndex, decodeArticle } from '../core/text/codePoints';
import { openSuggestions, pendingSuggestions } from '../features/suggestions';
import type { ArticleSession } from '../session/articleSession';
import { InvalidParamsError, UserError } from '../session/errors';
import type { SessionFiles } from '../session/sessionFiles';
import type { Corpora } from '../workspace/corpora';
import { type CorpusIndexer, readArticleText } from '../workspace/corpusIndexer';
import { factsOfParsed } from '../workspace/documentFacts';
import { fileAtHead, gitTopLevel, sidecarsChangedSinceHead } from '../workspace/gitRevision';
import type { TextMatcher } from '../workspace/knowledge';
import { compareFolders } from '../workspace/agreementFolders';
import { checkRef, checkUri } from './paramChecks';

/** What these requests need of the server. */
export interface CorpusViewHost {
  workspaceRoots(): string[];
  sessions(): Iterable<ArticleSession>;
  sessionFor(uri: string): Promise<ArticleSession | undefined>;
  corpora: Corpora;
  indexer: CorpusIndexer;
  /** The index of a corpus, started in the background with everything that follows it (corpus memory). */
  index(config: CorpusConfig): Promise<EntityIndex>;
  matcher(root: string): TextMatcher | undefined;
  files: SessionFiles;
  /**
   * Why the workspace may not be changed (restricted mode), or undefined. Then git is not run in it either: git
   * obeys the repository's own configuration (hooks, filters, fsmonitor), which can run commands.
   */
  restricted: string | undefined;
  /** Tells the client that the corpus tree of `root` should be read again. */
  notifyChanged(root: string): void;
  /** Paces background work (counting suggestions) behind the editor's own work and messages. */
  pacer(): Pacer;
  log(message: string): void;
}

/** How long changes are gathered before the client is told (indexing reports every batch). */
const NOTIFY_DELAY_MS = 300;
const SKIP_DIRS = new Set(['.git', 'node_modules']);
/** Sidecars rewritten at the same time by a rename. */
const RENAME_BATCH = 8;

export class CorpusViewService {
  private readonly gitChanged = new Map<string, Promise<Set<string> | undefined>>();
  /** Whether each corpus is in a git work tree (asked once: a request must not start a process each time). */
  private readonly inGit = new Map<string, Promise<boolean>>();
  private readonly suggestionCounts = new Map<string, Map<string, number>>();
  private readonly counting = new Set<string>();
  private readonly notifyTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly host: CorpusViewHost) {
    host.indexer.onChange((root, article) => {
      if (article) this.suggestionCounts.get(root)?.delete(article);
      else if (!host.indexer.documents(root)) this.suggestionCounts.delete(root);
      this.changed(root);
    });
  }

  /** Something of `root` changed: the git marks are read again, and the client told once things settle. */
  changed(root: string): void {
    this.gitChanged.delete(root);
    if (this.notifyTimers.has(root)) return;
    this.notifyTimers.set(
      root,
      setTimeout(() => {
        this.notifyTimers.delete(root);
        this.host.notifyChanged(root);
      }, NOTIFY_DELAY_MS),
    );
  }

  // ---- corpus tree -----------------------------------------------------------------------------------------------

  async summaries(): Promise<CorpusSummary[]> {
    const roots = new Set<string>(this.host.indexer.roots());
    for (const session of this.host.sessions()) roots.add(session.corpusRoot);
    for (const workspaceRoot of this.host.workspaceRoots()) for (const root of await findConfigs(workspaceRoot, 3)) roots.add(root);
    const out: CorpusSummary[] = [];
    for (const root of [...roots].sort()) {
      const config = (await this.host.corpora.get(root)).config;
      void this.host.index(config).catch((e: Error) => this.host.log(`indexing ${root}: ${e.message}`));
      const byStatus = Object.fromEntries(DOCUMENT_STATUSES.map((s) => [s, 0])) as Record<DocumentStatus, number>;
      const facts = this.host.indexer.documents(root);
      const open = this.openByPath(root);
      let total = 0;
      for (const [article, f] of facts ?? []) {
        byStatus[open.get(article)?.snapshot.annotations.status ?? f.status]++;
        total++;
      }
      out.push({ root, total, byStatus, complete: this.host.indexer.ready(root) !== undefined, git: await this.isInGit(root) });
    }
    return out;
  }

  async documents(params: CorpusDocumentsParams): Promise<CorpusDocument[]> {
    const root = typeof params?.root === 'string' ? path.resolve(params.root) : undefined;
    if (!root || !DOCUMENT_STATUSES.includes(params.status)) throw new InvalidParamsError('corpusDocuments needs a corpus root and a status');
    const facts = this.host.indexer.documents(root);
    if (!facts) return [];
    const open = this.openByPath(root);
    const changed = (await this.changedSinceHead(root)) ?? new Set<string>();
    const counts = this.suggestionCounts.get(root);
    const out: CorpusDocument[] = [];
    for (const [article, f] of facts) {
      const session = open.get(article);
      const snapshot = session?.snapshot;
      const status = snapshot?.annotations.status ?? f.status;
      if (status !== params.status) continue;
      const doc: CorpusDocument = {
        path: path.relative(root, article).split(path.sep).join('/'),
        status,
        sidecar: snapshot?.health ?? f.sidecar,
        entities: snapshot?.annotations.entities.length ?? f.entities,
        unresolved: snapshot?.annotations.unresolved.length ?? f.unresolved,
        changed: changed.has(sidecarPathFor(article)),
      };
      const suggestions = snapshot ? openSuggestions(snapshot).length : counts?.get(article);
      if (suggestions !== undefined) doc.suggestions = suggestions;
      out.push(doc);
    }
    this.countSuggestionsInBackground(root);
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private isInGit(root: string): Promise<boolean> {
    let known = this.inGit.get(root);
    if (!known) {
      known = this.host.restricted ? Promise.resolve(false) : gitTopLevel(root).then((top) => top !== undefined);
      this.inGit.set(root, known);
    }
    return known;
  }

  private openByPath(root: string): Map<string, ArticleSession> {
    const open = new Map<string, ArticleSession>();
    for (const session of this.host.sessions()) if (session.corpusRoot === root) open.set(session.path, session);
    return open;
  }

  private changedSinceHead(root: string): Promise<Set<string> | undefined> {
    let changed = this.gitChanged.get(root);
    if (!changed) {
      changed = this.host.restricted ? Promise.resolve(undefined) : sidecarsChangedSinceHead(root);
      this.gitChanged.set(root, changed);
    }
    return changed;
  }

  /**
   * Counts the open suggestions of closed articles (the knowledge base's matches not annotated nor rejected),
   * reading each article once, in the background after the index, yielding often; the tree shows the counts as
   * they come. An article whose sidecar changes is counted again.
   */
  private countSuggestionsInBackground(root: string): void {
    const matcher = this.host.matcher(root);
    const index = this.host.indexer.ready(root);
    if (!matcher || !index || this.counting.has(root)) return;
    const counts = this.suggestionCounts.get(root) ?? this.suggestionCounts.set(root, new Map()).get(root)!;
    const facts = this.host.indexer.documents(root);
    if (!facts || [...facts.keys()].every((a) => counts.has(a))) return;
    this.counting.add(root);
    void (async () => {
      const pacer = this.host.pacer();
      let sinceNotify = 0;
      for (const [article, f] of facts) {
        if (counts.has(article)) continue;
        if (pacer.due()) await pacer.pause();
        const text = await readArticleText(article);
        if (text === undefined) continue;
        // The read may have come in together with a message from the editor.
        if (pacer.due()) await pacer.pause();
        const candidates = matcher.matchAll(text, CodePointIndex.of(text));
        counts.set(article, pendingSuggestions(candidates, index.entitiesOf(article), f.rejected).length);
        if (++sinceNotify >= 500) {
          sinceNotify = 0;
          this.changed(root);
        }
      }
    })()
      .catch((e: Error) => this.host.log(`counting suggestions in ${root}: ${e.message}`))
      .finally(() => {
        this.counting.delete(root);
        this.changed(root);
      });
  }

  // ---- rendered annotations ------------------------------------------------------------------------------------

  async render(params: RenderAnnotationsParams): Promise<RenderAnnotationsResult> {
    const uri = URI.parse(checkUri(params?.uri));
    if (uri.scheme !== 'file') throw new InvalidParamsError(`${params.uri} is not a file`);
    const article = uri.fsPath;
    const sidecarPath = sidecarPathFor(article);
    if (params.revision === 'HEAD') return this.renderAtHead(article, sidecarPath);
    if (params.revision !== undefined) throw new InvalidParamsError(`revision must be HEAD or absent, not ${JSON.stringify(params.revision)}`);
    const session = await this.host.sessionFor(uri.toString());
    if (session) {
      const snapshot = await session.settled();
      if (snapshot.health === 'corrupt') return { text: '', note: `${path.basename(sidecarPath)} has errors (see Problems); nothing to show`, reason: 'corrupt' };
      return { text: withFinalNewline(renderInline(snapshot.text, snapshot.annotations.entities)) };
    }
    const text = await readArticleText(article);
    if (text === undefined) throw new UserError(`${article} cannot be read`);
    const sidecarText = await fs.readFile(sidecarPath, 'utf8').catch(() => undefined);
    return renderSidecarOn(text, sidecarText, path.basename(sidecarPath));
  }

  private async renderAtHead(article: string, sidecarPath: string): Promise<RenderAnnotationsResult> {
    if (this.host.restricted) throw new UserError(this.host.restricted);
    const sidecar = await fileAtHead(sidecarPath);
    if (sidecar.state === 'not-git') return { text: '', note: `${path.dirname(article)} is not in a git repository: there is no HEAD to compare with`, reason: 'not-git' };
    if (sidecar.state === 'absent') return { text: '', note: `${path.basename(sidecarPath)} is new: HEAD has no annotations of this article`, reason: 'new' };
    // The article as committed with it; the current text when HEAD lacks it (the sidecar is then re-anchored).
    const committed = await fileAtHead(article);
    const text = committed.state === 'found' ? decodeArticle(committed.bytes).text : await readArticleText(article);
    if (text === undefined) throw new UserError(`${article} cannot be read`);
    return renderSidecarOn(text, sidecar.bytes.toString('utf8'), path.basename(sidecarPath));
  }

  // ---- rename of a ref -------------------------------------------------------------------------------------------

  async renamePreview(params: RenameRefParams): Promise<RenameRefPlan> {
    return this.plan(await this.renameTarget(params));
  }

  private async plan({ config, oldRef, newRef }: { config: CorpusConfig; oldRef: string; newRef: string }): Promise<RenameRefPlan> {
    const open = this.openByPath(config.root);
    const index = await this.host.index(config);
    const facts = this.host.indexer.documents(config.root);
    const files = new Map<string, number>();
    // Closed articles from the index: entities, and rejections and unresolved annotations kept in its facts. One
    // pass over the articles' own lists (no object made per entity): a 10,000-article corpus in milliseconds.
    for (const [article, f] of facts ?? []) {
      if (open.has(article)) continue;
      let n = 0;
      for (const e of index.entitiesOf(article)) if (e.ref === oldRef) n++;
      for (const r of f.rejected) if (r.ref === oldRef) n++;
      for (const r of f.unresolvedRefs) if (r === oldRef) n++;
      if (n > 0) files.set(article, n);
    }
    // Open articles as their sessions hold them (unsaved edits included).
    for (const [article, session] of open) {
      const count = countRef((await session.settled()).annotations, oldRef);
      if (count > 0) files.set(article, count);
    }
    const list = [...files]
      .map(([article, count]) => ({ uri: URI.file(article).toString(), path: path.relative(config.root, article).split(path.sep).join('/'), count, open: open.has(article) }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { oldRef, newRef, files: list };
  }

  /**
   * Renames the ref in every sidecar that has it. An open article changes through its session (which writes its
   * sidecar under compare-and-swap, so nothing it holds unsaved is lost); a closed one is read, changed and
   * written atomically under the sidecar's lock, and one that does not parse is reported, never overwritten.
   */
  async rename(params: RenameRefParams): Promise<RenameRefResult> {
    if (this.host.restricted) throw new UserError(this.host.restricted);
    const target = await this.renameTarget(params);
    const plan = await this.plan(target);
    const root = target.config.root;
    const failed: RenameRefResult['failed'] = [];
    const done: RenameRefResult['files'] = [];
    const one = async (file: RenameRefPlan['files'][number]) => {
      const article = URI.parse(file.uri).fsPath;
      try {
        const session = file.open ? await this.host.sessionFor(file.uri) : undefined;
        const count = session ? await renameInSession(session, plan.oldRef, plan.newRef) : await this.renameOnDisk(root, article, plan.oldRef, plan.newRef);
        if (count > 0) done.push({ ...file, count });
      } catch (error) {
        failed.push({ path: file.path, reason: (error as Error).message });
      }
    };
    // Each write waits for its disk flush: a few at a time keep the disk busy without flooding it.
    for (let i = 0; i < plan.files.length; i += RENAME_BATCH) await Promise.all(plan.files.slice(i, i + RENAME_BATCH).map(one));
    done.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { ...plan, files: done, failed };
  }

  private async renameOnDisk(root: string, article: string, oldRef: string, newRef: string): Promise<number> {
    const sidecarPath = sidecarPathFor(article);
    const files = this.host.files;
    return files.withLock(sidecarPath, async () => {
      const bytes = await files.read(sidecarPath);
      if (bytes === undefined) return 0;
      const text = new TextDecoder().decode(bytes);
      if (parseConflicted(text)) throw new UserError(`${path.basename(sidecarPath)} has an unfinished merge (conflict markers); resolve it first`);
      const parsed = parseSidecar(text);
      if (!parsed.sidecar) throw new UserError(`${path.basename(sidecarPath)} has errors; it is not overwritten`);
      const { lists, renamed } = renameRef(parsed.sidecar, oldRef, newRef);
      if (renamed === 0) return 0;
      const content = serializeSidecar(lists);
      await files.writeAtomic(sidecarPath, content);
      await this.host.indexer.update(root, article, lists.entities, factsOfParsed(parseSidecar(content)));
      return renamed;
    });
  }

  private async renameTarget(params: RenameRefParams): Promise<{ config: CorpusConfig; oldRef: string; newRef: string }> {
    const newRef = checkRef(params?.newRef);
    if (newRef === undefined) throw new InvalidParamsError('newRef is missing (namespace:id, for example geonames:98463)');
    let oldRef = params.ref === undefined ? undefined : checkRef(params.ref);
    let root: string | undefined;
    if (params.uri !== undefined) {
      const session = await this.host.sessionFor(checkUri(params.uri));
      if (!session) throw new UserError('This document is not an open article of a Hashiya corpus.');
      root = session.corpusRoot;
      if (oldRef === undefined) {
        const snapshot = await session.settled();
        if (!params.position) throw new InvalidParamsError('position is missing');
        const entity = snapshot.annotations.entitiesAt(snapshot.toCodePoint(params.position)).find((e) => e.ref);
        if (!entity?.ref) throw new UserError('There is no entity with a ref at the cursor.');
        oldRef = entity.ref;
      }
    }
    if (!root || oldRef === undefined) throw new InvalidParamsError('renameRef needs the uri of an open article (and a position or a ref)');
    if (oldRef === newRef) throw new InvalidParamsError(`the new ref is the same as the old one (${oldRef})`);
    return { config: (await this.host.corpora.get(root)).config, oldRef, newRef };
  }

  // ---- agreement -----------------------------------------------------------------------------------------------

  agreement(params: { dirA: string; dirB: string }): Promise<AgreementResult> {
    if (typeof params?.dirA !== 'string' || typeof params?.dirB !== 'string') throw new InvalidParamsError('agreement needs dirA and dirB');
    return compareFolders(params.dirA, params.dirB);
  }
}

async function renameInSession(session: ArticleSession, oldRef: string, newRef: string): Promise<number> {
  return session.mutate((draft) => {
    const { lists, renamed } = renameRef({ entities: draft.annotations.entities, rejected: draft.annotations.rejected, unresolved: draft.annotations.unresolved }, oldRef, newRef);
    draft.annotations.entities = lists.entities;
    draft.annotations.rejected = lists.rejected;
    draft.annotations.unresolved = lists.unresolved;
    return renamed;
  });
}

/** A sidecar's entities placed on `text` (re-anchored if it was written for other text) and rendered inline. */
function renderSidecarOn(text: string, sidecarText: string | undefined, name: string): RenderAnnotationsResult {
  if (sidecarText === undefined) return { text: withFinalNewline(renderInline(text, [])), note: `${name} does not exist: the article has no annotations`, reason: 'new' };
  if (parseConflicted(sidecarText)) return { text: withFinalNewline(sidecarText), note: `${name} has an unfinished merge; shown as it is`, reason: 'conflict' };
  const parsed = parseSidecar(sidecarText);
  if (!parsed.sidecar) return { text: '', note: `${name} has errors; it cannot be rendered`, reason: 'corrupt' };
  const placed = DocumentAnnotations.fromSidecar(text, parsed.sidecar).annotations;
  return { text: withFinalNewline(renderInline(text, placed.entities)) };
}

const withFinalNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : text + '\n');

/** Folders under `dir` (to `depth` levels) holding a hashiya.json: the corpora of a workspace folder. */
async function findConfigs(dir: string, depth: number): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  if (entries.some((e) => e.isFile() && e.name === CONFIG_FILE)) return [path.resolve(dir)];
  if (depth === 0) return out;
  for (const e of entries) {
    if (!e.isDirectory() || SKIP_DIRS.has(e.name) || e.name.startsWith('.')) continue;
    for (const root of await findConfigs(path.join(dir, e.name), depth - 1)) out.push(root);
  }
  return out;
}

// One open article and the only owner of its text, its annotations and its sidecar. Every change — the editor's
// edits, annotation commands, the sidecar or the configuration changing on disk, closing — runs through one queue,
// one at a time, in order; features never touch the session's state, they read the immutable snapshot it
// publishes after each change.
//
// Writing a sidecar is compare-and-swap: under a lock shared with other processes, what is on disk is compared
// with what this session last read or wrote (the base). If somebody else changed it (a git pull, another
// window), their sidecar is merged with ours by annotation identity against that base, and only the merge is
// written; a real conflict is kept with both sides (git's conflict markers in the file) for the annotator to
// decide. A sidecar that cannot be read is reported and never written over.
import * as path from 'node:path';
import { DocumentAnnotations, type LoadReport } from '../core/annotations/documentAnnotations';
import { mapEnd, mapStart, type TextEdit } from '../core/annotations/editMapping';
import type { CorpusConfig } from '../core/corpus/config';
import { parseConflicted, serializeConflicted } from '../core/sidecar/conflicted';
import { type MergeChoice, type MergeConflict, mergeSidecars, resolveConflict } from '../core/sidecar/merge';
import { parseSidecar } from '../core/sidecar/parse';
import type { Problem } from '../core/sidecar/problems';
import { serializeSidecar } from '../core/sidecar/serialize';
import { sidecarPathFor } from '../core/sidecar/store';
import type { Entity, Sidecar } from '../core/sidecar/types';
import { articleBytes, sha256Hex } from '../core/text/hash';
import type { SidecarHealth } from '../../../common/documentStatus';
import type { StateEdit } from '../../../common/stateDelta';
import type { TextHistory } from '../core/annotations/textHistory';
import type { TextMatcher } from '../workspace/knowledge';
import type { KbCandidate } from '../workspace/suggestionTypes';
import { AnnotationHistory, type HistoryOutcome, stepBetween } from './annotationHistory';
import { ArticleSnapshot } from './articleSnapshot';
import { UserError } from './errors';
import { LineIndex, type Position } from './lineIndex';
import type { SessionFiles } from './sessionFiles';

/** What a session needs from the server around it. */
export interface SessionHost {
  files: SessionFiles;
  /** The knowledge-base matcher of a corpus if it is ready (never waits for the corpus index). */
  matcher(corpus: CorpusConfig): TextMatcher | undefined;
  /** A new snapshot, with the text edits since the previous one (empty when only annotations changed). */
  publish(snapshot: ArticleSnapshot, edits: readonly StateEdit[]): void;
  /** The sidecar on disk now holds these annotations (the corpus index learns them). */
  written?(snapshot: ArticleSnapshot): void;
  /**
   * Texts that sidecars were anchored against, by sha256 (a cache, the corpus's git history): a sidecar written
   * for an earlier text is mapped through an exact diff when its text is found. The session also keeps the text
   * it leaves a sidecar anchored to when it closes with unsaved edits, so the command line can do the same.
   */
  history?: TextHistory;
  /** Something the annotator must be told (a sidecar deleted underneath, a conflict). */
  message?(severity: 'info' | 'warning' | 'error', text: string): void;
  log(message: string): void;
  /** Every task of the queue, as it is queued: background work (a corpus being indexed) waits while any runs. */
  working?(task: Promise<unknown>): void;
}

/** An editor change as LSP sends it: a range of the current text (UTF-16 positions) replaced, or everything. */
export interface ContentChange {
  range?: { start: Position; end: Position };
  text: string;
}

/** A span resolved against the current text. */
export interface ResolvedSpan {
  start: number;
  end: number;
}

/** Typing pauses this long before the sidecar is rewritten with the moved offsets. */
export const TYPING_WRITE_DELAY_MS = 150;
/** Versions of edits kept for re-resolving commands computed on an older version. */
const EDIT_LOG_VERSIONS = 500;

export class ArticleSession {
  private queue: Promise<unknown> = Promise.resolve();
  private annotations: DocumentAnnotations;
  /** The annotations of the sidecar as last read or written, moved through every edit since: the merge base. */
  private base: DocumentAnnotations;
  private lines: LineIndex;
  private version = 0;
  private candidates: readonly KbCandidate[] = [];
  private hasBom = false;
  /** The sidecar's content as this session last read or wrote it (undefined: there was none). */
  private diskContent: string | undefined;
  private health: SidecarHealth = 'missing';
  private problems: readonly Problem[] = [];
  private conflicts: MergeConflict[] = [];
  private loadReport: LoadReport = { moved: [], unresolved: [] };
  /** Removal of temporary files left by a killed writer, started at open; writes wait for it. */
  private debrisCleared: Promise<void> = Promise.resolve();
  /** The sha256 the sidecar on disk was written for. */
  private loadedSha = '';
  private writeTimer: NodeJS.Timeout | undefined;
  private pendingEdits: StateEdit[] = [];
  private readonly editLog: Array<{ version: number; edits: TextEdit[] }> = [];
  private current: ArticleSnapshot;
  /** Annotation operations to undo and redo (annotationHistory.ts). */
  private readonly history = new AnnotationHistory();
  private operations = 0;
  private closed = false;
  readonly sidecarPath: string;

  constructor(
    private readonly host: SessionHost,
    readonly uri: string,
    readonly path: string,
    private corpus: CorpusConfig,
  ) {
    this.sidecarPath = sidecarPathFor(path);
    this.annotations = DocumentAnnotations.empty('');
    this.base = this.annotations.clone();
    this.lines = LineIndex.of('');
    this.current = this.snapshotNow();
  }

  /** The latest published state. */
  get snapshot(): ArticleSnapshot {
    return this.current;
  }

  get corpusRoot(): string {
    return this.corpus.root;
  }

  // ---- the queue -------------------------------------------------------------------------------------------------

  /** Runs `task` after every earlier task of this session, in order. */
  private run<T>(task: () => Promise<T> | T): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    this.host.working?.(this.queue);
    return next;
  }

  /** Waits for everything queued so far; returns the snapshot after it (features call this before reading). */
  settled(): Promise<ArticleSnapshot> {
    return this.run(() => this.current);
  }

  /** As settled, and also after the open's clearing of debris on disk (for a client asking for the whole state). */
  settledOnDisk(): Promise<ArticleSnapshot> {
    return this.run(async () => {
      await this.debrisCleared;
      return this.current;
    });
  }

  // ---- lifecycle -------------------------------------------------------------------------------------------------

  /**
   * Opens the article with the text the editor holds. `prefetched` are reads of the article and its sidecar that
   * the caller started before the session existed (while it located the corpus): the open then waits for one round
   * of file system calls instead of several in a row.
   */
  open(text: string, version: number, prefetched?: PrefetchedFiles): Promise<void> {
    const reads = prefetched ?? prefetchFiles(this.host.files, this.path);
    return this.run(async () => {
      this.version = version;
      this.annotations = DocumentAnnotations.empty(text);
      this.base = this.annotations.clone();
      this.lines = LineIndex.of(text);
      const [head, sidecar] = await Promise.all([reads.article, reads.sidecar]);
      this.hasBom = head.bytes !== undefined && startsWithBom(head.bytes);
      await this.readSidecar(sidecar);
      this.rematchAll();
      this.publish();
      // Debris of a writer killed mid-write is removed before this session writes anything. Listing the folder of
      // a large corpus takes a moment, so it runs beside the queue: the article is shown and edited meanwhile, and
      // every write waits for it.
      this.debrisCleared = this.host.files.removeStaleTemporaries(this.sidecarPath).then(
        (debris) => {
          if (debris > 0) this.host.log(`removed ${debris} temporary file(s) left by an interrupted write of ${this.sidecarPath}`);
        },
        () => undefined,
      );
      // The sidecar was written for other text (the article changed outside the editor): its annotations were
      // re-anchored; write them down against this text (under compare-and-swap like every write).
      if (this.health === 'ok' && this.sidecarSha() !== this.textSha()) {
        await this.writeSidecar();
        this.publish();
      }
    });
  }

  close(): Promise<void> {
    return this.run(async () => {
      if (this.writeTimer) await this.writeSidecar();
      await this.rememberUnsavedText();
      this.closed = true;
    });
  }

  /** The sidecar is left anchored to text that is not on disk (unsaved edits): keep that text for re-anchoring. */
  private async rememberUnsavedText(): Promise<void> {
    if (!this.host.history || this.diskContent === undefined || this.health !== 'ok') return;
    const bytes = articleBytes(this.annotations.text, this.hasBom);
    const onDisk = await this.host.files.read(this.path).catch(() => undefined);
    if (onDisk && Buffer.compare(Buffer.from(onDisk), bytes) === 0) return;
    await this.host.history.remember(bytes).catch((e: Error) => this.host.log(`could not keep the text of ${this.path}: ${e.message}`));
  }

  /** Writes what typing left pending (on shutdown). */
  flush(): Promise<void> {
    return this.run(async () => {
      if (this.writeTimer) await this.writeSidecar();
      await this.rememberUnsavedText();
    });
  }

  reconfigure(corpus: CorpusConfig): Promise<void> {
    return this.run(() => {
      this.corpus = corpus;
      this.rematchAll();
      this.publish();
    });
  }

  /** The knowledge base changed (corpus memory learned new names): match the text again. */
  rematch(): Promise<void> {
    return this.run(() => {
      this.rematchAll();
      this.publish();
    });
  }

  /**
   * The article as the editor has it, with the sidecar its annotations would write now: what export reads for an
   * open article. Undefined while its sidecar cannot be read (export then reports the file as it is on disk).
   */
  exportView(): Promise<{ text: string; hasBom: boolean; sidecarText: string } | undefined> {
    return this.run(() => {
      if (this.health === 'corrupt') return undefined;
      if (this.diskContent === undefined && !this.holdsAnything()) return undefined;
      return { text: this.annotations.text, hasBom: this.hasBom, sidecarText: serializeSidecar(this.ours()) };
    });
  }

  // ---- the editor's edits ----------------------------------------------------------------------------------------

  edit(changes: readonly ContentChange[], version: number): Promise<void> {
    return this.run(() => {
      const matcher = this.host.matcher(this.corpus);
      const logged: TextEdit[] = [];
      for (const change of changes) {
        const text = this.annotations.text;
        const start16 = change.range ? this.lines.offsetAt(change.range.start) : 0;
        const end16 = change.range ? Math.max(start16, this.lines.offsetAt(change.range.end)) : text.length;
        const startPos = this.lines.positionAt(start16);
        const endPos = this.lines.positionAt(end16);
        const oldIndex = this.annotations.index;
        const { edit } = this.annotations.applyEdit(start16, end16, change.text);
        this.base.applyEdit(start16, end16, change.text, { text: this.annotations.text, index: this.annotations.index });
        const newText = this.annotations.text;
        this.lines = this.lines.applyEdit(start16, end16, change.text, newText);
        this.pendingEdits.push({
          start: startPos,
          end: endPos,
          newEnd: this.lines.positionAt(start16 + change.text.length),
          cpStart: edit.from,
          cpEnd: edit.to,
          cpDelta: edit.inserted - (edit.to - edit.from),
        });
        logged.push(edit);
        this.history.moveThrough(edit);
        this.candidates = matcher ? matcher.rematch(this.candidates, oldIndex, newText, this.annotations.index, { start: start16, end: end16, inserted: change.text }) : [];
      }
      this.version = version;
      this.editLog.push({ version, edits: logged });
      if (this.editLog.length > EDIT_LOG_VERSIONS) this.editLog.splice(0, this.editLog.length - EDIT_LOG_VERSIONS);
      this.scheduleWrite();
      this.publish();
    });
  }

  // ---- annotation operations -----------------------------------------------------------------------------------

  /**
   * Runs an annotation change and writes the sidecar at once. `change` gets the live annotations and a resolver
   * for spans that commands carry; it throws UserError to refuse. Resolves after the sidecar is on disk.
   */
  mutate<T>(change: (draft: SessionDraft) => T): Promise<T> {
    return this.run(async () => {
      this.refuseIfUnwritable();
      const a = this.annotations;
      const before = { entities: a.entities, rejected: a.rejected, unresolved: a.unresolved, status: a.status };
      const result = change({
        annotations: this.annotations,
        corpus: this.corpus,
        snapshot: this.snapshotNow(),
        resolve: (span) => this.resolveSpan(span),
      });
      const step = stepBetween(before, { entities: a.entities, rejected: a.rejected, unresolved: a.unresolved, status: a.status });
      if (step) {
        this.history.record(step);
        this.operations++;
      }
      try {
        await this.writeSidecar();
      } finally {
        // Shown even when the write failed: the annotation is held here and goes to disk with the next write.
        this.publish();
      }
      return result;
    });
  }

  /** Undoes the last annotation operation (or redoes the last undone one) and writes the sidecar at once. */
  undo(): Promise<HistoryOutcome> {
    return this.replay((annotations) => this.history.undo(annotations));
  }

  redo(): Promise<HistoryOutcome> {
    return this.replay((annotations) => this.history.redo(annotations));
  }

  private replay(step: (annotations: DocumentAnnotations) => HistoryOutcome): Promise<HistoryOutcome> {
    return this.run(async () => {
      this.refuseIfUnwritable();
      const outcome = step(this.annotations);
      if (outcome.description === undefined) return outcome;
      this.operations++;
      try {
        await this.writeSidecar();
      } finally {
        this.publish();
      }
      return outcome;
    });
  }

  /** Resolves a sidecar conflict (from a merge) by keeping ours, theirs or both sides' annotations. */
  resolveConflict(key: string, choice: MergeChoice): Promise<number> {
    return this.run(async () => {
      this.refuseIfUnwritable();
      const index = this.conflicts.findIndex((c) => c.key === key);
      if (index === -1) throw new UserError(`There is no conflict "${key}" in ${path.basename(this.sidecarPath)} any more.`);
      const resolved = resolveConflict({ merged: this.ours(), conflicts: this.conflicts }, index, choice);
      this.replaceAnnotations(resolved.merged);
      this.conflicts = resolved.conflicts;
      if (this.conflicts.length === 0 && this.health === 'conflict') this.health = 'ok';
      await this.writeSidecar();
      this.publish();
      return this.conflicts.length;
    });
  }

  private refuseIfUnwritable(): void {
    const restricted = this.host.files.whyNotWritable(this.sidecarPath);
    if (restricted) throw new UserError(restricted);
    if (this.health === 'corrupt') {
      throw new UserError(`${this.sidecarPath} has errors (see Problems); fix it before annotating — it is never overwritten`);
    }
  }

  /**
   * A span computed on document `version` (with the text it covered then), as it lies in the current text.
   * Mapped through the edits since; if its text is no longer there, found again nearby; otherwise refused.
   */
  private resolveSpan(span: { start: number; end: number; version?: number; text?: string }): ResolvedSpan {
    const length = this.annotations.index.codePointLength;
    const valid = (s: number, e: number) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e > s && e <= length;
    const fits = (s: number, e: number) => valid(s, e) && (span.text === undefined || this.annotations.slice(s, e) === span.text);
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.end <= span.start) {
      throw new UserError(`The span [${span.start}, ${span.end}) is empty or not a pair of code-point offsets.`);
    }
    if (span.version === undefined || span.version === this.version) {
      if (!valid(span.start, span.end)) throw new UserError(`The span [${span.start}, ${span.end}) lies outside the text (${length} characters).`);
      if (!fits(span.start, span.end)) throw new UserError(`The text at [${span.start}, ${span.end}) is "${this.annotations.slice(span.start, span.end)}", not "${span.text}".`);
      return { start: span.start, end: span.end };
    }
    if (span.version > this.version) throw new UserError(`The command was made for version ${span.version} of the document, which is at version ${this.version}.`);
    let { start, end } = span;
    const first = this.editLog.findIndex((entry) => entry.version > span.version!);
    const reachable = first !== -1 && (first > 0 || this.editLog[0].version === span.version! + 1);
    if (reachable) {
      for (const entry of this.editLog.slice(first)) {
        for (const edit of entry.edits) {
          start = mapStart(start, edit);
          end = mapEnd(end, edit);
        }
      }
      if (fits(start, end)) return { start, end };
    }
    if (span.text) {
      const found = this.nearestOccurrence(span.text, start);
      if (found) return found;
    }
    throw new UserError(`The text "${span.text ?? ''}" that this action was made for is no longer there (the document changed); try again.`);
  }

  private nearestOccurrence(needle: string, near: number): ResolvedSpan | undefined {
    const text = this.annotations.text;
    const index = this.annotations.index;
    const at = index.toUtf16(Math.max(0, Math.min(near, index.codePointLength)));
    const after = text.indexOf(needle, at);
    const before = text.lastIndexOf(needle, Math.max(0, at - 1));
    const pick = after === -1 ? before : before === -1 ? after : at - before <= after - at ? before : after;
    if (pick === -1) return undefined;
    return { start: index.toCodePoint(pick), end: index.toCodePoint(pick + needle.length) };
  }

  // ---- the sidecar on disk -------------------------------------------------------------------------------------

  /** The sidecar changed on disk (watcher): merge it in unless it is our own write. */
  sidecarChanged(): Promise<void> {
    return this.run(async () => {
      if (this.closed) return;
      const onDisk = await this.readDisk();
      if (onDisk === this.diskContent) return; // our own write, or no change
      await this.absorb(onDisk);
      // What the merge kept of ours that the disk lacks is written back; a corrupt sidecar is left alone.
      if (this.health !== 'corrupt' && this.render() !== onDisk) await this.writeSidecar();
      this.publish();
    });
  }

  private async readDisk(): Promise<string | undefined> {
    const bytes = await this.host.files.read(this.sidecarPath);
    return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
  }

  /** First read at open: the sidecar on disk becomes both ours and the base. */
  private async readSidecar(read: FileRead): Promise<void> {
    if (read.error) {
      this.health = 'corrupt';
      this.problems = [{ severity: 'error', message: `cannot read the sidecar: ${read.error.message}`, offset: 0, length: 1, code: 'unreadable' }];
      return;
    }
    const content = read.bytes === undefined ? undefined : new TextDecoder().decode(read.bytes);
    this.diskContent = content;
    if (content === undefined) {
      this.health = 'missing';
      this.problems = [];
      return;
    }
    const conflicted = parseConflicted(content);
    if (conflicted) {
      this.health = 'conflict';
      this.problems = [];
      this.placeSidecar(conflicted.merged, false);
      this.base = DocumentAnnotations.fromSidecar(this.annotations.text, conflicted.base ?? conflicted.merged).annotations;
      this.conflicts = conflicted.conflicts;
      return;
    }
    const parsed = parseSidecar(content);
    this.problems = parsed.problems;
    if (!parsed.sidecar) {
      // Never overwritten: the annotator fixes it (the diagnostics show where), then it is read again.
      this.health = 'corrupt';
      return;
    }
    this.health = 'ok';
    const previousText = parsed.sidecar.sha256 !== this.textSha() ? await this.host.history?.find(parsed.sidecar.sha256, this.path).catch(() => undefined) : undefined;
    this.placeSidecar(parsed.sidecar, true, previousText);
  }

  private placeSidecar(sidecar: Sidecar, asBase: boolean, previousText?: string): void {
    const { annotations, report } = DocumentAnnotations.fromSidecar(this.annotations.text, sidecar, previousText);
    this.annotations = annotations;
    this.loadReport = report;
    this.loadedSha = sidecar.sha256;
    if (asBase) this.base = annotations.clone();
  }

  private sidecarSha(): string {
    return this.loadedSha;
  }

  private textSha(): string {
    return sha256Hex(articleBytes(this.annotations.text, this.hasBom));
  }

  /** What the session holds, as a sidecar for the current text. */
  private ours(): Sidecar {
    return this.annotations.toSidecar(path.basename(this.path), this.textSha());
  }

  /** The bytes the sidecar should hold now: the sidecar, or with unresolved conflicts git's conflicted form. */
  private render(): string {
    const ours = this.ours();
    return this.conflicts.length > 0 ? serializeConflicted({ merged: ours, conflicts: this.conflicts }) : serializeSidecar(ours);
  }

  private holdsAnything(): boolean {
    const a = this.annotations;
    return a.entities.length > 0 || a.rejected.length > 0 || a.unresolved.length > 0 || a.status !== 'todo' || this.diskContent !== undefined;
  }

  private scheduleWrite(): void {
    if (this.health === 'corrupt' || !this.holdsAnything()) return;
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = setTimeout(() => {
      this.writeTimer = undefined;
      void this.run(() => (this.closed ? undefined : this.writeSidecar())).catch((e: Error) => this.host.log(`could not write ${this.sidecarPath}: ${e.message}`));
    }, TYPING_WRITE_DELAY_MS);
  }

  /** Compare-and-swap write of the sidecar; merges what changed on disk first. */
  private async writeSidecar(): Promise<void> {
    await this.debrisCleared;
    if (this.writeTimer) {
      clearTimeout(this.writeTimer);
      this.writeTimer = undefined;
    }
    if (this.health === 'corrupt') return;
    // Restricted mode: the writes that follow typing, a re-anchoring at open or a merge are not made (explicit
    // changes were refused before they were made).
    if (this.host.files.whyNotWritable(this.sidecarPath)) return;
    if (this.diskContent === undefined && !this.holdsAnything()) return;
    if (this.render() === this.diskContent) return;
    await this.host.files.withLock(this.sidecarPath, async () => {
      for (let attempt = 0; attempt < 3; attempt++) {
        const onDisk = await this.readDisk();
        if (onDisk !== this.diskContent) {
          await this.absorb(onDisk);
          if (this.health === 'corrupt') return;
        }
        const content = this.render();
        if (content === onDisk) return;
        await this.host.files.writeAtomic(this.sidecarPath, content);
        this.diskContent = content;
        this.base = this.annotations.clone();
        if (this.health === 'missing') this.health = 'ok';
        this.loadedSha = this.textSha();
        this.problems = [];
        this.host.written?.(this.snapshotNow());
        return;
      }
    });
  }

  /**
   * What is on disk differs from what this session last read or wrote: merge it (three-way, by annotation
   * identity) into what the session holds. The caller writes the result if it differs from the disk.
   */
  private async absorb(onDisk: string | undefined): Promise<void> {
    if (onDisk === undefined) {
      // Deleted underneath (git checkout, a script): written again only from what this session holds.
      if (this.holdsAnything() && this.diskContent !== undefined) {
        this.host.message?.('warning', `${path.basename(this.sidecarPath)} was deleted on disk; Hashiya writes it again from the annotations of the open article. Delete the annotations in the editor (or close the article first) to remove it.`);
      }
      this.diskContent = undefined;
      this.base = DocumentAnnotations.empty(this.annotations.text);
      if (this.health !== 'conflict') this.health = 'missing';
      return;
    }
    const text = this.annotations.text;
    const name = path.basename(this.path);
    const sha = this.textSha();
    const inCurrentText = (s: Sidecar): Sidecar => ({ ...s, text: name, sha256: sha });
    const conflicted = parseConflicted(onDisk);
    let theirs: Sidecar;
    let report: LoadReport;
    if (conflicted) {
      const placed = DocumentAnnotations.fromSidecar(text, conflicted.merged);
      theirs = inCurrentText(placed.annotations.toSidecar(name, sha));
      report = placed.report;
    } else {
      const parsed = parseSidecar(onDisk);
      if (!parsed.sidecar) {
        this.health = 'corrupt';
        this.problems = parsed.problems;
        this.diskContent = onDisk;
        this.host.message?.('error', `${path.basename(this.sidecarPath)} was changed on disk and has errors; it is not overwritten. Fix it (see Problems) and the annotations come back.`);
        return;
      }
      const placed = DocumentAnnotations.fromSidecar(text, parsed.sidecar);
      theirs = inCurrentText(placed.annotations.toSidecar(name, sha));
      report = placed.report;
    }
    const base = inCurrentText(this.base.toSidecar(name, sha));
    const result = mergeSidecars(base, this.ours(), theirs);
    const conflicts = conflicted ? [...conflicted.conflicts, ...result.conflicts] : result.conflicts;
    this.replaceAnnotations(result.merged);
    this.base = DocumentAnnotations.fromSidecar(text, theirs).annotations;
    this.diskContent = onDisk;
    this.loadReport = report;
    this.conflicts = dedupeConflicts([...this.conflicts.filter((c) => conflicts.every((n) => n.key !== c.key)), ...conflicts]);
    this.health = this.conflicts.length > 0 ? 'conflict' : 'ok';
    this.problems = [];
    if (result.conflicts.length > 0) {
      this.host.message?.('warning', `${path.basename(this.sidecarPath)} was changed on disk while you annotated: ${result.conflicts.length} annotation(s) differ; choose in the Problems view (keep mine, keep theirs, keep both).`);
    }
  }

  private replaceAnnotations(sidecar: Sidecar): void {
    this.annotations = DocumentAnnotations.fromSidecar(this.annotations.text, sidecar).annotations;
  }

  // ---- matching and publishing ---------------------------------------------------------------------------------

  private rematchAll(): void {
    const matcher = this.host.matcher(this.corpus);
    try {
      this.candidates = matcher ? matcher.matchAll(this.annotations.text, this.annotations.index) : [];
    } catch (error) {
      this.host.log(`matching ${this.path} failed: ${(error as Error).message}`);
      this.candidates = [];
    }
  }

  private snapshotNow(): ArticleSnapshot {
    return new ArticleSnapshot(
      this.uri,
      this.path,
      this.sidecarPath,
      this.version,
      this.lines,
      this.annotations.snapshot(),
      this.candidates,
      this.corpus,
      { health: this.health, text: this.diskContent, problems: this.problems, conflicts: [...this.conflicts] },
      this.loadReport,
      this.hasBom,
      { undo: this.history.undoCount, redo: this.history.redoCount, operations: this.operations },
    );
  }

  private publish(): void {
    this.current = this.snapshotNow();
    const edits = this.pendingEdits;
    this.pendingEdits = [];
    this.host.publish(this.current, edits);
  }
}

/** A read that already happened: the bytes (undefined: no such file) or why it failed. */
export interface FileRead {
  bytes?: Uint8Array;
  error?: Error;
}

/** The article's and its sidecar's bytes, read before the session's queue gets to them. */
export interface PrefetchedFiles {
  article: Promise<FileRead>;
  sidecar: Promise<FileRead>;
}

/** Starts reading an article and its sidecar (never rejects: a failure is kept in the result). */
export function prefetchFiles(files: SessionFiles, articlePath: string): PrefetchedFiles {
  const read = (file: string): Promise<FileRead> => files.read(file).then((bytes) => ({ bytes }), (error: Error) => ({ error }));
  return { article: read(articlePath), sidecar: read(sidecarPathFor(articlePath)) };
}

/** Whether a file's bytes start with the UTF-8 byte order mark (decoding the whole file is not needed to know). */
function startsWithBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** What an annotation change works on. */
export interface SessionDraft {
  annotations: DocumentAnnotations;
  corpus: CorpusConfig;
  /** The state before the change (for features that compute from it, such as suggestions). */
  snapshot: ArticleSnapshot;
  /** A span a command carried, as it lies in the current text (throws UserError if it cannot be found). */
  resolve(span: { start: number; end: number; version?: number; text?: string }): ResolvedSpan;
}

function dedupeConflicts(list: MergeConflict[]): MergeConflict[] {
  const seen = new Set<string>();
  return list.filter((c) => (seen.has(c.key) ? false : (seen.add(c.key), true)));
}

export type { Entity };

// One corpus article open in the editor: its text (as the editor has it, possibly unsaved), its annotations and
// the health of its sidecar. All conversions between LSP positions (UTF-16) and code points happen here.
import type { Position, Range } from 'vscode-languageserver-textdocument';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnnotations, LoadReport } from '../core/annotations/documentAnnotations';
import type { CorpusConfig } from '../core/corpus/config';
import type { Problem } from '../core/sidecar/problems';
import type { KbCandidate } from './suggestionTypes';

export type SidecarHealth = 'ok' | 'missing' | 'corrupt';

export class OpenArticle {
  /** Serialises everything that touches this article: loads, edits, requests, writes. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Content this server last wrote to the sidecar: a watcher event for it is our own echo. */
  lastWritten: string | undefined;
  writeTimer: NodeJS.Timeout | undefined;
  /** Every knowledge-base match in the current text (suggestions are these minus annotated and rejected spans). */
  candidates: KbCandidate[] = [];

  constructor(
    readonly uri: string,
    readonly path: string,
    public document: TextDocument,
    public annotations: DocumentAnnotations,
    public corpus: CorpusConfig,
    readonly sidecarPath: string,
    /** Whether the file on disk starts with a BOM (editors hide it; the sha256 covers it). */
    public hasBom: boolean,
    public health: SidecarHealth,
    public sidecarProblems: Problem[],
    public sidecarText: string | undefined,
    public loadReport: LoadReport,
  ) {}

  /** Runs `task` after every earlier task of this article, in order. */
  serialize<T>(task: () => Promise<T> | T): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  toCodePoint(position: Position): number {
    return this.annotations.index.toCodePoint(this.document.offsetAt(position));
  }

  toPosition(codePoint: number): Position {
    return this.document.positionAt(this.annotations.index.toUtf16(codePoint));
  }

  toRange(start: number, end: number): Range {
    return { start: this.toPosition(start), end: this.toPosition(end) };
  }

  static createDocument(uri: string, languageId: string, version: number, text: string): TextDocument {
    return TextDocument.create(uri, languageId, version, text);
  }
}

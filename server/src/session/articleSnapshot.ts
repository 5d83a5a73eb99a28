// What the language features read: one open article at one document version, immutable. A feature that takes a
// snapshot answers for exactly that text, even if the annotator types on while it runs; conversions between LSP
// positions (UTF-16) and code points happen here and nowhere else.
import type { SidecarHealth } from '../../../common/documentStatus';
import type { AnnotationsSnapshot, LoadReport } from '../core/annotations/documentAnnotations';
import type { CorpusConfig } from '../core/corpus/config';
import type { Problem } from '../core/sidecar/problems';
import type { KbCandidate } from '../workspace/suggestionTypes';
import type { LineIndex, Position } from './lineIndex';
import type { MergeConflict } from '../core/sidecar/merge';


export interface Range {
  start: Position;
  end: Position;
}

export interface SidecarView {
  health: SidecarHealth;
  /** The sidecar's text as last read or written (for placing its diagnostics). */
  text: string | undefined;
  problems: readonly Problem[];
  /** Annotations changed differently here and on disk, waiting for the annotator's choice. */
  conflicts: readonly MergeConflict[];
}

export interface HistoryCounts {
  undo: number;
  redo: number;
  /** Counts annotation operations, undos and redos: a client tells an annotation change from a merge or a rematch. */
  operations: number;
}

export class ArticleSnapshot {
  constructor(
    readonly uri: string,
    readonly path: string,
    readonly sidecarPath: string,
    readonly version: number,
    readonly lines: LineIndex,
    readonly annotations: AnnotationsSnapshot,
    /** Every knowledge-base match in this text (suggestions are these minus annotated and rejected spans). */
    readonly candidates: readonly KbCandidate[],
    readonly corpus: CorpusConfig,
    readonly sidecar: SidecarView,
    readonly loadReport: LoadReport,
    /** Whether a file on disk starts with a BOM (editors hide it; the sha256 covers it). */
    readonly hasBom: boolean,
    /** Annotation operations that can be undone and redone, and how many were made, undone or redone so far. */
    readonly history: HistoryCounts = { undo: 0, redo: 0, operations: 0 },
  ) {}

  get text(): string {
    return this.annotations.text;
  }

  get health(): SidecarHealth {
    return this.sidecar.health;
  }

  /** Code point of an LSP position (clamped into the text, as editors' own events are). */
  toCodePoint(position: Position): number {
    return this.annotations.index.toCodePoint(this.lines.offsetAt(position));
  }

  /** Code point of an LSP position, or undefined when the position is not inside the text. */
  toCodePointStrict(position: Position): number | undefined {
    const utf16 = this.lines.offsetAtStrict(position, this.text);
    return utf16 === undefined ? undefined : this.annotations.index.toCodePoint(utf16);
  }

  toPosition(codePoint: number): Position {
    return this.lines.positionAt(this.annotations.index.toUtf16(codePoint));
  }

  toRange(start: number, end: number): Range {
    return { start: this.toPosition(start), end: this.toPosition(end) };
  }

  /** UTF-16 length of a line without its line break. */
  lineLength(line: number): number {
    return this.lines.lineContentEnd(line, this.text) - this.lines.lineStart(line);
  }
}

// Every parameter a request or command brings is checked here, with the rules the sidecar reader applies, before
// anything changes: a known label, a ref of the form namespace:id, positions inside the text (never clamped),
// start before end. A bad one ends the request with InvalidParams naming the problem; the server therefore never
// writes a sidecar that it would itself refuse to read.
import { REF_PATTERN } from '../core/sidecar/parse';
import type { CorpusConfig } from '../core/corpus/config';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../../common/documentStatus';
import type { ArticleSnapshot, Range } from '../session/articleSnapshot';
import { InvalidParamsError } from '../session/errors';

export function checkLabel(corpus: CorpusConfig, label: unknown, what = 'label'): string {
  if (typeof label !== 'string' || label.length === 0) throw new InvalidParamsError(`${what} must be a non-empty string`);
  if (!corpus.labels.some((l) => l.name === label)) {
    throw new InvalidParamsError(`Unknown ${what} "${label}"; hashiya.json defines ${corpus.labels.map((l) => l.name).join(', ')}`);
  }
  return label;
}

/** A ref, or undefined when absent; `null` passes through for "remove the ref". */
export function checkRef(ref: unknown): string | undefined {
  if (ref === undefined) return undefined;
  if (typeof ref !== 'string' || !REF_PATTERN.test(ref)) {
    throw new InvalidParamsError(`ref ${JSON.stringify(ref)} must look like namespace:id (for example geonames:98463)`);
  }
  return ref;
}

export function checkStatus(status: unknown): DocumentStatus {
  if (!DOCUMENT_STATUSES.includes(status as DocumentStatus)) {
    throw new InvalidParamsError(`Unknown status ${JSON.stringify(status)}; one of ${DOCUMENT_STATUSES.join(', ')}`);
  }
  return status as DocumentStatus;
}

/** Code points of an LSP range that must lie inside the text; `allowEmpty` for a cursor. */
export function checkRange(snapshot: ArticleSnapshot, range: Range | undefined, allowEmpty: boolean): { start: number; end: number } {
  if (!range || typeof range !== 'object') throw new InvalidParamsError('range is missing');
  const start = snapshot.toCodePointStrict(range.start);
  const end = snapshot.toCodePointStrict(range.end);
  const where = (p: Range['start']) => `line ${p?.line}, character ${p?.character}`;
  if (start === undefined) throw new InvalidParamsError(`range start (${where(range.start)}) is outside the document (${snapshot.lines.lineCount} lines)`);
  if (end === undefined) throw new InvalidParamsError(`range end (${where(range.end)}) is outside the document (${snapshot.lines.lineCount} lines)`);
  if (end < start || (!allowEmpty && end === start)) throw new InvalidParamsError(end === start ? 'Select the text to annotate first (the range is empty).' : 'range end is before its start');
  return { start, end };
}

/** Code-point offsets a command carries: integers, start < end. Whether they fit the text is the session's check. */
export function checkOffsets(args: { start?: unknown; end?: unknown }): { start: number; end: number } {
  const { start, end } = args;
  if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0) {
    throw new InvalidParamsError(`start and end must be code-point offsets (integers ≥ 0), got ${JSON.stringify(start)} and ${JSON.stringify(end)}`);
  }
  if ((end as number) <= (start as number)) throw new InvalidParamsError(`end (${end}) must be greater than start (${start})`);
  return { start: start as number, end: end as number };
}

export function checkVersion(version: unknown): number | undefined {
  if (version === undefined) return undefined;
  if (!Number.isInteger(version)) throw new InvalidParamsError(`version must be an integer, got ${JSON.stringify(version)}`);
  return version as number;
}

export function checkUri(uri: unknown): string {
  if (typeof uri !== 'string' || uri.length === 0) throw new InvalidParamsError('uri must name an open document');
  return uri;
}

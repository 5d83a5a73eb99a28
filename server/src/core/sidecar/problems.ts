// A problem found in a file, placed by offset so that the CLI can print `file:line:col` and the language server
// can put a diagnostic at the same place.

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  severity: Severity;
  message: string;
  /** UTF-16 offset into the file's text (what JSON parsers and editors count). */
  offset: number;
  length: number;
  /** Stable identifier of the check, for filtering and tests. */
  code: string;
}

/** Offsets at which each line of the last text asked about starts (one text is usually asked about many times). */
let lastText: string | undefined;
let lastLineStarts: number[] = [];

function lineStarts(text: string): number[] {
  if (text !== lastText) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lastText = text;
    lastLineStarts = starts;
  }
  return lastLineStarts;
}

/**
 * 1-based line and column (UTF-16 column, as editors show it) of an offset. Binary search over the line starts of
 * the text, so that reporting every problem of a file is linear in the file, not quadratic.
 */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const starts = lineStarts(text);
  let lo = 0;
  let hi = starts.length - 1;
  // The last line start ≤ offset; an offset on a newline belongs to the line it ends.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

export function formatProblem(file: string, fileText: string, problem: Problem): string {
  const { line, column } = lineAndColumn(fileText, problem.offset);
  const tag = problem.severity === 'error' ? 'error' : problem.severity;
  return `${file}:${line}:${column}: ${tag}: ${problem.message} [${problem.code}]`;
}

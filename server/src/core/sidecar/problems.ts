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

/** 1-based line and column (UTF-16 column, as editors show it) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function formatProblem(file: string, fileText: string, problem: Problem): string {
  const { line, column } = lineAndColumn(fileText, problem.offset);
  const tag = problem.severity === 'error' ? 'error' : problem.severity;
  return `${file}:${line}:${column}: ${tag}: ${problem.message} [${problem.code}]`;
}

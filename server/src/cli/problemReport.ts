// Printing problems for people (file:line:col), tools (JSON Lines) and GitHub Actions (workflow commands, which
// GitHub shows as annotations on the pull request's files).
import * as path from 'node:path';
import { formatProblem, lineAndColumn, type Problem } from '../core/sidecar/problems';
import { CliError, type CliIO } from './io';

export const REPORT_FORMATS = ['text', 'json', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportedProblem {
  file: string;
  problem: Problem;
  fileText: string;
}

export function reportFormat(value: string | undefined, json: boolean | undefined): ReportFormat {
  const format = value ?? (json ? 'json' : 'text');
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new CliError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  return format as ReportFormat;
}

// https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions: data escapes % CR LF;
// property values also : and ,.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function printProblems(report: readonly ReportedProblem[], format: ReportFormat, io: CliIO): void {
  // Each file's relative path once, and the whole report in one write: a sidecar may have tens of thousands of
  // problems, and a write per line made the report the slowest part of validate.
  const relative = new Map<string, string>();
  const rel = (file: string) => relative.get(file) ?? relative.set(file, path.relative(process.cwd(), file).split(path.sep).join('/') || file).get(file)!;
  const lines: string[] = [];
  for (const r of report) {
    const { line, column } = lineAndColumn(r.fileText, r.problem.offset);
    if (format === 'json') {
      lines.push(JSON.stringify({ file: rel(r.file), line, column, severity: r.problem.severity, code: r.problem.code, message: r.problem.message }) + '\n');
    } else if (format === 'github') {
      const command = r.problem.severity === 'error' ? 'error' : r.problem.severity === 'warning' ? 'warning' : 'notice';
      lines.push(`::${command} file=${escapeProperty(rel(r.file))},line=${line},col=${column},title=${escapeProperty(`hashiya ${r.problem.code}`)}::${escapeData(r.problem.message)}\n`);
    } else {
      lines.push(formatProblem(rel(r.file), r.fileText, r.problem) + '\n');
    }
  }
  if (lines.length > 0) io.out(lines.join(''));
}

// `hashiya stats DIR [--json]`: documents by status, entities per label, tokens and sentences.
import * as path from 'node:path';
import { CorpusError } from '../../core/corpus/load';
import { corpusStats } from '../../core/training/stats';
import { parseCommandArgs } from '../args';
import { CliError } from '../io';
import type { Command } from '../registry';
import { progressPrinter } from './export';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'documents by status, entities per label, tokens and sentences of a corpus',
  usage: `usage: hashiya stats [DIR] [--json]

Counts the corpus in DIR (default .): documents by status (an article without a sidecar is todo), entities per
label (and how many carry a reference), rejected suggestions, unresolved annotations, characters, and tokens
and sentences as "hashiya export" cuts them (before entity boundaries split any word). A document whose article
or sidecar has errors is not counted: its errors are printed as "hashiya validate" prints them, and the exit
code is 1.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    if (positionals.length > 1) throw new CliError('expected at most one corpus folder');
    const onProgress = progressPrinter(io, 'stats: documents');
    const stats = await corpusStats(positionals[0] ?? '.', onProgress ? { onProgress } : {}).catch((error: unknown) => {
      throw error instanceof CorpusError ? new CliError(error.message, 1) : error;
    });
    const rel = (file: string) => path.relative(process.cwd(), file) || file;
    for (const p of stats.problems) io.err(`${rel(p.file)}:${p.line}:${p.column}: error: ${p.problem.message} [${p.problem.code}]\n`);
    const exitCode = stats.problems.length > 0 ? 1 : 0;
    if (values.json) {
      io.out(JSON.stringify({ ...stats, problems: stats.problems.map((p) => ({ file: rel(p.file), line: p.line, column: p.column, code: p.problem.code, message: p.problem.message })) }, null, 2) + '\n');
      return exitCode;
    }
    // A loop, not Math.max(...labels): a corpus may have more labels than a call takes arguments.
    let width = 8;
    for (const label of Object.keys(stats.entitiesByLabel)) width = Math.max(width, label.length);
    const lines = [
      `documents   ${stats.documents}`,
      ...Object.entries(stats.byStatus).map(([s, n]) => `  ${s.padEnd(12)}${n}`),
      ...(stats.unreadable ? [`  invalid     ${stats.unreadable} (see the errors above)`] : []),
      `entities    ${stats.entities} (${stats.withRef} with a reference)`,
      ...Object.entries(stats.entitiesByLabel).map(([l, n]) => `  ${l.padEnd(width)}  ${n}`),
      `rejected    ${stats.rejected}`,
      `unresolved  ${stats.unresolved}`,
      `tokens      ${stats.tokens}`,
      `sentences   ${stats.sentences}`,
      `characters  ${stats.characters}`,
    ];
    io.out(lines.join('\n') + '\n');
    return exitCode;
  },
};

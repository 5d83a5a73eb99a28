// `hashiya stats DIR [--json]`: documents by status, entities per label, tokens and sentences.
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
and sentences as "hashiya export" cuts them (before entity boundaries split any word).`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    if (positionals.length > 1) throw new CliError('expected at most one corpus folder');
    const onProgress = progressPrinter(io, 'stats: documents');
    const stats = await corpusStats(positionals[0] ?? '.', onProgress ? { onProgress } : {});
    if (values.json) {
      io.out(JSON.stringify(stats, null, 2) + '\n');
      return 0;
    }
    const width = Math.max(8, ...Object.keys(stats.entitiesByLabel).map((l) => l.length));
    const lines = [
      `documents   ${stats.documents}`,
      ...Object.entries(stats.byStatus).map(([s, n]) => `  ${s.padEnd(12)}${n}`),
      ...(stats.unreadable ? [`  unreadable  ${stats.unreadable} (run hashiya validate)`] : []),
      `entities    ${stats.entities} (${stats.withRef} with a reference)`,
      ...Object.entries(stats.entitiesByLabel).map(([l, n]) => `  ${l.padEnd(width)}  ${n}`),
      `rejected    ${stats.rejected}`,
      `unresolved  ${stats.unresolved}`,
      `tokens      ${stats.tokens}`,
      `sentences   ${stats.sentences}`,
      `characters  ${stats.characters}`,
    ];
    io.out(lines.join('\n') + '\n');
    return 0;
  },
};

// `hashiya export DIR --format F --out PATH`: training data from a corpus (SPEC §6), through the core's
// exportCorpus, with its counts printed and written to a manifest beside the output.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describeReanchor } from '../../core/annotations/reanchorSidecar';
import { defaultTextCacheFolder, GitHistory, historyChain, TextCache } from '../../core/annotations/textHistory';
import { parseShard, pathList } from '../../core/corpus/shard';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../core/sidecar/types';
import { type ExportManifest, ExportError, exportCorpus, type Counts } from '../../core/training/export';
import { CLITIC_POLICIES, type CliticPolicy, EXPORT_FORMATS, type ExportFormat, NESTED_POLICIES, type NestedPolicy, SCHEMES, type Scheme } from '../../core/training/types';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO, nodeIO } from '../io';
import type { Command } from '../registry';

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new CliError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

function labelCounts(c: Counts): string {
  return Object.entries(c.entitiesByLabel).map(([label, n]) => `${label} ${n}`).join(', ') || 'none';
}

export function formatExportSummary(m: ExportManifest, out: string): string {
  const t = m.totals;
  const lines = [`exported ${t.documents} documents, ${t.sentences} sentences, ${t.tokens} tokens, ${t.entities} entities (${m.format})`];
  if (m.options.split) {
    lines.push(`  split (seed ${m.options.split.seed}): ${m.options.split.names.map((n) => `${n} ${m.splits[n].documents} documents / ${m.splits[n].entities} entities`).join(', ')}`);
  }
  lines.push(`  entities by label: ${labelCounts(t)}`);
  const excluded = Object.entries(m.corpus.excluded);
  if (excluded.length) lines.push(`  documents not exported: ${excluded.map(([r, n]) => `${n} ${r}`).join('; ')}`);
  const adjusted = Object.entries(m.adjusted);
  lines.push(`  entities adjusted: ${adjusted.length ? adjusted.map(([r, n]) => `${n} ${r}`).join('; ') : 'none'}`);
  const skipped = Object.entries(m.skipped);
  lines.push(`  entities skipped: ${skipped.length ? skipped.map(([r, n]) => `${n} ${r}`).join('; ') : 'none'}`);
  for (const w of m.warnings) lines.push(`  warning: ${w}`);
  const rel = path.relative(process.cwd(), out) || out;
  lines.push(`  wrote ${rel}${m.files.length > 1 ? ` (${m.files.length} files)` : ''} and its manifest`);
  return lines.join('\n') + '\n';
}

/** Progress on a terminal: one line rewritten in place. */
export function progressPrinter(io: CliIO, what: string): ((done: number, total: number) => void) | undefined {
  if (io !== nodeIO || !process.stderr.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    process.stderr.write(`\r${what} ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write training data: conll, iob2, bioes, hf-jsonl, spacy, prodigy-jsonl, doccano-jsonl or brat',
  usage: `usage: hashiya export DIR --format FORMAT --out PATH [options]

Writes the annotations of the corpus in DIR as training data, with its counts (documents, sentences, tokens,
entities per label, entities adjusted or skipped and why) printed and written to a manifest beside the output
(PATH.manifest.json, or manifest.json inside an output folder). Same corpus and options: identical bytes.

formats:
  conll          token and tag per line (space-separated, tag last), blank line between sentences,
                 "-DOCSTART- O" before each document; readable by conlleval and seqeval
  iob2, bioes    conll with that tagging scheme
  hf-jsonl       {"id", "tokens", "ner_tags"} per sentence, integer tags; PATH.labels.json lists the tag names
  spacy          a spaCy v3 DocBin (.spacy) for "spacy train": one Doc per document, sentences and doc.ents set
  prodigy-jsonl  {"text", "tokens", "spans", "meta", "answer"} per document (nested entities kept)
  doccano-jsonl  {"text", "label": [[start, end, label]]} per document (nested entities kept)
  brat           PATH is a folder: NAME.txt and NAME.ann per document (T and N lines) and annotation.conf
Offsets in JSON formats and brat are code points (as Python counts).

options:
  --scheme iob2|bioes          tagging scheme of conll and hf-jsonl (default iob2)
  --status LIST                statuses to export, e.g. done,reviewed (default: done,reviewed)
  --split 80,10,10             train/dev/test percentages by document (or 90,10: train/test); PATH is then a
                               folder with train.EXT, dev.EXT, test.EXT. A document's part depends only on
                               --seed and its path, so adding documents never moves the others.
  --seed S                     seed of the split (default 0)
  --labels LIST                LOC,ACTOR keeps only those labels; GPE=LOC renames (with only renames, all
                               other labels are kept as they are)
  --nested outer|inner         flat formats (conll, iob2, bioes, hf-jsonl, spacy): keep the longest (outer,
                               default) or the shortest (inner) of nested entities; the others are counted
  --clitics boundary|attach|split
                               a word an entity boundary cuts (بالعراق with the entity on العراق):
                               boundary (default) splits it there (ب + العراق); attach extends the entity
                               to the whole word (as ANERcorp and Wojood); split also splits proclitics
                               و ف ب ك ل before the article ال off every word, one token per clitic
  --no-docstart                conll: no -DOCSTART- lines
  --json                       print the manifest as JSON instead of the summary
  --shard K/N                  only the articles whose path (relative to DIR) hashes to shard K of N: N
                               machines given the same corpus export disjoint parts that together are all of it
  --files-from PATH            only the articles listed in PATH, one per line (- reads standard input)

Tokens: runs of letters, marks and digits, each punctuation mark apart, never across an entity boundary;
sentences end at . ! ? ؟ ۔ … and line breaks. A corpus made by "hashiya import" records its own
tokenisation in hashiya.json, and export gives back the original tokens and sentences.

A sidecar written for an earlier version of its article (sha256 differs) is re-anchored on the article as it is,
as "hashiya validate --fix" does (without rewriting it), and reported on stderr with its counts.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string' },
      out: { type: 'string' },
      scheme: { type: 'string' },
      status: { type: 'string' },
      split: { type: 'string' },
      seed: { type: 'string' },
      labels: { type: 'string' },
      nested: { type: 'string' },
      clitics: { type: 'string' },
      'no-docstart': { type: 'boolean' },
      json: { type: 'boolean' },
      shard: { type: 'string' },
      'files-from': { type: 'string' },
    });
    if (positionals.length !== 1) throw new CliError('expected one corpus folder DIR');
    const format = oneOf<ExportFormat>('format', values.format, EXPORT_FORMATS);
    if (!format) throw new CliError(`--format is required (${EXPORT_FORMATS.join(', ')})`);
    if (!values.out) throw new CliError('--out PATH is required');
    let status: DocumentStatus[] | undefined;
    if (values.status !== undefined) {
      status = values.status.split(',').map((s) => s.trim()).filter(Boolean) as DocumentStatus[];
      const bad = status.filter((s) => !DOCUMENT_STATUSES.includes(s));
      if (bad.length || status.length === 0) throw new CliError(`--status takes a comma-separated list of ${DOCUMENT_STATUSES.join(', ')}`);
    }
    const scheme = oneOf<Scheme>('scheme', values.scheme, SCHEMES);
    const nested = oneOf<NestedPolicy>('nested', values.nested, NESTED_POLICIES);
    const clitics = oneOf<CliticPolicy>('clitics', values.clitics, CLITIC_POLICIES);
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    if (values.shard !== undefined && !shard) throw new CliError(`--shard takes K/N with 1 ≤ K ≤ N (got "${values.shard}")`);
    const files = values['files-from'] === undefined ? undefined : pathList(values['files-from'] === '-' ? await io.readStdin() : await readFile(values['files-from'], 'utf8'));
    const controller = new AbortController();
    const onSigint = () => controller.abort();
    if (io === nodeIO) process.once('SIGINT', onSigint);
    try {
      const onProgress = progressPrinter(io, 'export: documents');
      const manifest = await exportCorpus(
        {
          root: positionals[0],
          format,
          out: values.out,
          ...(scheme ? { scheme } : {}),
          ...(status ? { status } : {}),
          ...(values.split ? { split: values.split } : {}),
          ...(values.seed !== undefined ? { seed: values.seed } : {}),
          ...(values.labels ? { labels: values.labels } : {}),
          ...(nested ? { nested } : {}),
          ...(clitics ? { clitics } : {}),
          ...(values['no-docstart'] ? { docstart: false } : {}),
          ...(shard ? { shard } : {}),
          ...(files ? { files } : {}),
        },
        {
          signal: controller.signal,
          ...(onProgress ? { onProgress } : {}),
          history: historyChain(new TextCache(defaultTextCacheFolder()), new GitHistory()),
          onReanchored: (file, report) => io.err(`${file}: the article changed after its sidecar was written; re-anchored: ${describeReanchor(report)}\n`),
        },
      );
      if (values.json) io.out(JSON.stringify(manifest, null, 2) + '\n');
      else io.out(formatExportSummary(manifest, path.resolve(values.out)));
      return 0;
    } catch (error) {
      if (error instanceof ExportError) throw new CliError(error.message, 1);
      if ((error as Error).name === 'AbortError') throw new CliError('cancelled; nothing was written', 130);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR') throw new CliError((error as Error).message, 1);
      throw error;
    } finally {
      if (io === nodeIO) process.removeListener('SIGINT', onSigint);
    }
  },
};

// `hashiya import conll|conllu|brat|doccano IN --out DIR`: an existing annotated corpus turned into a Hashiya
// corpus, through the core's importCorpus. Problems are printed as file:line: lines; the import never stops on them.
import * as path from 'node:path';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../core/sidecar/types';
import { IMPORT_FORMATS, type ImportFormat, importCorpus } from '../../core/training/import/importCorpus';
import type { ReadScheme } from '../../core/training/tags';
import { parseCommandArgs } from '../args';
import { CliError, nodeIO } from '../io';
import type { Command } from '../registry';
import { progressPrinter } from './export';

export const importCommand: Command = {
  name: 'import',
  summary: 'make a corpus from conll, conllu, brat or doccano files (one .txt and .ann.json per document)',
  usage: `usage: hashiya import conll|conllu|brat|doccano IN --out DIR [options]

Reads IN (a file, or a folder searched for files of the format; .gz files are read as they are) and writes a
corpus into DIR, which must be new or empty: one NAME.txt and NAME.ann.json per document (status done unless
--status) and a hashiya.json with the labels found (kind guessed: LOC/GPE location, ORG organization, PER/PERS
person, DATE/TIME date, EVENT event, else other) and the tokenisation, so that "hashiya export" gives back the
original tokens. Documents are named after their input file: DIR/STEM/STEM-00001.txt, ...

conll    token column and one or more tag columns, tab- or space-separated; several tag columns are nested
         layers (Wojood); IOB1, IOB2 and BIOES/BILOU read (guessed per file, or --scheme); documents end at
         -DOCSTART- lines, or every --docs-per sentences (default 100 when the file has no -DOCSTART-);
         a leading BOM, CRLF and invisible marks in tokens (U+200E as in NewsFANE) are dropped. Each document's
         text is its sentences one per line, tokens joined by single spaces.
conllu   each sentence's "# text" is kept exactly (one line per sentence); tokens written without a space
         (SpaceAfter=No) are recorded so that export splits them again; documents follow "# newdoc" (or
         --docs-per); a BIO tag in MISC (NER=, NE=, Entity=) becomes an entity.
brat     NAME.txt with NAME.ann beside it: T lines (a discontinuous entity becomes one span from its first start
         to its last end), N lines as references (N1 Reference T1 geonames:98463 -> ref); relations, events,
         attributes and notes are counted and left out. The text is copied byte for byte.
doccano  JSONL, one document per line: {"text", "label": [[start, end, label]]} or "entities" with
         start_offset/end_offset.

malformed input is reported with file and line and read by these rules (the import goes on):
  an empty token (or one of invisible marks only)    the line is skipped
  a token line without a tag                         read as O
  OO, 0, o, O-                                       read as O
  I--ORG (repeated separator), b-LOC (lower case)    read as I-ORG, B-LOC
  B- or I- without a type                            read as O
  LOC (no prefix)                                    read as I-LOC: adjacent tokens with the label are one entity
  I-X that follows neither B-X nor I-X               starts a new entity, as conlleval reads it (reported
                                                     for IOB2 and BIOES, normal in IOB1)
  E-X with nothing to end                            a one-token entity
  an entity not closed by E- (BIOES)                 ends at its last tagged token
  an unreadable JSON line, brat line or offset       skipped

options:
  --out DIR                    the corpus folder to create (required)
  --status S                   status of the documents: ${DOCUMENT_STATUSES.join(', ')} (default done)
  --scheme auto|iob1|iob2|bioes  tagging scheme of conll/conllu tags (default auto)
  --docs-per N                 sentences per document
  --token-column N             conll: 1-based column of the token (default 1)
  --tag-columns LIST|last      conll: 1-based tag columns, e.g. 4 for CoNLL-2003 (default: every other column)
  --separator auto|tab|space   conll: column separator (default auto: tab if the line has one)
  --json                       print the result (counts, labels, problems) as JSON`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      out: { type: 'string' },
      status: { type: 'string' },
      scheme: { type: 'string' },
      'docs-per': { type: 'string' },
      'token-column': { type: 'string' },
      'tag-columns': { type: 'string' },
      separator: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [format, input] = positionals;
    if (positionals.length !== 2 || !IMPORT_FORMATS.includes(format as ImportFormat)) {
      throw new CliError(`expected a format (${IMPORT_FORMATS.join(', ')}) and an input IN`);
    }
    if (!values.out) throw new CliError('--out DIR is required');
    const status = values.status as DocumentStatus | undefined;
    if (status !== undefined && !DOCUMENT_STATUSES.includes(status)) throw new CliError(`--status must be one of ${DOCUMENT_STATUSES.join(', ')}`);
    const scheme = values.scheme as ReadScheme | 'auto' | undefined;
    if (scheme !== undefined && !['auto', 'iob1', 'iob2', 'bioes'].includes(scheme)) throw new CliError('--scheme must be auto, iob1, iob2 or bioes');
    const positive = (name: string, v: string | undefined) => {
      if (v === undefined) return undefined;
      if (!/^[1-9]\d*$/.test(v)) throw new CliError(`--${name} must be a positive whole number`);
      return Number(v);
    };
    const docsPer = positive('docs-per', values['docs-per']);
    const tokenColumn = positive('token-column', values['token-column']);
    let tagColumns: number[] | 'last' | undefined;
    if (values['tag-columns'] === 'last') tagColumns = 'last';
    else if (values['tag-columns'] !== undefined) tagColumns = values['tag-columns'].split(',').map((c) => positive('tag-columns', c.trim())!);
    const separator = values.separator as 'auto' | 'tab' | 'space' | undefined;
    if (separator !== undefined && !['auto', 'tab', 'space'].includes(separator)) throw new CliError('--separator must be auto, tab or space');

    const controller = new AbortController();
    const onSigint = () => controller.abort();
    if (io === nodeIO) process.once('SIGINT', onSigint);
    let result;
    try {
      const onProgress = progressPrinter(io, 'import: files');
      result = await importCorpus(
        {
          format: format as ImportFormat,
          input,
          out: values.out,
          ...(status ? { status } : {}),
          ...(scheme ? { scheme } : {}),
          ...(docsPer ? { docsPer } : {}),
          ...(tokenColumn ? { tokenColumn } : {}),
          ...(tagColumns ? { tagColumns } : {}),
          ...(separator ? { separator } : {}),
        },
        { signal: controller.signal, ...(onProgress ? { onProgress } : {}) },
      );
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw new CliError('cancelled; nothing was written to the output folder', 130);
      throw new CliError((error as Error).message, 1);
    } finally {
      if (io === nodeIO) process.removeListener('SIGINT', onSigint);
    }
    if (values.json) {
      io.out(JSON.stringify(result, null, 2) + '\n');
      return 0;
    }
    for (const p of result.problems) io.err(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message} [${p.code}]\n`);
    for (const o of result.omitted) io.err(`${o.file}: ... and ${o.count} more [${o.code}]\n`);
    const c = result.counts;
    const schemes = result.inputs.filter((i) => i.scheme).map((i) => `${path.basename(i.file)} ${i.scheme!.toUpperCase()}`);
    const problems = Object.entries(result.problemCounts).map(([code, n]) => `${n} ${code}`).join(', ');
    io.out(
      [
        `imported ${c.documents} documents, ${c.sentences} sentences, ${c.tokens} tokens, ${c.entities} entities from ${result.inputs.length} file(s) into ${path.relative(process.cwd(), path.resolve(values.out)) || values.out}`,
        ...(schemes.length ? [`  tagging scheme: ${schemes.join(', ')}`] : []),
        `  labels: ${Object.entries(c.entitiesByLabel).map(([l, n]) => `${l} ${n}`).join(', ') || 'none'}`,
        `  problems: ${problems || 'none'}`,
      ].join('\n') + '\n',
    );
    return 0;
  },
};

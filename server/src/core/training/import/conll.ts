// Importing CoNLL-like files: a token column and one or more tag columns (several = nested layers, as in Wojood),
// tab- or space-separated, IOB1/IOB2/BIOES (BILOU) detected or given, `-DOCSTART-` lines or a number of sentences
// per document, BOM, CRLF and invisible marks (NewsFANE's U+200E) handled. Each document's text is its sentences,
// one per line, tokens joined by single spaces, so that export (tokens "whitespace", sentences "lines") gives back
// exactly the tokens and sentences read. Memory: one document at a time.
import {
  guessScheme,
  isViolation,
  parseTag,
  type ParsedTag,
  type ReadScheme,
  type SchemeEvidence,
  SentenceDecoder,
  type TagEvent,
} from '../tags';
import { labelNameProblem } from '../../corpus/config';
import { readLineBatches } from './lines';
import { codePointLength, type CorpusWriter, type ImportedEntity, INVISIBLE, type ProblemLog } from './writer';

export interface ConllReadOptions {
  /** `auto` (default) guesses per file from the tags. */
  scheme?: ReadScheme | 'auto';
  /** Sentences per document when the file has no -DOCSTART- (default 100). */
  docsPer?: number;
  /** 1-based column of the token (default 1). */
  tokenColumn?: number;
  /** 1-based tag columns; default every column after the token. `last` is the last column. */
  tagColumns?: number[] | 'last';
  separator?: 'auto' | 'tab' | 'space';
}

export const DEFAULT_DOCS_PER = 100;

/** Whitespace that would split a token when the text is read back (a no-break space does not). */
const SPACE = /[\t\n\v\f\r \u1680\u2000-\u200a\u2028\u2029\u205f\u3000]/;
const SPACES = new RegExp(SPACE.source, 'g');

interface Sentence {
  tokens: string[];
  tags: ParsedTag[][];
  lines: number[];
}

export interface ConllFileResult {
  scheme: ReadScheme;
  documents: number;
  sentences: number;
  tokens: number;
  docstart: boolean;
}

/** Reads one CoNLL file into documents `${prefix}-00001.txt`, ... written through `writer`. */
export async function importConllFile(
  file: string,
  displayName: string,
  prefix: string,
  writer: CorpusWriter,
  log: ProblemLog,
  options: ConllReadOptions = {},
): Promise<ConllFileResult> {
  const tokenColumn = (options.tokenColumn ?? 1) - 1;
  const evidence: SchemeEvidence = { endOrSingle: 0, freshBegin: 0, strayInside: 0 };
  const pendingEvents: Array<{ line: number; event: TagEvent }> = [];
  let docstartMode: boolean | undefined;
  const docsPer = options.docsPer;

  let sentence: Sentence = { tokens: [], tags: [], lines: [] };
  let docSentences: Array<{ tokens: string[]; spans: ImportedEntity[] }> = [];
  let documents = 0;
  let sentences = 0;
  let tokens = 0;
  let stripped = 0;

  const problem = (line: number, severity: 'error' | 'warning', code: string, message: string) =>
    log.add({ file: displayName, line, severity, code, message });

  const endSentence = async (): Promise<void> => {
    if (sentence.tokens.length === 0) return;
    const decoder = new SentenceDecoder();
    for (const tags of sentence.tags) {
      for (const t of tags) if (t.prefix === 'E' || t.prefix === 'S') evidence.endOrSingle++;
      decoder.push(tags);
    }
    const spans = decoder.finish();
    for (const event of decoder.events) {
      if (event.kind === 'fresh-begin') evidence.freshBegin++;
      else if (event.kind === 'stray-inside') evidence.strayInside++;
      if (event.kind !== 'fresh-begin' && pendingEvents.length < 10_000) pendingEvents.push({ line: sentence.lines[event.token], event });
    }
    docSentences.push({ tokens: sentence.tokens, spans: spans.map((s) => ({ start: s.start, end: s.end, label: s.type })) });
    sentences++;
    tokens += sentence.tokens.length;
    sentence = { tokens: [], tags: [], lines: [] };
    const limit = docsPer ?? (docstartMode ? undefined : DEFAULT_DOCS_PER);
    if (limit !== undefined && docSentences.length >= limit) await endDocument();
  };

  const endDocument = async (): Promise<void> => {
    if (docSentences.length === 0) return;
    documents++;
    let text = '';
    let cp = 0;
    const entities: ImportedEntity[] = [];
    let tokenCount = 0;
    for (const s of docSentences) {
      const starts: number[] = [];
      const ends: number[] = [];
      s.tokens.forEach((t, i) => {
        if (i > 0) {
          text += ' ';
          cp++;
        }
        starts.push(cp);
        text += t;
        cp += codePointLength(t);
        ends.push(cp);
      });
      for (const span of s.spans) entities.push({ start: starts[span.start], end: ends[span.end - 1], label: span.label });
      text += '\n';
      cp++;
      tokenCount += s.tokens.length;
    }
    const name = `${prefix}-${String(documents).padStart(5, '0')}.txt`;
    const stats = { sentences: docSentences.length, tokens: tokenCount };
    docSentences = [];
    await writer.add({ path: name, text, entities, source: displayName }, stats);
  };

  let lineNo = 0;
  for await (const batch of readLineBatches(file)) for (const raw of batch) {
    lineNo++;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') {
      await endSentence();
      continue;
    }
    const separator = options.separator ?? 'auto';
    const fields = separator === 'tab' || (separator === 'auto' && line.includes('\t')) ? line.split('\t') : line.trim().split(/\s+/);
    const rawToken = fields[tokenColumn] ?? '';
    if (rawToken.trim() === '-DOCSTART-') {
      if (docstartMode === undefined) docstartMode = true;
      await endSentence();
      await endDocument();
      continue;
    }
    if (docstartMode === undefined) docstartMode = false;
    const visible = rawToken.replace(INVISIBLE, '');
    if (visible !== rawToken) stripped++;
    let token = visible.trim();
    if (SPACE.test(token)) {
      problem(lineNo, 'warning', 'token-space', `token "${token}" contains spaces: written with no-break spaces (U+00A0) so that it stays one token`);
      token = token.replace(SPACES, '\u00a0');
    }
    if (token === '') {
      problem(lineNo, 'warning', 'empty-token', `empty token${rawToken !== '' ? ' (only invisible marks)' : ''}: line skipped`);
      continue;
    }
    // One pass, no intermediate arrays: this runs for every token of the input.
    const tagFields: string[] = [];
    const addTag = (field: string | undefined) => {
      const t = field?.trim();
      if (t) tagFields.push(t);
    };
    if (options.tagColumns === 'last') {
      if (fields.length > 1) addTag(fields[fields.length - 1]);
    } else if (options.tagColumns) for (const c of options.tagColumns) addTag(fields[c - 1]);
    else for (let i = 0; i < fields.length; i++) if (i !== tokenColumn) addTag(fields[i]);
    if (tagFields.length === 0) {
      problem(lineNo, 'warning', 'missing-tag', `no tag for token "${token}": read as O`);
    }
    const tags: ParsedTag[] = [];
    for (const raw of tagFields) {
      const tag = parseTag(raw);
      const unusable = tag.prefix !== 'O' ? labelNameProblem(tag.type) : undefined;
      if (unusable) {
        problem(lineNo, 'warning', 'label-name', `tag "${raw}": ${unusable}: read as O`);
        tags.push({ prefix: 'O', type: '' });
        continue;
      }
      if (tag.repair) problem(lineNo, 'warning', 'malformed-tag', tag.repair);
      if (tag.bare) problem(lineNo, 'warning', 'bare-tag', `tag "${raw}" has no B-/I- prefix: read as I-${raw} (IO scheme: adjacent tokens with the label form one entity)`);
      tags.push(tag);
    }
    sentence.tokens.push(token);
    sentence.tags.push(tags);
    sentence.lines.push(lineNo);
  }
  await endSentence();
  await endDocument();

  const scheme: ReadScheme = options.scheme && options.scheme !== 'auto' ? options.scheme : guessScheme(evidence);
  for (const { line, event } of pendingEvents) {
    if (!isViolation(event.kind, scheme)) continue;
    const message =
      event.kind === 'stray-inside'
        ? `${event.tag} does not follow B-${event.tag.slice(2)} or I-${event.tag.slice(2)}: read as the start of a new entity (as conlleval reads it)`
        : event.kind === 'stray-end'
          ? `${event.tag} ends no entity: read as a one-token entity`
          : `entity of type ${event.tag} ends without an E- tag (${scheme.toUpperCase()}): ended at its last tagged token`;
    problem(line, 'warning', `scheme-${event.kind}`, message);
  }
  if (stripped > 0) log.add({ file: displayName, severity: 'info', code: 'invisible-marks', message: `${stripped} tokens carried invisible marks (U+200E and the like): removed from the text` });
  return { scheme, documents, sentences, tokens, docstart: docstartMode === true };
}

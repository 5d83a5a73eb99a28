// Importing CoNLL-U (Universal Dependencies): each sentence's raw `# text` is kept exactly as the document's line;
// the surface tokens (a multiword token's range line, else the word) are found in it in order, and where two
// tokens meet without a space (SpaceAfter=No) the break is recorded in the sidecar (`tokenBreaks`), so that export
// gives back the treebank's tokens. Without `# text`, the text is rebuilt from the forms and SpaceAfter=No.
// Documents follow `# newdoc` (sentences with the same newdoc id stay together) or `--docs-per`. Entities are read
// from a BIO tag in MISC (`NER=B-LOC`, `Entity=`, `NE=`), when there is one. Memory: one document at a time.
import { labelNameProblem } from '../../corpus/config';
import { guessScheme, parseTag, type ParsedTag, type ReadScheme, SentenceDecoder } from '../tags';
import { readLines } from './lines';
import { codePointLength, type CorpusWriter, type ImportedEntity, type ProblemLog } from './writer';

export interface ConlluReadOptions {
  docsPer?: number;
  scheme?: ReadScheme | 'auto';
}

interface Token {
  form: string;
  spaceAfter: boolean;
  tag?: ParsedTag;
  line: number;
}

interface Sentence {
  text?: string;
  tokens: Token[];
  line: number;
}

const NER_KEYS = /^(?:NER|NE|Entity|ner)=(.*)$/;

export interface ConlluFileResult {
  documents: number;
  sentences: number;
  tokens: number;
  scheme: ReadScheme;
}

export async function importConlluFile(
  file: string,
  displayName: string,
  prefix: string,
  writer: CorpusWriter,
  log: ProblemLog,
  options: ConlluReadOptions = {},
): Promise<ConlluFileResult> {
  const problem = (line: number, severity: 'error' | 'warning', code: string, message: string) =>
    log.add({ file: displayName, line, severity, code, message });
  let sentence: Sentence = { tokens: [], line: 1 };
  let doc: { id?: string; lines: string[]; entities: ImportedEntity[]; breaks: number[]; cp: number; tokens: number } = newDoc();
  let documents = 0;
  let sentences = 0;
  let tokens = 0;
  let rangeEnd = 0; // last word id covered by the current multiword token
  const evidence = { endOrSingle: 0, freshBegin: 0, strayInside: 0 };

  function newDoc(id?: string) {
    return { ...(id !== undefined ? { id } : {}), lines: [] as string[], entities: [] as ImportedEntity[], breaks: [] as number[], cp: 0, tokens: 0 };
  }

  const endDocument = async () => {
    if (doc.lines.length === 0) return;
    documents++;
    // Numbered in file order (export follows path order), with the newdoc id when there is one.
    const id = doc.id ? `-${doc.id.replace(/[^\p{L}\p{N}._-]+/gu, '_')}` : '';
    const name = `${prefix}-${String(documents).padStart(5, '0')}${id}`;
    const text = doc.lines.map((l) => l + '\n').join('');
    const stats = { sentences: doc.lines.length, tokens: doc.tokens };
    const imported = { path: `${name}.txt`, text, entities: doc.entities, tokenBreaks: doc.breaks, source: displayName };
    doc = newDoc();
    await writer.add(imported, stats);
  };

  const endSentence = async () => {
    if (sentence.tokens.length === 0 && sentence.text === undefined) return;
    sentences++;
    const forms = sentence.tokens;
    let text = sentence.text;
    if (text === undefined) {
      text = forms.map((t, i) => t.form + (t.spaceAfter && i < forms.length - 1 ? ' ' : '')).join('');
      problem(sentence.line, 'warning', 'no-text', 'sentence without "# text": text rebuilt from the forms and SpaceAfter=No');
    }
    if (/[\n\r]/.test(text)) {
      problem(sentence.line, 'warning', 'text-newline', '"# text" holds a line break: written as a space');
      text = text.replace(/\r\n|[\n\r]/g, ' ');
    }
    // Align the tokens in the raw text (UTF-16), then convert to code points relative to the document.
    const starts: number[] = [];
    const ends: number[] = [];
    let at = 0;
    let aligned = true;
    for (const t of forms) {
      while (at < text.length && /\s/.test(text[at])) at++;
      if (text.startsWith(t.form, at)) {
        starts.push(at);
        at += t.form.length;
        ends.push(at);
      } else {
        aligned = false;
        problem(t.line, 'warning', 'token-not-in-text', `token "${t.form}" not found in "# text" at column ${at + 1}: the sentence's token breaks are not recorded`);
        break;
      }
    }
    const base = doc.cp;
    const cpOf = (utf16: number) => base + codePointLength(text!.slice(0, utf16));
    if (aligned) {
      for (let i = 0; i + 1 < forms.length; i++) {
        if (ends[i] === starts[i + 1]) doc.breaks.push(cpOf(ends[i]));
        const spaced = ends[i] < starts[i + 1];
        if (spaced === !forms[i].spaceAfter) problem(forms[i].line, 'warning', 'space-after-mismatch', `SpaceAfter${forms[i].spaceAfter ? '' : '=No'} disagrees with "# text"; the text is kept as written`);
      }
      // Entities from MISC tags.
      if (forms.some((t) => t.tag)) {
        const decoder = new SentenceDecoder();
        for (const t of forms) {
          if (t.tag?.prefix === 'E' || t.tag?.prefix === 'S') evidence.endOrSingle++;
          decoder.push(t.tag ? [t.tag] : []);
        }
        for (const s of decoder.finish()) doc.entities.push({ start: cpOf(starts[s.start]), end: cpOf(ends[s.end - 1]), label: s.type });
        for (const e of decoder.events) {
          if (e.kind === 'fresh-begin') evidence.freshBegin++;
          if (e.kind === 'stray-inside') evidence.strayInside++;
        }
      }
    } else if (forms.some((t) => t.tag)) {
      problem(sentence.line, 'warning', 'entities-dropped', 'entities of a sentence whose tokens are not found in "# text" were not imported');
    }
    doc.lines.push(text);
    doc.cp += codePointLength(text) + 1;
    doc.tokens += forms.length;
    tokens += forms.length;
    sentence = { tokens: [], line: sentence.line };
    if (options.docsPer !== undefined && doc.lines.length >= options.docsPer) await endDocument();
  };

  let lineNo = 0;
  for await (const raw of readLines(file)) {
    lineNo++;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') {
      await endSentence();
      rangeEnd = 0;
      continue;
    }
    if (line.startsWith('#')) {
      if (sentence.tokens.length === 0) sentence.line = lineNo;
      const newdoc = /^#\s*newdoc(?:\s+id\s*=\s*(.*))?$/.exec(line);
      if (newdoc) {
        const id = newdoc[1]?.trim();
        if (id === undefined || id !== doc.id) {
          await endDocument();
          doc = newDoc(id);
        }
        continue;
      }
      const text = /^#\s*text\s*=\s?(.*)$/.exec(line);
      if (text) sentence.text = text[1];
      continue;
    }
    const cols = line.split('\t');
    if (cols.length !== 10) {
      problem(lineNo, 'warning', 'columns', `expected 10 tab-separated columns, found ${cols.length}: line skipped`);
      continue;
    }
    const [id, form, , , , , , , , misc] = cols;
    if (/^\d+\.\d+$/.test(id)) continue; // empty node
    const range = /^(\d+)-(\d+)$/.exec(id);
    const word = /^\d+$/.test(id) ? Number(id) : undefined;
    if (word !== undefined && word <= rangeEnd) continue; // a word inside a multiword token: the token was read
    if (!range && word === undefined) {
      problem(lineNo, 'warning', 'bad-id', `ID "${id}" is not a word, range or empty node: line skipped`);
      continue;
    }
    if (range) rangeEnd = Number(range[2]);
    if (form === '') {
      problem(lineNo, 'warning', 'empty-token', 'empty FORM: line skipped');
      continue;
    }
    const miscItems = misc === '_' ? [] : misc.split('|');
    const token: Token = { form, spaceAfter: !miscItems.includes('SpaceAfter=No'), line: lineNo };
    for (const item of miscItems) {
      const m = NER_KEYS.exec(item);
      if (m) {
        const tag = parseTag(m[1]);
        if (tag.repair) problem(lineNo, 'warning', 'malformed-tag', tag.repair);
        const unusable = tag.prefix !== 'O' ? labelNameProblem(tag.type) : undefined;
        if (unusable) {
          problem(lineNo, 'warning', 'label-name', `tag "${m[1]}": ${unusable}: read as O`);
          continue;
        }
        if (tag.prefix !== 'O') token.tag = tag;
      }
    }
    sentence.tokens.push(token);
  }
  await endSentence();
  await endDocument();
  const scheme: ReadScheme = options.scheme && options.scheme !== 'auto' ? options.scheme : guessScheme(evidence);
  return { documents, sentences, tokens, scheme };
}

// Validators written from each format's own definition, used by the tests on every export (and usable on any file):
// tags well-formed for their scheme, one tag per token, CoNLL readable by conlleval (its chunking rules reproduced
// here), Hugging Face lines consistent with their label list, a spaCy DocBin decodable as DocBin.from_bytes does.
import { inflateSync } from 'node:zlib';
import { msgpackDecode, type MsgValue } from './formats/msgpack';
import type { Scheme } from './types';

const TAG = /^([BIES])-(\S+)$/;

/** Problems of a sentence's tag sequence under IOB2 or BIOES (empty when well-formed). */
export function checkTagSequence(tags: readonly string[], scheme: Scheme): string[] {
  const problems: string[] = [];
  let open: string | undefined; // type of the entity that the previous tag leaves open
  tags.forEach((tag, i) => {
    if (tag === 'O') {
      if (scheme === 'bioes' && open !== undefined) problems.push(`token ${i}: O inside an open ${open} entity (BIOES needs E-)`);
      open = undefined;
      return;
    }
    const m = TAG.exec(tag);
    if (!m || (scheme === 'iob2' && (m[1] === 'E' || m[1] === 'S'))) {
      problems.push(`token ${i}: "${tag}" is not a ${scheme.toUpperCase()} tag`);
      open = undefined;
      return;
    }
    const [, prefix, type] = m;
    if (prefix === 'B' || prefix === 'S') {
      if (scheme === 'bioes' && open !== undefined) problems.push(`token ${i}: ${tag} while ${open} is open (BIOES needs E-)`);
      open = prefix === 'B' || scheme === 'iob2' ? type : undefined;
      if (prefix === 'S') open = undefined;
    } else {
      if (open !== type) problems.push(`token ${i}: ${tag} does not continue a ${type} entity`);
      open = prefix === 'I' ? type : undefined;
    }
  });
  if (scheme === 'bioes' && open !== undefined) problems.push(`sentence ends inside an open ${open} entity`);
  return problems;
}

/** conlleval.pl's chunk boundaries (endOfChunk / startOfChunk), on tags split at their first "-" as it does. */
export function conllevalChunks(tags: readonly string[]): Array<{ start: number; end: number; type: string }> {
  const split = (t: string): [string, string] => {
    const i = t.indexOf('-');
    if (i === -1) return [t, ''];
    const rest = t.slice(i + 1);
    const j = rest.indexOf('-');
    return [t.slice(0, i), j === -1 ? rest : rest.slice(0, j)];
  };
  const endOf = (pt: string, t: string, pType: string, type: string) =>
    (pt === 'B' && (t === 'B' || t === 'O')) ||
    (pt === 'I' && (t === 'B' || t === 'O')) ||
    (pt === 'E' && (t === 'E' || t === 'I' || t === 'O')) ||
    (pt !== 'O' && pt !== '.' && pType !== type);
  const startOf = (pt: string, t: string, pType: string, type: string) =>
    (t === 'B' && (pt === 'B' || pt === 'I' || pt === 'O')) ||
    (pt === 'O' && (t === 'I' || t === 'E')) ||
    (pt === 'E' && (t === 'E' || t === 'I')) ||
    (t !== 'O' && t !== '.' && pType !== type);
  const chunks: Array<{ start: number; end: number; type: string }> = [];
  let prev: [string, string] = ['O', ''];
  let start = -1;
  [...tags, 'O'].forEach((tag, i) => {
    const cur = split(tag);
    if (start >= 0 && endOf(prev[0], cur[0], prev[1], cur[1])) {
      chunks.push({ start, end: i, type: prev[1] });
      start = -1;
    }
    if (startOf(prev[0], cur[0], prev[1], cur[1])) start = i;
    prev = cur;
  });
  return chunks;
}

export interface ConllSentence {
  tokens: string[];
  tags: string[];
}

/**
 * Checks CoNLL text as conlleval reads it: space-separated columns, the same number on every line, the tag last,
 * blank lines between sentences, no tabs, no trailing spaces; tags well-formed for the scheme; -DOCSTART- lines
 * followed by a blank line. Returns the sentences read.
 */
export function checkConll(text: string, scheme: Scheme): { problems: string[]; sentences: ConllSentence[]; documents: number } {
  const problems: string[] = [];
  const sentences: ConllSentence[] = [];
  let columns: number | undefined;
  let current: ConllSentence = { tokens: [], tags: [] };
  let documents = 0;
  if (text !== '' && !text.endsWith('\n\n')) problems.push('the file does not end with a blank line after its last sentence');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    const where = `line ${i + 1}`;
    if (line === '') {
      if (current.tokens.length) sentences.push(current);
      current = { tokens: [], tags: [] };
      return;
    }
    if (/\t|\s$|^\s|\s\s/.test(line)) problems.push(`${where}: columns must be separated by single spaces`);
    const fields = line.split(' ');
    if (columns === undefined) columns = fields.length;
    else if (fields.length !== columns) problems.push(`${where}: ${fields.length} columns, expected ${columns} (conlleval: unexpected number of features)`);
    if (fields.length < 2) problems.push(`${where}: needs a token and a tag`);
    if (fields[0] === '-DOCSTART-') {
      documents++;
      if (current.tokens.length) problems.push(`${where}: -DOCSTART- inside a sentence`);
      if (lines[i + 1] !== '') problems.push(`${where}: -DOCSTART- must be followed by a blank line`);
      return;
    }
    current.tokens.push(fields[0]);
    current.tags.push(fields[fields.length - 1]);
  });
  if (current.tokens.length) sentences.push(current);
  sentences.forEach((s, k) => {
    for (const p of checkTagSequence(s.tags, scheme)) problems.push(`sentence ${k + 1}: ${p}`);
    if (s.tokens.length !== s.tags.length) problems.push(`sentence ${k + 1}: ${s.tokens.length} tokens, ${s.tags.length} tags`);
  });
  return { problems, sentences, documents };
}

/** Checks Hugging Face JSONL against its tag names: fields, equal lengths, ids in range, tags well-formed. */
export function checkHfJsonl(text: string, names: readonly string[], scheme: Scheme): { problems: string[]; rows: Array<{ id: string; tokens: string[]; ner_tags: number[] }> } {
  const problems: string[] = [];
  const rows: Array<{ id: string; tokens: string[]; ner_tags: number[] }> = [];
  if (names[0] !== 'O' || new Set(names).size !== names.length) problems.push('the label list must start with O and have no repeats');
  const ids = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    let row: { id?: unknown; tokens?: unknown; ner_tags?: unknown };
    try {
      row = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not JSON`);
      return;
    }
    const keys = Object.keys(row).join(',');
    if (keys !== 'id,tokens,ner_tags') problems.push(`line ${i + 1}: keys ${keys}, expected id,tokens,ner_tags`);
    if (typeof row.id !== 'string' || ids.has(row.id)) problems.push(`line ${i + 1}: id must be a unique string`);
    ids.add(String(row.id));
    const tokens = row.tokens as string[];
    const tags = row.ner_tags as number[];
    if (!Array.isArray(tokens) || !tokens.every((t) => typeof t === 'string' && t !== '' && !/\s/.test(t))) problems.push(`line ${i + 1}: tokens must be non-empty strings without spaces`);
    if (!Array.isArray(tags) || !tags.every((t) => Number.isInteger(t) && t >= 0 && t < names.length)) problems.push(`line ${i + 1}: ner_tags must be ids of the label list`);
    else if (tokens.length !== tags.length) problems.push(`line ${i + 1}: ${tokens.length} tokens but ${tags.length} ner_tags`);
    else for (const p of checkTagSequence(tags.map((t) => names[t]), scheme)) problems.push(`line ${i + 1}: ${p}`);
    rows.push(row as { id: string; tokens: string[]; ner_tags: number[] });
  });
  return { problems, rows };
}

export interface DecodedDoc {
  words: string[];
  spaces: boolean[];
  sentStarts: number[];
  ents: Array<{ start: number; end: number; label: string }>;
  userData?: MsgValue;
}

/**
 * Decodes a .spacy file as DocBin.from_bytes and get_docs do (zlib, MessagePack, uint64 token table reshaped by
 * the attributes, lengths, spaces) and resolves strings the way spaCy's StringStore would, with `keyOf` giving a
 * string's key. Problems: missing keys, bad ENT_IOB values, I after O, lengths that do not add up.
 */
export function checkDocBin(bytes: Uint8Array, keyOf: (s: string) => bigint): { problems: string[]; docs: DecodedDoc[]; attrs: number[] } {
  const problems: string[] = [];
  const msg = msgpackDecode(inflateSync(bytes)) as Record<string, MsgValue>;
  for (const key of ['version', 'attrs', 'tokens', 'spaces', 'lengths', 'strings', 'cats', 'flags', 'span_groups']) {
    if (!(key in msg)) problems.push(`missing "${key}"`);
  }
  const attrs = msg.attrs as number[];
  const tokens = msg.tokens as Uint8Array;
  const spaces = msg.spaces as Uint8Array;
  const lengthsBytes = msg.lengths as Uint8Array;
  const lengths: number[] = [];
  const lv = new DataView(lengthsBytes.buffer, lengthsBytes.byteOffset, lengthsBytes.byteLength);
  for (let i = 0; i < lengthsBytes.length; i += 4) lengths.push(lv.getInt32(i, true));
  const total = lengths.reduce((a, b) => a + b, 0);
  if (tokens.length !== total * attrs.length * 8) problems.push(`tokens hold ${tokens.length} bytes, expected ${total * attrs.length * 8}`);
  if (spaces.length !== total) problems.push(`spaces hold ${spaces.length} values for ${total} tokens`);
  for (const key of ['cats', 'flags', 'span_groups']) if ((msg[key] as MsgValue[]).length !== lengths.length) problems.push(`"${key}" has not one entry per doc`);
  const strings = new Map<bigint, string>();
  for (const s of msg.strings as string[]) strings.set(keyOf(s), s);
  const tv = new DataView(tokens.buffer, tokens.byteOffset, tokens.byteLength);
  const col = (name: number) => attrs.indexOf(name);
  const docs: DecodedDoc[] = [];
  let row = 0;
  const userData = msg.user_data as Uint8Array[] | undefined;
  lengths.forEach((n, d) => {
    const doc: DecodedDoc = { words: [], spaces: [], sentStarts: [], ents: [] };
    let open: { start: number; label: string } | undefined;
    for (let t = 0; t < n; t++, row++) {
      const value = (c: number) => tv.getBigUint64((row * attrs.length + c) * 8, true);
      const word = strings.get(value(0));
      if (word === undefined) problems.push(`doc ${d} token ${t}: ORTH key ${value(0)} not in strings`);
      doc.words.push(word ?? '');
      doc.spaces.push(spaces[row] === 1);
      const iob = Number(value(col(77)));
      const type = value(col(78));
      if (value(col(80)) === 1n) doc.sentStarts.push(t);
      if (iob < 0 || iob > 3) problems.push(`doc ${d} token ${t}: ENT_IOB ${iob}`);
      if (iob !== 1 && open) {
        doc.ents.push({ start: open.start, end: t, label: open.label });
        open = undefined;
      }
      if (iob === 3) {
        const label = strings.get(type);
        if (label === undefined) problems.push(`doc ${d} token ${t}: ENT_TYPE key ${type} not in strings`);
        open = { start: t, label: label ?? '' };
      } else if (iob === 1 && !open) problems.push(`doc ${d} token ${t}: I after O (spaCy raises E093)`);
      else if (iob === 2 && type !== 0n) problems.push(`doc ${d} token ${t}: O with an entity type`);
    }
    if (open) doc.ents.push({ start: open.start, end: n, label: open.label });
    if (n > 0 && doc.sentStarts[0] !== 0) problems.push(`doc ${d}: first token is not a sentence start`);
    if (userData?.[d]) doc.userData = msgpackDecode(userData[d]);
    docs.push(doc);
  });
  return { problems, docs, attrs };
}

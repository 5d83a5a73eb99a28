// Importing brat standoff: NAME.txt with NAME.ann beside it. T lines are entities (a discontinuous one, `S E;S E`,
// becomes the span from its first start to its last end, reported), N lines give an entity its reference
// (`N1<TAB>Reference T1 geonames:98463<TAB>name` -> ref geonames:98463); relations, events, attributes and notes
// are counted and left out. Offsets are code points; when an entity's text matches only when the offsets are read
// as UTF-16 units (a tool that counted them so), they are converted and the file reported. The .txt is copied byte
// for byte.
import { promises as fs } from 'node:fs';
import { labelNameProblem } from '../../corpus/config';
import { decodeArticleBytes, isReadFailure } from '../../corpus/read';
import { REF_PATTERN } from '../../sidecar/parse';
import { CodePointIndex } from '../../text/codePoints';
import type { CorpusWriter, ImportedEntity, ProblemLog } from './writer';

export async function importBratDocument(
  txtFile: string,
  annFile: string,
  displayName: string,
  docPath: string,
  writer: CorpusWriter,
  log: ProblemLog,
): Promise<{ entities: number }> {
  const decoded = decodeArticleBytes(await fs.readFile(txtFile), txtFile);
  if (isReadFailure(decoded)) {
    log.add({ file: displayName, severity: 'error', code: decoded.error.code, message: `${decoded.error.message}: document skipped` });
    return { entities: 0 };
  }
  const { text, hasBom } = decoded;
  const annText = await fs.readFile(annFile, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return '';
    throw e;
  });
  const index = CodePointIndex.of(text);
  const problem = (line: number, severity: 'error' | 'warning' | 'info', code: string, message: string) =>
    log.add({ file: displayName, line, severity, code, message });
  const byId = new Map<string, ImportedEntity & { line: number }>();
  const refs: Array<{ target: string; ref: string; line: number }> = [];
  const ignored = new Map<string, number>();
  let utf16Offsets = false;

  annText.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, i) => {
    const lineNo = i + 1;
    if (line.trim() === '') return;
    const [id, body = '', covered] = line.split('\t');
    const kind = id[0];
    if (kind === 'T') {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body);
      if (!m) {
        problem(lineNo, 'warning', 'bad-entity', `cannot read entity "${line}": line skipped`);
        return;
      }
      const previous = byId.get(id);
      if (previous) {
        problem(lineNo, 'warning', 'duplicate-id', `${id} is already defined on line ${previous.line}: this one skipped`);
        return;
      }
      const unusable = labelNameProblem(m[1]);
      if (unusable) {
        problem(lineNo, 'warning', 'label-name', `${id}: ${unusable}: skipped`);
        return;
      }
      const fragments = m[2].split(';').map((f) => f.split(' ').map(Number));
      if (fragments.length > 1) problem(lineNo, 'warning', 'discontinuous', `${id} has ${fragments.length} fragments: imported as one span from the first start to the last end`);
      let start = Infinity;
      let end = -Infinity;
      for (const [s, e] of fragments) {
        start = Math.min(start, s);
        end = Math.max(end, e);
      }
      if (!(end > start)) {
        problem(lineNo, 'warning', 'empty-entity', `${id} is empty: skipped`);
        return;
      }
      let entity: ImportedEntity;
      const inCodePoints = end <= index.codePointLength;
      const cpText = inCodePoints ? fragments.map(([s, e]) => text.slice(index.toUtf16(s), index.toUtf16(e))).join(' ') : undefined;
      const unitText = end <= text.length ? fragments.map(([s, e]) => text.slice(s, e)).join(' ') : undefined;
      if (cpText !== undefined && (covered === undefined || cpText === covered)) {
        entity = { start, end, label: m[1] };
      } else if (unitText !== undefined && unitText === covered) {
        entity = { start: index.toCodePoint(start), end: index.toCodePoint(end), label: m[1] };
        utf16Offsets = true;
      } else if (cpText !== undefined) {
        problem(lineNo, 'warning', 'text-mismatch', `${id} text "${covered}" differs from the article's "${cpText}": imported at its offsets`);
        entity = { start, end, label: m[1] };
      } else {
        problem(lineNo, 'warning', 'out-of-range', `${id} [${start}, ${end}) lies outside the text (${index.codePointLength} characters): skipped`);
        return;
      }
      byId.set(id, { ...entity, line: lineNo });
    } else if (kind === 'N') {
      const m = /^\S+ (T\d+) (\S+)$/.exec(body);
      if (!m || !REF_PATTERN.test(m[2])) {
        problem(lineNo, 'warning', 'bad-reference', `cannot read reference "${line}" (a reference is namespace:id, both non-empty): skipped`);
        return;
      }
      refs.push({ target: m[1], ref: m[2], line: lineNo });
    } else if (kind === 'R' || kind === 'E' || kind === 'A' || kind === 'M' || kind === '*' || kind === '#') {
      const name = { R: 'relations', E: 'events', A: 'attributes', M: 'attributes', '*': 'equivalences', '#': 'notes' }[kind]!;
      ignored.set(name, (ignored.get(name) ?? 0) + 1);
    } else {
      problem(lineNo, 'warning', 'unknown-line', `unknown annotation line "${id}": skipped`);
    }
  });
  if (utf16Offsets) problem(0, 'warning', 'utf16-offsets', 'offsets counted UTF-16 units, not characters: converted to code points');
  for (const { target, ref, line } of refs) {
    const entity = byId.get(target);
    if (!entity) problem(line, 'warning', 'bad-reference', `reference to unknown entity ${target}: skipped`);
    else if (entity.ref !== undefined) problem(line, 'warning', 'second-reference', `${target} has more than one reference: kept the first (${entity.ref})`);
    else entity.ref = ref;
  }
  for (const [name, n] of ignored) problem(0, 'info', 'not-imported', `${n} ${name} not imported (entities only)`);
  const entities = [...byId.values()].map(({ line: _line, ...e }) => e);
  await writer.add({ path: docPath, text, hasBom, entities, source: displayName }, { sentences: 0, tokens: 0 });
  return { entities: entities.length };
}

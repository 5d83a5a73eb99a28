import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { decodeArticle } from '../text/codePoints';
import { sha256Hex } from '../text/hash';
import { parseSidecar } from './parse';
import { formatProblem } from './problems';
import { serializeSidecar } from './serialize';
import type { Sidecar } from './types';
import { validateSidecar } from './validate';

const SAMPLE_DIR = path.join(__dirname, '../../../../samples/iraq');
const sampleSidecar = readFileSync(path.join(SAMPLE_DIR, 'dhi-qar-convoy-2020-07-22.ann.json'), 'utf8');
const sampleArticle = readFileSync(path.join(SAMPLE_DIR, 'dhi-qar-convoy-2020-07-22.txt'));

test('the sample sidecar is byte-identical after a load/save cycle', () => {
  const parsed = parseSidecar(sampleSidecar);
  assert.deepEqual(parsed.problems, []);
  assert.ok(parsed.sidecar);
  assert.equal(serializeSidecar(parsed.sidecar), sampleSidecar);
});

test('the sample sidecar is valid against its article', () => {
  const { text } = decodeArticle(sampleArticle);
  const problems = validateSidecar(parseSidecar(sampleSidecar), { text, sha256: sha256Hex(sampleArticle) }, { labels: new Set(['LOC', 'ACTOR']) });
  assert.deepEqual(problems, []);
});

test('layout: one entity per line, keys in order, Arabic unescaped, 2-space indent, final newline', () => {
  const sidecar: Sidecar = {
    text: 'a.txt',
    sha256: 'a'.repeat(64),
    status: 'done',
    entities: [
      { start: 5, end: 9, label: 'LOC', text: 'بغداد', extra: { note: 'x' }, ref: 'geonames:98182' },
      { start: 0, end: 3, label: 'ACTOR', text: 'قوات' },
    ],
    rejected: [],
    unresolved: [],
  };
  assert.equal(
    serializeSidecar(sidecar),
    '{\n  "hashiya": 1,\n  "text": "a.txt",\n  "sha256": "' + 'a'.repeat(64) + '",\n  "status": "done",\n  "entities": [\n' +
      '    {"start": 0, "end": 3, "label": "ACTOR", "text": "قوات"},\n' +
      '    {"start": 5, "end": 9, "label": "LOC", "text": "بغداد", "ref": "geonames:98182", "note": "x"}\n' +
      '  ],\n  "rejected": []\n}\n',
  );
});

test('unknown keys at the top level and in entities survive a rewrite', () => {
  const text = '{\n  "hashiya": 1,\n  "text": "a.txt",\n  "sha256": "' + 'b'.repeat(64) + '",\n  "status": "todo",\n  "entities": [\n    {"start": 0, "end": 1, "label": "LOC", "text": "x", "confidence": 0.5, "by": {"who": "ann1"}}\n  ],\n  "rejected": [],\n  "annotator": "ann1",\n  "history": [1, 2]\n}\n';
  const parsed = parseSidecar(text);
  assert.ok(parsed.sidecar);
  const again = serializeSidecar(parsed.sidecar);
  assert.equal(again, text);
});

test('strings with quotes, colons and commas are written verbatim', () => {
  const entity = { start: 0, end: 6, label: 'ACTOR', text: '"a":, "b"' };
  const sidecar: Sidecar = { text: 'a.txt', sha256: 'c'.repeat(64), status: 'todo', entities: [entity], rejected: [], unresolved: [] };
  const parsed = parseSidecar(serializeSidecar(sidecar));
  assert.equal(parsed.sidecar?.entities[0].text, '"a":, "b"');
});

test('syntax errors are reported with line and column and yield no sidecar', () => {
  const broken = sampleSidecar.replace('"status": "in-progress",', '"status": "in-progress"');
  const parsed = parseSidecar(broken);
  assert.equal(parsed.sidecar, undefined);
  const line = formatProblem('x.ann.json', broken, parsed.problems[0]);
  assert.match(line, /^x\.ann\.json:6:3: error: invalid JSON: CommaExpected/);
});

test('schema errors point at the offending value', () => {
  const bad = sampleSidecar.replace('"start": 125, "end": 131', '"start": 125, "end": "131"');
  const parsed = parseSidecar(bad);
  assert.equal(parsed.sidecar, undefined);
  const line = formatProblem('x.ann.json', bad, parsed.problems[0]);
  assert.match(line, /^x\.ann\.json:8:27: error: "end" must be an integer/);
});

test('validation finds text mismatch, sha256 mismatch, disorder, duplicates and unknown labels', () => {
  const { text } = decodeArticle(sampleArticle);
  let edited = sampleSidecar.replace('"text": "ذي قار", "ref": "geonames:97019"}', '"text": "ذي قا", "ref": "geonames:97019"}');
  edited = edited.replace('"label": "ACTOR", "text": "القوات الأميركية", "ref": "actor:usa-mil"}', '"label": "ORG", "text": "القوات الأميركية", "ref": "actor:usa-mil"}');
  const lines = edited.split('\n');
  [lines[8], lines[9]] = [lines[9], lines[8]];
  lines.splice(10, 0, lines[10]);
  edited = lines.join('\n');
  const problems = validateSidecar(parseSidecar(edited), { text, sha256: '0'.repeat(64) }, { labels: new Set(['LOC', 'ACTOR']) });
  const codes = problems.map((p) => p.code).sort();
  assert.deepEqual(codes, ['duplicate', 'sha256-mismatch', 'text-mismatch', 'unknown-label', 'unsorted']);
});

test('offsets after CRLF and an emoji are code points', () => {
  const article = Buffer.from('\uFEFFتغريدة 😀\r\nفي بغداد\r\n', 'utf8');
  const { text } = decodeArticle(article);
  const start = [...text].indexOf('ب');
  assert.equal(start, 13);
  const sidecar: Sidecar = { text: 'a.txt', sha256: sha256Hex(article), status: 'todo', entities: [{ start, end: start + 5, label: 'LOC', text: 'بغداد' }], rejected: [], unresolved: [] };
  const problems = validateSidecar(parseSidecar(serializeSidecar(sidecar)), { text, sha256: sha256Hex(article) });
  assert.deepEqual(problems, []);
  const shifted = { ...sidecar, entities: [{ ...sidecar.entities[0], start: start + 1, end: start + 6 }] };
  assert.equal(validateSidecar(parseSidecar(serializeSidecar(shifted)), { text, sha256: sha256Hex(article) })[0].code, 'text-mismatch');
});

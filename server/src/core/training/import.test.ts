import { strict as assert } from 'node:assert';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { parseSidecar } from '../sidecar/parse';
import { exportCorpus } from './export';
import { importCorpus } from './import/importCorpus';
import { tempDir } from './testdata/corpus';

async function sidecarOf(file: string) {
  return parseSidecar(await readFile(file.replace(/\.txt$/, '.ann.json'), 'utf8')).sidecar!;
}

test('malformed CoNLL lines are reported with file and line and read by the stated rules, never crash', async () => {
  const dir = await tempDir();
  const input = path.join(dir, 'bad.conll');
  const lines = [
    '\uFEFF\u200Eقال\tO', //  1 BOM + U+200E
    'مسؤول\tOO', //           2 OO -> O
    'في\tO',
    'وزارة\tB--ORG', //       4 repeated separator
    'الدفاع\tI--ORG',
    '\tO', //                 6 empty token
    '\u200E\tB-LOC', //       7 only an invisible mark
    'إن\t', //                8 no tag
    'بغداد\tB-', //           9 no type
    'تعيش\tI-LOC', //        10 stray I
    'أزمة\tb-EVENT', //      11 lower-case prefix
    '',
    '-DOCSTART- -X- -X- O',
    '',
    'جملة\tLOC', //          15 bare label
    'أخرى\tLOC',
    '.\tO',
  ];
  await writeFile(input, lines.join('\r\n') + '\r\n');
  const out = path.join(dir, 'corpus');
  const result = await importCorpus({ format: 'conll', input, out });
  const byLine = result.problems.filter((p) => p.line).map((p) => `${p.line}:${p.code}`);
  assert.deepEqual(byLine, ['2:malformed-tag', '4:malformed-tag', '5:malformed-tag', '6:empty-token', '7:empty-token', '8:missing-tag', '9:malformed-tag', '11:malformed-tag', '15:bare-tag', '16:bare-tag', '10:scheme-stray-inside']);
  assert.ok(result.problems.every((p) => p.file.endsWith('bad.conll')));
  assert.equal(result.counts.documents, 2);
  const docs = (await readdir(path.join(out, 'bad'))).filter((f) => f.endsWith('.txt')).sort();
  assert.deepEqual(docs, ['bad-00001.txt', 'bad-00002.txt']);
  const first = path.join(out, 'bad', docs[0]);
  assert.equal(await readFile(first, 'utf8'), 'قال مسؤول في وزارة الدفاع إن بغداد تعيش أزمة\n');
  assert.deepEqual((await sidecarOf(first)).entities.map((e) => `${e.text}/${e.label}`), ['وزارة الدفاع/ORG', 'تعيش/LOC', 'أزمة/EVENT']);
  const second = path.join(out, 'bad', docs[1]);
  assert.deepEqual((await sidecarOf(second)).entities.map((e) => `${e.text}/${e.label}`), ['جملة أخرى/LOC']);
  assert.equal((await sidecarOf(second)).status, 'done');
  const config = JSON.parse(await readFile(path.join(out, 'hashiya.json'), 'utf8'));
  assert.deepEqual(config.tokenization, { tokens: 'whitespace', sentences: 'lines', source: 'conll' });
  assert.deepEqual(config.labels.map((l: { name: string; kind: string }) => `${l.name}:${l.kind}`), ['EVENT:event', 'LOC:location', 'ORG:organization']);
  // An output folder that holds anything is refused.
  await assert.rejects(importCorpus({ format: 'conll', input, out }), /not empty/);
});

test('CoNLL: IOB1 and BIOES read, tag columns chosen, gzip, docs-per, status', async () => {
  const dir = await tempDir();
  const iob1 = path.join(dir, 'iob1.txt.gz');
  await writeFile(iob1, gzipSync('EU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\ncall NN I-NP O\nBritish JJ B-NP I-MISC\nFrench JJ I-NP B-MISC\n\nPeter NNP B-NP I-PER\n'));
  const r1 = await importCorpus({ format: 'conll', input: iob1, out: path.join(dir, 'c1'), tagColumns: [4], status: 'reviewed', docsPer: 1 });
  assert.equal(r1.inputs[0].scheme, 'iob1');
  assert.deepEqual(r1.problems.filter((p) => p.severity !== 'info'), []);
  assert.equal(r1.counts.documents, 2);
  const d1 = path.join(dir, 'c1', 'iob1', 'iob1-00001.txt');
  const s1 = await sidecarOf(d1);
  assert.equal(s1.status, 'reviewed');
  assert.deepEqual(s1.entities.map((e) => `${e.text}/${e.label}`), ['EU/ORG', 'German/MISC', 'British/MISC', 'French/MISC']);

  const bioes = path.join(dir, 'bioes.conll');
  await writeFile(bioes, 'a S-LOC\nb B-ORG\nc I-ORG\nd E-ORG\ne O\nf B-PER\ng O\n');
  const r2 = await importCorpus({ format: 'conll', input: bioes, out: path.join(dir, 'c2') });
  assert.equal(r2.inputs[0].scheme, 'bioes');
  assert.deepEqual(r2.problems.map((p) => `${p.line}:${p.code}`), ['6:scheme-unclosed']);
  const s2 = await sidecarOf(path.join(dir, 'c2', 'bioes', 'bioes-00001.txt'));
  assert.deepEqual(s2.entities.map((e) => `${e.text}/${e.label}`), ['a/LOC', 'b c d/ORG', 'f/PER']);
  // And it goes back out as BIOES unchanged.
  const out = path.join(dir, 'b.conll');
  await exportCorpus({ root: path.join(dir, 'c2'), format: 'bioes', out, docstart: false });
  assert.equal(await readFile(out, 'utf8'), 'a S-LOC\nb B-ORG\nc I-ORG\nd E-ORG\ne O\nf S-PER\ng O\n\n');
});

test('brat import: references, discontinuous spans, UTF-16 offsets converted, relations left out and counted', async () => {
  const dir = await tempDir();
  const input = path.join(dir, 'in');
  await mkdir(path.join(input, 'sub'), { recursive: true });
  const text = '😀 القوات الأميركية في ذي قار\nجنوبي العراق.';
  await writeFile(path.join(input, 'sub', 'a.txt'), text);
  await writeFile(
    path.join(input, 'sub', 'a.ann'),
    ['T1\tACTOR 2 18\tالقوات الأميركية', 'T2\tLOC 22 28\tذي قار', 'N1\tReference T2 geonames:97019\tذي قار', 'T3\tLOC 22 24;25 28\tذي قار', 'R1\tIn Arg1:T1 Arg2:T2', '#1\tAnnotatorNotes T1\tnote', 'T4\tLOC 99 100\tx'].join('\n') + '\n',
  );
  await writeFile(path.join(input, 'b.txt'), '😀 بغداد');
  await writeFile(path.join(input, 'b.ann'), 'T1\tLOC 3 8\tبغداد\n'); // UTF-16 offsets (the emoji counted twice)
  const out = path.join(dir, 'corpus');
  const result = await importCorpus({ format: 'brat', input, out });
  assert.deepEqual(Object.keys(result.problemCounts).sort(), ['discontinuous', 'duplicate-entity', 'not-imported', 'out-of-range', 'utf16-offsets']);
  const a = await sidecarOf(path.join(out, 'sub', 'a.txt'));
  assert.deepEqual(a.entities.map((e) => `${e.start}-${e.end}:${e.text}/${e.label}${e.ref ? ` ${e.ref}` : ''}`), ['2-18:القوات الأميركية/ACTOR', '22-28:ذي قار/LOC geonames:97019']);
  assert.equal(await readFile(path.join(out, 'sub', 'a.txt'), 'utf8'), text);
  const b = await sidecarOf(path.join(out, 'b.txt'));
  assert.deepEqual(b.entities.map((e) => `${e.start}-${e.end}:${e.text}`), ['2-7:بغداد']);
  // brat -> corpus -> brat keeps the annotations.
  const back = path.join(dir, 'back');
  await exportCorpus({ root: out, format: 'brat', out: back });
  assert.equal(await readFile(path.join(back, 'sub', 'a.ann'), 'utf8'), 'T1\tACTOR 2 18\tالقوات الأميركية\nT2\tLOC 22 28\tذي قار\nN1\tReference T2 geonames:97019\tذي قار\n');
});

test('doccano import: label and entities layouts, bad lines skipped with their line numbers', async () => {
  const dir = await tempDir();
  const input = path.join(dir, 'd.jsonl');
  await writeFile(
    input,
    [
      JSON.stringify({ id: 7, text: 'زار الوزير بغداد', label: [[11, 16, 'LOC'], [4, 10, 'ACTOR'], [40, 45, 'LOC']] }),
      '{not json',
      JSON.stringify({ text: 'ذهب إلى الموصل', entities: [{ id: 1, start_offset: 8, end_offset: 14, label: 'LOC' }] }),
      JSON.stringify({ label: [] }),
    ].join('\n') + '\n',
  );
  const out = path.join(dir, 'corpus');
  const result = await importCorpus({ format: 'doccano', input, out });
  assert.deepEqual(result.problems.map((p) => `${p.line}:${p.code}`), ['1:bad-entity', '2:bad-json', '4:no-text']);
  assert.equal(result.counts.documents, 2);
  const first = await sidecarOf(path.join(out, 'd', 'd-00001-7.txt'));
  assert.deepEqual(first.entities.map((e) => `${e.text}/${e.label}`), ['الوزير/ACTOR', 'بغداد/LOC']);
  const config = JSON.parse(await readFile(path.join(out, 'hashiya.json'), 'utf8'));
  assert.deepEqual(config.tokenization, { tokens: 'default', sentences: 'punctuation', source: 'doccano' });
  // doccano -> corpus -> doccano gives the same records.
  const back = path.join(dir, 'back.jsonl');
  await exportCorpus({ root: out, format: 'doccano-jsonl', out: back });
  assert.deepEqual((await readFile(back, 'utf8')).trim().split('\n').map((l) => JSON.parse(l)), [
    { text: 'زار الوزير بغداد', label: [[4, 10, 'ACTOR'], [11, 16, 'LOC']] },
    { text: 'ذهب إلى الموصل', label: [[8, 14, 'LOC']] },
  ]);
});

test('CoNLL-U: SpaceAfter=No recorded as token breaks, multiword tokens read as surface tokens, MISC NER tags', async () => {
  const dir = await tempDir();
  const input = path.join(dir, 't.conllu');
  await writeFile(
    input,
    [
      '# newdoc id = d1',
      '# text = وصل الوفد إلى بغداد، اليوم.',
      '1\tوصل\t_\t_\t_\t_\t0\troot\t_\t_',
      '2\tالوفد\t_\t_\t_\t_\t1\tnsubj\t_\tNER=B-ORG',
      '3\tإلى\t_\t_\t_\t_\t4\tcase\t_\t_',
      '4\tبغداد\t_\t_\t_\t_\t1\tobl\t_\tNER=B-LOC|SpaceAfter=No',
      '5\t،\t_\t_\t_\t_\t6\tpunct\t_\t_',
      '6-7\tاليوم.\t_\t_\t_\t_\t_\t_\t_\t_',
      '6\tاليوم\t_\t_\t_\t_\t1\tobl\t_\t_',
      '7\t.\t_\t_\t_\t_\t1\tpunct\t_\t_',
      '',
    ].join('\n'),
  );
  const out = path.join(dir, 'corpus');
  const result = await importCorpus({ format: 'conllu', input, out });
  assert.deepEqual(result.problems, []);
  const doc = path.join(out, 't', 't-00001-d1.txt');
  assert.equal(await readFile(doc, 'utf8'), 'وصل الوفد إلى بغداد، اليوم.\n');
  const sidecar = await sidecarOf(doc);
  assert.deepEqual(sidecar.entities.map((e) => `${e.text}/${e.label}`), ['الوفد/ORG', 'بغداد/LOC']);
  assert.deepEqual((sidecar.extra?.tokenBreaks as { offsets: number[] }).offsets, [19]);
  const conll = path.join(dir, 't.conll');
  await exportCorpus({ root: out, format: 'conll', out: conll, docstart: false });
  assert.equal(await readFile(conll, 'utf8'), 'وصل O\nالوفد B-ORG\nإلى O\nبغداد B-LOC\n، O\nاليوم. O\n\n');
});

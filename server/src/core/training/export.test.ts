import { strict as assert } from 'node:assert';
import { readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { test } from 'node:test';
import { checkConll, checkDocBin, checkHfJsonl, conllevalChunks } from './check';
import { exportCorpus, type ExportManifest } from './export';
import { spacyStringKey } from './formats/spacy';
import { makeCorpus, tempDir, writeDoc } from './testdata/corpus';
import { EXPORT_FORMATS, type ExportFormat } from './types';

const IRAQ = 'قالت مصادر إن تفجيراً وقع بالعراق اليوم.';

async function exportText(root: string, format: ExportFormat, extra: Record<string, unknown> = {}): Promise<{ text: string; manifest: ExportManifest; out: string }> {
  const out = path.join(await tempDir('hashiya-out-'), format === 'brat' ? 'brat' : `data.${format}`);
  // Unfinished documents too: these tests are about formats, not about which statuses go out by default.
  const manifest = await exportCorpus({ root, format, out, status: ['in-progress', 'done', 'reviewed'], ...extra });
  const text = format === 'brat' || extra.split ? '' : await readFile(out, format === 'spacy' ? 'latin1' : 'utf8');
  return { text, manifest, out };
}

const conllPairs = (text: string) => text.split('\n').filter((l) => l && !l.startsWith('-DOCSTART-')).map((l) => l.split(' ').join('/'));

test('an entity after a proclitic (بالعراق, entity on العراق) under each --clitics policy', async () => {
  const root = await makeCorpus([{ path: 'a.txt', text: IRAQ, entities: [['العراق', 'LOC', 0, 'geonames:99237']] }]);

  const boundary = await exportText(root, 'conll');
  assert.deepEqual(conllPairs(boundary.text).slice(4, 8), ['وقع/O', 'ب/O', 'العراق/B-LOC', 'اليوم/O']);
  assert.deepEqual(boundary.manifest.adjusted, {});

  const attach = await exportText(root, 'conll', { clitics: 'attach' });
  assert.deepEqual(conllPairs(attach.text).slice(4, 7), ['وقع/O', 'بالعراق/B-LOC', 'اليوم/O']);
  assert.deepEqual(attach.manifest.adjusted, { 'extended to the whole word (--clitics attach)': 1 });

  const split = await exportText(root, 'conll', { clitics: 'split' });
  assert.deepEqual(conllPairs(split.text).slice(4, 8), ['وقع/O', 'ب/O', 'العراق/B-LOC', 'اليوم/O']);

  // Character formats keep the exact span; attach moves it over the proclitic.
  const doccano = JSON.parse((await exportText(root, 'doccano-jsonl')).text);
  assert.deepEqual(doccano.label, [[27, 33, 'LOC']]);
  assert.equal([...IRAQ].slice(27, 33).join(''), 'العراق');
  const prodigy = JSON.parse((await exportText(root, 'prodigy-jsonl', { clitics: 'attach' })).text);
  assert.deepEqual(prodigy.spans, [{ start: 26, end: 33, label: 'LOC', token_start: 5, token_end: 5 }]);
  assert.equal(prodigy.tokens[5].text, 'بالعراق');
  const brat = await exportText(root, 'brat');
  assert.equal(await readFile(path.join(brat.out, 'a.ann'), 'utf8'), 'T1\tLOC 27 33\tالعراق\nN1\tReference T1 geonames:99237\tالعراق\n');
  assert.equal(await readFile(path.join(brat.out, 'a.txt'), 'utf8'), IRAQ);

  // وبالعراق under split: one token per clitic.
  const root2 = await makeCorpus([{ path: 'b.txt', text: 'وبالعراق والحكومة', entities: [['العراق', 'LOC']] }]);
  assert.deepEqual(conllPairs((await exportText(root2, 'conll', { clitics: 'split' })).text), ['و/O', 'ب/O', 'العراق/B-LOC', 'و/O', 'الحكومة/O']);
  assert.deepEqual(conllPairs((await exportText(root2, 'conll')).text), ['وب/O', 'العراق/B-LOC', 'والحكومة/O']);
});

test('nested entities: outer or inner for flat formats (reported), kept as they are in brat, prodigy and doccano', async () => {
  const text = 'وكالة أنباء العراق الدولية أعلنت.';
  const root = await makeCorpus([{ path: 'n.txt', text, entities: [['وكالة أنباء العراق الدولية', 'ORG'], ['العراق', 'LOC']] }]);
  const outer = await exportText(root, 'conll');
  assert.deepEqual(conllPairs(outer.text).slice(0, 4), ['وكالة/B-ORG', 'أنباء/I-ORG', 'العراق/I-ORG', 'الدولية/I-ORG']);
  assert.deepEqual(outer.manifest.skipped, { 'nested inside a longer entity (--nested outer)': 1 });
  assert.deepEqual(outer.manifest.examples, [{ kind: 'skipped', path: 'n.txt', start: 12, end: 18, label: 'LOC', reason: 'nested inside a longer entity (--nested outer)' }]);
  const inner = await exportText(root, 'conll', { nested: 'inner', scheme: 'bioes' });
  assert.deepEqual(conllPairs(inner.text).slice(0, 4), ['وكالة/O', 'أنباء/O', 'العراق/S-LOC', 'الدولية/O']);
  assert.deepEqual(inner.manifest.skipped, { 'contains a shorter entity (--nested inner)': 1 });
  for (const format of ['brat', 'prodigy-jsonl', 'doccano-jsonl'] as const) {
    const r = await exportText(root, format);
    assert.equal(r.manifest.totals.entities, 2, format);
    assert.deepEqual(r.manifest.skipped, {}, format);
  }
});

test('entities never dropped silently: text mismatch, label selection, whitespace-only, trimmed edges are all counted', async () => {
  const text = 'زار الوفد بغداد  ثم عاد.';
  const root = await makeCorpus([
    {
      path: 'x.txt',
      text,
      entities: [
        ['بغداد ', 'LOC'], // trailing space: trimmed
        ['الوفد', 'ACTOR'],
        { start: 16, end: 17, label: 'LOC' }, // a space only
        ['ثم', 'GPE'],
      ],
    },
  ]);
  // Corrupt one entity's text after writing, as if the article had changed.
  const sidecarPath = path.join(root, 'x.ann.json');
  await writeFile(sidecarPath, (await readFile(sidecarPath, 'utf8')).replace('"text": "ثم"', '"text": "ثمّ"'));
  const r = await exportText(root, 'conll', { labels: 'LOC' });
  assert.deepEqual(r.manifest.skipped, {
    'covers no token (only spaces or invisible marks)': 1,
    'its text does not match the article (article changed; re-anchor in the editor)': 1,
    'label not selected (--labels)': 1,
  });
  assert.deepEqual(r.manifest.adjusted, { 'trimmed to its tokens (space or invisible mark at an edge)': 1 });
  assert.equal(r.manifest.totals.entities, 1);
  const renamed = await exportText(root, 'conll', { labels: 'ACTOR=ORG' });
  assert.deepEqual(renamed.manifest.totals.entitiesByLabel, { LOC: 1, ORG: 1 });
});

async function sampleCorpus(): Promise<string> {
  return makeCorpus(
    [
      { path: 'iraq/one.txt', text: 'قالت مصادر أمنية عراقية إن تفجيراً استهدف رتلاً لصالح القوات الأميركية في ذي قار. وأكد مسؤول في بغداد الخبر!\nوكالة أنباء العراق الدولية - واعد', entities: [['القوات الأميركية', 'ACTOR', 0, 'actor:usa-mil'], ['ذي قار', 'LOC', 0, 'geonames:97019'], ['بغداد', 'LOC'], ['وكالة أنباء العراق الدولية - واعد', 'ACTOR'], ['العراق', 'LOC']] },
      { path: 'iraq/two.txt', text: 'أعلنت وزارة الدفاع الأميركية 😀 أن قواتها في العراق بخير؟ نعم.', entities: [['وزارة الدفاع الأميركية', 'ACTOR', 0, 'actor:usa-dod'], ['العراق', 'LOC']], status: 'reviewed' },
      { path: 'iraq/three.txt', text: 'نص لم يُراجع بعد عن الموصل.', entities: [['الموصل', 'LOC']], status: 'todo' },
      { path: 'syria/four.txt', text: 'Latin text: the U.N. met in Damascus (دمشق) on 3.5.2020.', entities: [['Damascus', 'LOC'], ['دمشق', 'LOC'], ['U.N.', 'ACTOR']], status: 'in-progress' },
    ],
    { labels: [{ name: 'LOC', kind: 'location' }, { name: 'ACTOR', kind: 'actor' }] },
  );
}

test('every flat export passes its format validator; CoNLL reads in conlleval as the entities exported', async () => {
  const root = await sampleCorpus();
  for (const scheme of ['iob2', 'bioes'] as const) {
    const r = await exportText(root, 'conll', { scheme });
    const { problems, sentences, documents } = checkConll(r.text, scheme);
    assert.deepEqual(problems, [], scheme);
    assert.equal(documents, 3);
    assert.equal(sentences.length, r.manifest.totals.sentences);
    assert.equal(sentences.reduce((n, s) => n + s.tokens.length, 0), r.manifest.totals.tokens);
    if (scheme === 'iob2') {
      // conlleval's own chunking finds exactly the exported entities.
      const chunks = sentences.reduce((n, s) => n + conllevalChunks(s.tags).length, 0);
      assert.equal(chunks, r.manifest.totals.entities);
    }
  }
  const hf = await exportText(root, 'hf-jsonl', { scheme: 'bioes' });
  const names = JSON.parse(await readFile(`${hf.out}.labels.json`, 'utf8'));
  assert.deepEqual(names, ['O', 'B-ACTOR', 'I-ACTOR', 'E-ACTOR', 'S-ACTOR', 'B-LOC', 'I-LOC', 'E-LOC', 'S-LOC']);
  const { problems, rows } = checkHfJsonl(hf.text, names, 'bioes');
  assert.deepEqual(problems, []);
  assert.equal(rows.length, hf.manifest.totals.sentences);
  const spacy = await exportText(root, 'spacy');
  const docBin = checkDocBin(await readFile(spacy.out), spacyStringKey);
  assert.deepEqual(docBin.problems, []);
  assert.deepEqual(docBin.attrs, [65, 77, 78, 80]);
  assert.equal(docBin.docs.length, 3);
  assert.deepEqual(docBin.docs[0].userData, { hashiya_path: 'iraq/one.txt' });
  assert.deepEqual(docBin.docs[0].ents.map((e) => `${docBin.docs[0].words.slice(e.start, e.end).join(' ')}/${e.label}`), ['القوات الأميركية/ACTOR', 'ذي قار/LOC', 'بغداد/LOC', 'وكالة أنباء العراق الدولية - واعد/ACTOR']);
  assert.equal(docBin.docs[0].sentStarts.length, 3);
  assert.equal(docBin.docs[1].words.join(''), 'أعلنتوزارةالدفاعالأميركية😀أنقواتهافيالعراقبخير؟نعم.');
  // JSON formats: code-point offsets, so the emoji before العراق does not shift it.
  const prodigy = (await exportText(root, 'prodigy-jsonl')).text.trim().split('\n').map((l) => JSON.parse(l));
  for (const task of prodigy) {
    const chars = [...task.text];
    for (const span of task.spans) {
      assert.equal(chars.slice(span.start, span.end).join(''), chars.slice(task.tokens[span.token_start].start, task.tokens[span.token_end].end).join(''));
    }
  }
  assert.equal([...prodigy[1].text].slice(prodigy[1].spans[1].start, prodigy[1].spans[1].end).join(''), 'العراق');
});

test('determinism: the same corpus and options give byte-identical output in every format', async () => {
  const root = await sampleCorpus();
  for (const format of EXPORT_FORMATS) {
    const a = await exportText(root, format, { split: '50,25,25', seed: 'x' });
    const b = await exportText(root, format, { split: '50,25,25', seed: 'x' });
    const list = async (dir: string) => (await readdir(dir, { recursive: true })).map(String).sort();
    const filesA = await list(a.out);
    assert.deepEqual(filesA, await list(b.out), format);
    for (const f of filesA) {
      if (!f.includes('.')) continue;
      assert.deepEqual(await readFile(path.join(a.out, f)), await readFile(path.join(b.out, f)), `${format}: ${f}`);
    }
  }
});

test('split is by document, stable when a document is added, and listed in the manifest', async () => {
  const docs = Array.from({ length: 30 }, (_, i) => ({ path: `d/doc-${String(i).padStart(2, '0')}.txt`, text: `خبر رقم ${i} من بغداد.`, entities: [['بغداد', 'LOC']] as Array<[string, string]> }));
  const root = await makeCorpus(docs);
  const before = (await exportText(root, 'conll', { split: '80,10,10', seed: '42' })).manifest;
  assert.deepEqual(Object.keys(before.documents), ['train', 'dev', 'test']);
  assert.equal(Object.values(before.documents).flat().length, 30);
  await writeDoc(root, { path: 'd/new.txt', text: 'خبر جديد من الموصل.', entities: [['الموصل', 'LOC']] });
  const after = (await exportText(root, 'conll', { split: '80,10,10', seed: '42' })).manifest;
  for (const part of ['train', 'dev', 'test']) {
    assert.deepEqual(after.documents[part].filter((p) => p !== 'd/new.txt'), before.documents[part], part);
  }
  assert.equal(Object.values(after.documents).flat().length, 31);
  const other = (await exportText(root, 'conll', { split: '80,10,10', seed: '43' })).manifest;
  assert.notDeepEqual(other.documents, after.documents);
});

test('status filter, progress, cancellation leaves nothing, a foreign folder is not replaced', async () => {
  const root = await sampleCorpus();
  const progress: Array<[number, number]> = [];
  const out = path.join(await tempDir('hashiya-out-'), 'x.conll');
  const m = await exportCorpus({ root, format: 'conll', out, status: ['reviewed'] }, { onProgress: (d, t) => progress.push([d, t]) });
  assert.equal(m.totals.documents, 1);
  assert.deepEqual(progress, [[1, 1]]);
  assert.deepEqual(m.corpus.excluded, { 'status done not selected (--status)': 1, 'status in-progress not selected (--status)': 1, 'status todo not selected (--status)': 1 });
  const byDefault = await exportCorpus({ root, format: 'conll', out });
  assert.equal(byDefault.totals.documents, 2); // default: done and reviewed only
  assert.deepEqual(byDefault.corpus.excluded, { 'status in-progress not selected (--status)': 1, 'status todo not selected (--status)': 1 });

  const dir = await tempDir('hashiya-out-');
  const controller = new AbortController();
  await assert.rejects(
    exportCorpus({ root, format: 'brat', out: path.join(dir, 'cancelled') }, { signal: controller.signal, onProgress: () => controller.abort() }),
    { name: 'AbortError' },
  );
  assert.deepEqual(await readdir(dir), []);

  const foreign = path.join(dir, 'foreign');
  await mkdir(foreign);
  await writeFile(path.join(foreign, 'keep.txt'), 'mine');
  await assert.rejects(exportCorpus({ root, format: 'brat', out: foreign }), /other files/);
  assert.deepEqual(await readdir(foreign), ['keep.txt']);
  await rm(foreign, { recursive: true });
  await exportCorpus({ root, format: 'brat', out: foreign, status: ['in-progress', 'done', 'reviewed'] });
  await exportCorpus({ root, format: 'brat', out: foreign, status: ['in-progress', 'done', 'reviewed'] }); // an earlier export is replaced
  assert.deepEqual((await readdir(foreign)).sort(), ['annotation.conf', 'iraq', 'manifest.json', 'syria']);
});

test('a sidecar with errors is excluded and reported, whether it is not JSON or JSON that is not a valid sidecar', async () => {
  const root = await makeCorpus([
    { path: 'good.txt', text: IRAQ, entities: [['العراق', 'LOC']] },
    { path: 'not-json.txt', text: IRAQ, entities: [['العراق', 'LOC']] },
    { path: 'bad-offsets.txt', text: IRAQ, entities: [['العراق', 'LOC']] },
  ]);
  await writeFile(path.join(root, 'not-json.ann.json'), '{"hashiya": 1, "status": "done", "entities": [');
  const bad = JSON.parse(await readFile(path.join(root, 'bad-offsets.ann.json'), 'utf8'));
  bad.entities[0].start = 'seven';
  await writeFile(path.join(root, 'bad-offsets.ann.json'), JSON.stringify(bad));
  const { manifest, text } = await exportText(root, 'conll');
  assert.equal(manifest.totals.documents, 1);
  assert.deepEqual(manifest.corpus.excluded, { 'sidecar has errors (run hashiya validate)': 2 });
  assert.deepEqual(manifest.warnings.filter((w) => w.includes('sidecar has errors')).sort(), [
    'bad-offsets.txt: sidecar has errors; document not exported (run hashiya validate)',
    'not-json.txt: sidecar has errors; document not exported (run hashiya validate)',
  ]);
  assert.match(text, /العراق B-LOC/);
});

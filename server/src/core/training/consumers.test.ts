// Exports read back by the tools they are made for, not only by our own checker: spaCy 3.8.16 loads the DocBin,
// Hugging Face datasets 5.0.1 loads the hf-jsonl splits with labels.json as a ClassLabel, and `spacy convert` reads
// the CoNLL output. They run in the Python environment that scripts/setup-python.sh makes (.tmp/pyenv, or
// HASHIYA_PYTHON); without it these tests fail and say how to make it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cp, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { exportCorpus } from './export';
import { makeCorpus } from './testdata/corpus';

const REPO = path.join(__dirname, '../../../..');
const PYTHON = process.env.HASHIYA_PYTHON ?? path.join(REPO, '.tmp/pyenv/bin/python');
const SETUP = 'bash scripts/setup-python.sh   (installs spacy==3.8.16 and datasets==5.0.1 into .tmp/pyenv; offline from HASHIYA_WHEELS=DIR)';

function python(script: string, ...args: string[]): string {
  assert.ok(existsSync(PYTHON), `no Python environment at ${PYTHON}: run  ${SETUP}`);
  const r = spawnSync(PYTHON, [path.join(REPO, 'scripts', script), ...args], { encoding: 'utf8', timeout: 300_000, env: { ...process.env, HF_DATASETS_OFFLINE: '1', HF_HUB_OFFLINE: '1', HF_HOME: path.join(REPO, '.tmp/hf-home') } });
  assert.equal(r.status, 0, `${script} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}\nIf spaCy or datasets is missing, run  ${SETUP}`);
  return r.stdout;
}

/** A small corpus with what trips tokenisers up: nested entities, an emoji, Latin text, a real article with its sidecar. */
async function corpus(): Promise<string> {
  const root = await makeCorpus(
    [
      { path: 'iraq/one.txt', text: 'قالت مصادر أمنية عراقية إن تفجيراً استهدف رتلاً لصالح القوات الأميركية في ذي قار. وأكد مسؤول في بغداد الخبر!\nوكالة أنباء العراق الدولية - واعد', entities: [['القوات الأميركية', 'ACTOR', 0, 'actor:usa-mil'], ['ذي قار', 'LOC', 0, 'geonames:97019'], ['بغداد', 'LOC'], ['وكالة أنباء العراق الدولية - واعد', 'ACTOR'], ['العراق', 'LOC']] },
      { path: 'iraq/two.txt', text: 'أعلنت وزارة الدفاع الأميركية 😀 أن قواتها في العراق بخير؟ نعم.', entities: [['وزارة الدفاع الأميركية', 'ACTOR', 0, 'actor:usa-dod'], ['العراق', 'LOC']], status: 'reviewed' },
      { path: 'iraq/three.txt', text: 'وصل الوفد بالعراق إلى الموصل ثم إلى أربيل.', entities: [['العراق', 'LOC'], ['الموصل', 'LOC'], ['أربيل', 'LOC']] },
      { path: 'syria/four.txt', text: 'Latin text: the U.N. met in Damascus (دمشق) on 3.5.2020.', entities: [['Damascus', 'LOC'], ['دمشق', 'LOC'], ['U.N.', 'ACTOR']], status: 'in-progress' },
    ],
    { labels: [{ name: 'LOC', kind: 'location' }, { name: 'ACTOR', kind: 'actor' }] },
  );
  await mkdir(path.join(root, 'news'), { recursive: true });
  for (const f of ['dhi-qar-convoy-2020-07-22.txt', 'dhi-qar-convoy-2020-07-22.ann.json']) await cp(path.join(REPO, 'samples/iraq', f), path.join(root, 'news', f));
  return root;
}

test('spaCy 3.8.16 loads the DocBin export: documents, tokens, sentences and entities as the manifest says, each entity its span', async () => {
  const root = await corpus();
  const out = path.join(root, '..', path.basename(root) + '-out', 'train.spacy');
  const manifest = await exportCorpus({ root, format: 'spacy', out, status: ['in-progress', 'done', 'reviewed'] });
  assert.ok(manifest.totals.entities >= 20, 'the corpus is too small to prove anything');
  const read = JSON.parse(python('check-spacy.py', out));
  assert.equal(read.spacy, '3.8.16');
  assert.equal(read.entities, manifest.totals.entities);
});

test('Hugging Face datasets 5.0.1 loads the hf-jsonl splits with labels.json as a ClassLabel, counts as in the manifest', async () => {
  const root = await corpus();
  const out = path.join(root, '..', path.basename(root) + '-hf');
  const manifest = await exportCorpus({ root, format: 'hf-jsonl', out, split: '60,20,20', scheme: 'bioes', status: ['in-progress', 'done', 'reviewed'] });
  const read = JSON.parse(python('check-hf-datasets.py', out));
  assert.equal(read.datasets, '5.0.1');
  assert.equal(read.names, manifest.labels.length);
  for (const name of ['train', 'dev', 'test']) assert.equal(read[name].entities, manifest.splits[name].entities, name);
});

test('spacy convert reads the CoNLL export back with the entity count of the manifest', async () => {
  const root = await corpus();
  const out = path.join(root, '..', path.basename(root) + '.conll');
  const manifest = await exportCorpus({ root, format: 'conll', out, status: ['in-progress', 'done', 'reviewed'] });
  const read = JSON.parse(python('check-spacy-convert.py', out));
  assert.equal(read.entities, manifest.totals.entities);
  assert.deepEqual(read.entitiesByLabel, manifest.totals.entitiesByLabel);
});

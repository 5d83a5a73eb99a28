// The tests on real corpora (fixtures/, with their licences): NewsFANE round trip through import and CoNLL
// export, Wojood's nested layers through import and brat export, UD Arabic-PUD's raw text and tokens.
import { strict as assert } from 'node:assert';
import { readFile, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { checkConll } from './check';
import { exportCorpus } from './export';
import { importCorpus } from './import/importCorpus';
import { tempDir } from './testdata/corpus';

const FIXTURES = path.join(__dirname, '../../../../fixtures');

async function gunzipText(file: string): Promise<string> {
  return gunzipSync(await readFile(file)).toString('utf8');
}

/** Sentences of a CoNLL-like text as "token tag" lines (first two columns), blank lines and -DOCSTART- between. */
function sentencesOf(text: string, separator: string | RegExp): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('-DOCSTART-')) {
      if (current.length) out.push(current);
      current = [];
      continue;
    }
    const [token, tag] = line.split(separator);
    current.push(`${token} ${tag}`);
  }
  if (current.length) out.push(current);
  return out;
}

test('NewsFANE: import then export as conll gives the input tokens, tags and sentences (BOM, CRLF, U+200E aside)', async () => {
  const input = path.join(FIXTURES, 'newsfane/NewsFANE_Gold_2014_170K.txt.gz');
  const corpus = path.join(await tempDir(), 'newsfane');
  const result = await importCorpus({ format: 'conll', input, out: corpus });
  assert.equal(result.inputs[0].scheme, 'iob2');
  // The four stray I- tags of the file are reported with their lines and read as entity starts.
  const stray = result.problems.filter((p) => p.code === 'scheme-stray-inside');
  assert.deepEqual(stray.map((p) => p.line), [82783, 83588, 106635, 106642]);

  const out = path.join(await tempDir(), 'newsfane.conll');
  const manifest = await exportCorpus({ root: corpus, format: 'conll', out });
  assert.deepEqual(manifest.skipped, {});
  assert.deepEqual(manifest.adjusted, {});
  const exported = await readFile(out, 'utf8');
  assert.deepEqual(checkConll(exported, 'iob2').problems, []);

  const raw = (await gunzipText(input)).replace(/^\uFEFF/, '').replace(/\r/g, '').replace(/\u200E/g, '');
  const expected = sentencesOf(raw, '\t');
  // The stated rule for a stray I-X: it starts an entity, which IOB2 writes B-X.
  const strayLines = new Set(stray.map((p) => p.line));
  let lineNo = 0;
  const rawLines = raw.split('\n');
  const repaired = rawLines.map((line) => (strayLines.has(++lineNo) ? line.replace('\tI-', '\tB-') : line)).join('\n');
  const actual = sentencesOf(exported, ' ');
  assert.equal(actual.length, expected.length);
  assert.equal(actual.length, 4760);
  assert.deepEqual(actual, sentencesOf(repaired, '\t'));
  // Everything else is identical to the input as it stands.
  const differing = actual.filter((s, i) => s.join('\n') !== expected[i].join('\n'));
  assert.equal(differing.length, 3);
});

test('Wojood sample: import then export as brat keeps every nested layer (entity sets equal)', async () => {
  const input = path.join(FIXTURES, 'wojood-sample');
  const corpus = path.join(await tempDir(), 'wojood');
  const result = await importCorpus({ format: 'conll', input, out: corpus });
  const out = path.join(await tempDir(), 'brat');
  const manifest = await exportCorpus({ root: corpus, format: 'brat', out });
  assert.equal(manifest.totals.entities, result.counts.entities);

  for (const part of ['train', 'val', 'test']) {
    // Expected: each tag column read as its own IOB2 layer (tokens located by sentence and position).
    const expected = new Set<string>();
    const sentences: string[][] = [];
    let current: string[][] = [];
    const flush = () => {
      if (!current.length) return;
      const s = sentences.length;
      sentences.push(current.map((f) => f[0]));
      const columns = Math.max(...current.map((f) => f.length - 1));
      for (let c = 1; c <= columns; c++) {
        let open: [number, string] | undefined;
        current.forEach((f, i) => {
          const tag = f[c] ?? 'O';
          const type = tag.slice(2);
          if (open && !(tag.startsWith('I-') && type === open[1])) {
            expected.add(`${s}:${open[0]}:${i}:${open[1]}`);
            open = undefined;
          }
          if (tag.startsWith('B-') || (tag.startsWith('I-') && !open)) open = [i, type];
        });
        if (open) expected.add(`${s}:${open[0]}:${current.length}:${open[1]}`);
      }
      current = [];
    };
    for (const line of (await readFile(path.join(input, `${part}.txt`), 'utf8')).split('\n')) {
      if (line.trim() === '') flush();
      else current.push(line.trim().split(/\s+/));
    }
    flush();

    // Actual: brat entities mapped back to (sentence, first token, end token) through the exported text.
    const actual = new Set<string>();
    let sentenceBase = 0;
    const files = (await readdir(path.join(out, part))).filter((f) => f.endsWith('.txt')).sort();
    for (const f of files) {
      const text = await readFile(path.join(out, part, f), 'utf8');
      const ann = await readFile(path.join(out, part, f.replace(/\.txt$/, '.ann')), 'utf8');
      const starts = new Map<number, [number, number]>();
      const ends = new Map<number, number>();
      let cp = 0;
      const lines = text.split('\n').slice(0, -1);
      lines.forEach((line, li) => {
        line.split(' ').forEach((token, ti) => {
          starts.set(cp, [sentenceBase + li, ti]);
          cp += [...token].length;
          ends.set(cp, ti + 1);
          cp++;
        });
      });
      for (const l of ann.split('\n').filter((x) => x.startsWith('T'))) {
        const [, body, covered] = l.split('\t');
        const [label, s, e] = body.split(' ');
        assert.equal([...text].slice(Number(s), Number(e)).join(''), covered);
        const [sentence, first] = starts.get(Number(s))!;
        actual.add(`${sentence}:${first}:${ends.get(Number(e))}:${label}`);
      }
      sentenceBase += lines.length;
    }
    assert.equal(sentenceBase, sentences.length, part);
    assert.deepEqual([...actual].sort(), [...expected].sort(), part);
  }
});

test('UD Arabic-PUD: import keeps each sentence\'s # text exactly, and export gives back the treebank tokens', async () => {
  const input = path.join(FIXTURES, 'ud-arabic-pud/ar_pud-ud-test.conllu.gz');
  const corpus = path.join(await tempDir(), 'pud');
  const result = await importCorpus({ format: 'conllu', input, out: corpus });
  assert.deepEqual(result.problemCounts, {});
  const conllu = await gunzipText(input);
  const texts = conllu.split('\n').filter((l) => l.startsWith('# text = ')).map((l) => l.slice('# text = '.length));
  assert.equal(texts.length, 1000);
  const dir = path.join(corpus, 'ar_pud-ud-test');
  const docs = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  const lines: string[] = [];
  for (const f of docs) lines.push(...(await readFile(path.join(dir, f), 'utf8')).split('\n').slice(0, -1));
  assert.deepEqual(lines, texts);

  // Surface tokens of the treebank (a multiword token's form, else the word's).
  const expected: string[][] = [];
  let current: string[] = [];
  let rangeEnd = 0;
  for (const line of conllu.split('\n')) {
    if (line.trim() === '') {
      if (current.length) expected.push(current);
      current = [];
      rangeEnd = 0;
      continue;
    }
    if (line.startsWith('#')) continue;
    const [id, form] = line.split('\t');
    const range = /^(\d+)-(\d+)$/.exec(id);
    if (range) {
      rangeEnd = Number(range[2]);
      current.push(form);
    } else if (/^\d+$/.test(id) && Number(id) > rangeEnd) current.push(form);
  }
  const out = path.join(await tempDir(), 'pud.conll');
  await exportCorpus({ root: corpus, format: 'conll', out, status: ['done'] });
  const exported = sentencesOf(await readFile(out, 'utf8'), ' ').map((s) => s.map((l) => l.split(' ')[0]));
  assert.deepEqual(exported, expected);
});

// `hashiya suggest` with a gazetteer of a million lines named by hashiya.json: loading it must neither overflow the
// call stack (a data-sized array spread into a call does past ~120K elements) nor lose names. The expected
// suggestions are the phrases this test writes into the article, placed with indexOf, not with the matcher.
import { strict as assert } from 'node:assert';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { captureIO } from './io';
import { runCli } from './main';

const temporary: string[] = [];
after(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

// Twenty letters that normalisation leaves alone and that carry no proclitic reading: each index spells one name.
const LETTERS = 'تثجحخدذرزسشصضطظعغقمن';
function nameOf(i: number): string {
  let word = '';
  for (let k = 0; k < 5; k++, i = Math.floor(i / LETTERS.length)) word += LETTERS[i % LETTERS.length];
  return `مدينة ${word}`;
}

const LINES = 1_000_000;

async function writeGazetteer(file: string): Promise<void> {
  const out = createWriteStream(file);
  let block = '# name<TAB>label<TAB>ref\n';
  for (let i = 0; i < LINES; i++) {
    block += `${nameOf(i)}\tLOC\ttest:${i}\n`;
    if (block.length > 1 << 16) {
      if (!out.write(block)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      block = '';
    }
  }
  out.end(block);
  await new Promise<void>((resolve, reject) => out.on('finish', () => resolve()).on('error', reject));
}

test('suggest: a 1,000,000-line TSV gazetteer through hashiya.json gives its names as suggestions', { timeout: 120_000 }, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-bigtsv-'));
  temporary.push(dir);
  await writeGazetteer(path.join(dir, 'places.tsv'));
  await writeFile(path.join(dir, 'hashiya.json'), JSON.stringify({ gazetteers: [{ path: 'places.tsv', format: 'tsv', label: 'LOC' }], builtinGazetteer: false }));
  // The first, a middle and the last line of the file; and a name that is not in it (index past the last line).
  const wanted = [0, 500_000, LINES - 1].map(nameOf);
  const article = `وصل الوفد إلى ${wanted[0]} صباحا.\nثم زار ${wanted[1]} و${nameOf(LINES + 7)}.\nوانتهت الجولة في ${wanted[2]}.\n`;
  const file = path.join(dir, 'article.txt');
  await writeFile(file, article);

  const io = captureIO();
  const code = await runCli(['suggest', file], io);
  assert.equal(io.stderr, '');
  assert.equal(code, 0);
  const got = io.stdout.trim().split('\n').map((l) => JSON.parse(l));
  // The article is all BMP text, so UTF-16 offsets are code-point offsets.
  const expected = wanted.map((name, k) => ({ start: article.indexOf(name), end: article.indexOf(name) + name.length, text: name, ref: `test:${[0, 500_000, LINES - 1][k]}` }));
  assert.deepEqual(got.map((s) => ({ start: s.start, end: s.end, text: s.text, ref: s.ref })), expected);
  assert.ok(got.every((s) => s.label === 'LOC' && s.source === 'gazetteer:places.tsv'));
});

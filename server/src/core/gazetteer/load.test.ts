// The streaming loader (files read a megabyte at a time straight into the matcher's columns) against the
// whole-file readers: same names, same entries, same matches; CRLF and a BOM across chunk boundaries.
import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { defaultConfig } from '../corpus/config';
import { buildMatcher, loadMatcher, readKnowledge, streamLines } from './load';

const ROOT = path.join(__dirname, '../../../..');
const temporary: string[] = [];
after(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

test('streamLines: BOM, CRLF and LF lines, a line break split across 1 MB reads, last line without a break', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-lines-'));
  temporary.push(dir);
  const long = 'ب'.repeat((1 << 20) - 2); // the \r\n after it straddles the first read
  const file = path.join(dir, 'lines.tsv');
  await writeFile(file, `\uFEFFأ\r\n${long}\r\nج\nد`);
  const lines: Array<[string, number]> = [];
  await streamLines(file, (text, start, end, n) => {
    const line = text.slice(start, end);
    lines.push([line.length > 10 ? `long:${line.length}` : line, n]);
  });
  assert.deepEqual(lines, [['أ', 1], [`long:${long.length}`, 2], ['ج', 3], ['د', 4]]);
});

test('streamLines with a pacer: asked before a read is parsed and every 64 lines; nothing is parsed while it pauses', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-lines-'));
  temporary.push(dir);
  const file = path.join(dir, 'names.tsv');
  await writeFile(file, Array.from({ length: 1000 }, (_, i) => `اسم${i}\tLOC`).join('\n'));
  let pausing = false;
  let pauses = 0;
  let firstPauseBeforeLine = -1;
  let lines = 0;
  const pacer = {
    due: () => true,
    pause: async () => {
      if (pauses++ === 0) firstPauseBeforeLine = lines;
      pausing = true;
      await new Promise((resolve) => setImmediate(resolve));
      pausing = false;
    },
  };
  await streamLines(file, () => {
    assert.equal(pausing, false, 'a line parsed during a pause');
    lines++;
  }, pacer);
  assert.equal(lines, 1000);
  assert.equal(firstPauseBeforeLine, 0, 'the read is not parsed before the pacer is asked');
  assert.equal(pauses, 1 + Math.floor(1000 / 64), 'one pause per read and one per 64 lines');
});

test('loadMatcher gives the matches of buildMatcher(readKnowledge(...)): GeoNames, TSV with and without refs, built-in', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-load-'));
  temporary.push(dir);
  await writeFile(path.join(dir, 'cities.txt'), await readFile(path.join(ROOT, 'fixtures/geonames/cities15000_MiddleEast.txt')));
  await writeFile(path.join(dir, 'kb.tsv'), '# local names\r\nالناصرية\tLOC\r\nالحشد الشعبي\tACTOR\tactor:pmf\tقوات\r\nسوق الشيوخ\tLOC\t\t\r\n');
  const config = {
    ...defaultConfig(dir),
    gazetteers: [
      { path: path.join(dir, 'cities.txt'), format: 'geonames' as const, label: 'LOC' },
      { path: path.join(dir, 'kb.tsv'), format: 'tsv' as const },
    ],
  };
  const text = await readFile(path.join(ROOT, 'samples/iraq/dhi-qar-convoy-2020-07-22.txt'), 'utf8') + '\nفي الناصرية وسوق الشيوخ قال الحشد الشعبي إن بيروت ودمشق';
  const streamed = await loadMatcher(config);
  const collected = buildMatcher(config, await readKnowledge(config));
  assert.equal(streamed.size, collected.size);
  assert.equal(streamed.entryCount, collected.entryCount);
  const a = streamed.matchAll(text);
  assert.deepEqual(a, collected.matchAll(text));
  // What this test's TSV says, by hand: a row without a ref is named source:name; the description is kept.
  assert.ok(a.some((c) => c.name === 'الناصرية' && c.ref === 'gazetteer:kb.tsv:الناصرية' && c.source === 'gazetteer:kb.tsv'));
  assert.ok(a.some((c) => c.name === 'الحشد الشعبي' && c.ref === 'actor:pmf' && c.label === 'ACTOR' && c.description === 'قوات'));
  assert.deepEqual(streamed.entryByRef('gazetteer:kb.tsv:سوق الشيوخ'), { ref: 'gazetteer:kb.tsv:سوق الشيوخ', label: 'LOC', names: ['سوق الشيوخ'], source: 'gazetteer:kb.tsv' });
});

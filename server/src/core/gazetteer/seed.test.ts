// Acceptance on the seed article with the built-in gazetteer: every expected entity found with its exact span,
// and only a few suggestions beyond them.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { defaultConfig } from '../corpus/config';
import { buildMatcher, readKnowledge } from './load';

const ROOT = path.join(__dirname, '../../../..');
const text = readFileSync(path.join(ROOT, 'samples/iraq/dhi-qar-convoy-2020-07-22.txt'), 'utf8');
const chars = [...text];

/** Code-point starts of `word` in the seed, skipping occurrences inside a longer word (except after a proclitic). */
function spansOf(word: string, options: { within?: (start: number) => boolean } = {}): string[] {
  const out: string[] = [];
  const n = [...word].length;
  for (let i = 0; i + n <= chars.length; i++) {
    if (chars.slice(i, i + n).join('') !== word) continue;
    const after = chars[i + n] ?? ' ';
    if (/[\p{L}]/u.test(after)) continue;
    if (options.within && !options.within(i)) continue;
    out.push(`${i}-${i + n}`);
  }
  return out;
}

test('the seed article: the expected locations and actors, with exact spans', async () => {
  const config = defaultConfig(path.join(ROOT, 'samples'));
  const matcher = buildMatcher(config, await readKnowledge(config));
  const found = matcher.matchAll(text);
  const got = new Set(found.map((c) => `${c.start}-${c.end}|${c.label}`));
  const agency = text.indexOf('وكالة أنباء العراق');
  const agencyCp = [...text.slice(0, agency)].length;
  const expected: Array<[string, string, number, ((s: number) => boolean)?]> = [
    ['العراق', 'LOC', 7, (s) => s !== agencyCp + 12], // every mention outside the news agency's name
    ['ذي قار', 'LOC', 3],
    ['ذي_قار', 'LOC', 1],
    ['الديوانية', 'LOC', 1],
    ['بغداد', 'LOC', 2],
    ['صلاح الدين', 'LOC', 1],
    ['البطحاء', 'LOC', 3],
    ['القوات الأميركية', 'ACTOR', 5],
    ['القوات_الأمريكية', 'ACTOR', 1],
    ['الجيش الأميركي', 'ACTOR', 1],
    ['أهل الكهف', 'ACTOR', 1],
    ['وزارة الدفاع الأميركية', 'ACTOR', 1],
  ];
  const wanted = new Set<string>();
  for (const [word, label, count, within] of expected) {
    const spans = spansOf(word, within ? { within } : {});
    assert.equal(spans.length, count, `${word} occurs ${count} times`);
    for (const span of spans) {
      assert.ok(got.has(`${span}|${label}`), `${word} (${label}) at ${span} was not suggested`);
      wanted.add(`${span}|${label}`);
    }
  }
  // One of the بغداد occurrences comes from ببغداد: the span excludes the proclitic.
  const bb = [...text.slice(0, text.indexOf('ببغداد'))].length;
  assert.ok(got.has(`${bb + 1}-${bb + 6}|LOC`));
  // What else was suggested: spans (not candidates: a span may carry several refs).
  const extra = [...new Set(found.map((c) => `${c.start}-${c.end}|${c.label}`))].filter((k) => !wanted.has(k));
  const extraTexts = extra.map((k) => chars.slice(Number(k.split('-')[0]), Number(k.split('|')[0].split('-')[1])).join('') + '|' + k.split('|')[1]).sort();
  assert.deepEqual(extraTexts, [
    'إيران|LOC', 'إيران|LOC', // correct, not in the required list
    'الأمن العراقي|ACTOR', // Iraqi security forces
    'العصائب|ACTOR', 'كتلة الصادقون البرلمانية|ACTOR', 'نعيم العبودي|ACTOR', // correct
    'وكالة أنباء العراق الدولية - واعد|ACTOR', // the news agency, correct
  ]);
});

test('Iraqi districts: "قضاء X" is the district, a bare X the town', async () => {
  const config = defaultConfig(ROOT);
  const matcher = buildMatcher(config, await readKnowledge(config, { builtinDir: path.join(ROOT, 'data/builtin') }));
  const line = 'اشتباكات في قضاء سوق الشيوخ وقضاء تلعفر، ثم في سوق الشيوخ نفسها وبقضاء الطوز';
  const found = matcher.matchAll(line).map((c) => `${[...line].slice(c.start, c.end).join('')}|${c.ref}`);
  assert.deepEqual(found, [
    'قضاء سوق الشيوخ|geonames:90509',
    'قضاء تلعفر|geonames:90392',
    'سوق الشيوخ|hashiya:place/suq-al-shuyukh',
    'قضاء الطوز|geonames:9166598',
  ]);
});

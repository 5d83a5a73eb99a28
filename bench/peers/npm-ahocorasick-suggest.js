// Peer of `hashiya suggest` for bench/cli.bench.ts: the npm package `ahocorasick` (pure JavaScript). Reads the
// names of a TSV gazetteer (first column), builds the automaton, scans the text and prints every match that is a
// whole word (no letter, mark or digit on either side) as {"start","end","name"} in code points. No
// normalisation, no proclitic readings, overlapping matches kept.
'use strict';
const { readFileSync } = require('node:fs');
const AhoCorasick = require('ahocorasick');

const WORD = /[\p{L}\p{M}\p{N}]/u;
const [namesFile, textFile] = process.argv.slice(2);
const names = [];
for (const line of readFileSync(namesFile, 'utf8').split('\n')) {
  const name = line.replace(/\r$/, '').split('\t', 1)[0].trim();
  if (name && !name.startsWith('#')) names.push(name);
}
const automaton = new AhoCorasick(names);
const text = readFileSync(textFile, 'utf8').replace(/^\uFEFF/, '');
// Code points of UTF-16 offsets: the astral characters before each offset, counted once.
const astral = [];
for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) < 0xdc00) astral.push(i);
const toCodePoint = (u) => {
  let lo = 0;
  let hi = astral.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (astral[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return u - lo;
};
let block = '';
for (const [endIndex, found] of automaton.search(text)) {
  const end = endIndex + 1;
  if (end < text.length && WORD.test(text[end])) continue;
  for (const name of found) {
    const start = end - name.length;
    if (start > 0 && WORD.test(text[start - 1])) continue;
    block += `{"start":${toCodePoint(start)},"end":${toCodePoint(end)},"name":${JSON.stringify(name)}}\n`;
    if (block.length > 1 << 16) {
      process.stdout.write(block);
      block = '';
    }
  }
}
process.stdout.write(block);

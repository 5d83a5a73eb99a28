// The simple baseline of `hashiya suggest` for bench/cli.bench.ts: a Map from normalised names to names, and a
// walk over the words of the text that looks up each run of 1..(longest name) words, longest first. Normalises
// names and words alike (diacritics and tatweel dropped; أ إ آ ٱ -> ا, ى -> ي, ة -> ه, ؤ -> و, ئ -> ي). Words are
// runs of letters, marks and digits; the words of a name may be separated by 1–3 spaces, tabs, _ or -. Does not
// try proclitic readings; the longest match at a word wins and the walk goes on after it. Prints
// {"start","end","name"} in code points.
'use strict';
const { readFileSync } = require('node:fs');

const normalise = (s) =>
  s.replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(/[أإآٱ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه').replace(/ؤ/g, 'و').replace(/ئ/g, 'ي');
const WORDS = /[\p{L}\p{M}\p{N}]+/gu;

const [namesFile, textFile] = process.argv.slice(2);
const names = new Map();
let longest = 1;
for (const line of readFileSync(namesFile, 'utf8').split('\n')) {
  const name = line.replace(/\r$/, '').split('\t', 1)[0].trim();
  if (!name || name.startsWith('#')) continue;
  const words = normalise(name).match(WORDS);
  if (!words) continue;
  longest = Math.max(longest, words.length);
  const key = words.join(' ');
  if (!names.has(key)) names.set(key, name);
}
const text = readFileSync(textFile, 'utf8').replace(/^\uFEFF/, '');
const starts = [];
const ends = [];
const keys = [];
for (const m of text.matchAll(WORDS)) {
  starts.push(m.index);
  ends.push(m.index + m[0].length);
  keys.push(normalise(m[0]));
}
const JOINER = /^[ \t_\u00a0-]{1,3}$/;
let cp = 0;
let cpAt = 0;
const toCodePoint = (u) => {
  // Offsets only grow: count the astral characters since the last call.
  for (; cpAt < u; cpAt++) {
    const c = text.charCodeAt(cpAt);
    if (!(c >= 0xdc00 && c < 0xe000)) cp++;
  }
  return cp;
};
let block = '';
for (let i = 0; i < keys.length; i++) {
  let key = '';
  let found = -1;
  for (let k = i; k < keys.length && k - i < longest; k++) {
    if (k > i && !JOINER.test(text.slice(ends[k - 1], starts[k]))) break;
    key = k === i ? keys[k] : `${key} ${keys[k]}`;
    if (names.has(key)) found = k;
  }
  if (found < 0) continue;
  let k = i;
  for (key = keys[i]; k < found; ) key += ' ' + keys[++k];
  const start = toCodePoint(starts[i]);
  block += `{"start":${start},"end":${toCodePoint(ends[found])},"name":${JSON.stringify(names.get(key))}}\n`;
  if (block.length > 1 << 16) {
    process.stdout.write(block);
    block = '';
  }
  i = found;
}
process.stdout.write(block);

// The TextMate grammar, run through the same engine VS Code uses (vscode-textmate + Oniguruma), on the seed
// article's tweet and on invented lines for what the seed lacks.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { type IGrammar, INITIAL, parseRawGrammar, Registry } from 'vscode-textmate';

const ROOT = path.join(__dirname, '../..');
let grammar: IGrammar;

before(async () => {
  const wasm = readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => parseRawGrammar(readFileSync(path.join(ROOT, 'syntaxes/arabic-news.tmLanguage.json'), 'utf8'), 'arabic-news.tmLanguage.json'),
  });
  grammar = (await registry.loadGrammar('text.arabic-news.hashiya'))!;
});

/** The scopes of the token that covers the first occurrence of `piece` in `line`. */
function scopesOf(line: string, piece: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, INITIAL);
  const at = line.indexOf(piece);
  assert.notEqual(at, -1, `${piece} is in the line`);
  const token = tokens.find((t) => t.startIndex <= at && at < t.endIndex)!;
  return token.scopes;
}

test('the seed tweet: hashtags, URL, mention and English date', () => {
  const lines = readFileSync(path.join(ROOT, 'samples/iraq/dhi-qar-convoy-2020-07-22.txt'), 'utf8').split('\n');
  const tweet = lines[3];
  assert.ok(scopesOf(tweet, 'العراق ||').includes('entity.name.tag.hashtag.hashiya'));
  assert.ok(scopesOf(tweet, 'ذي_قار').includes('entity.name.tag.hashtag.hashiya'));
  assert.ok(scopesOf(tweet, 'pic.twitter.com').includes('markup.underline.link.url.hashiya'));
  assert.ok(scopesOf(tweet, '"شركة أمنية"').includes('string.quoted.double.hashiya'));
  const byline = lines[4];
  assert.ok(scopesOf(byline, 'wa3ediq').includes('variable.other.mention.hashiya'));
  assert.ok(scopesOf(byline, 'July 22, 2020').includes('constant.numeric.date.hashiya'));
});

test('numbers in ASCII, Arabic-Indic and Extended Arabic-Indic digits', () => {
  assert.ok(scopesOf('أحرقوا 3 شاحنات', '3').includes('constant.numeric.hashiya'));
  assert.ok(scopesOf('قتل ١٢ شخصاً', '١٢').includes('constant.numeric.hashiya'));
  assert.ok(scopesOf('بنسبة ۴۵٫۵%', '۴۵').includes('constant.numeric.hashiya'));
});

test('Arabic dates and guillemet quotations', () => {
  assert.ok(scopesOf('في 22 تموز 2020 وقع', '22 تموز').includes('constant.numeric.date.hashiya'));
  assert.ok(scopesOf('بتاريخ ٢٠٢٠/٠٧/٢٢', '٢٠٢٠/').includes('constant.numeric.date.hashiya'));
  assert.ok(scopesOf('قال «لن نقبل» أمس', 'لن نقبل').includes('string.quoted.guillemet.hashiya'));
});

test('plain words get no furniture scope', () => {
  assert.deepEqual(scopesOf('قالت مصادر أمنية', 'مصادر'), ['text.arabic-news.hashiya']);
});

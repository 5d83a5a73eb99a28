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
  assert.ok(scopesOf(tweet, 'العراق ||').includes('news.hashtag.name.hashiya'));
  assert.ok(scopesOf(tweet, 'ذي_قار').includes('news.hashtag.name.hashiya'));
  assert.ok(scopesOf(tweet, 'pic.twitter.com').includes('news.url.hashiya'));
  assert.ok(scopesOf(tweet, '"شركة أمنية"').includes('news.quotation.straight.hashiya'));
  const byline = lines[4];
  assert.ok(scopesOf(byline, 'wa3ediq').includes('news.mention.name.hashiya'));
  assert.ok(scopesOf(byline, 'July 22, 2020').includes('news.date.hashiya'));
});

test('numbers in ASCII, Arabic-Indic and Extended Arabic-Indic digits', () => {
  assert.ok(scopesOf('أحرقوا 3 شاحنات', '3').includes('news.number.hashiya'));
  assert.ok(scopesOf('قتل ١٢ شخصاً', '١٢').includes('news.number.hashiya'));
  assert.ok(scopesOf('بنسبة ۴۵٫۵%', '۴۵').includes('news.number.hashiya'));
});

test('Arabic dates and guillemet quotations', () => {
  assert.ok(scopesOf('في 22 تموز 2020 وقع', '22 تموز').includes('news.date.hashiya'));
  assert.ok(scopesOf('بتاريخ ٢٠٢٠/٠٧/٢٢', '٢٠٢٠/').includes('news.date.hashiya'));
  assert.ok(scopesOf('قال «لن نقبل» أمس', 'لن نقبل').includes('news.quotation.guillemet.hashiya'));
});

test('plain words get no furniture scope', () => {
  assert.deepEqual(scopesOf('قالت مصادر أمنية', 'مصادر'), ['text.arabic-news.hashiya']);
});

test('every scope lies under news.*, which default themes do not colour, and none makes a string or comment token', () => {
  // A coloured token inside an Arabic run is drawn as its own left-to-right piece and reorders the words around
  // it; a `string`/`comment` scope changes the token's type, which also ends the token there.
  const files = ['samples/iraq/dhi-qar-convoy-2020-07-22.txt', 'samples/iraq/basra-local-elections-2023-03-14.txt'];
  const scopes = new Set<string>();
  for (const file of files) {
    for (const line of readFileSync(path.join(ROOT, file), 'utf8').split('\n')) {
      for (const token of grammar.tokenizeLine(line, INITIAL).tokens) token.scopes.forEach((s) => scopes.add(s));
    }
  }
  for (const scope of ['news.hashtag.name.hashiya', 'news.number.hashiya', 'news.date.hashiya', 'news.quotation.guillemet.hashiya', 'news.url.hashiya']) {
    assert.ok(scopes.has(scope), `the samples have a ${scope}`);
  }
  for (const scope of scopes) {
    assert.ok(scope === 'text.arabic-news.hashiya' || scope.startsWith('news.'), `${scope} is outside news.*`);
    assert.doesNotMatch(scope, /\b(comment|string|regex|regexp)\b/, `${scope} would change the token type`);
  }
});

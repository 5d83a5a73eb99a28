import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { formatProblem } from '../sidecar/problems';
import { defaultConfig, parseConfig } from './config';
import { articleFilter } from './discover';

test('without settings, the defaults are LOC and ACTOR, every .txt, the built-in gazetteer', () => {
  const config = defaultConfig('/corpus');
  assert.deepEqual(config.labels.map((l) => l.name), ['LOC', 'ACTOR']);
  assert.equal(config.builtinGazetteer, true);
  assert.equal(config.proclitics, 'exclude');
  const accept = articleFilter(config);
  assert.equal(accept('/corpus/a/b.txt'), true);
  assert.equal(accept('/corpus/node_modules/x.txt'), false);
  assert.equal(accept('/elsewhere/b.txt'), false);
});

test('labels, switches, policy and unknown keys are read', () => {
  const { config, problems } = parseConfig('/c', JSON.stringify({
    labels: [{ name: 'GPE', kind: 'location' }, { name: 'ORG', kind: 'organization', color: '#123456' }],
    normalization: { tehMarbuta: false },
    proclitics: 'include',
    include: ['news/**/*.txt'],
    tokenization: { clitics: 'split' },
  }));
  assert.deepEqual(problems, []);
  assert.deepEqual(config.labels.map((l) => [l.name, l.kind]), [['GPE', 'location'], ['ORG', 'organization']]);
  assert.equal(config.labels[1].color, '#123456');
  assert.equal(config.normalization.tehMarbuta, false);
  assert.equal(config.normalization.alef, true);
  assert.equal(config.proclitics, 'include');
  assert.deepEqual(config.extra, { tokenization: { clitics: 'split' } });
  assert.equal(articleFilter(config)('/c/news/a/x.txt'), true);
  assert.equal(articleFilter(config)('/c/other/x.txt'), false);
});

test('a gazetteer path outside the corpus root is refused, with its place', () => {
  const text = '{\n  "gazetteers": [{"path": "../secrets.tsv"}]\n}';
  const { config, problems } = parseConfig('/c', text);
  assert.equal(config.gazetteers.length, 0);
  assert.match(formatProblem('hashiya.json', text, problems[0]), /^hashiya\.json:2:27: error: gazetteer path "\.\.\/secrets\.tsv" leaves the corpus root/);
});

test('bad values are reported and the defaults kept', () => {
  const { config, problems } = parseConfig('/c', '{"labels": [{"name": "1bad"}], "proclitics": "maybe", "normalization": {"nope": true}}');
  assert.deepEqual(problems.map((p) => p.code).sort(), ['label-name', 'normalization', 'proclitics']);
  assert.deepEqual(config.labels.map((l) => l.name), ['LOC', 'ACTOR']);
});

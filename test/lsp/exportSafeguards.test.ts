// Export safeguards over a real LSP connection: an output inside the corpus (a file or a folder, also through a
// symlink) is refused with an error that says so, and nothing is written; without statuses only done and reviewed
// documents go out (common/documentStatus.ts DEFAULT_EXPORT_STATUSES, the CLI's default too).
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ExportTrainingDataRequest } from '../../common/protocol';
import { LspTestClient } from './lspClient';

// Three articles by hand: one done, one reviewed, one in progress, each with one entity.
const ARTICLES: Array<[string, string, string]> = [
  ['a.txt', 'وصل الوفد إلى بغداد صباحا.\n', 'done'],
  ['b.txt', 'عاد الهدوء إلى البصرة.\n', 'reviewed'],
  ['c.txt', 'انفجار قرب الموصل.\n', 'in-progress'],
];
const PLACES = ['بغداد', 'البصرة', 'الموصل'];

describe('export safeguards', () => {
  let client: LspTestClient;
  let ws: string;
  let corpus: string;

  before(async () => {
    ws = await mkdtemp(path.join(tmpdir(), 'hashiya-export-guard-'));
    corpus = path.join(ws, 'corpus');
    await mkdir(corpus);
    await writeFile(path.join(corpus, 'hashiya.json'), JSON.stringify({ labels: [{ name: 'LOC', kind: 'location' }], builtinGazetteer: false }));
    for (const [i, [file, text, status]] of ARTICLES.entries()) {
      await writeFile(path.join(corpus, file), text);
      const start = [...text.slice(0, text.indexOf(PLACES[i]))].length;
      const sidecar = { hashiya: 1, text: file, sha256: createHash('sha256').update(text).digest('hex'), status, entities: [{ start, end: start + [...PLACES[i]].length, label: 'LOC', text: PLACES[i] }], rejected: [] };
      await writeFile(path.join(corpus, file.replace(/\.txt$/, '.ann.json')), JSON.stringify(sidecar, null, 2) + '\n');
    }
    await symlink(corpus, path.join(ws, 'link-to-corpus'));
    client = new LspTestClient();
    await client.initialize(ws);
  });
  after(async () => {
    await client.close();
    await rm(ws, { recursive: true, force: true });
  });

  const exportTo = (out: string, extra: Record<string, unknown> = {}) =>
    client.connection.sendRequest(ExportTrainingDataRequest, { options: { root: corpus, format: 'conll', out, ...extra } });

  test('an output inside the corpus is refused and nothing is written', async () => {
    const listing = (await readdir(corpus)).sort();
    for (const [out, extra] of [
      [path.join(corpus, 'train.conll'), {}],
      [path.join(corpus, 'exports'), { split: '80,10,10' }],
      [corpus, { split: '80,10,10' }],
      [path.join(ws, 'link-to-corpus', 'train.conll'), {}],
    ] as const) {
      await assert.rejects(exportTo(out, extra), (error: Error) => /inside the corpus/.test(error.message) && /outside/.test(error.message), out);
    }
    assert.deepEqual((await readdir(corpus)).sort(), listing, 'nothing was written into the corpus');
  });

  test('by default only done and reviewed documents are exported', async () => {
    const out = path.join(ws, 'out', 'train.conll');
    const manifest = await exportTo(out);
    assert.equal(manifest.totals.documents, 2);
    assert.equal(manifest.totals.entities, 2);
    assert.ok(existsSync(out));
    const all = await exportTo(path.join(ws, 'out', 'all.conll'), { status: ['in-progress', 'done', 'reviewed'] });
    assert.equal(all.totals.documents, 3);
  });
});

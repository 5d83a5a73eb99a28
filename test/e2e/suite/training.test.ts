// Training data from VS Code: the export and statistics commands (with presets instead of quick picks) run the
// same core as the CLI on the workspace corpus.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { within } from './helpers';

suite('Hashiya training data', () => {
  let root: string;

  suiteSetup(async function () {
    this.timeout(60_000);
    root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const extension = vscode.extensions.getExtension<{ ready: Promise<void> }>('hashiya.hashiya')!;
    await within('activation', Promise.resolve(extension.activate()), 30_000);
  });

  test('Export Training Data writes CoNLL and a manifest with the counts', async function () {
    this.timeout(60_000);
    const out = path.join(path.dirname(root), 'export', 'train.conll');
    const manifest = await vscode.commands.executeCommand<{ totals: { documents: number; entities: number; entitiesByLabel: Record<string, number> } }>(
      'hashiya.exportTrainingData',
      { root, format: 'conll', out, status: ['in-progress', 'done', 'reviewed'] },
    );
    assert.ok(manifest, 'the command returned no manifest');
    assert.ok(manifest.totals.documents >= 1);
    assert.ok(manifest.totals.entitiesByLabel.LOC > 10, JSON.stringify(manifest.totals));
    const conll = fs.readFileSync(out, 'utf8');
    assert.match(conll, /^-DOCSTART- O\n\n/);
    assert.match(conll, /^ذي B-LOC\nقار I-LOC$/m);
    assert.ok(fs.existsSync(`${out}.manifest.json`) || fs.existsSync(path.join(path.dirname(out), 'manifest.json')));
  });

  test('Import Corpus turns a CoNLL file (BOM, CRLF, a broken tag) into a corpus: article, sidecar and hashiya.json', async function () {
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(path.dirname(root), 'import-'));
    const input = path.join(dir, 'news.conll');
    fs.writeFileSync(input, '\uFEFFقالت O\r\nمصادر O\r\nفي O\r\nبغداد B-LOC\r\nو O\r\nالقوات B-ORG\r\nالأمريكية I--ORG\r\n\r\n');
    const out = path.join(dir, 'corpus');
    const result = await vscode.commands.executeCommand<{ counts: { documents: number; tokens: number; entities: number }; problemCounts: Record<string, number> }>(
      'hashiya.importCorpus',
      { format: 'conll', input, out },
    );
    assert.ok(result, 'the command returned no result');
    assert.deepEqual([result.counts.documents, result.counts.tokens, result.counts.entities], [1, 7, 2]);
    assert.equal(result.problemCounts['malformed-tag'], 1, JSON.stringify(result.problemCounts));
    const article = fs.readdirSync(out, { recursive: true }).map(String).find((f) => f.endsWith('.txt'))!;
    const sidecar = JSON.parse(fs.readFileSync(path.join(out, article.replace(/\.txt$/, '.ann.json')), 'utf8'));
    assert.deepEqual(sidecar.entities.map((e: { text: string; label: string }) => `${e.text}|${e.label}`), ['بغداد|LOC', 'القوات الأمريكية|ORG']);
    assert.ok(fs.existsSync(path.join(out, 'hashiya.json')));
  });

  test('Show Corpus Statistics counts documents and entities', async () => {
    const stats = await vscode.commands.executeCommand<{ documents: number; entitiesByLabel: Record<string, number> }>('hashiya.showStats', root);
    assert.ok(stats.documents >= 1);
    assert.ok(stats.entitiesByLabel.ACTOR > 5, JSON.stringify(stats));
  });
});

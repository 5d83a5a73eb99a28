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

  test('Show Corpus Statistics counts documents and entities', async () => {
    const stats = await vscode.commands.executeCommand<{ documents: number; entitiesByLabel: Record<string, number> }>('hashiya.showStats', root);
    assert.ok(stats.documents >= 1);
    assert.ok(stats.entitiesByLabel.ACTOR > 5, JSON.stringify(stats));
  });
});

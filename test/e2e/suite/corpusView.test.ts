// The corpus maintainer's parts in a real VS Code: the corpus tree (its data as the view shows it), Compare
// Annotations with HEAD (a diff editor of rendered annotations, in the workspace made a git repository here), and
// the agreement report on two folders whose figures are computed by hand in the fixture.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { writeAgreementFolders } from '../../../server/src/core/corpus/testdata/agreementFixture';
import { sha256Hex } from '../../../server/src/core/text/hash';
import { openDocument, readSidecar, waitFor, within } from './helpers';

const EXTENSION_ID = 'hashiya.hashiya';
const ARTICLE = 'maintainer/visit.txt';
// "زار " 0-3, "الوزير" 4-9, " " 10, "بغداد" 11-15, " اليوم." after.
const TEXT = 'زار الوزير بغداد اليوم.';
const SIDECAR = {
  hashiya: 1,
  text: 'visit.txt',
  sha256: sha256Hex(TEXT),
  status: 'in-progress',
  entities: [{ start: 11, end: 16, label: 'LOC', text: 'بغداد', ref: 'geonames:98182' }],
  rejected: [],
  unresolved: [],
};

interface TreeNode {
  kind: 'corpus' | 'group' | 'document';
  summary?: { root: string; total: number; byStatus: Record<string, number>; complete: boolean; git: boolean };
  status?: string;
  document?: { path: string; entities: number; changed: boolean; status: string };
}
interface HashiyaApi {
  ready: Promise<void>;
  corpusTree: vscode.TreeDataProvider<TreeNode>;
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });

/** Every .txt article under `dir` (counted here from the disk, independently of the server). */
function countArticles(dir: string): number {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    if (entry.isDirectory()) n += countArticles(path.join(dir, entry.name));
    else if (entry.name.endsWith('.txt')) n++;
  }
  return n;
}

suite('Corpus view, Compare with HEAD, agreement', () => {
  let root: string;
  let api: HashiyaApi;
  let articleUri: vscode.Uri;

  suiteSetup(async function () {
    this.timeout(60_000);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    root = folder.uri.fsPath;
    fs.mkdirSync(path.join(root, 'maintainer'), { recursive: true });
    fs.writeFileSync(path.join(root, ARTICLE), TEXT);
    fs.writeFileSync(path.join(root, 'maintainer/visit.ann.json'), JSON.stringify(SIDECAR, null, 2) + '\n');
    // This suite's copy of the corpus becomes a git repository, everything committed: HEAD is the corpus as copied.
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'corpus');
    articleUri = vscode.Uri.file(path.join(root, ARTICLE));
    const extension = vscode.extensions.getExtension<HashiyaApi>(EXTENSION_ID);
    assert.ok(extension);
    api = (await waitFor('activation', () => (extension.isActive ? extension.exports : undefined), 30_000)) as HashiyaApi;
    await within('the language client', api.ready, 30_000);
  });

  suiteTeardown(async () => {
    // Leave nothing unsaved behind (the article is this suite's own).
    await openDocument(articleUri)?.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The other suites see the corpus as a plain folder again.
    fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
  });

  const children = async (node?: TreeNode) => ((await api.corpusTree.getChildren(node)) ?? []) as TreeNode[];
  const documentNode = async (status: string): Promise<TreeNode | undefined> => {
    const [corpus] = await children();
    const group = (await children(corpus)).find((g) => g.status === status);
    return (await children(group)).find((d) => d.document?.path === ARTICLE);
  };

  test('the corpus view lists the corpus with its progress and each document with its counts', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('hashiya.corpus.focus');
    const [corpus] = await waitFor('the indexed corpus in the tree', async () => {
      const top = await children();
      // Complete, and holding the article this suite wrote just before (file events reach the server a moment later).
      return top.length === 1 && top[0].summary?.complete && top[0].summary.total === countArticles(root) ? top : undefined;
    }, 30_000).catch(async (error) => {
      const top = await children();
      throw new Error(`${(error as Error).message}: the tree's summary ${JSON.stringify(top[0]?.summary)} against ${countArticles(root)} articles on disk`);
    });
    assert.equal(corpus.summary!.root, root);
    assert.equal(corpus.summary!.total, countArticles(root), 'every article of the workspace');
    assert.equal(corpus.summary!.git, true);
    const corpusItem = await api.corpusTree.getTreeItem(corpus);
    const done = corpus.summary!.byStatus.done + corpus.summary!.byStatus.reviewed;
    assert.match(String(corpusItem.description), new RegExp(`${done} of ${countArticles(root)} done`));
    const groups = await children(corpus);
    assert.deepEqual(groups.map((g) => g.status), ['todo', 'in-progress', 'done', 'reviewed']);
    const node = await documentNode('in-progress');
    assert.ok(node, `${ARTICLE} is listed as in progress`);
    assert.equal(node.document!.entities, 1);
    assert.equal(node.document!.changed, false, 'committed as it is');
    const item = await api.corpusTree.getTreeItem(node);
    assert.equal(item.label, 'visit.txt');
    assert.match(String(item.description), /^1 entity/);
    assert.deepEqual(item.command?.arguments?.map(String), [articleUri.toString()]);
  });

  test('Compare with HEAD: after annotating one entity, the right side has it and the left does not', async function () {
    this.timeout(60_000);
    const document = await vscode.workspace.openTextDocument(articleUri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await waitFor('the article to be a corpus article', () => document.languageId === 'hashiya-arabic' || undefined, 20_000);
    const start = document.positionAt(TEXT.indexOf('الوزير'));
    editor.selection = new vscode.Selection(start, start.translate(0, 'الوزير'.length));
    await waitFor('annotateSelection', async () => (await vscode.commands.executeCommand<boolean>('hashiya.annotateSelection', { label: 'LOC' })) === true, 20_000);
    await waitFor('the sidecar on disk with the new entity', () => readSidecar(path.join(root, 'maintainer/visit.ann.json')).entities.length === 2 || undefined);

    assert.equal(await vscode.commands.executeCommand<boolean>('hashiya.compareWithHead'), true);
    const tab = await waitFor('a diff editor', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    });
    const left = (await vscode.workspace.openTextDocument(tab.original)).getText();
    const right = (await vscode.workspace.openTextDocument(tab.modified)).getText();
    // Written by hand from TEXT and the two sidecars.
    assert.equal(left, 'زار الوزير [بغداد]{LOC geonames:98182} اليوم.\n');
    assert.equal(right, 'زار [الوزير]{LOC} [بغداد]{LOC geonames:98182} اليوم.\n');

    // The right side follows the article: a word typed (not saved) appears there, and not at HEAD.
    const typed = new vscode.WorkspaceEdit();
    typed.insert(articleUri, document.positionAt(TEXT.length - 1), ' صباحا');
    assert.equal(await vscode.workspace.applyEdit(typed), true);
    await waitFor('the right side to show the unsaved edit', async () => (await vscode.workspace.openTextDocument(tab.modified)).getText() === 'زار [الوزير]{LOC} [بغداد]{LOC geonames:98182} اليوم صباحا.\n' || undefined);
    assert.equal((await vscode.workspace.openTextDocument(tab.original)).getText(), left);

    // The tree marks the document as changed since HEAD, with its new count.
    const node = await waitFor('the changed mark in the tree', async () => {
      const n = await documentNode('in-progress');
      return n?.document?.changed ? n : undefined;
    });
    assert.equal(node.document!.entities, 2);
    assert.match(String((await api.corpusTree.getTreeItem(node)).description), /^● 2 entities/);
  });

  test('Compare Annotators shows the agreement figures computed by hand', async function () {
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hashiya-e2e-agree-'));
    try {
      await writeAgreementFolders(dir);
      const shown = await vscode.commands.executeCommand<{ result: { overall: { f1: number }; kappa: number | null }; html: string } | undefined>('hashiya.compareAnnotators', path.join(dir, 'a'), path.join(dir, 'b'));
      assert.ok(shown, 'the report was shown');
      // F1 = 6/11 = 0.545…, overlap F1 = 8/11 = 0.727…, kappa = 11/17 = 0.647… (fixture comments).
      assert.ok(Math.abs(shown.result.overall.f1 - 6 / 11) < 1e-12);
      assert.ok(shown.result.kappa !== null && Math.abs(shown.result.kappa - 11 / 17) < 1e-12);
      assert.match(shown.html, /<tr class="all"><th scope="row">all<\/th><td>0\.600<\/td><td>0\.500<\/td><td>0\.545<\/td>/);
      assert.match(shown.html, /<tr class="all"><th scope="row">all<\/th><td>0\.800<\/td><td>0\.667<\/td><td>0\.727<\/td>/);
      assert.match(shown.html, /Cohen's kappa: <strong>0\.647<\/strong>/);
      assert.equal(shown.html.match(/data-index="/g)?.length, 3, 'three disagreements, each a link');
      assert.match(shown.html, /Content-Security-Policy" content="default-src 'none'/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

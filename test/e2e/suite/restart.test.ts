// The language server killed (SIGKILL, as a crash or the OOM killer would) while the annotator works: the
// extension's client starts it again, and every annotation the server acknowledged before is on disk and shown
// again by the new server, which goes on annotating. The server is found as the extension host's child process
// running dist/server.js (Linux /proc), so other editors' servers on the machine are never touched.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codePointOffset, readSidecar, sidecarPathOf, waitFor, within } from './helpers';

interface HashiyaApi {
  ready: Promise<void>;
  documentState(uri: vscode.Uri): { entities: Array<{ start: number; end: number; label: string; text: string }> } | undefined;
}

/** Pids of this extension host's children that run the Hashiya language server. */
function serverPids(): number[] {
  if (!fs.existsSync('/proc/self/stat')) throw new Error('this test finds the server through /proc (Linux only)');
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The parent pid is the field after the parenthesised command name (which may itself hold spaces).
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (cmdline.some((arg) => arg.endsWith(path.join('dist', 'server.js')))) pids.push(Number(name));
    } catch {
      // The process ended while it was being read.
    }
  }
  return pids;
}

suite('Hashiya language server restart', () => {
  let api: HashiyaApi;
  let folder: string;
  let articleUri: vscode.Uri;
  let sidecarFile: string;

  suiteSetup(async function () {
    this.timeout(60_000);
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root, 'the test run opened no workspace folder');
    const extension = vscode.extensions.getExtension<HashiyaApi>('hashiya.hashiya');
    assert.ok(extension, 'the extension is not installed');
    api = await within('activation', Promise.resolve(extension.activate()), 30_000);
    await within('the language server', api.ready, 30_000);
    // An article of its own (no sidecar yet), so the other suites' articles and counts stay as they are.
    folder = path.join(root, 'restart');
    fs.mkdirSync(folder, { recursive: true });
    const text = fs.readFileSync(path.join(root, 'iraq/basra-local-elections-2023-03-14.txt'), 'utf8');
    fs.writeFileSync(path.join(folder, 'killed-server.txt'), text);
    articleUri = vscode.Uri.file(path.join(folder, 'killed-server.txt'));
    sidecarFile = sidecarPathOf(articleUri);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('SIGKILL during annotation: the client restarts the server; acknowledged annotations are on disk and shown again', async function () {
    this.timeout(120_000);
    const document = await vscode.workspace.openTextDocument(articleUri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await waitFor('the article state', () => api.documentState(articleUri), 30_000);
    const text = document.getText();
    const annotate = async (word: string): Promise<{ start: number; end: number }> => {
      const at = text.indexOf(word);
      assert.ok(at >= 0, `"${word}" is not in the article`);
      editor.selection = new vscode.Selection(document.positionAt(at), document.positionAt(at + word.length));
      const added = await vscode.commands.executeCommand<boolean>('hashiya.annotateSelection', { label: 'LOC' });
      assert.equal(added, true, `annotating "${word}" was not acknowledged`);
      return { start: codePointOffset(text, at), end: codePointOffset(text, at + word.length) };
    };

    const [before] = serverPids();
    assert.ok(before, 'no language server process under this extension host');
    const acknowledged = [await annotate('بغداد'), await annotate('العراق'), await annotate('البصرة')];

    // One more request in flight, and the server killed under it.
    const at = text.indexOf('نينوى');
    editor.selection = new vscode.Selection(document.positionAt(at), document.positionAt(at + 'نينوى'.length));
    const inFlight = Promise.resolve(vscode.commands.executeCommand('hashiya.annotateSelection', { label: 'LOC' })).catch(() => undefined);
    process.kill(before, 'SIGKILL');
    await inFlight;

    const after = await waitFor('a new language server process', () => serverPids().find((pid) => pid !== before), 60_000);
    assert.notEqual(after, before);

    // On disk: a complete sidecar (never half a file) with every acknowledged annotation.
    const onDisk = readSidecar(sidecarFile);
    for (const a of acknowledged) assert.ok(onDisk.entities.some((e) => e.start === a.start && e.end === a.end && e.label === 'LOC'), `[${a.start}, ${a.end}) is not on disk`);

    // The new server annotates, and shows what it read back from disk beside it: the client's state comes from it.
    const more = await waitFor('an annotation acknowledged by the new server', async () => {
      try {
        return await annotate('آذار');
      } catch {
        return undefined;
      }
    }, 30_000);
    const state = await waitFor('the state from the new server', () => {
      const s = api.documentState(articleUri);
      return s && s.entities.some((e) => e.start === more.start && e.end === more.end) ? s : undefined;
    }, 30_000);
    for (const a of [...acknowledged, more]) assert.ok(state.entities.some((e) => e.start === a.start && e.end === a.end && e.label === 'LOC'), `[${a.start}, ${a.end}) is not shown after the restart`);
    assert.ok(readSidecar(sidecarFile).entities.some((e) => e.start === more.start && e.end === more.end), 'the new annotation is on disk');
    // No temporary file of the killed writer is left beside the sidecar once the new server has written it.
    assert.deepEqual(fs.readdirSync(folder).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock')), []);
  });
});

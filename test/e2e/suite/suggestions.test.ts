// Pre-annotation in the real editor: an unannotated copy of the seed article shows the knowledge base's
// suggestions; one is accepted through its quick fix, another through tag completion, and both are found in the
// sidecar on disk (code points, the article text unchanged).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codePointOffset, readSidecar, sidecarPathOf, waitFor, within } from './helpers';

suite('Hashiya suggestions', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  suiteSetup(async function () {
    this.timeout(60_000);
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    // The seed article again, without a sidecar: nothing annotated yet.
    const file = path.join(folder, 'iraq', 'unannotated-copy.txt');
    fs.copyFileSync(path.join(folder, 'iraq', 'dhi-qar-convoy-2020-07-22.txt'), file);
    uri = vscode.Uri.file(file);
    const extension = vscode.extensions.getExtension<{ ready: Promise<void> }>('hashiya.hashiya')!;
    await within('activation', Promise.resolve(extension.activate()), 30_000);
    await within('language client', extension.exports.ready, 30_000);
    // These tests read the semantic tokens the editor gets, which it gets only with entity text colouring on.
    await vscode.workspace.getConfiguration('hashiya.editor').update('colourEntityText', true, vscode.ConfigurationTarget.Global);
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    document = await waitFor('hashiya-arabic language', () => {
      const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri.toString());
      return d?.languageId === 'hashiya-arabic' ? d : undefined;
    });
  });

  test('suggestions are semantic tokens with the suggested modifier, nothing is written', async () => {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', uri);
    const suggested = 1 << legend.tokenModifiers.indexOf('suggested');
    const tokens = await waitFor('suggested tokens', async () => {
      const t = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
      const mods = [];
      for (let i = 4; t && i < t.data.length; i += 5) mods.push(t.data[i]);
      return mods.length >= 20 && mods.every((m) => m === suggested) ? mods : undefined;
    }, 20_000);
    assert.ok(tokens.length >= 20, `${tokens.length} suggested tokens`);
    assert.equal(fs.existsSync(sidecarPathOf(uri)), false, 'no sidecar before anything is accepted');
    // The state the decorations and the status bar draw from reached the client.
    const api = vscode.extensions.getExtension<{ documentState(u: vscode.Uri): { suggestions: unknown[]; status: string } | undefined }>('hashiya.hashiya')!.exports;
    const state = await waitFor('the document state in the client', () => api.documentState(uri));
    assert.ok(state.suggestions.length >= 20, `${state.suggestions.length} suggestions in the client state`);
    assert.equal(state.status, 'todo');
  });

  test('a quick fix accepts the suggestion under the cursor into the sidecar on disk', async () => {
    const text = document.getText();
    const at = text.indexOf('ذي قار');
    const range = new vscode.Range(document.positionAt(at + 1), document.positionAt(at + 1));
    const actions = await waitFor('code actions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
      return list?.some((a) => a.title.startsWith('Accept suggestion: LOC')) ? list : undefined;
    });
    const accept = actions.find((a) => a.title.startsWith('Accept suggestion: LOC'))!;
    assert.equal(accept.edit, undefined, 'accepting never edits the article');
    await vscode.commands.executeCommand(accept.command!.command, ...(accept.command!.arguments ?? []));
    const sidecar = await waitFor('the sidecar on disk', () => fs.existsSync(sidecarPathOf(uri)) && readSidecar(sidecarPathOf(uri)));
    const start = codePointOffset(text, at);
    assert.deepEqual(sidecar.entities.map((e) => [e.start, e.end, e.label, e.text, e.ref]), [[start, start + 6, 'LOC', 'ذي قار', 'geonames:97019']]);
  });

  test('tag completion on a word records its candidate and leaves the text unchanged', async () => {
    const before = document.getText();
    const at = before.indexOf('ببغداد');
    const position = document.positionAt(at + 3);
    const list = await waitFor('completions', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
      return l?.items.some((i) => String(typeof i.label === 'string' ? i.label : i.label.label).startsWith('LOC: بغداد')) ? l : undefined;
    });
    const item = list.items.find((i) => String(typeof i.label === 'string' ? i.label : i.label.label).startsWith('LOC: بغداد'))!;
    // What the editor does on accept: apply the (identity) edit, then run the item's command.
    const edit = item.textEdit as vscode.TextEdit;
    assert.equal(edit.newText, document.getText(edit.range), 'the completion replaces the word with itself');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const sidecar = await waitFor('the completed entity on disk', () => {
      const s = readSidecar(sidecarPathOf(uri));
      return s.entities.length === 2 ? s : undefined;
    });
    const start = codePointOffset(before, at) + 1; // after the proclitic ب
    assert.ok(sidecar.entities.some((e) => e.start === start && e.end === start + 5 && e.text === 'بغداد' && e.label === 'LOC' && e.ref?.startsWith('geonames:')), JSON.stringify(sidecar.entities));
    assert.equal(document.getText(), before);
    assert.equal(document.isDirty, false);
  });

  test('in the sidecar opened as JSON, ref and label values complete from the knowledge base and the labels', async () => {
    const sidecarUri = vscode.Uri.file(sidecarPathOf(uri));
    const json = await vscode.workspace.openTextDocument(sidecarUri);
    await vscode.window.showTextDocument(json, { preview: false });
    const text = json.getText();
    const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
    // The ref of the ذي قار entity accepted above.
    const refAt = text.indexOf('"geonames:97019"');
    assert.ok(refAt > 0, text);
    const refs = await waitFor('ref completions in the sidecar', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', sidecarUri, json.positionAt(refAt + 3));
      return l?.items.some((i) => labelOf(i) === 'geonames:97019') ? l : undefined;
    }, 20_000);
    const dhiQar = refs.items.find((i) => labelOf(i) === 'geonames:97019')!;
    assert.equal((dhiQar.textEdit as vscode.TextEdit).newText, '"geonames:97019"');
    const labelAt = text.lastIndexOf('"LOC"', refAt);
    const labels = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', sidecarUri, json.positionAt(labelAt + 2));
    assert.ok(labels.items.some((i) => labelOf(i) === 'ACTOR') && labels.items.some((i) => labelOf(i) === 'LOC'), labels.items.map(labelOf).join(', '));
    assert.equal(json.isDirty, false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

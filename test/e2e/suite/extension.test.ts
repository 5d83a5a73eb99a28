// The extension in a real VS Code extension host (code-server's, or desktop VS Code's), on a fresh copy of
// samples/: activation, the article's language, semantic tokens and the outline from the language server, and
// annotations written to the sidecar on disk with code-point offsets.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codePointOffset,
  codePointSlice,
  decodeSemanticTokens,
  type DecodedToken,
  openDocument,
  rangeOfEntity,
  readSidecar,
  type Sidecar,
  sidecarPathOf,
  waitFor,
  within,
} from './helpers';

const EXTENSION_ID = 'hashiya.hashiya';
const ARTICLE = 'iraq/dhi-qar-convoy-2020-07-22.txt';
const LANGUAGE_ID = 'hashiya-arabic';

interface HashiyaApi {
  ready: Promise<void>;
}

suite('Hashiya extension', () => {
  let articleUri: vscode.Uri;
  let sidecarFile: string;
  /** The sidecar as the repository ships it, read before any test changes it. */
  let original: Sidecar;

  const article = (): vscode.TextDocument => {
    const document = openDocument(articleUri);
    assert.ok(document, `${ARTICLE} is not open`);
    return document;
  };

  /** Shows the article (again) and returns its editor. */
  const showArticle = async (): Promise<vscode.TextEditor> => vscode.window.showTextDocument(article(), { preview: false });

  const semanticTokens = async (): Promise<DecodedToken[]> => {
    const uri = article().uri;
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', uri);
    if (!legend || !tokens) return [];
    return decodeSemanticTokens(tokens, legend);
  };

  suiteSetup(async function () {
    this.timeout(60_000);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test run opened no workspace folder (expected a copy of samples/)');
    articleUri = vscode.Uri.joinPath(folder.uri, ARTICLE);
    sidecarFile = sidecarPathOf(articleUri);
    original = readSidecar(sidecarFile);
    // These tests read the semantic tokens the editor gets, which it gets only with entity text colouring on.
    await vscode.workspace.getConfiguration('hashiya.editor').update('colourEntityText', true, vscode.ConfigurationTarget.Global);
    console.log(`VS Code ${vscode.version}, ${vscode.env.appName}, remote ${vscode.env.remoteName ?? 'none'}, workspace ${folder.uri.fsPath}`);
  });

  suiteTeardown(async () => {
    // Leave nothing unsaved behind: the window closes when the run ends.
    await openDocument(articleUri)?.save();
  });

  test('activates from the workspace (hashiya.json) and exposes ready', async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<HashiyaApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    // workspaceContains:**/hashiya.json activates it without any file being opened.
    await waitFor('activation by workspaceContains', () => extension.isActive, 30_000);
    const api = extension.exports;
    assert.ok(api && typeof api.ready?.then === 'function', 'activate() returned no { ready } promise');
    await within('the language client to start (api.ready)', api.ready, 30_000);
  });

  test('a corpus article gets the hashiya-arabic language', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(articleUri), { preview: false });
    const document = await waitFor(`language ${LANGUAGE_ID}`, () => {
      const d = openDocument(articleUri);
      return d?.languageId === LANGUAGE_ID ? d : undefined;
    });
    assert.equal(document.getText().length > 0, true);
    assert.equal(vscode.window.activeTextEditor?.document.languageId, LANGUAGE_ID);
  });

  test('semantic tokens: every LOC of the sidecar is a location token at its place', async () => {
    const document = article();
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    assert.ok(legend?.tokenTypes.includes('location') && legend.tokenTypes.includes('actor'), `legend: ${JSON.stringify(legend?.tokenTypes)}`);
    const tokens = await waitFor('semantic tokens', async () => {
      const t = await semanticTokens();
      return t.some((x) => x.type === 'location') ? t : undefined;
    });
    const text = document.getText();
    const locations = original.entities.filter((e) => e.label === 'LOC');
    assert.ok(locations.length >= 5, 'the sample sidecar should hold locations');
    for (const entity of locations) {
      // The sidecar's own text must be what its code-point offsets cover.
      assert.equal(codePointSlice(text, entity.start, entity.end), entity.text, `sample sidecar entity ${entity.start}-${entity.end}`);
      const range = rangeOfEntity(document, entity);
      assert.equal(range.start.line, range.end.line, 'sample locations lie on one line');
      const token = tokens.find((t) => t.line === range.start.line && t.character === range.start.character);
      assert.ok(token, `no token at ${range.start.line}:${range.start.character} for ${entity.text} (${entity.start}-${entity.end})`);
      assert.equal(token.type, 'location', `token type for ${entity.text}`);
      assert.equal(token.length, range.end.character - range.start.character, `token length for ${entity.text}`);
    }
    for (const entity of original.entities.filter((e) => e.label === 'ACTOR')) {
      const start = rangeOfEntity(document, entity).start;
      const token = tokens.find((t) => t.line === start.line && t.character === start.character);
      assert.equal(token?.type, 'actor', `actor token at ${start.line}:${start.character} for ${entity.text}`);
    }
  });

  test('document symbols list the entities', async () => {
    const document = article();
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri);
      return s && s.length > 0 ? s : undefined;
    });
    const flat: vscode.DocumentSymbol[] = [];
    const walk = (list: vscode.DocumentSymbol[]) => list.forEach((s) => { flat.push(s); walk(s.children ?? []); });
    walk(symbols);
    const names = flat.map((s) => s.name).sort();
    const expected = original.entities.map((e) => e.text.replace(/\s+/g, ' ')).sort();
    assert.deepEqual(names, expected);
    const dhiQar = original.entities.find((e) => e.text === 'ذي قار')!;
    const symbol = flat.find((s) => s.name === 'ذي قار');
    assert.ok(symbol?.range.start.isEqual(rangeOfEntity(document, dhiQar).start), 'ذي قار symbol at its first occurrence');
  });

  test('annotateSelection {label: LOC} writes the entity to the sidecar on disk; removeAnnotation removes it', async function () {
    this.timeout(30_000);
    const editor = await showArticle();
    const document = editor.document;
    const text = document.getText();
    const word = 'الحكومة';
    const units = text.indexOf(` ${word} `) + 1;
    assert.ok(units > 0, `${word} not in the article`);
    const start = codePointOffset(text, units);
    const end = start + [...word].length;
    assert.ok(!original.entities.some((e) => e.start === start), `${word} is already annotated in the sample`);
    editor.selection = new vscode.Selection(document.positionAt(units), document.positionAt(units + word.length));

    // The first call may come before the server has sent the article's state; the command then adds nothing.
    await waitFor('annotateSelection to add the entity', async () => {
      editor.selection = new vscode.Selection(document.positionAt(units), document.positionAt(units + word.length));
      return (await vscode.commands.executeCommand<boolean>('hashiya.annotateSelection', { label: 'LOC' })) === true;
    });
    const added = await waitFor('the new entity in the sidecar on disk', () =>
      readSidecar(sidecarFile).entities.find((e) => e.start === start && e.end === end && e.label === 'LOC'));
    assert.equal(added.text, word);
    assert.equal(codePointSlice(document.getText(), added.start, added.end), word);
    const after = readSidecar(sidecarFile);
    assert.equal(after.entities.length, original.entities.length + 1, 'exactly one entity added');

    // Cursor inside the word, nothing selected.
    const inside = document.positionAt(units + 2);
    editor.selection = new vscode.Selection(inside, inside);
    const removed = await vscode.commands.executeCommand<number>('hashiya.removeAnnotation');
    assert.equal(removed, 1, 'removeAnnotation should report one removed annotation');
    await waitFor('the entity to leave the sidecar on disk', () => {
      const sidecar = readSidecar(sidecarFile);
      return !sidecar.entities.some((e) => e.start === start && e.end === end) && sidecar.entities.length === original.entities.length;
    });
  });

  test('typing before entities moves them in the sidecar on disk (code points, astral characters included)', async function () {
    this.timeout(30_000);
    const editor = await showArticle();
    // An astral character (two UTF-16 units, one code point) and Arabic: offsets must move by code points.
    const inserted = '🌍 عاجل: ';
    const shift = [...inserted].length;
    assert.notEqual(shift, inserted.length, 'the inserted text should contain an astral character');
    const ok = await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), inserted));
    assert.ok(ok, 'editor.edit was not applied');

    const firstDhiQar = original.entities.find((e) => e.text === 'ذي قار')!;
    const sidecar = await waitFor('the entities to move in the sidecar on disk', () => {
      const s = readSidecar(sidecarFile);
      return s.entities.some((e) => e.start === firstDhiQar.start + shift && e.end === firstDhiQar.end + shift && e.label === 'LOC') ? s : undefined;
    });
    const text = editor.document.getText();
    assert.equal(sidecar.entities.length, original.entities.length);
    for (const [i, entity] of original.entities.entries()) {
      const moved = sidecar.entities[i];
      assert.deepEqual({ start: moved.start, end: moved.end, label: moved.label }, { start: entity.start + shift, end: entity.end + shift, label: entity.label }, `entity ${i} (${entity.text})`);
      assert.equal(moved.text, codePointSlice(text, moved.start, moved.end), `sidecar text of entity ${i}`);
      assert.equal(moved.text, entity.text);
    }

    // The language server sees the same: the first ذي قار's token moved by the inserted UTF-16 units on line 0.
    const expected = rangeOfEntity(editor.document, { start: firstDhiQar.start + shift, end: firstDhiQar.end + shift });
    await waitFor('the location token to move', async () =>
      (await semanticTokens()).some((t) => t.type === 'location' && t.line === expected.start.line && t.character === expected.start.character));
  });
});

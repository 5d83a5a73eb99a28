// Hashiya: Annotate Selection — a quick pick of knowledge-base candidates for the selection (ranked by the
// server), then the plain labels; or arguments from a keybinding or a test.
import * as vscode from 'vscode';
import { COMPLETION_WORD } from '../../../common/wordPattern';
import { AnnotateRequest, type CandidateInfo, CandidatesRequest, type EntityInfo, type LabelInfo } from '../../../common/protocol';
import { activeArticle, type CommandContext } from './context';
import { chooseRef } from './chooseRef';

export interface AnnotateArgs {
  label?: string;
  ref?: string;
}

interface Choice extends vscode.QuickPickItem {
  annotate?: { label: string; ref?: string; range?: CandidateInfo['range'] };
}

export async function annotateSelection(ctx: CommandContext, args?: AnnotateArgs): Promise<boolean> {
  await ctx.ready;
  const target = activeArticle(ctx);
  if (!target) return false;
  const { editor, uri } = target;
  const selection = wordOrSelection(editor);
  if (!selection) {
    void vscode.window.showWarningMessage('Hashiya: select the text to annotate.');
    return false;
  }
  const range = ctx.client.code2ProtocolConverter.asRange(selection);
  let choice: Choice['annotate'] = args?.label ? { label: args.label, ...(args.ref ? { ref: args.ref } : {}) } : undefined;
  if (choice && !args?.ref) {
    // A label without a ref (a keybinding): the ref the context decides, or a question when several fit.
    const decided = await chooseRef(ctx, uri, range, choice.label, { offerNone: true });
    if (!decided) return false;
    choice = { label: decided.label, ...(decided.ref ? { ref: decided.ref } : {}) };
  }
  if (!choice) {
    const state = ctx.states.get(editor.document.uri)!;
    const candidates = await ctx.client.sendRequest(CandidatesRequest, { textDocument: { uri }, range }).catch(() => [] as CandidateInfo[]);
    const picked = await vscode.window.showQuickPick(choices(candidates, state.labels), {
      title: `Annotate “${editor.document.getText(selection)}”`,
      placeHolder: candidates.length > 0 ? 'A knowledge-base entry, or just a label' : 'Label',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked?.annotate) return false;
    choice = picked.annotate;
  }
  const finalRange = choice.range ?? range;
  const onLabelledSpan = await whenLabelled(ctx.states.get(editor.document.uri)?.entities ?? [], finalRange, choice.label);
  if (!onLabelledSpan) return false;
  try {
    // A candidate found after a proclitic annotates the name only (its own range).
    const result = await ctx.client.sendRequest(AnnotateRequest, { textDocument: { uri }, range: finalRange, label: choice.label, ...(choice.ref ? { ref: choice.ref } : {}), onLabelledSpan });
    if (result.relabelled) void vscode.window.setStatusBarMessage(`Hashiya: «${result.relabelled.text}» relabelled ${result.relabelled.label} → ${choice.label}`, 4000);
    else if (!result.added && result.entity) void vscode.window.showInformationMessage(`Hashiya: «${result.entity.text}» is already annotated as ${choice.label}.`);
    return result.added || result.relabelled !== undefined;
  } catch (error) {
    void vscode.window.showErrorMessage(`Hashiya: ${(error as Error).message}`);
    return false;
  }
}

/**
 * What to do when the span already has an entity with another label (setting hashiya.annotate.onLabelledSpan):
 * relabel it (the default), add a second entity beside it, or ask. Undefined: the annotator cancelled.
 */
async function whenLabelled(entities: readonly EntityInfo[], range: EntityInfo['range'], label: string): Promise<'relabel' | 'add' | undefined> {
  const setting = vscode.workspace.getConfiguration('hashiya.annotate').get<string>('onLabelledSpan', 'relabel');
  if (setting === 'add') return 'add';
  if (setting !== 'ask') return 'relabel';
  const same = (a: EntityInfo['range']['start'], b: EntityInfo['range']['start']) => a.line === b.line && a.character === b.character;
  const other = entities.find((e) => same(e.range.start, range.start) && same(e.range.end, range.end) && e.label !== label);
  if (!other || entities.some((e) => same(e.range.start, range.start) && same(e.range.end, range.end) && e.label === label)) return 'relabel';
  const picked = await vscode.window.showQuickPick(
    [
      { label: `Relabel ${other.label} → ${label}`, detail: 'One entity on this span, with the new label', mode: 'relabel' as const },
      { label: `Add ${label} beside ${other.label}`, detail: 'Two entities over the same characters', mode: 'add' as const },
    ],
    { title: `«${other.text}» is already annotated as ${other.label}` },
  );
  return picked?.mode;
}

function choices(candidates: readonly CandidateInfo[], labels: readonly LabelInfo[]): Choice[] {
  const items: Choice[] = [];
  if (candidates.length > 0) items.push({ label: 'Knowledge base', kind: vscode.QuickPickItemKind.Separator });
  for (const c of candidates) {
    items.push({
      label: `$(${c.label === 'LOC' ? 'location' : 'organization'}) ${c.name}`,
      description: `${c.label}${c.ref ? ' · ' + c.ref : ''}`,
      detail: [c.description, `${c.source}, ${c.match} match`].filter(Boolean).join(' — '),
      annotate: { label: c.label, ...(c.ref ? { ref: c.ref } : {}), ...(c.range ? { range: c.range } : {}) },
    });
  }
  items.push({ label: 'Labels', kind: vscode.QuickPickItemKind.Separator });
  for (const l of labels) items.push({ label: l.name, description: l.title, detail: `kind: ${l.kind}, no reference`, annotate: { label: l.name } });
  return items;
}

/** The selection, or the word under the cursor when nothing is selected. */
export function wordOrSelection(editor: vscode.TextEditor): vscode.Range | undefined {
  if (!editor.selection.isEmpty) return editor.selection;
  return editor.document.getWordRangeAtPosition(editor.selection.active, COMPLETION_WORD);
}

// Entity marks in the text editor: a background and border per label on confirmed entities (as brat shows them),
// a dashed border on suggestions. Only background and border: VS Code draws those in the overlay layer behind
// the text, while anything else (text colour, underline, font weight) splits the line into spans that reorder
// Arabic (entityStyle.ts). Painted only from a state of the version the editor shows (paintableMarks.ts).
import * as vscode from 'vscode';
import type { DocumentState } from '../../common/protocol';
import type { DocumentStates } from './documentStates';
import { confirmedStyle, type EntityMarkStyle, suggestionStyle } from './entityStyle';
import { paintableMarks } from './paintableMarks';

const FALLBACK_COLOR = '#888888';

export class EntityDecorations implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];
  /** What was last painted on each article (`start:end:label` of entities and suggestions), for tests to read. */
  private readonly painted = new Map<string, { version: number; entities: string[]; suggestions: string[] }>();

  constructor(private readonly states: DocumentStates) {
    this.disposables.push(
      states.onDidChange((state) => this.refreshUri(state.uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
    );
  }

  private typeFor(key: string, style: EntityMarkStyle, ruler: vscode.OverviewRulerLane): vscode.TextEditorDecorationType {
    let type = this.types.get(key);
    if (!type) {
      type = vscode.window.createTextEditorDecorationType({
        borderStyle: style.borderStyle,
        borderWidth: style.borderWidth,
        borderRadius: '3px',
        dark: style.dark,
        light: style.light,
        overviewRulerColor: style.dark.borderColor,
        overviewRulerLane: ruler,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
      this.types.set(key, type);
    }
    return type;
  }

  private refreshUri(uri: string): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === uri) this.apply(editor);
    }
  }

  refreshAll(): void {
    vscode.window.visibleTextEditors.forEach((e) => this.apply(e));
  }

  private apply(editor: vscode.TextEditor): void {
    const state = this.states.get(editor.document.uri);
    if (!state) return;
    const document = editor.document;
    const marks = paintableMarks(state, { version: document.version, textOf: (r) => document.getText(toRange(r)) });
    // Another version: keep what is shown (VS Code moves it with the edits) until the state of this version comes.
    if (!marks) return;
    const byType = new Map<vscode.TextEditorDecorationType, vscode.DecorationOptions[]>();
    for (const type of this.types.values()) byType.set(type, []);
    const add = (type: vscode.TextEditorDecorationType, option: vscode.DecorationOptions) => {
      const list = byType.get(type) ?? byType.set(type, []).get(type)!;
      list.push(option);
    };
    for (const entity of marks.entities) {
      const { color, index } = labelOf(state, entity.label);
      const type = this.typeFor(`entity|${entity.label}|${color}|${index}`, confirmedStyle(color, index), vscode.OverviewRulerLane.Right);
      add(type, { range: toRange(entity.range), hoverMessage: entity.ref ? `${entity.label} · ${entity.ref}` : entity.label });
    }
    for (const s of marks.suggestions) {
      const { color } = labelOf(state, s.label);
      const type = this.typeFor(`suggestion|${color}`, suggestionStyle(color), vscode.OverviewRulerLane.Center);
      add(type, { range: toRange(s.range), hoverMessage: `Suggested ${s.label}${s.ref ? ' · ' + s.ref : ''} (${s.source})` });
    }
    for (const [type, ranges] of byType) editor.setDecorations(type, ranges);
    const key = (m: { start: number; end: number; label: string }) => `${m.start}:${m.end}:${m.label}`;
    this.painted.set(document.uri.toString(), { version: document.version, entities: marks.entities.map(key), suggestions: marks.suggestions.map(key) });
  }

  /** The marks last painted on an article's editor: solid entities and dashed suggestions. */
  paintedOn(uri: vscode.Uri): { version: number; entities: string[]; suggestions: string[] } | undefined {
    return this.painted.get(uri.toString());
  }

  dispose(): void {
    this.types.forEach((t) => t.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}

function labelOf(state: DocumentState, label: string): { color: string; index: number } {
  const index = state.labels.findIndex((l) => l.name === label);
  return index < 0 ? { color: FALLBACK_COLOR, index: state.labels.length } : { color: state.labels[index]!.color, index };
}

export function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

// Background colours per label on confirmed entities (as brat shows them), suggestions dotted-underlined.
import * as vscode from 'vscode';
import type { DocumentState } from '../../common/protocol';
import type { DocumentStates } from './documentStates';

export class EntityDecorations implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly suggestion = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline dotted 2px',
    overviewRulerColor: new vscode.ThemeColor('editorInfo.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly states: DocumentStates) {
    this.disposables.push(
      states.onDidChange((state) => this.refreshUri(state.uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
    );
  }

  private typeFor(label: string, color: string): vscode.TextEditorDecorationType {
    const key = `${label}|${color}`;
    let type = this.types.get(key);
    if (!type) {
      type = vscode.window.createTextEditorDecorationType({
        backgroundColor: `${color}55`,
        borderRadius: '2px',
        overviewRulerColor: color,
        overviewRulerLane: vscode.OverviewRulerLane.Right,
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
    const byType = new Map<vscode.TextEditorDecorationType, vscode.DecorationOptions[]>();
    for (const type of this.types.values()) byType.set(type, []);
    for (const entity of state.entities) {
      const color = colorOf(state, entity.label);
      const type = this.typeFor(entity.label, color);
      const list = byType.get(type) ?? byType.set(type, []).get(type)!;
      list.push({ range: toRange(entity.range), hoverMessage: entity.ref ? `${entity.label} · ${entity.ref}` : entity.label });
    }
    for (const [type, ranges] of byType) editor.setDecorations(type, ranges);
    editor.setDecorations(this.suggestion, state.suggestions.map((s) => ({ range: toRange(s.range), hoverMessage: `Suggested ${s.label}${s.ref ? ' · ' + s.ref : ''} (${s.source})` })));
  }

  dispose(): void {
    this.types.forEach((t) => t.dispose());
    this.suggestion.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

function colorOf(state: DocumentState, label: string): string {
  return state.labels.find((l) => l.name === label)?.color ?? '#888888';
}

export function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

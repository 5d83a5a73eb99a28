// Which of a document state's entities and suggestions may be drawn on an editor right now. A state describes one
// version of the text: drawn on another version (the annotator typed since, or the editor was reopened on a file
// that changed), its ranges would cover other characters. So a state of another version is not drawn at all (the
// marks already shown move with the edits until the server's state for this version arrives), and any mark whose
// range does not hold its own text is left out. Pure: no vscode import.
import type { DocumentState, EntityInfo, SuggestionInfo } from '../../common/protocol';

export interface ShownText {
  version: number;
  /** The text of an LSP range (UTF-16 positions) as the editor holds it now. */
  textOf(range: EntityInfo['range']): string;
}

export interface PaintableMarks {
  entities: EntityInfo[];
  suggestions: SuggestionInfo[];
  /** Marks whose range no longer holds their text. */
  misplaced: number;
}

/** Undefined when the state belongs to another version of the text than the one shown. */
export function paintableMarks(state: DocumentState, shown: ShownText): PaintableMarks | undefined {
  if (state.version !== shown.version) return undefined;
  let misplaced = 0;
  const fits = <T extends EntityInfo>(mark: T) => {
    const ok = shown.textOf(mark.range) === mark.text;
    if (!ok) misplaced++;
    return ok;
  };
  const entities = state.entities.filter(fits);
  const suggestions = state.suggestions.filter(fits);
  return { entities, suggestions, misplaced };
}

// The annotation operations behind requests and commands, each a function of a session draft: parameters are
// checked first (paramChecks), spans resolved against the current text by the session, and only then is
// anything changed. The session writes the sidecar after the function returns.
import type { AnnotateParams, AnnotateResult, RelabelParams, RelabelResult, RemoveAnnotationParams, RemoveAnnotationResult } from '../../../common/protocol';
import type { AcceptAllArgs, RelabelArgs, SpanArgs, UnresolvedArgs } from '../../../common/commands';
import { type Entity, sameSpanAndLabel } from '../core/sidecar/types';
import { entityInfo } from '../features/documentState';
import { fitToWords, wordOccurrences } from '../features/codeActions';
import { openSuggestions } from '../features/suggestions';
import { spanKey } from '../features/refChoices';
import type { SessionDraft } from '../session/articleSession';
import { InvalidParamsError, UserError } from '../session/errors';
import { checkLabel, checkOffsets, checkRange, checkRef, checkVersion } from './paramChecks';

/**
 * Annotates a range. A span already annotated with another label is relabelled (one entity per span), unless
 * the client asks to add a second entity beside it (`onLabelledSpan: 'add'`); the same label again changes
 * nothing but the ref, if one is given.
 */
export function annotate(draft: SessionDraft, params: AnnotateParams): AnnotateResult {
  const label = checkLabel(draft.corpus, params.label);
  const ref = checkRef(params.ref);
  const mode = params.onLabelledSpan ?? 'relabel';
  if (mode !== 'relabel' && mode !== 'add') throw new UserError('onLabelledSpan must be "relabel" or "add"');
  const { start, end } = checkRange(draft.snapshot, params.range, false);
  const a = draft.annotations;
  // The snapshot before the change has the same text, so its ranges hold for the changed entity too.
  const info = (e: Entity) => entityInfo(draft.snapshot, e);
  const same = a.entities.find((e) => sameSpanAndLabel(e, { start, end, label, text: '' }));
  if (same) {
    const entity = ref && same.ref !== ref ? (a.replace(same, { ...same, ref }) ?? same) : same;
    return { entity: info(entity), added: false };
  }
  const other = mode === 'relabel' ? a.entities.find((e) => e.start === start && e.end === end) : undefined;
  if (other) {
    const entity = a.replace(other, { ...other, label, ref });
    return entity ? { entity: info(entity), added: false, relabelled: info(other) } : { added: false };
  }
  const added = a.add(start, end, label, ref);
  return added ? { entity: info(added), added: true } : { added: false };
}

export function removeAnnotation(draft: SessionDraft, params: RemoveAnnotationParams): RemoveAnnotationResult {
  const { start, end } = checkRange(draft.snapshot, params.range, true);
  if (params.label !== undefined) checkLabelLoose(params.label);
  const labelOk = (label: string) => params.label === undefined || params.label === label;
  const a = draft.annotations;
  let removed;
  if (params.exact) {
    removed = a.remove((e) => e.start === start && e.end === end && labelOk(e.label));
  } else {
    const target = a.snapshot().entitiesAt(start).find((e) => labelOk(e.label) && (end === start || (e.start <= start && e.end >= end)));
    removed = target ? a.remove((e) => e === target) : [];
  }
  return { removed: removed.map((e) => entityInfo(draft.snapshot, e)) };
}

export function relabel(draft: SessionDraft, params: RelabelParams): RelabelResult {
  const { start, end } = checkRange(draft.snapshot, params.range, true);
  const newLabel = params.newLabel === undefined ? undefined : checkLabel(draft.corpus, params.newLabel, 'new label');
  const ref = params.ref === null ? null : checkRef(params.ref);
  const a = draft.annotations;
  const target = a
    .snapshot()
    .entitiesAt(start)
    .find((e) => (end === start || (e.start === start && e.end === end)) && (params.label === undefined || e.label === params.label));
  if (!target) return { changed: [] };
  const replaced = { ...target, label: newLabel ?? target.label, ref: ref === null ? undefined : (ref ?? target.ref) };
  const changed = a.replace(target, replaced);
  return { changed: changed ? [entityInfo(draft.snapshot, changed)] : [] };
}

function checkLabelLoose(label: unknown): void {
  if (typeof label !== 'string' || label.length === 0) throw new UserError('label must be a non-empty string');
}

/** The span a command names, checked and resolved against the current text. */
function commandSpan(draft: SessionDraft, args: SpanArgs): { start: number; end: number } {
  const offsets = checkOffsets(args);
  const version = checkVersion(args.version);
  if (args.text !== undefined && typeof args.text !== 'string') throw new UserError('text must be a string');
  return draft.resolve({ ...offsets, ...(version !== undefined ? { version } : {}), ...(args.text !== undefined ? { text: args.text } : {}) });
}

/**
 * Accepts a suggestion. On a span that already has an entity the suggestion merges into it (its label and ref
 * win: the annotator chose it over what was there) rather than adding a second entity.
 */
export function accept(draft: SessionDraft, args: SpanArgs): boolean {
  const label = checkLabel(draft.corpus, args.label);
  const ref = checkRef(args.ref);
  const { start, end } = commandSpan(draft, args);
  const a = draft.annotations;
  const there = a.entities.find((e) => e.start === start && e.end === end && e.label === label) ?? a.entities.find((e) => e.start === start && e.end === end);
  if (!there) return a.add(start, end, label, ref) !== undefined;
  const merged = { ...there, label, ref: ref ?? (there.label === label ? there.ref : undefined) };
  if (merged.label === there.label && merged.ref === there.ref) {
    // Nothing to change, but the suggestion was dealt with: a rejection of it is lifted as by add.
    a.unreject(start, end, label);
    return false;
  }
  return a.replace(there, merged) !== undefined;
}

export function reject(draft: SessionDraft, args: SpanArgs): boolean {
  const label = checkLabel(draft.corpus, args.label);
  const { start, end } = commandSpan(draft, args);
  draft.annotations.reject(start, end, label);
  return true;
}

/**
 * Accepts every open suggestion (of one label, or over one surface form, when asked). At most one entity per
 * span: a span that already has an entity — the annotator's, or one this call just added from a suggestion of
 * another label — is left as it is (those are decided one at a time, where the annotator sees both).
 * `decisions`: for spans that several refs could fill, the ref to accept, or null to leave them pending
 * (features/refChoices.ts decideSpans); without it the first (best) ref wins.
 */
export function acceptAll(draft: SessionDraft, args: AcceptAllArgs, decisions?: ReadonlyMap<string, string | null>): number {
  const label = args.label === undefined ? undefined : checkLabel(draft.corpus, args.label);
  if (args.text !== undefined && (typeof args.text !== 'string' || args.text.length === 0)) throw new UserError('text must be a non-empty string');
  const chosenRef = checkRef(args.ref);
  if (chosenRef !== undefined && args.text === undefined) throw new InvalidParamsError('ref is given with text: the ref chosen for one surface form');
  checkVersion(args.version);
  const a = draft.annotations;
  const taken = new Set(a.entities.map((e) => `${e.start}:${e.end}`));
  let n = 0;
  // The suggestions of the current text (a command made on an older version accepts what is there now).
  for (const s of openSuggestions(draft.snapshot)) {
    if (label && s.label !== label) continue;
    if (args.text !== undefined && a.slice(s.start, s.end) !== args.text) continue;
    // The annotator's choice for the form wins over the context's (the span must offer that ref).
    const decided = chosenRef !== undefined ? chosenRef : decisions?.get(spanKey(s));
    if (decided !== undefined && s.ref !== decided) continue;
    // Of several candidates for one span, the first (best) wins.
    if (taken.has(`${s.start}:${s.end}`)) continue;
    if (a.add(s.start, s.end, s.label, s.ref)) {
      taken.add(`${s.start}:${s.end}`);
      n++;
    }
  }
  return n;
}

export function remove(draft: SessionDraft, args: SpanArgs): number {
  checkLabelLoose(args.label);
  const { start, end } = commandSpan(draft, args);
  return draft.annotations.remove((e) => e.start === start && e.end === end && e.label === args.label).length;
}

export function relabelCommand(draft: SessionDraft, args: RelabelArgs): boolean {
  checkLabelLoose(args.label);
  const newLabel = args.newLabel === undefined ? undefined : checkLabel(draft.corpus, args.newLabel, 'new label');
  const newRef = checkRef(args.newRef);
  const { start, end } = commandSpan(draft, args);
  const old = draft.annotations.entities.find((e) => e.start === start && e.end === end && e.label === args.label);
  if (!old) return false;
  const ref = newRef ?? (newLabel && newLabel !== old.label ? undefined : old.ref);
  return draft.annotations.replace(old, { ...old, label: newLabel ?? old.label, ref }) !== undefined;
}

export function fitToWordsCommand(draft: SessionDraft, args: SpanArgs): boolean {
  checkLabelLoose(args.label);
  const { start, end } = commandSpan(draft, args);
  const old = draft.annotations.entities.find((e) => e.start === start && e.end === end && e.label === args.label);
  if (!old) return false;
  const fitted = fitToWords(draft.snapshot, old);
  return draft.annotations.replace(old, { ...old, ...fitted }) !== undefined;
}

export function annotateAll(draft: SessionDraft, args: SpanArgs): number {
  const label = checkLabel(draft.corpus, args.label);
  const ref = checkRef(args.ref);
  const { start, end } = commandSpan(draft, args);
  const length = end - start;
  let n = 0;
  for (const at of wordOccurrences(draft.snapshot, draft.annotations.slice(start, end))) {
    // An occurrence already annotated (with this label or another) is left as the annotator made it.
    if (draft.annotations.entities.some((e) => e.start === at && e.end === at + length)) continue;
    if (draft.annotations.add(at, at + length, label, ref)) n++;
  }
  return n;
}

export function removeUnresolved(draft: SessionDraft, args: UnresolvedArgs): number {
  return draft.annotations.removeUnresolved((e) => e.label === args.label && e.text === args.text && (args.ref === undefined || e.ref === args.ref)).length;
}

export function placeUnresolved(draft: SessionDraft, args: UnresolvedArgs): boolean {
  const entity = draft.annotations.unresolved.find((e) => e.label === args.label && e.text === args.text && (args.ref === undefined || e.ref === args.ref));
  if (!entity) throw new UserError(`There is no unresolved annotation "${args.text}" (${args.label}) any more.`);
  const { start, end } = commandSpan(draft, { uri: args.uri, start: args.start ?? -1, end: args.end ?? -1, label: args.label, ...(args.version !== undefined ? { version: args.version } : {}), text: args.text });
  return draft.annotations.placeUnresolved(entity, start, end) !== undefined;
}

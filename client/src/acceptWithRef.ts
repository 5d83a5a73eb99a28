// Every way of accepting a suggestion (Ctrl+Alt+Enter, the quick fix, the annotation view) runs the server's
// accept command; on its way out the ref is decided here: taken at once when one ref fits or the context decides,
// asked in a quick pick when several remain — never one chosen silently. A completion item names its ref itself
// (`refChosen`) and goes through unchanged.
import * as vscode from 'vscode';
import { type AcceptAllArgs, SERVER_COMMANDS, type SpanArgs } from '../../common/commands';
import { chooseRef } from './commands/chooseRef';
import type { CommandContext } from './commands/context';

type Next = (command: string, args: unknown[]) => vscode.ProviderResult<unknown>;

export function acceptWithRef(context: () => CommandContext | undefined) {
  return async (command: string, args: unknown[], next: Next): Promise<unknown> => {
    const ctx = context();
    if (command === SERVER_COMMANDS.acceptAll && ctx) return acceptAllOfForm(ctx, args, next);
    const span = args[0] as SpanArgs | undefined;
    if (command !== SERVER_COMMANDS.accept || !ctx || !span || typeof span !== 'object' || span.refChosen) return next(command, args);
    const state = ctx.states.get(vscode.Uri.parse(span.uri));
    // The suggestion as the editor shows it (a command without a version, as the annotation view sends, means the
    // current text): its range is what the server reads the context around.
    const shown = state && (span.version === undefined || state.version === span.version) ? state.suggestions.find((s) => s.start === span.start && s.end === span.end) : undefined;
    if (!shown) return next(command, args);
    const decision = await chooseRef(ctx, span.uri, shown.range, span.label, span.ref ? { fallbackRef: span.ref } : {});
    if (!decision) return false;
    const chosen: SpanArgs = { ...span, label: decision.label, refChosen: true };
    if (decision.ref) chosen.ref = decision.ref;
    else delete chosen.ref;
    return next(command, [chosen, ...args.slice(1)]);
  };
}

/**
 * "Accept all «بغداد»": when the form's suggestions offer several refs, the annotator chooses one for all of them
 * (the context of one occurrence does not decide for the others); one ref, or none, goes through as it is.
 * Accept all of a label, or of the whole document, is left to the server (it accepts what the context decides).
 */
async function acceptAllOfForm(ctx: CommandContext, args: unknown[], next: Next): Promise<unknown> {
  const all = args[0] as AcceptAllArgs | undefined;
  if (!all || typeof all !== 'object' || typeof all.text !== 'string' || all.ref !== undefined) return next(SERVER_COMMANDS.acceptAll, args);
  const state = ctx.states.get(vscode.Uri.parse(all.uri));
  const form = state?.suggestions.filter((s) => s.text === all.text && (all.label === undefined || s.label === all.label)) ?? [];
  const refs = new Set(form.map((s) => s.ref).filter(Boolean));
  if (refs.size <= 1) return next(SERVER_COMMANDS.acceptAll, args);
  const spans = new Set(form.map((s) => `${s.start}:${s.end}`)).size;
  const decision = await chooseRef(ctx, all.uri, form[0].range, all.label ?? form[0].label, { alwaysAsk: true, title: `Which «${all.text}» for all ${spans}?` });
  if (!decision) return false;
  const chosen: AcceptAllArgs = { ...all, ...(decision.ref ? { ref: decision.ref } : {}) };
  return next(SERVER_COMMANDS.acceptAll, [chosen, ...args.slice(1)]);
}

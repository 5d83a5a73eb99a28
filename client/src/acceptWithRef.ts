// Every way of accepting a suggestion (Ctrl+Alt+Enter, the quick fix, the annotation view) runs the server's
// accept command; on its way out the ref is decided here: taken at once when one ref fits or the context decides,
// asked in a quick pick when several remain — never one chosen silently. A completion item names its ref itself
// (`refChosen`) and goes through unchanged.
import * as vscode from 'vscode';
import { SERVER_COMMANDS, type SpanArgs } from '../../common/commands';
import { chooseRef } from './commands/chooseRef';
import type { CommandContext } from './commands/context';

type Next = (command: string, args: unknown[]) => vscode.ProviderResult<unknown>;

export function acceptWithRef(context: () => CommandContext | undefined) {
  return async (command: string, args: unknown[], next: Next): Promise<unknown> => {
    const ctx = context();
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

// The ref of an annotation when several could fit (Baghdad the city or the governorate): the server lists the
// candidates (hashiya/refChoices: one per ref across the sources, the corpus's ref for the form first, the
// context's choice and whether it decides). One candidate, or a decisive context, is taken without asking;
// otherwise a quick pick shows each with its kind and place, the corpus's ref marked, the context's choice active.
import * as vscode from 'vscode';
import { type RefChoiceInfo, RefChoicesRequest, type RefChoicesResult } from '../../../common/protocol';
import { pickWithActive } from '../prompts';
import type { CommandContext } from './context';

export interface RefDecision {
  /** The label and ref to annotate with; ref undefined for none. */
  label: string;
  ref?: string;
  /** True when a person chose in the quick pick. */
  asked: boolean;
}

interface RefItem extends vscode.QuickPickItem {
  choice?: RefChoiceInfo;
}

/**
 * Decides the ref for annotating `range` with `label`. `fallbackRef` is kept when the knowledge base has nothing
 * for the span; `offerNone` adds "no ref"; `alwaysAsk` asks even when the context decides for this one span (a
 * choice made for several). Undefined when the person dismissed the quick pick.
 */
export async function chooseRef(
  ctx: CommandContext,
  uri: string,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
  label: string,
  options: { fallbackRef?: string; offerNone?: boolean; alwaysAsk?: boolean; title?: string } = {},
): Promise<RefDecision | undefined> {
  let result: RefChoicesResult;
  try {
    result = await ctx.client.sendRequest(RefChoicesRequest, { textDocument: { uri }, range, label });
  } catch (error) {
    void vscode.window.showErrorMessage(`Hashiya: ${(error as Error).message}`);
    return undefined;
  }
  const { choices, preselect } = result;
  if (choices.length === 0) return { label, ...(options.fallbackRef ? { ref: options.fallbackRef } : {}), asked: false };
  if (result.decisive && (!options.alwaysAsk || choices.length === 1)) {
    const winner = choices[preselect] ?? choices[0];
    return { label: winner.label, ...(winner.ref ? { ref: winner.ref } : {}), asked: false };
  }
  const items: RefItem[] = choices.map((c, i) => ({
    label: `${c.corpusUses > 0 ? '$(star-full) ' : ''}${c.name}`,
    description: [c.ref, c.detail].filter(Boolean).join(' — '),
    detail: [
      c.corpusUses > 0 ? `used for «${result.text}» ${c.corpusUses} time${c.corpusUses === 1 ? '' : 's'} in this corpus` : undefined,
      i === preselect ? `context: ${c.reasons.join('; ') || 'the likelier reading'}` : undefined,
      c.description,
      c.sources.join(', '),
    ]
      .filter(Boolean)
      .join(' · '),
    choice: c,
  }));
  if (options.offerNone) items.push({ label: '$(circle-slash) no ref', description: `${label} without a knowledge-base reference` });
  const picked = await pickWithActive(items, items[preselect], { title: options.title ?? `Which «${result.text}»?`, placeholder: `${choices.length} refs fit; the context suggests the active one` });
  if (!picked) return undefined;
  if (!picked.choice) return { label, asked: true };
  return { label: picked.choice.label, ...(picked.choice.ref ? { ref: picked.choice.ref } : {}), asked: true };
}

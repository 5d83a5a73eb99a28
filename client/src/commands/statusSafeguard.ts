// Marking an article done or reviewed while suggestions are still pending or annotations unresolved asks first:
// an export would write those suggestions as O and leave the unresolved annotations out.
import type { DocumentState, DocumentStatus } from '../../../common/protocol';
import { prompts } from '../prompts';

const FINISHED: readonly DocumentStatus[] = ['done', 'reviewed'];

/** What is still open in an article, in words ("18 suggestions pending, 2 unresolved annotations"), or undefined. */
export function openWork(state: Pick<DocumentState, 'suggestions' | 'unresolved'>): string | undefined {
  // One suggestion per span and label, however many refs offer it: that is what a person reviews.
  const pending = new Set(state.suggestions.map((s) => `${s.start}-${s.end}|${s.label}`)).size;
  const unresolved = state.unresolved.length;
  if (pending === 0 && unresolved === 0) return undefined;
  const parts: string[] = [];
  if (pending > 0) parts.push(`${pending} suggestion${pending === 1 ? '' : 's'} pending`);
  if (unresolved > 0) parts.push(`${unresolved} unresolved annotation${unresolved === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** True when the status may be set: not a finished one, nothing open, or the person confirmed. */
export async function confirmStatus(state: DocumentState | undefined, status: DocumentStatus): Promise<boolean> {
  if (!state || !FINISHED.includes(status)) return true;
  const open = openWork(state);
  if (!open) return true;
  const label = status === 'done' ? 'done' : 'reviewed';
  return prompts.confirm(
    `${open}. Mark as ${label} anyway?`,
    'An export writes pending suggestions as O (not an entity) and leaves unresolved annotations out.',
    `Mark as ${label}`,
  );
}

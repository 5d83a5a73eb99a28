// How long work over many items (a corpus walk, a gazetteer's lines, a corpus's sidecars) lets other work in:
// it asks `due()` before each item (or each few) and awaits `pause()` when it says so. The core knows nothing of
// what the other work is; the server's pacer (workspace/foreground.ts) says a pause is due as soon as the editor
// has a message waiting or in hand, and otherwise every couple of milliseconds.

export interface Pacer {
  /** Whether the work should stop here and pause: cheap enough to ask before every item. */
  due(): boolean;
  /** Lets other work in; resolves when this work may go on (its next slice starts). */
  pause(): Promise<void>;
}


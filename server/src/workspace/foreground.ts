// Work the annotator is waiting for (an article opening, a keystroke, a request about an open article) goes first:
// background work (indexing a corpus, loading a gazetteer) goes in slices through a pacer, which pauses it while
// any of that work is in flight or a message from the client has arrived, and a moment after. Without it, an
// article opened while a large corpus is indexed waits behind the indexer's file reads and parsing at every step of
// its open, and its first keystroke behind that.
import type { Pacer } from '../core/pacer';

/**
 * How long the editor must have been quiet before background work resumes: the answer just computed is written
 * to the client first (the connection writes on a later turn of the event loop), and a message that came with the
 * one just handled (a hover sent right after a keystroke) is read and started.
 */
const QUIET_MS = 3;

/** Longest wait for the editor to go quiet: background work then takes one slice anyway, so it always ends. */
const MAX_PAUSE_MS = 1000;

/** Longest slice of background work while the editor is quiet. */
const SLICE_MS = 2;

/** What background work asks of the foreground (a test or the command line passes IMMEDIATE_TURNS). */
export interface BackgroundTurns {
  idle(): Promise<void>;
  /** A pacer for one piece of background work: due when its slice is over or the editor wants the thread. */
  pacer(): Pacer;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A pacer of slices of SLICE_MS by `now`, also due whenever `wanted()` says so; a pause is `turn()`. */
function slices(wanted: () => boolean, turn: () => Promise<void>, now: () => number): Pacer {
  let sliceStart = now();
  return {
    due: () => wanted() || now() - sliceStart > SLICE_MS,
    pause: async () => {
      await turn();
      sliceStart = now();
    },
  };
}

/** No editor to wait for: only a turn of the event loop between slices. */
export const IMMEDIATE_TURNS: BackgroundTurns = {
  idle: () => Promise.resolve(),
  pacer: () => slices(() => false, nextTurn, () => performance.now()),
};

export class Foreground implements BackgroundTurns {
  private inFlight = 0;
  private lastActive = -Infinity;
  private waiters: Array<() => void> = [];
  private wakeTimer: ReturnType<typeof setTimeout> | undefined;

  /** `now` is the clock of the editor's activity and of slices (a test sets it; the longest pause is real time). */
  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Counts `work` as foreground until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight++;
    const settle = () => {
      this.inFlight--;
      this.lastActive = this.now();
      if (this.inFlight === 0 && this.waiters.length > 0) this.scheduleWake();
    };
    work.then(settle, settle);
    return work;
  }

  /**
   * A message from the client has arrived and waits to be handled (the connection handles one message per turn of
   * the event loop): background work pauses from now on, not from when its handler starts, a slice later.
   */
  arrived(): void {
    this.lastActive = this.now();
  }

  /** Whether the editor has work in flight, or had some less than QUIET_MS ago. */
  busy(): boolean {
    return this.inFlight > 0 || this.now() - this.lastActive < QUIET_MS;
  }

  pacer(): Pacer {
    return slices(() => this.busy(), () => this.turn(), this.now);
  }

  /** Resolves once the editor has been quiet for QUIET_MS (at once if it has), or after MAX_PAUSE_MS at the latest. */
  idle(): Promise<void> {
    if (!this.busy()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      // Given up on: out of the list, which would otherwise grow by one a second while the editor stays busy.
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      }, MAX_PAUSE_MS);
      this.waiters.push(done);
      if (this.inFlight === 0) this.scheduleWake();
    });
  }

  /**
   * Between two slices of background work: one turn of the event loop (messages that arrived meanwhile are read),
   * then `idle()`.
   */
  private async turn(): Promise<void> {
    await nextTurn();
    await this.idle();
  }

  private scheduleWake(): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    const wait = Math.max(0, QUIET_MS - (this.now() - this.lastActive));
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      // Work in flight schedules the wake when it settles; a message that arrived meanwhile moved the quiet moment.
      if (this.inFlight > 0) return;
      if (this.busy()) {
        this.scheduleWake();
        return;
      }
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    }, wait);
  }
}

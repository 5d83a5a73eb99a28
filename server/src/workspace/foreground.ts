// Work the annotator is waiting for (an article opening, a keystroke, a request about an open article) goes first:
// background work (indexing a corpus) asks `idle()` before each slice and waits while any of it is in flight, and
// a moment after. Without it, an article opened while a large corpus is indexed waits behind the indexer's file
// reads and parsing at every step of its open, and its first keystroke behind that.

/**
 * How long the editor must have been quiet before background work resumes: the answer just computed is written
 * to the client first (the connection writes on a later turn of the event loop), and a message that came with the
 * one just handled (a hover sent right after a keystroke) is read and started.
 */
const QUIET_MS = 3;

/** Longest wait for the editor to go quiet: background work then takes one slice anyway, so it always ends. */
const MAX_PAUSE_MS = 1000;

/** What background work asks of the foreground (a test or the command line passes IMMEDIATE_TURNS). */
export interface BackgroundTurns {
  idle(): Promise<void>;
  turn(): Promise<void>;
}

/** No editor to wait for: only a turn of the event loop between slices. */
export const IMMEDIATE_TURNS: BackgroundTurns = {
  idle: () => Promise.resolve(),
  turn: () => new Promise((resolve) => setImmediate(resolve)),
};

export class Foreground implements BackgroundTurns {
  private inFlight = 0;
  private lastEnded = -Infinity;
  private waiters: Array<() => void> = [];
  private wakeTimer: ReturnType<typeof setTimeout> | undefined;

  /** Counts `work` as foreground until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight++;
    const settle = () => {
      this.inFlight--;
      this.lastEnded = performance.now();
      if (this.inFlight === 0 && this.waiters.length > 0) this.scheduleWake();
    };
    work.then(settle, settle);
    return work;
  }

  /** Resolves once the editor has been quiet for QUIET_MS (at once if it has), or after MAX_PAUSE_MS at the latest. */
  idle(): Promise<void> {
    if (this.inFlight === 0 && performance.now() - this.lastEnded >= QUIET_MS) return Promise.resolve();
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
  async turn(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    await this.idle();
  }

  private scheduleWake(): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    const wait = Math.max(0, QUIET_MS - (performance.now() - this.lastEnded));
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      if (this.inFlight > 0) return;
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    }, wait);
  }
}

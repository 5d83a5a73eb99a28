// The editor's work goes first: background work waits while any is in flight and a moment after, and never
// longer than its longest pause.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Foreground } from './foreground';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('idle() resolves at once when nothing has been tracked', async () => {
  const foreground = new Foreground();
  let resolved = false;
  void foreground.idle().then(() => (resolved = true));
  await Promise.resolve();
  assert.equal(resolved, true);
});

test('idle() waits for every tracked piece of work, then a quiet moment', async () => {
  const foreground = new Foreground();
  let releaseA!: () => void;
  let releaseB!: (v: number) => void;
  foreground.track(new Promise<void>((resolve) => (releaseA = resolve)));
  const b = foreground.track(new Promise<number>((resolve) => (releaseB = resolve)));
  let resolvedAt: number | undefined;
  void foreground.idle().then(() => (resolvedAt = performance.now()));
  await tick(30);
  releaseA();
  await tick(30);
  assert.equal(resolvedAt, undefined, 'still waiting while one piece of work runs');
  releaseB(7);
  assert.equal(await b, 7, 'track returns the work unchanged');
  const quietFrom = performance.now();
  await tick(40);
  assert.ok(resolvedAt !== undefined && resolvedAt >= quietFrom, 'resolved after the last piece of work settled');
});

test('a failed piece of work counts as settled', async () => {
  const foreground = new Foreground();
  await foreground.track(Promise.reject(new Error('refused'))).catch(() => undefined);
  await tick(10);
  let resolved = false;
  void foreground.idle().then(() => (resolved = true));
  await tick(10);
  assert.equal(resolved, true);
});

test('idle() gives up waiting after its longest pause, so background work always ends', async () => {
  const foreground = new Foreground();
  foreground.track(new Promise<void>(() => undefined));
  const started = performance.now();
  await foreground.idle();
  const waited = performance.now() - started;
  assert.ok(waited >= 900 && waited < 3000, `waited ${waited.toFixed(0)} ms`);
});

/** A clock that stands still until a test moves it: what the editor's activity is measured by. */
function standingClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

test('a message that arrived makes background work pause before its handler starts, until a quiet moment after it', async () => {
  const clock = standingClock();
  const foreground = new Foreground(clock.now);
  const pacer = foreground.pacer();
  assert.equal(pacer.due(), false, 'a fresh slice with a quiet editor goes on');
  // A message arrives; its handler has not run yet (nothing is tracked).
  foreground.arrived();
  assert.equal(foreground.busy(), true);
  assert.equal(pacer.due(), true, 'the slice stops at the next item');
  let resumed = false;
  const paused = pacer.pause().then(() => (resumed = true));
  await tick(30);
  assert.equal(resumed, false, 'paused: the editor has not been quiet since the message arrived');
  clock.advance(1);
  foreground.arrived();
  clock.advance(2);
  await tick(30);
  assert.equal(resumed, false, 'a second message 1 ms later: still less than the quiet moment since');
  clock.advance(2);
  await paused;
  assert.equal(pacer.due(), false, 'a new slice starts after the pause');
});

test('a message that arrives while a wake is scheduled moves the quiet moment: waiters are not woken early', async () => {
  const clock = standingClock();
  const foreground = new Foreground(clock.now);
  let release!: () => void;
  foreground.track(new Promise<void>((resolve) => (release = resolve)));
  let resolved = false;
  const idle = foreground.idle().then(() => (resolved = true));
  release();
  await Promise.resolve();
  // The wake is set for a quiet moment after the work settled; a message arrives before it.
  clock.advance(2);
  foreground.arrived();
  clock.advance(2);
  await tick(30);
  assert.equal(resolved, false, 'not woken: the message arrived 2 ms ago');
  clock.advance(5);
  await idle;
});

test('a pacer is due once its slice has run a couple of milliseconds, even with a quiet editor', async () => {
  const clock = standingClock();
  const pacer = new Foreground(clock.now).pacer();
  assert.equal(pacer.due(), false);
  clock.advance(1.5);
  assert.equal(pacer.due(), false, 'within its slice');
  clock.advance(1);
  assert.equal(pacer.due(), true, 'its slice is over');
  await pacer.pause();
  assert.equal(pacer.due(), false, 'a new slice');
});

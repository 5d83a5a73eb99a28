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

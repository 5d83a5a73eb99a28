// A message from the client is noticed as it arrives, over the two transports the server is started with: node IPC
// (VS Code) and stdio (the command line, the benchmarks). A real child process each, started as the client does.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../core/training/testdata/corpus';

/** A process that reports each arrival on stderr, and leaves when its input ends or its channel closes. */
async function probe(): Promise<string> {
  const dir = await tempDir('hashiya-arrivals-');
  const file = path.join(dir, 'probe.ts');
  await writeFile(file, `import { watchMessageArrivals } from ${JSON.stringify(path.join(__dirname, 'messageArrivals'))};\nwatchMessageArrivals(process.argv, () => process.stderr.write('arrived\\n'));\nif (process.argv.includes('--node-ipc')) process.on('message', (m) => { if (m === 'bye') process.disconnect(); });\n`);
  return file;
}

function arrivalsOf(child: ReturnType<typeof spawn>): { count: () => number; exited: Promise<number | null> } {
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { count: () => stderr.split('\n').filter((l) => l === 'arrived').length, exited };
}

async function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('over stdio: each piece of input is an arrival', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', await probe(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const arrivals = arrivalsOf(child);
  child.stdin!.write('Content-Length: 2\r\n\r\n{}');
  await until(() => arrivals.count() === 1, 'the first arrival');
  child.stdin!.write('Content-Length: 2\r\n\r\n{}');
  await until(() => arrivals.count() === 2, 'the second arrival');
  child.stdin!.end();
  assert.equal(await arrivals.exited, 0);
});

test('over node IPC: each message is an arrival', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', await probe(), '--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
  const arrivals = arrivalsOf(child);
  child.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  await until(() => arrivals.count() === 1, 'the first arrival');
  child.send('bye');
  assert.equal(await arrivals.exited, 0);
  assert.equal(arrivals.count(), 2);
});

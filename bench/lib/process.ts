// Whole processes timed from outside: wall time from spawn to exit (stdout drained and counted), peak RSS from
// GNU time (%M), exit status checked.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface ProcessRun {
  seconds: number;
  peakRssMB: number;
  stdoutBytes: number;
  stdoutLines: number;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

export function runProcess(command: string, args: readonly string[], options: { cwd?: string; stdin?: string } = {}): Promise<ProcessRun> {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} (GNU time) is needed to measure peak memory: apt-get install time`);
  const dir = mkdtempSync(path.join(tmpdir(), 'hashiya-time-'));
  const timeFile = path.join(dir, 'time');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    let stdoutLines = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdoutBytes += d.length;
      for (let i = d.indexOf(10); i !== -1; i = d.indexOf(10, i + 1)) stdoutLines++;
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(options.stdin ?? '');
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.slice(0, 2000)}`));
      else resolve({ seconds, peakRssMB: kb / 1024, stdoutBytes, stdoutLines, stderr });
    });
  });
}

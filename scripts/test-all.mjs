#!/usr/bin/env node
// Runs every test level in order — type check, build, unit (pure core + CLI), protocol (the bundled server over
// stdio), end-to-end (the real VS Code workbench) — and ends with one line: "N passed, M failed".
// `node scripts/test-all.mjs unit lsp` runs only the levels named.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const wanted = new Set(process.argv.slice(2));
const runs = (level) => wanted.size === 0 || wanted.has(level);

function testFiles(...dirs) {
  return dirs.flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true })
      .filter((f) => String(f).endsWith('.test.ts') && !String(f).includes('node_modules'))
      .map((f) => path.join(dir, String(f))),
  ).sort();
}

function run(title, command, args, env = {}) {
  return new Promise((resolve) => {
    process.stdout.write(`\n=== ${title}: ${command} ${args.length > 6 ? args.slice(0, 6).join(' ') + ' …' : args.join(' ')}\n`);
    const started = Date.now();
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

/** Counts from node's test runner (spec or tap reporter) or from a plain "N passed, M failed" line. */
function counts(output) {
  const pass = output.match(/^(?:ℹ|#) pass (\d+)/m);
  const fail = output.match(/^(?:ℹ|#) fail (\d+)/m);
  // A skipped or todo test is not a pass: it counts as a failure here.
  const skipped = [...output.matchAll(/^(?:ℹ|#) (?:skipped|todo) (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
  if (pass && fail) return { passed: Number(pass[1]), failed: Number(fail[1]) + skipped };
  const plain = [...output.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed/gm)].pop();
  if (plain) return { passed: Number(plain[1]), failed: Number(plain[2]) };
  return undefined;
}

const levels = [];
let failedSteps = 0;

async function step(title, command, args, { counted = false, env } = {}) {
  const result = await run(title, command, args, env);
  const c = counted ? counts(result.output) : undefined;
  if (counted && !c) {
    // A test level that printed no counts ran no test: that is a failure, never a pass.
    levels.push({ title, passed: 0, failed: 1, seconds: result.seconds, note: 'no test counts in its output' });
    failedSteps++;
    return;
  }
  if (c) levels.push({ title, ...c, seconds: result.seconds });
  if (result.code !== 0) {
    failedSteps++;
    if (!c) levels.push({ title, passed: 0, failed: 1, seconds: result.seconds, note: `exit code ${result.code}` });
    else if (c.failed === 0) levels[levels.length - 1].failed = 1;
  }
}

const node = process.execPath;
await step('type check', node, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
await step('build', node, ['esbuild.mjs']);
if (runs('unit')) {
  // spaCy and datasets read our exports back in the unit level: installed into .tmp/pyenv from the machine's
  // wheels the first time (a no-op after), so that `npm test` stands alone on a fresh checkout.
  await step('python environment (spaCy, datasets)', 'bash', ['scripts/setup-python.sh']);
  await step('unit', node, ['--import', 'tsx', '--test', '--test-reporter=spec', ...testFiles('server/src', 'scripts', 'test/unit')], { counted: true });
}
if (runs('lsp')) {
  // --test-force-exit: after the crash test has killed servers mid-write, its process sometimes stays alive on
  // nothing but its own stdout and stderr once every test has finished; the runner ends a file when its tests are
  // done instead of waiting for that.
  await step('protocol (LSP over stdio)', node, ['--import', 'tsx', '--test', '--test-force-exit', '--test-reporter=spec', '--test-concurrency=1', ...testFiles('test/lsp')], { counted: true });
}
if (runs('e2e')) {
  await step('end-to-end (VS Code via code-server)', 'npm', ['run', '--silent', 'test:e2e'], { counted: true });
}

const passed = levels.reduce((n, l) => n + l.passed, 0);
const failed = levels.reduce((n, l) => n + l.failed, 0);
process.stdout.write('\n=== summary\n');
for (const l of levels) process.stdout.write(`${l.title}: ${l.passed} passed, ${l.failed} failed (${l.seconds.toFixed(1)} s)${l.note ? ' — ' + l.note : ''}\n`);
process.stdout.write(`${passed} passed, ${failed + (failedSteps > 0 && failed === 0 ? 1 : 0)} failed\n`);
process.exit(failedSteps > 0 || failed > 0 ? 1 : 0);

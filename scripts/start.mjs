#!/usr/bin/env node
// `npm start`: packages the extension, installs it into a local VS Code (code-server on 127.0.0.1, set up on
// first use by scripts/setup-vscode.sh), opens the sample corpus — the real samples/ folder, so work is kept —
// and prints the URL. Runs until Ctrl+C. PORT picks the port.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { codeServerBin, installExtension, repoRoot, runLayout, seedSettings, startCodeServer } from '../test/e2e/harness/code-server.mjs';

const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!fs.existsSync(codeServerBin)) run('bash', ['scripts/setup-vscode.sh']);
run('npm', ['run', '--silent', 'package']);

// The annotator's own editor: the extension marketplace stays available there.
const layout = runLayout(path.join(repoRoot, '.tmp/start'), { marketplace: true });
// The user's own settings there are kept from run to run; only the first run seeds them (without test colours).
seedSettings(layout.userDataDir, { overwrite: false, extra: { 'editor.semanticTokenColorCustomizations': {} } });
console.log(installExtension(layout, path.join(repoRoot, 'hashiya.vsix')));
const server = await startCodeServer(layout, { port: process.env.PORT ? Number(process.env.PORT) : undefined });
const samples = path.join(repoRoot, 'samples');
console.log(`\nHashiya is running: ${server.base}/?folder=${encodeURIComponent(samples)}\n(Ctrl+C stops it)`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);

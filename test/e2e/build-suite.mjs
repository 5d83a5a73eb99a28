// Bundles the extension-host test suite (test/e2e/suite/index.ts and every *.test.ts beside it) into
// out/e2e/suite/ with esbuild. `vscode` stays external (the extension host provides it); mocha is bundled, so the
// suite runs in any extension host whatever its Node can require.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const suiteDir = path.join(root, 'test/e2e/suite');
const outdir = path.join(root, 'out/e2e/suite');
const entryPoints = [path.join(suiteDir, 'index.ts'), ...fs.readdirSync(suiteDir).filter((f) => f.endsWith('.test.ts')).sort().map((f) => path.join(suiteDir, f))];

fs.rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
  // mocha's loader requires test files by computed path at run time; that is intended.
  logOverride: { 'unsupported-require-call': 'silent', 'unsupported-dynamic-import': 'silent', 'require-resolve-not-external': 'silent' },
});
console.log(`bundled ${entryPoints.length} suite files into ${path.relative(root, outdir)}/`);

// Bundles the entry points into dist/: the extension client (vscode stays external, it is provided by the host),
// the language server and the command line (both fully bundled, so the VSIX ships no node_modules), and the
// annotation view's page script (for the browser, so it can share common/ code such as the state deltas).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's default entry is a UMD bundle with dynamic requires that bundlers cannot follow; its ESM
  // build bundles cleanly.
  mainFields: ['module', 'main'],
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['client/src/annotationView/page/main.js'], outfile: 'dist/annotationView.js', platform: 'browser', format: 'iife', target: 'chrome114' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

// The annotation view in the real workbench: code-server and headless Chromium (test/e2e/harness), driven by
// bench/lib/annotationViewBench.mjs in its own process, whose JSON lines are forwarded. It opens the view from
// the command palette on the seed article and on a 1 MB article of WikiFANE text, three times each, and reports
// the time from the command to the first screen painted with its boxes (target 300 ms) — as the page measures
// it on the extension host's clock, and as the browser driver sees it by polling — with the part that is VS
// Code's webview start-up, then frame times while the 1 MB article is scrolled with the mouse wheel, and the
// load average. Needs scripts/setup-vscode.sh (code-server, chromium); fails loudly without them.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const run = spawnSync(process.execPath, [path.join(__dirname, 'lib', 'annotationViewBench.mjs')], { stdio: 'inherit', timeout: 900_000 });
process.exit(run.status ?? 1);

// Entry point VS Code loads as extensionTestsPath: runs every bundled *.test.js next to it with mocha inside the
// extension host, prints one "mocha: N passed, M failed, K pending" line and rejects when anything failed, was
// skipped or nothing ran (the host then exits non-zero).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.HASHIYA_E2E_GREP;
  if (grep) mocha.grep(grep);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
        console.log(`mocha: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} pending (${files.length} files)`);
        if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
        else if (stats.pending > 0) reject(new Error(`${stats.pending} extension test(s) skipped`))
        else if (stats.passes === 0) reject(new Error('no extension test ran'));
        else resolve();
      });
    } catch (error) {
      console.error(error);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

// Restricted mode at the session level: over files that may not be written, an article session shows its sidecar
// but refuses every change before making it, and none of the writes it would otherwise make (re-anchoring at
// open, after typing, on close) happens. The read-only files themselves refuse writes and locks and leave debris
// where it is, on a real folder.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { RESTRICTED_MODE_REASON } from '../../../common/restrictedMode';
import { defaultConfig } from '../core/corpus/config';
import { serializeSidecar } from '../core/sidecar/serialize';
import { articleBytes, sha256Hex } from '../core/text/hash';
import { ArticleSession } from './articleSession';
import { MemoryFiles } from './memoryFiles';
import { restrictedSessionFiles } from './restrictedFiles';

const ROOT = '/corpus';
const ARTICLE = `${ROOT}/a.txt`;
const SIDECAR = `${ROOT}/a.ann.json`;

/** An in-memory disk that says, like restricted mode, that nothing may be written (and records any write). */
class ReadOnlyMemoryFiles extends MemoryFiles {
  override whyNotWritable(): string | undefined {
    return RESTRICTED_MODE_REASON;
  }
}

describe('restricted mode in a session', () => {
  test('shows the sidecar, refuses every change before making it, and writes nothing', async () => {
    const files = new ReadOnlyMemoryFiles();
    const oldText = 'زار الوفد بغداد.';
    // The article was edited outside the editor: a writable session would re-anchor and write at open.
    const text = `عاجل: ${oldText}`;
    files.set(ARTICLE, text);
    const sidecar = serializeSidecar({
      text: 'a.txt',
      sha256: sha256Hex(articleBytes(oldText, false)),
      status: 'in-progress',
      entities: [{ start: 10, end: 15, label: 'LOC', text: 'بغداد' }],
      rejected: [],
      unresolved: [],
    });
    files.set(SIDECAR, sidecar);
    const session = new ArticleSession({ files, matcher: () => undefined, publish: () => undefined, log: () => undefined }, `file://${ARTICLE}`, ARTICLE, defaultConfig(ROOT));
    await session.open(text, 1);
    const shown = session.snapshot.annotations.entities.map((e) => `${e.start}:${e.end}:${e.label}:${e.text}`);
    assert.deepEqual(shown, ['16:21:LOC:بغداد'], 'the annotation is shown where its word now is');

    await assert.rejects(session.mutate((d) => d.annotations.add(0, 4, 'LOC')), (e: Error) => e.message === RESTRICTED_MODE_REASON);
    await assert.rejects(session.mutate((d) => { d.annotations.status = 'reviewed'; }), (e: Error) => e.message === RESTRICTED_MODE_REASON);
    await assert.rejects(session.resolveConflict('any', 'ours'), (e: Error) => e.message === RESTRICTED_MODE_REASON);
    assert.deepEqual(session.snapshot.annotations.entities.map((e) => `${e.start}:${e.end}:${e.label}:${e.text}`), shown, 'nothing changed in memory');
    assert.equal(session.snapshot.annotations.status, 'in-progress');

    // Typing, the pause after it, and closing: still no write.
    await session.edit([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'خبر ' }], 2);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await session.flush();
    await session.close();
    assert.deepEqual(files.writes, []);
    assert.equal(files.text(SIDECAR), sidecar);
  });

  test('the read-only files refuse writes and locks, and leave debris of killed writers in place', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-restricted-files-'));
    try {
      const file = path.join(dir, 'a.ann.json');
      const debris = path.join(dir, '.a.ann.json.4194000.1700000000000.0.tmp');
      await writeFile(debris, '{"partial": ');
      await writeFile(path.join(dir, '.a.ann.json.lock'), '4194000');
      await assert.rejects(restrictedSessionFiles.writeAtomic(file, '{}'), (e: Error) => e.message === RESTRICTED_MODE_REASON);
      let ran = false;
      await assert.rejects(restrictedSessionFiles.withLock(file, async () => { ran = true; }), (e: Error) => e.message === RESTRICTED_MODE_REASON);
      assert.equal(ran, false);
      assert.equal(await restrictedSessionFiles.removeStaleTemporaries(file), 0);
      assert.deepEqual((await readdir(dir)).sort(), ['.a.ann.json.4194000.1700000000000.0.tmp', '.a.ann.json.lock']);
      assert.equal(existsSync(file), false);
      assert.equal(restrictedSessionFiles.whyNotWritable(file), RESTRICTED_MODE_REASON);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

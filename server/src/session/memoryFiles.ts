// An in-memory file system for testing sessions: files are strings or bytes in a map; a test can change "disk"
// underneath a session, watch every write, and make the next writes fail.
import type { SessionFiles } from './sessionFiles';

export class MemoryFiles implements SessionFiles {
  readonly files = new Map<string, Uint8Array>();
  readonly writes: Array<{ file: string; content: string }> = [];
  failWrites = 0;

  set(file: string, content: string | Uint8Array): void {
    this.files.set(file, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  text(file: string): string | undefined {
    const bytes = this.files.get(file);
    return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
  }

  delete(file: string): void {
    this.files.delete(file);
  }

  async read(file: string): Promise<Uint8Array | undefined> {
    return this.files.get(file);
  }

  whyNotWritable(): string | undefined {
    return undefined;
  }

  async writeAtomic(file: string, content: string): Promise<void> {
    if (this.failWrites > 0) {
      this.failWrites--;
      throw new Error(`disk full writing ${file}`);
    }
    this.set(file, content);
    this.writes.push({ file, content });
  }

  async withLock<T>(_file: string, task: () => Promise<T>): Promise<T> {
    return task();
  }

  async removeStaleTemporaries(): Promise<number> {
    return 0;
  }
}

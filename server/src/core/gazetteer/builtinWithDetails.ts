// The built-in gazetteer with every entry's detail fields (kind, country, governorate, population, terms), for
// callers that rank or disambiguate by them.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { KbEntry } from './entries';
import { attachDetails } from './entryDetails';
import { defaultBuiltinDir, readBuiltinGazetteer } from './load';

export async function readBuiltinWithDetails(dir = defaultBuiltinDir()): Promise<KbEntry[]> {
  const entries = await readBuiltinGazetteer(dir);
  for (const file of (await fs.readdir(dir)).filter((f) => f.endsWith('.jsonl'))) attachDetails(entries, await fs.readFile(path.join(dir, file), 'utf8'));
  return entries;
}

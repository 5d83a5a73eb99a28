// Reading import inputs line by line without holding the file: gzip-compressed files (.gz) are decompressed on
// the fly, one leading BOM is dropped, CRLF and CR line ends are read as LF.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

/**
 * The lines of `file`, a decoded chunk's worth at a time: a consumer of half a million lines pays one await per
 * chunk, not one per line.
 */
export async function* readLineBatches(file: string): AsyncGenerator<string[]> {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream = file.endsWith('.gz') ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw;
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  let rest = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + decoder.decode(chunk, { stream: true });
    const parts = text.split('\n');
    rest = parts.pop()!;
    for (let i = 0; i < parts.length; i++) if (parts[i].endsWith('\r')) parts[i] = parts[i].slice(0, -1);
    if (parts.length > 0) yield parts;
  }
  const tail = rest + decoder.decode();
  if (tail !== '') yield [tail.endsWith('\r') ? tail.slice(0, -1) : tail];
}

export async function* readLines(file: string): AsyncGenerator<string> {
  for await (const batch of readLineBatches(file)) yield* batch;
}

/** A whole input file as text (for formats read as a whole, such as a brat .txt): UTF-8, gzip undone. */
export async function readInputText(file: string): Promise<string> {
  let text = '';
  for await (const line of readLines(file)) text += line + '\n';
  return text;
}

/** The file name without its format extensions: `NewsFANE_Gold_2014_170K.txt.gz` -> `NewsFANE_Gold_2014_170K`. */
export function inputStem(file: string): string {
  const base = file.split(/[\\/]/).pop()!;
  return base.replace(/\.gz$/i, '').replace(/\.(txt|conll|conllu|conllx|tsv|iob|iob2|bio|bioes|jsonl|json|ann)$/i, '') || base;
}

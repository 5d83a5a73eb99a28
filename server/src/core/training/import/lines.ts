// Reading import inputs line by line without holding the file: gzip-compressed files (.gz) are decompressed on
// the fly, one leading BOM is dropped, CRLF and CR line ends are read as LF.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

export async function* readLines(file: string): AsyncGenerator<string> {
  const raw = createReadStream(file);
  const stream = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  let rest = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + decoder.decode(chunk, { stream: true });
    const parts = text.split('\n');
    rest = parts.pop()!;
    for (const line of parts) yield line.endsWith('\r') ? line.slice(0, -1) : line;
  }
  const tail = rest + decoder.decode();
  if (tail !== '') yield tail.endsWith('\r') ? tail.slice(0, -1) : tail;
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

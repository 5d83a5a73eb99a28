// What an article's bytes are, when they are not UTF-8. Articles are UTF-8 (SPEC §3: offsets are code points of
// the UTF-8 text); anything else would be decoded into U+FFFD replacement characters, which then end up in
// suggestions, exported tokens and sidecar "text" fields, with a sha256 that never validates again. So other
// encodings are recognised, named, and refused with the command that converts them.
import { isUtf8 } from 'node:buffer';

export interface EncodingVerdict {
  /** Human name of what the bytes look like. */
  encoding: string;
  /** Problem code: `encoding` (a text in another encoding) or `binary` (not text at all). */
  code: 'encoding' | 'binary';
  /** One sentence: what was found and how to convert it (for a file named `file`). */
  message: string;
}

/** Bytes that never occur in text: C0 controls other than tab, line feed, vertical tab, form feed, carriage return, escape. */
function isControl(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b;
}

/** Offset of the first byte that breaks UTF-8, for the message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    for (let k = 1; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n;
  }
  return -1;
}

/**
 * UTF-16 without a byte order mark: in one byte of each pair (the high byte of the code unit) almost only small
 * values (0x00 for Latin, 0x06 for Arabic), in the other anything.
 */
function utf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | undefined {
  const pairs = Math.floor(Math.min(bytes.length, 1 << 16) / 2);
  if (pairs < 2) return undefined;
  // NUL and control bytes; line ends and tabs are not counted, so that a text of one-letter lines is not UTF-16.
  const low = (b: number) => b === 0 || isControl(b);
  let lowOdd = 0;
  let lowEven = 0;
  for (let i = 0; i < pairs; i++) {
    if (low(bytes[2 * i])) lowEven++;
    if (low(bytes[2 * i + 1])) lowOdd++;
  }
  if (lowOdd / pairs > 0.6 && lowEven / pairs < 0.3) return 'le';
  if (lowEven / pairs > 0.6 && lowOdd / pairs < 0.3) return 'be';
  return undefined;
}

function convert(file: string, from: string): string {
  const quoted = JSON.stringify(file);
  return `convert it to UTF-8 with: iconv -f ${from} -t utf-8 ${quoted} > ${JSON.stringify(file + '.utf8')} && mv ${JSON.stringify(file + '.utf8')} ${quoted}`;
}

/**
 * Undefined when `bytes` are UTF-8 text (a BOM allowed); otherwise what they look like and how to convert them.
 * `file` is only used in the message.
 */
export function encodingProblem(bytes: Uint8Array, file: string): EncodingVerdict | undefined {
  const head = bytes.subarray(0, 1 << 16);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const order = bytes[0] === 0xff ? 'little-endian' : 'big-endian';
    return { encoding: 'UTF-16', code: 'encoding', message: `${file} is UTF-16 (${order}, with a byte order mark), not UTF-8; ${convert(file, 'utf-16')}` };
  }
  const utf16 = utf16WithoutBom(head);
  if (utf16) {
    return { encoding: `UTF-16${utf16.toUpperCase()}`, code: 'encoding', message: `${file} looks like UTF-16${utf16.toUpperCase()} (no byte order mark), not UTF-8; ${convert(file, `utf-16${utf16}`)}` };
  }
  let controls = 0;
  for (const b of head) if (isControl(b)) controls++;
  if (controls > 0 && (head.includes(0) || controls / head.length > 0.01)) {
    return { encoding: 'binary', code: 'binary', message: `${file} is binary data (control bytes such as NUL), not a text file; an article must be UTF-8 text` };
  }
  if (isUtf8(bytes)) return undefined;
  const at = firstInvalidUtf8(bytes);
  // Windows-1256 writes every Arabic letter as one byte ≥ 0xC1, so Arabic words are runs of high bytes; Latin-1
  // (and Windows-1252) text is mostly ASCII letters with an accented one here and there.
  let high = 0;
  let letters = 0;
  for (const b of head) {
    if (b >= 0x80) high++;
    if (b >= 0x80 || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) letters++;
  }
  const where = `byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')} at offset ${at} is not UTF-8`;
  if (letters > 0 && high / letters > 0.5) {
    return { encoding: 'Windows-1256', code: 'encoding', message: `${file} is not UTF-8 (${where}); it looks like Windows-1256 (Arabic); ${convert(file, 'cp1256')}` };
  }
  return { encoding: 'Latin-1', code: 'encoding', message: `${file} is not UTF-8 (${where}); it looks like Latin-1 (ISO-8859-1 or Windows-1252); ${convert(file, 'latin1')}` };
}

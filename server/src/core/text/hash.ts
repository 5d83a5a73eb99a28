import { createHash } from 'node:crypto';

/** The bytes an article's text is stored as: UTF-8, with the BOM it had. */
export function articleBytes(text: string, hasBom: boolean): Buffer {
  return Buffer.from(hasBom ? '\uFEFF' + text : text, 'utf8');
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

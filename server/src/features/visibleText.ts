// Text the server sends for people to read (labels, details, descriptions) without invisible formatting marks:
// bidi marks and isolates (LRM, RLM, ALM, LRE…PDF, LRI…PDI), zero-width characters and the BOM. They come in with
// names copied from the web and make two identical-looking labels differ, or a filter miss.
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export function visibleText(text: string): string {
  return text.replace(INVISIBLE, '');
}

export function hasInvisible(text: string): boolean {
  return /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/.test(text);
}

// How an entity mark looks in the text editor: only a background and a border, both drawn by VS Code in the
// overlay layer behind the text. A text colour, underline or font weight would instead cut the line into separately
// styled spans, each laid out on its own in a left-to-right line, and Arabic words around the mark would appear out
// of order. Labels differ by hue (taken from the label's configured colour) and by border style; suggestions have a
// dashed border and no fill. Lightness is chosen so the editor's own text keeps a WCAG contrast of at least 4.5:1
// on the mark in the default dark, light and high-contrast themes (see test/unit/entityStyle.test.ts).
// Pure: no vscode import, so the colours can be tested and reused by any view.

export interface ThemedMark {
  /** `#rrggbbaa`; painted over the editor background. */
  backgroundColor: string;
  borderColor: string;
}

export interface EntityMarkStyle {
  borderStyle: string;
  borderWidth: string;
  /** Dark and dark high-contrast themes. */
  dark: ThemedMark;
  /** Light and light high-contrast themes. */
  light: ThemedMark;
}

/** Editor text on background, as the default themes ship them (VS Code 1.100 theme-defaults and colour registry). */
export const DEFAULT_THEMES = {
  darkModern: { foreground: '#cccccc', background: '#1f1f1f', kind: 'dark' },
  darkHighContrast: { foreground: '#ffffff', background: '#000000', kind: 'dark' },
  lightModern: { foreground: '#3b3b3b', background: '#ffffff', kind: 'light' },
  lightHighContrast: { foreground: '#292929', background: '#ffffff', kind: 'light' },
} as const;

export const MIN_CONTRAST = 4.5;

/** Border styles of confirmed labels, by the label's place in the corpus configuration. Dashed is kept for suggestions. */
const LABEL_BORDERS: ReadonlyArray<{ style: string; width: string }> = [
  { style: 'solid', width: '1px' },
  { style: 'double', width: '3px' },
  { style: 'solid', width: '2px' },
  { style: 'dotted', width: '2px' },
  { style: 'groove', width: '3px' },
  { style: 'ridge', width: '3px' },
];

// Fill opacity: enough to see the hue, low enough that the selection (drawn below the marks) shows through.
const FILL_ALPHA = 0.4;

export function confirmedStyle(labelColor: string, labelIndex: number): EntityMarkStyle {
  const border = LABEL_BORDERS[((labelIndex % LABEL_BORDERS.length) + LABEL_BORDERS.length) % LABEL_BORDERS.length]!;
  const { h, s } = toHsl(parseHex(labelColor));
  return {
    borderStyle: border.style,
    borderWidth: border.width,
    dark: { backgroundColor: readableFill(h, s, 'dark'), borderColor: toHex(fromHsl(h, Math.max(s, 0.45), 0.62)) },
    light: { backgroundColor: readableFill(h, s, 'light'), borderColor: toHex(fromHsl(h, Math.max(s, 0.45), 0.35)) },
  };
}

export function suggestionStyle(labelColor: string): EntityMarkStyle {
  const { h, s } = toHsl(parseHex(labelColor));
  return {
    borderStyle: 'dashed',
    borderWidth: '1px',
    dark: { backgroundColor: '#00000000', borderColor: toHex(fromHsl(h, Math.max(s, 0.45), 0.62)) },
    light: { backgroundColor: '#00000000', borderColor: toHex(fromHsl(h, Math.max(s, 0.45), 0.35)) },
  };
}

/**
 * The fill for a hue: a mid-dark tone in dark themes, a pale tint in light ones, stepped away from the text colour
 * until every default theme of that kind keeps the minimum contrast. Saturation is capped so hues stay calm.
 */
function readableFill(h: number, s: number, kind: 'dark' | 'light'): string {
  const themes = Object.values(DEFAULT_THEMES).filter((t) => t.kind === kind);
  const sat = Math.min(Math.max(s, 0.35), 0.7);
  const start = kind === 'dark' ? 0.45 : 0.6;
  const step = kind === 'dark' ? -0.02 : 0.02;
  for (let l = start; l >= 0 && l <= 1; l += step) {
    const fill = fromHsl(h, sat, l);
    const ok = themes.every((t) => contrast(parseHex(t.foreground), over(fill, FILL_ALPHA, parseHex(t.background))) >= MIN_CONTRAST + 0.05);
    if (ok) return toHex(fill) + alphaHex(FILL_ALPHA);
  }
  return kind === 'dark' ? '#00000000' : '#ffffff00';
}

// --- colour arithmetic -------------------------------------------------------------------------------------

export type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(hex.trim());
  if (!m) return [136, 136, 136];
  const digits = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return '#' + rgb.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('');
}

function alphaHex(alpha: number): string {
  return Math.round(alpha * 255).toString(16).padStart(2, '0');
}

/** Source-over compositing of `top` with `alpha` on an opaque `bottom`. */
export function over(top: Rgb, alpha: number, bottom: Rgb): Rgb {
  return [0, 1, 2].map((i) => top[i]! * alpha + bottom[i]! * (1 - alpha)) as Rgb;
}

/** WCAG 2.x relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). */
export function contrast(a: Rgb, b: Rgb): number {
  const lum = (c: Rgb) => {
    const [r, g, bl] = c.map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    }) as Rgb;
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function toHsl([r8, g8, b8]: Rgb): { h: number; s: number; l: number } {
  const [r, g, b] = [r8 / 255, g8 / 255, b8 / 255];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return { h: 0, s: 0, l };
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? ((g - b) / d + (g < b ? 6 : 0)) * 60 : max === g ? ((b - r) / d + 2) * 60 : ((r - g) / d + 4) * 60;
  return { h, s, l };
}

function fromHsl(h: number, s: number, l: number): Rgb {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return [(r + m) * 255, (g + m) * 255, (b + m) * 255];
}

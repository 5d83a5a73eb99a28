// The colours the text editor ships for entity marks: text on every mark keeps a WCAG 2.x contrast of at least
// 4.5:1 in the default themes. The contrast is computed here again from the formula's definition
// (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance and #dfn-contrast-ratio), not with the module's own helper,
// and checked against published reference ratios first. Theme colours: VS Code 1.100's theme-defaults
// (dark_modern.json: editor.foreground #CCCCCC on editor.background #1F1F1F; light_modern.json: #3B3B3B on
// #FFFFFF; hc_black.json: #FFFFFF on #000000) and its colour registry for Light High Contrast, which sets no
// editor colours (editor.background hcLight white, editor.foreground = foreground hcLight #292929).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { confirmedStyle, DEFAULT_THEMES, suggestionStyle } from '../../client/src/entityStyle';

function rgba(hex: string): { rgb: number[]; alpha: number } {
  const h = hex.replace('#', '');
  const rgb = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  return { rgb, alpha: h.length === 8 ? parseInt(h.slice(6, 8), 16) / 255 : 1 };
}

function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function ratio(a: number[], b: number[]): number {
  const [l1, l2] = [luminance(a), luminance(b)];
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

/** The mark's fill as the screen shows it: alpha-composited over the editor background. */
function shown(fill: string, background: string): number[] {
  const top = rgba(fill);
  const bottom = rgba(background).rgb;
  return top.rgb.map((v, i) => v * top.alpha + bottom[i]! * (1 - top.alpha));
}

test('the contrast formula reproduces published ratios', () => {
  // WebAIM's contrast checker: black on white 21:1, #767676 on white 4.54:1, #777777 on white 4.48:1.
  assert.equal(ratio([0, 0, 0], [255, 255, 255]).toFixed(2), '21.00');
  assert.equal(ratio([0x76, 0x76, 0x76], [255, 255, 255]).toFixed(2), '4.54');
  assert.equal(ratio([0x77, 0x77, 0x77], [255, 255, 255]).toFixed(2), '4.48');
});

// The sample corpus's label colours, saturated primaries and greys, and a sweep of hues at three lightnesses.
const labelColours = ['#2e7d32', '#1565c0', '#ff0000', '#ffff00', '#00ffff', '#ff00ff', '#ffffff', '#000000', '#888888', '#c62828', '#6a1b9a', '#ef6c00'];
for (let h = 0; h < 360; h += 15) {
  for (const l of [25, 50, 75]) labelColours.push(hsl(h, 80, l));
}

function hsl(h: number, s: number, l: number): string {
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return '#' + [f(0), f(8), f(4)].map((v) => v.toString(16).padStart(2, '0')).join('');
}

test('text on every entity background keeps 4.5:1 in Dark Modern, Light Modern and both high-contrast themes', () => {
  let worst = Infinity;
  for (const colour of labelColours) {
    for (let index = 0; index < 4; index++) {
      const style = confirmedStyle(colour, index);
      for (const theme of Object.values(DEFAULT_THEMES)) {
        const fill = theme.kind === 'dark' ? style.dark.backgroundColor : style.light.backgroundColor;
        const r = ratio(rgba(theme.foreground).rgb, shown(fill, theme.background));
        worst = Math.min(worst, r);
        assert.ok(r >= 4.5, `${colour} label ${index}: ${r.toFixed(2)}:1 for ${theme.foreground} on ${fill} over ${theme.background}`);
      }
    }
  }
  assert.ok(worst < 21, 'the marks are not invisible');
});

test('the sample labels: a visible fill, different hues, different border styles; suggestions dashed without fill', () => {
  const loc = confirmedStyle('#2e7d32', 0);
  const actor = confirmedStyle('#1565c0', 1);
  assert.notEqual(loc.borderStyle, actor.borderStyle);
  assert.notEqual(loc.dark.backgroundColor, actor.dark.backgroundColor);
  assert.notEqual(loc.light.backgroundColor, actor.light.backgroundColor);
  for (const style of [loc, actor]) {
    assert.notEqual(style.borderStyle, 'dashed');
    for (const [mark, bg] of [[style.dark, '#1f1f1f'], [style.light, '#ffffff']] as const) {
      // The fill stands out from the editor background (not a transparent no-op).
      assert.ok(ratio(shown(mark.backgroundColor, bg), rgba(bg).rgb) > 1.15, `${mark.backgroundColor} over ${bg}`);
    }
  }
  // LOC green, ACTOR blue: the fills keep the label's hue (green channel leads for LOC, blue for ACTOR).
  const [lr, lg, lb] = rgba(loc.light.backgroundColor).rgb;
  const [ar, ag, ab] = rgba(actor.light.backgroundColor).rgb;
  assert.ok(lg! > lr! && lg! > lb!, `LOC ${loc.light.backgroundColor} is green`);
  assert.ok(ab! > ar! && ab! > ag!, `ACTOR ${actor.light.backgroundColor} is blue`);
  const suggestion = suggestionStyle('#2e7d32');
  assert.equal(suggestion.borderStyle, 'dashed');
  assert.equal(rgba(suggestion.dark.backgroundColor).alpha, 0);
  assert.equal(rgba(suggestion.light.backgroundColor).alpha, 0);
});

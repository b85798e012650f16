/* Pure colour arithmetic (no DOM): picking a readable text colour on top of a filled cell. */
import { color as d3color } from 'd3';

/** RGB bytes of any CSS colour string d3 can parse (hex, rgb(), named); null if it cannot. */
export function parseRgb(c: string): [number, number, number] | null {
  const parsed = d3color(c);
  if (!parsed) return null;
  const { r, g, b } = parsed.rgb();
  if (![r, g, b].every(Number.isFinite)) return null;
  return [r, g, b];
}

/** WCAG relative luminance in [0, 1]. */
export function relativeLuminance(c: string): number {
  const rgb = parseRgb(c);
  if (!rgb) return 1;
  const [r, g, b] = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export const DARK_TEXT = '#111111';
export const LIGHT_TEXT = '#ffffff';

/** Dark or light text, whichever contrasts more with the background colour `bg`. */
export function textColorOn(bg: string): string {
  return contrastRatio(bg, DARK_TEXT) >= contrastRatio(bg, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

/* Colour meanings and scales. SVG marks use CSS variable strings ("var(--train)") so the dark
   theme applies without re-rendering; canvas cannot read CSS, so resolveColor() turns such a
   string into a real colour at draw time. */
import { interpolateCividis, interpolateRdBu, interpolateViridis } from 'd3';

// Fixed meanings: the same thing keeps the same colour in every panel.
export const FG = 'var(--fg)';
export const MUTED = 'var(--muted)';
export const GRID = 'var(--grid)';
export const BORDER = 'var(--border)';
export const PLOT_BG = 'var(--plot-bg)';
export const ACCENT = 'var(--accent)';
export const TRAIN = 'var(--train)';
export const TEST = 'var(--test)';
export const CLASS0 = 'var(--class0)';
export const CLASS1 = 'var(--class1)';
export const TRUTH = 'var(--truth)';

export const CATEGORICAL_COUNT = 10;

/** Tableau10 colour i (wraps after 10), as a CSS variable string. */
export function categorical(i: number): string {
  const k = ((Math.floor(i) % CATEGORICAL_COUNT) + CATEGORICAL_COUNT) % CATEGORICAL_COUNT;
  return `var(--c${Number.isFinite(k) ? k : 0})`;
}

/** Colour of class c: 0 and 1 use the shared class meanings, further classes the palette. */
export function classColor(c: number): string {
  if (c === 0) return CLASS0;
  if (c === 1) return CLASS1;
  return categorical(c);
}

export type SchemeName = 'viridis' | 'cividis' | 'rdbu';

/** Colour-blind-safe interpolators on [0, 1]. RdBu runs red (0) → white (0.5) → blue (1). */
export const INTERPOLATORS: Readonly<Record<SchemeName, (t: number) => string>> = {
  viridis: interpolateViridis,
  cividis: interpolateCividis,
  rdbu: interpolateRdBu,
};

const TRANSPARENT = 'rgba(0, 0, 0, 0)';
const clamp01 = (t: number) => (t < 0 ? 0 : t > 1 ? 1 : t);

/** Sequential colour for t in [0, 1] (clamped); NaN gives transparent, never a wrong colour. */
export function sequential(t: number, scheme: Exclude<SchemeName, 'rdbu'> = 'viridis'): string {
  if (Number.isNaN(t)) return TRANSPARENT;
  return INTERPOLATORS[scheme](clamp01(t));
}

/** Diverging RdBu colour for t in [0, 1]; 0.5 is neutral, below red, above blue. */
export function diverging(t: number): string {
  if (Number.isNaN(t)) return TRANSPARENT;
  return interpolateRdBu(clamp01(t));
}

/** Diverging colour for a signed value: negative red, zero neutral, positive blue. */
export function signedColor(v: number, maxAbs: number): string {
  const m = maxAbs > 0 && Number.isFinite(maxAbs) ? maxAbs : 1;
  return diverging(0.5 + v / (2 * m));
}

/** Light-theme values, used where there is no document (tests, SSR) or a variable is unset. */
export const FALLBACK_COLORS: Readonly<Record<string, string>> = {
  '--fg': '#1d1d1f',
  '--muted': '#5c5c66',
  '--border': '#d9d9de',
  '--grid': '#ececf0',
  '--accent': '#1f5fbf',
  '--plot-bg': '#ffffff',
  '--bg': '#fbfbf8',
  '--c0': '#4e79a7',
  '--c1': '#f28e2b',
  '--c2': '#e15759',
  '--c3': '#76b7b2',
  '--c4': '#59a14f',
  '--c5': '#edc948',
  '--c6': '#b07aa1',
  '--c7': '#ff9da7',
  '--c8': '#9c755f',
  '--c9': '#bab0ac',
  '--train': '#4e79a7',
  '--test': '#f28e2b',
  '--class0': '#4e79a7',
  '--class1': '#f28e2b',
  '--truth': '#1d1d1f',
};

// Resolved values, kept while the theme stays. getComputedStyle makes the browser bring styles up
// to date first: canvas layers ask for several colours per draw, often while a render has just
// changed the DOM, and each ask was a style recalculation (issue 8). :root's variables change only
// with the theme (the attributes below, or the system's dark mode), so that is the cache's key.
const resolved = new Map<string, string>();
let resolvedFor = '';
let darkQuery: MediaQueryList | null | undefined;

function themeState(root: Element): string {
  if (darkQuery === undefined) darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  return `${root.getAttribute('data-theme')}|${root.getAttribute('class')}|${root.getAttribute('style')}|${darkQuery?.matches ?? ''}`;
}

/** The current value of a CSS custom property on :root (e.g. "--c0" → "#4e79a7"). */
export function resolveCssVar(name: string, fallback?: string): string {
  const fb = fallback ?? FALLBACK_COLORS[name] ?? '#000000';
  if (typeof document === 'undefined' || typeof getComputedStyle !== 'function') return fb;
  const root = document.documentElement;
  const state = themeState(root);
  if (state !== resolvedFor) {
    resolved.clear();
    resolvedFor = state;
  }
  const hit = resolved.get(name);
  if (hit !== undefined) return hit;
  // Custom properties' computed values have nested var() already substituted, so
  // --train resolves to the colour of --c0 in the active theme.
  const v = getComputedStyle(root).getPropertyValue(name).trim();
  // An unset variable is not remembered: a stylesheet that defines it may still be loading.
  if (v) resolved.set(name, v);
  return v || fb;
}

const VAR_RE = /^var\(\s*(--[\w-]+)\s*(?:,\s*(.+))?\)$/;

/** A colour usable on canvas: "var(--x)" or "var(--x, #abc)" is resolved, anything else kept. */
export function resolveColor(color: string): string {
  const m = VAR_RE.exec(color.trim());
  if (!m) return color;
  return resolveCssVar(m[1], m[2] ? resolveColor(m[2]) : undefined);
}

/** Colours, names and small text helpers shared by the panel's plots and readout. */
import { useMemo } from 'react';
import { interpolateRgb, piecewise } from 'd3';
import { ACCENT, categorical, CLASS0, CLASS1, MUTED, resolveColor } from '../../lib/plot/colors';
import { useThemeKey } from '../../lib/plot/useThemeKey';
import type { FeResult } from './model';
import type { CaseName } from './params';

/** The model's fit (the same colour on both sides: it is the same model). */
export const FIT = ACCENT;
export const POINTS = MUTED;
/** Gradient descent's path and the clock's far pair (Tableau10 purple: neither class colour). */
export const PATH = categorical(6);
export const classColor = (c: number) => (c === 1 ? CLASS1 : CLASS0);
export const PROB_DOMAIN: readonly [number, number] = [0, 1];

/** Canvas needs real colours: class 0 → plot background → class 1, resolved for the theme. */
export function useProbColors(): (t: number) => string {
  const themeKey = useThemeKey();
  return useMemo(() => {
    void themeKey;
    return piecewise(interpolateRgb, [resolveColor(CLASS0), resolveColor('var(--plot-bg)'), resolveColor(CLASS1)]);
  }, [themeKey]);
}

/** A score to 3 decimals (R² may be negative: a true minus sign). */
export const score = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(3).replace('-', '−'));

/** What the model is, per case (the summary and the side titles). */
export const MODEL_WORDS: Record<CaseName, string> = {
  log: 'least-squares line',
  circles: 'logistic regression',
  hour: 'least-squares fit',
  category: 'least-squares fit',
  binning: 'least-squares fit',
  scaling: 'k-NN (k = 5) and gradient descent',
  poly: 'logistic regression',
};

/** "Before: x · test R² 0.527" (a side's columns, or their count, and its score). */
export function sideTitle(which: 'Before' | 'After', r: FeResult): string {
  const s = which === 'Before' ? r.before : r.after;
  const joined = s.features.join(', ');
  const cols = joined.length <= 16 ? joined : `${s.features.length} columns`;
  return `${which}: ${cols} · ${r.scoreName} ${score(s.score)}`;
}

/** Steps of gradient descent, "over 100,000" when it stopped at the cap. */
export const stepsText = (steps: number, converged: boolean): string => (converged ? steps.toLocaleString('en-US') : `over ${steps.toLocaleString('en-US')} (stopped)`);

/** Short tick labels for the occupations (the full names are in the feature-name list). */
const SHORT: Record<string, string> = { clerical: 'cler.', management: 'mgmt', other: 'other', professional: 'prof.', sales: 'sales', service: 'serv.' };
export const shortCategory = (c: string): string => SHORT[c] ?? (c.length > 6 ? `${c.slice(0, 5)}.` : c);

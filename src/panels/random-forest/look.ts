/** Colours, names and small text helpers shared by the panel's plots and readout. */
import { useMemo } from 'react';
import { interpolateRgb, piecewise } from 'd3';
import { categorical, CLASS0, CLASS1, MUTED, resolveColor, TEST } from '../../lib/plot/colors';
import { useThemeKey } from '../../lib/plot/useThemeKey';
import { fmt } from '../../lib/format/format';
import { DEPTH_NONE, type ForestParams } from './params';
import { featuresPerSplit } from './config';

export const OOB = categorical(4);
export const TEST_COLOR = TEST;
export const SINGLE = MUTED;
export const IMPURITY = categorical(0);
export const PERMUTATION = categorical(6);
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

/**
 * The class colours resolved for the theme, for canvas layers. A canvas cannot use CSS variables,
 * and resolving them at every draw (CanvasScatter does, for a var() colour) makes the browser
 * recompute styles once per small map per slider step (issue 8); resolved here once per theme,
 * the colours drawn are the same strings.
 */
export function useCanvasClassColor(): (c: number) => string {
  const themeKey = useThemeKey();
  return useMemo(() => {
    void themeKey;
    const c0 = resolveColor(CLASS0);
    const c1 = resolveColor(CLASS1);
    return (c: number) => (c === 1 ? c1 : c0);
  }, [themeKey]);
}

export const DATASET_WORDS = { moons: 'two moons', circles: 'circles', xor: 'XOR', blobs: 'two blobs' } as const;

export function depthText(depth: number): string {
  return depth >= DEPTH_NONE ? 'no depth limit' : `depth ≤ ${depth}`;
}

export function featuresText(p: Pick<ForestParams, 'features' | 'noise'>): string {
  const d = 2 + p.noise;
  const m = featuresPerSplit(p.features, d);
  const how = p.features === 'sqrt' ? '√d → ' : p.features === 'all' ? 'all ' : '';
  return `${how}${m} of ${d} per split`;
}

/** A rate or an accuracy drop to 3 decimals (typographic minus); '—' when undefined. */
export const rate = (v: number | undefined | null) => (v == null || !Number.isFinite(v) ? '—' : v.toFixed(3).replace('-', '−'));
export const num = (v: number, digits = 3) => fmt(v, digits);
export const plural = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

/**
 * Names a view's scores: a forest (its key) and its tree count always score the same numbers, but
 * every worker message brings a fresh copy. Plots of the scores compare this name, not the copy,
 * so moving the picked tree (or a view that only adds the permutation part's columns of the
 * same forest, see joinParts) does not redraw the curves and importances with equal numbers.
 */
export const scoresKey = (v: { key: string; trees: number }) => `${v.key}#${v.trees}`;

/** memo's comparison for a plot of the scores (props `s` and `scoresKey`). */
export const sameScores = (a: { s: unknown; scoresKey: string }, b: { s: unknown; scoresKey: string }) => a.s === b.s || a.scoresKey === b.scoresKey;

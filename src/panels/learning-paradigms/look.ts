/** Colours, names and small text helpers shared by the panel's plots and readout. */
import { useMemo } from 'react';
import { interpolateRgb } from 'd3';
import { categorical, classColor, MUTED, resolveColor } from '../../lib/plot/colors';
import { useThemeKey } from '../../lib/plot/useThemeKey';
import type { DatasetName, Mode } from './params';

export { classColor };
/** Clusters are not classes: their colours come from further along the palette. */
export const clusterColor = (c: number) => (c < 0 ? MUTED : categorical(c + 4));
export const NOISE = MUTED;
export const HIDDEN = MUTED;

export const MODE_WORDS: Record<Mode, string> = {
  supervised: 'Supervised',
  unsupervised: 'Unsupervised',
  semi: 'Semi-supervised',
  reinforcement: 'Reinforcement',
};
export const DATASET_WORDS: Record<DatasetName, string> = { moons: 'two moons', circles: 'two circles', blobs: 'three blobs' };

/** Fixed digits with a typographic minus; a value that rounds to zero is written 0 (no "−0.000"). */
const round = (v: number, digits: number) => (Number(v.toFixed(digits)) + 0).toFixed(digits).replace('-', '−');
/** A rate to 3 decimals; '—' when undefined. */
export const rate = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? '—' : round(v, 3));
/** A signed value to 2 decimals with a typographic minus. */
export const signed = (v: number | null | undefined, digits = 2) => (v == null || !Number.isFinite(v) ? '—' : round(v, digits));
export const plural = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

/**
 * Canvas colours for the supervised map, whose values are class + strength (model.ts): the class's
 * colour over the plot background, stronger where the classifier is surer. Domain [0, K].
 */
export function useClassMapColors(K: number): (t: number) => string {
  const themeKey = useThemeKey();
  return useMemo(() => {
    void themeKey;
    const bg = resolveColor('var(--plot-bg)');
    const mixes = Array.from({ length: K }, (_, c) => interpolateRgb(bg, resolveColor(classColor(c))));
    return (t: number) => {
      const v = Math.max(0, Math.min(K - 1e-9, t * K));
      const c = Math.floor(v);
      return mixes[c](0.12 + 0.4 * (v - c));
    };
  }, [K, themeKey]);
}

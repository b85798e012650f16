/* A d3 scale memoised on plain numbers, so its identity only changes when the mapping does
   (inline domain arrays are new on every render; canvas marks repaint on scale changes). */
import { useMemo } from 'react';
import { makeScale, type PlotScale, type ScaleType } from './scales';

export function useScale(type: ScaleType, d0: number, d1: number, r0: number, r1: number): PlotScale {
  return useMemo(() => makeScale(type, [d0, d1], [r0, r1]), [type, d0, d1, r0, r1]);
}

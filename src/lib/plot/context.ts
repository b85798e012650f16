/* The scales and geometry a Frame hands to its marks. */
import { createContext, useContext } from 'react';
import type { PlotScale, ScaleType } from './scales';

export interface PlotScales {
  /** Data → px, relative to the inner plot area's top-left corner. */
  x: PlotScale;
  y: PlotScale;
  xType: ScaleType;
  yType: ScaleType;
  innerWidth: number;
  innerHeight: number;
  /** Element covering the inner area below the SVG marks; canvas marks portal into it. */
  canvasLayer: HTMLDivElement | null;
}

export const PlotContext = createContext<PlotScales | null>(null);

/** The enclosing Frame's scales. Throws outside a Frame: a mark without scales is a bug. */
export function usePlotScales(): PlotScales {
  const ctx = useContext(PlotContext);
  if (!ctx) throw new Error('usePlotScales: this mark must be rendered inside a <Frame>.');
  return ctx;
}

/* Pure Frame geometry (no DOM): margins, inner size and ticks from the measured width. Kept out
   of the component so it is unit-tested and so every plot lays out by the same rules. */
import { safeDomain, type Domain, type ScaleType } from './scales';
import {
  DEFAULT_ASPECT,
  FONT_PX,
  MARGIN,
  MIN_HEIGHT,
  TICK_PAD,
  TICK_SIZE,
  X_TICK_SPACING,
  Y_LABEL_BAND,
  Y_TICK_SPACING,
  type Margin,
} from './theme';
import { axisTicks, estimateTextWidth, type Tick } from './ticks';

export interface FrameLayoutInput {
  width: number;
  xDomain: Domain;
  yDomain: Domain;
  xType?: ScaleType;
  yType?: ScaleType;
  xTicks?: readonly number[];
  yTicks?: readonly number[];
  xTickFormat?: (v: number) => string;
  yTickFormat?: (v: number) => string;
  height?: number;
  aspect?: number;
  equalAspect?: boolean;
  minHeight?: number;
  maxHeight?: number;
  margin?: Partial<Margin>;
}

export interface FrameLayout {
  width: number;
  height: number;
  margin: Margin;
  innerWidth: number;
  innerHeight: number;
  xDomain: [number, number];
  yDomain: [number, number];
  xTicks: Tick[];
  yTicks: Tick[];
}

/** Smallest inner size we lay out, so a tiny container still yields a valid (if cramped) plot. */
const MIN_INNER = 40;

function span(d: readonly [number, number], type: ScaleType): number {
  return type === 'log' ? Math.abs(Math.log10(d[1]) - Math.log10(d[0])) : Math.abs(d[1] - d[0]);
}

export function frameLayout(inp: FrameLayoutInput): FrameLayout {
  const xType = inp.xType ?? 'linear';
  const yType = inp.yType ?? 'linear';
  const width = Math.max(Math.round(inp.width) || 0, MIN_INNER + MARGIN.left + MARGIN.right);
  const margin: Margin = { ...MARGIN, ...inp.margin };
  const xDomain = safeDomain(inp.xDomain, xType);
  const yDomain = safeDomain(inp.yDomain, yType);
  const vert = margin.top + margin.bottom;
  const clampH = (h: number) =>
    Math.max(inp.minHeight ?? MIN_HEIGHT, Math.min(inp.maxHeight ?? Infinity, h));

  // Height (and, for equalAspect under a maxHeight, a narrower centred inner width).
  const size = (left: number, right: number) => {
    let iw = Math.max(MIN_INNER, width - left - right);
    let ih: number;
    let l = left;
    if (inp.height !== undefined) {
      ih = inp.height - vert;
    } else if (inp.equalAspect) {
      const ratio = span(yDomain, yType) / span(xDomain, xType);
      ih = iw * ratio;
      const maxIh = (inp.maxHeight ?? Infinity) - vert;
      if (ih > maxIh) {
        const narrow = maxIh / ratio;
        l += (iw - narrow) / 2;
        iw = narrow;
        ih = maxIh;
      }
    } else {
      ih = clampH(Math.round(width / (inp.aspect ?? DEFAULT_ASPECT))) - vert;
    }
    ih = Math.max(MIN_INNER, Math.round(ih));
    return { iw, ih, left: l };
  };

  const yTicksFor = (ih: number) =>
    axisTicks(yType, yDomain, ih, Y_TICK_SPACING, { values: inp.yTicks, format: inp.yTickFormat });

  let s = size(margin.left, margin.right);
  let yTicks = yTicksFor(s.ih);
  if (inp.margin?.left === undefined) {
    // Grow the left margin to fit the widest y tick label rather than clip it.
    const widest = Math.max(0, ...yTicks.map((t) => estimateTextWidth(t.label, FONT_PX.xs)));
    const need = Math.ceil(widest + TICK_SIZE + TICK_PAD + Y_LABEL_BAND + 2);
    if (need > margin.left) {
      margin.left = need;
      s = size(margin.left, margin.right);
      yTicks = yTicksFor(s.ih);
    }
  }
  const extra = s.left - margin.left;
  margin.left = s.left;
  margin.right += extra;
  const xTicks = axisTicks(xType, xDomain, s.iw, X_TICK_SPACING, {
    values: inp.xTicks,
    format: inp.xTickFormat,
  });
  return {
    width,
    height: s.ih + vert,
    margin,
    innerWidth: s.iw,
    innerHeight: s.ih,
    xDomain,
    yDomain,
    xTicks,
    yTicks,
  };
}

/* Pure scale helpers (no DOM): turning possibly degenerate domains into drawable ones, so a
   panel can hand over whatever its model produced (a constant loss, a zero on a log axis, NaN)
   and still get a sane plot instead of NaN paths. */
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';

export type ScaleType = 'linear' | 'log';
export type PlotScale = ScaleContinuousNumeric<number, number>;
export type Domain = readonly [number, number];

/**
 * A domain that a scale of `type` can draw. Keeps the caller's orientation (a reversed domain
 * stays reversed). Non-finite ends fall back to [0, 1] (linear) or [1, 10] (log); a zero-width
 * domain is widened; on a log scale a non-positive lower end becomes hi / 1000.
 */
export function safeDomain(domain: Domain, type: ScaleType): [number, number] {
  let [a, b] = domain;
  const reversed = a > b;
  let lo = Math.min(a, b);
  let hi = Math.max(a, b);
  if (Number.isNaN(a) || Number.isNaN(b)) {
    lo = Number.isNaN(a) ? b : a;
    hi = lo;
  }
  if (type === 'log') {
    if (!Number.isFinite(hi) || hi <= 0) {
      hi = Number.isFinite(lo) && lo > 0 ? lo : 10;
    }
    if (!Number.isFinite(lo) || lo <= 0) lo = Math.min(hi / 1000, 1);
    if (lo === hi) {
      // Widen by half a decade on each side.
      lo /= Math.sqrt(10);
      hi *= Math.sqrt(10);
    }
  } else {
    if (!Number.isFinite(lo) && !Number.isFinite(hi)) {
      lo = 0;
      hi = 1;
    } else if (!Number.isFinite(lo)) {
      lo = hi - 1;
    } else if (!Number.isFinite(hi)) {
      hi = lo + 1;
    }
    if (lo === hi) {
      const d = Math.abs(lo) * 0.1 || 1;
      lo -= d;
      hi += d;
    }
  }
  [a, b] = reversed ? [hi, lo] : [lo, hi];
  return [a, b];
}

/** A d3 scale mapping the (made safe) domain onto the pixel range. */
export function makeScale(type: ScaleType, domain: Domain, range: Domain): PlotScale {
  const d = safeDomain(domain, type);
  const s = type === 'log' ? scaleLog().domain(d) : scaleLinear().domain(d);
  return s.range([range[0], range[1]]);
}

/**
 * The finite extent of some values, padded by `pad` of its span on each side (in log space for
 * log scales, where non-positive values are ignored). `include` forces values into the extent
 * (e.g. 0 for a loss axis). Returns a safe domain even for empty input.
 */
export function paddedExtent(
  values: Iterable<number>,
  opts: { pad?: number; type?: ScaleType; include?: readonly number[] } = {},
): [number, number] {
  const { pad = 0.05, type = 'linear', include = [] } = opts;
  let lo = Infinity;
  let hi = -Infinity;
  const take = (v: number) => {
    if (!Number.isFinite(v) || (type === 'log' && v <= 0)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const v of values) take(v);
  for (const v of include) take(v);
  if (lo > hi) return safeDomain([NaN, NaN], type);
  if (type === 'log') {
    const l0 = Math.log10(lo);
    const l1 = Math.log10(hi);
    const p = (l1 - l0) * pad;
    return safeDomain([10 ** (l0 - p), 10 ** (l1 + p)], 'log');
  }
  const p = (hi - lo) * pad;
  return safeDomain([lo - p, hi + p], 'linear');
}

/**
 * Axis settings for categories on a linear x scale: category i sits at x = i, with half a band
 * of room either side. Pass to Frame as xDomain / xTicks / xTickFormat; Bars uses the same x.
 */
export function categoryAxis(labels: readonly string[]): {
  domain: [number, number];
  ticks: number[];
  format: (v: number) => string;
} {
  const n = Math.max(1, labels.length);
  return {
    domain: [-0.5, n - 0.5],
    ticks: labels.map((_, i) => i),
    format: (v: number) => labels[Math.round(v)] ?? '',
  };
}

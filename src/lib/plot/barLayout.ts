/* Pure bar layout (no DOM): values → rectangles in data units, for grouped or stacked bars. */

export interface BarRect {
  group: number;
  series: number;
  value: number;
  x0: number;
  x1: number;
  /** Lower and upper data y of the bar (y0 <= y1). */
  y0: number;
  y1: number;
}

export type BarMode = 'grouped' | 'stacked';

/**
 * Rectangles for `values[group][series]` (a flat number[] is one series). Group g is centred at
 * xs[g] (default g, matching categoryAxis) and takes `bandwidth` data units (default 0.8 of
 * the spacing). Grouped: series side by side inside the band. Stacked: positive values stack up
 * from `base`, negative ones down, so mixed signs never overlap. Non-finite values get no bar.
 */
export function layoutBars(
  values: ReadonlyArray<number | readonly number[]>,
  opts: { xs?: readonly number[]; bandwidth?: number; mode?: BarMode; base?: number } = {},
): BarRect[] {
  const { mode = 'grouped', base = 0 } = opts;
  const rows = values.map((v) => (typeof v === 'number' ? [v] : v));
  const xs = opts.xs ?? rows.map((_, g) => g);
  let spacing = 1;
  if (xs.length > 1) {
    spacing = Infinity;
    for (let g = 1; g < xs.length; g++) spacing = Math.min(spacing, Math.abs(xs[g] - xs[g - 1]) || Infinity);
    if (!Number.isFinite(spacing)) spacing = 1;
  }
  const band = opts.bandwidth ?? 0.8 * spacing;
  const out: BarRect[] = [];
  rows.forEach((row, g) => {
    const cx = xs[g];
    if (!Number.isFinite(cx)) return;
    const left = cx - band / 2;
    if (mode === 'stacked') {
      let up = base;
      let down = base;
      row.forEach((value, s) => {
        if (!Number.isFinite(value)) return;
        const y0 = value >= 0 ? up : down + value;
        const y1 = value >= 0 ? up + value : down;
        if (value >= 0) up += value;
        else down += value;
        out.push({ group: g, series: s, value, x0: left, x1: left + band, y0, y1 });
      });
    } else {
      const w = band / Math.max(1, row.length);
      row.forEach((value, s) => {
        if (!Number.isFinite(value)) return;
        out.push({
          group: g, series: s, value,
          x0: left + s * w, x1: left + (s + 1) * w,
          y0: Math.min(base, value), y1: Math.max(base, value),
        });
      });
    }
  });
  return out;
}

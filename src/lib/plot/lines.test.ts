import { describe, expect, it } from 'vitest';
import { layoutBars } from './barLayout';
import { finiteRuns, linePath, PX_LIMIT, zipPoints } from './lines';

const id = (v: number) => v;
const subpaths = (d: string) => (d.match(/M/g) ?? []).length;

describe('line segmentation', () => {
  it('breaks at NaN and ±Infinity instead of joining across', () => {
    const pts = zipPoints([0, 1, 2, 3, 4, 5, 6], [0, 1, NaN, 3, 4, Infinity, 6]);
    expect(finiteRuns(pts)).toEqual([[0, 2], [3, 5], [6, 7]]);
    const d = linePath(pts, id, id);
    expect(subpaths(d)).toBe(3);
    expect(d).not.toMatch(/NaN|Infinity/);
  });
  it('treats points a log scale cannot place as gaps', () => {
    const log = (v: number) => (v > 0 ? Math.log10(v) : NaN);
    const d = linePath(zipPoints([1, 2, 3, 4], [1, 0, 10, 100]), id, log);
    expect(subpaths(d)).toBe(2);
  });
  it('clamps enormous coordinates (diverging optimisers)', () => {
    const d = linePath([[0, 0], [1, 1e300]], id, id);
    expect(d).toContain(String(PX_LIMIT));
  });
  it('empty or all-NaN input draws nothing; closed adds Z', () => {
    expect(linePath([], id, id)).toBe('');
    expect(linePath([[NaN, 1]], id, id)).toBe('');
    expect(linePath([[0, 0], [1, 0], [1, 1]], id, id, { closed: true }).endsWith('Z')).toBe(true);
  });
});

describe('bar layout', () => {
  it('grouped: series side by side within the band', () => {
    const r = layoutBars([[1, 2], [3, -1]], { bandwidth: 0.8 });
    expect(r).toHaveLength(4);
    expect(r[0]).toMatchObject({ group: 0, series: 0, y0: 0, y1: 1 });
    expect(r[0].x0).toBeCloseTo(-0.4);
    expect(r[1].x0).toBeCloseTo(0);
    expect(r[3]).toMatchObject({ group: 1, series: 1, y0: -1, y1: 0 });
  });
  it('stacked: positives up, negatives down, no overlap', () => {
    const r = layoutBars([[1, 2, -3, -1]], { mode: 'stacked' });
    expect(r.map((b) => [b.y0, b.y1])).toEqual([[0, 1], [1, 3], [-3, 0], [-4, -3]]);
  });
  it('flat values are one series; NaN gets no bar; custom x spacing', () => {
    const r = layoutBars([1, NaN, 2], { xs: [0, 10, 20] });
    expect(r).toHaveLength(2);
    expect(r[1].x1 - r[1].x0).toBeCloseTo(8);
  });
});

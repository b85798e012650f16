import { contours } from 'd3';
import { describe, expect, it } from 'vitest';
import { contourLevels, contourThresholds } from '../contour/levels';
import { contourBands, levelsToBands } from './contourPaths';
import { cellBounds, contourToData, gridStep, nearestIndex, sampleAt } from './gridSpec';
import { autoColorDomain, buildLut, fillHeatRgba, finiteExtent, heatPixelIndex, makeNormalizer } from './heatRaster';

// 3 × 2 grid over x ∈ [0, 2], y ∈ [10, 20]: values[i + j*nx], row 0 = lowest y.
const g = { nx: 3, ny: 2, extent: [0, 2, 10, 20] as const };

describe('grid index mapping', () => {
  it('samples sit at linspace positions, row 0 lowest', () => {
    expect(gridStep(g)).toEqual([1, 10]);
    expect(sampleAt(g, 0, 0)).toEqual([0, 10]);
    expect(sampleAt(g, 2, 1)).toEqual([2, 20]);
    expect(nearestIndex(g, 1.2, 19)).toBe(1 + 1 * 3);
    expect(nearestIndex(g, 5, 10)).toBe(-1);
  });
  it('cells reach half a step beyond the extent', () => {
    expect(cellBounds(g)).toEqual({ left: -0.5, right: 2.5, bottom: 5, top: 25 });
  });
  it('canvas row 0 is the highest y', () => {
    expect(heatPixelIndex(0, 0, 3, 2)).toBe(3); // lowest row → bottom canvas row
    expect(heatPixelIndex(2, 1, 3, 2)).toBe(2); // top-right
  });
  it('d3.contours coordinate i + 0.5 is sample i', () => {
    expect(contourToData(g, 0.5, 0.5)).toEqual([0, 10]);
    expect(contourToData(g, 2.5, 1.5)).toEqual([2, 20]);
  });
});

describe('heat map rasterising', () => {
  it('fills pixels flipped vertically, NaN transparent', () => {
    const lut = buildLut((t) => `rgb(${Math.round(t * 255)}, 0, 0)`, 256);
    const values = [0, 0.5, 1, NaN, 1, 0];
    const out = fillHeatRgba({ values, nx: 3, ny: 2 }, lut, makeNormalizer([0, 1]), new Uint8ClampedArray(24));
    // Bottom canvas row (pixels 3..5) holds grid row 0: 0, 0.5, 1.
    expect([out[12], out[16], out[20]]).toEqual([0, 128, 255]);
    expect(out[15]).toBe(255);
    // Top row holds grid row 1: NaN (transparent), 1, 0.
    expect(out[3]).toBe(0);
    expect(out[4]).toBe(255);
  });
  it('normalizes linearly or in log space, clamped', () => {
    const lin = makeNormalizer([0, 10]);
    expect(lin(5)).toBe(0.5);
    expect(lin(20)).toBe(1);
    expect(Number.isNaN(lin(NaN))).toBe(true);
    const log = makeNormalizer([1e-3, 1e3], true);
    expect(log(1)).toBeCloseTo(0.5);
    expect(log(0)).toBe(0);
  });
  it('auto colour domains', () => {
    expect(finiteExtent([3, NaN, -1, Infinity])).toEqual([-1, 3]);
    expect(autoColorDomain([-1, 3], { symmetric: true })).toEqual([-3, 3]);
    expect(autoColorDomain([0, 0.01, 100], { log: true })).toEqual([0.01, 100]);
    expect(autoColorDomain([NaN])).toEqual([0, 1]);
  });
});

describe('contour thresholds', () => {
  const bowl = Array.from({ length: 21 * 21 }, (_, k) => {
    const x = (k % 21) / 10 - 1;
    const y = Math.floor(k / 21) / 10 - 1;
    return x * x + y * y; // 0 … 2
  });
  it('linear: nice values strictly inside the range', () => {
    const t = contourThresholds(bowl, { count: 10 });
    expect(t[0]).toBeGreaterThan(0);
    expect(t[t.length - 1]).toBeLessThan(2);
    expect(t).toContain(1);
  });
  it('log: evenly spaced decades, floor at maxDecades below the max', () => {
    const values = [0, 1e-9, 1e-2, 1, 100, 1e4];
    const t = contourThresholds(values, { count: 6, log: true, maxDecades: 6 });
    expect(t).toHaveLength(6);
    expect(t[0]).toBeGreaterThanOrEqual(1e-2);
    const ratios = t.slice(1).map((v, i) => Math.log10(v / t[i]));
    for (const r of ratios) expect(r).toBeCloseTo(1, 1);
  });
  it('degenerate inputs give no levels rather than NaN', () => {
    expect(contourThresholds([1, 1, 1])).toEqual([]);
    expect(contourThresholds([NaN, NaN])).toEqual([]);
    expect(contourThresholds([-1, 0, 1], { log: true }).length).toBeGreaterThan(0);
  });
});

describe('contour paths', () => {
  it('levels become closed paths through the grid mapping and the scales, ring by ring', () => {
    // Grid 3 × 3 over [0, 2] × [0, 2]: contour coordinate c maps to data c − 0.5 (one unit per step).
    const level = { value: 0.5, xy: Float64Array.of(1, 1, 2, 1, 2, 2, 0.5, 0.5, 1, 0.5, 0.5, 0.5), ringStart: Uint32Array.of(0, 3, 6) };
    const [band] = levelsToBands([level], { nx: 3, ny: 3, extent: [0, 2, 0, 2] }, (v) => v * 10, (v) => 100 - v * 10);
    expect(band.value).toBe(0.5);
    expect(band.d).toBe('M5.0,95.0L15.0,95.0L15.0,85.0ZM0.0,100.0L5.0,100.0L0.0,100.0Z');
  });
  it('contour levels: a grid too small to trace, or values missing, give no levels; 2 × 2 is enough', () => {
    const bump = [0, 0, 0, 1];
    expect(contourLevels({ values: bump, nx: 2, ny: 2 }, [0.5]).map((l) => l.ringStart.length)).toEqual([2]);
    expect(contourLevels({ values: [0, 1, 0, 1], nx: 4, ny: 1 }, [0.5])).toEqual([]);
    expect(contourLevels({ values: [0, 1, 0, 1], nx: 1, ny: 4 }, [0.5])).toEqual([]);
    expect(contourLevels({ values: [0, 0, 1], nx: 2, ny: 2 }, [0.5])).toEqual([]);
    expect(contourLevels({ values: [0, 0, 0, 1, 1, 1], nx: 3, ny: 3 }, [0.5])).toEqual([]);
    expect(contourLevels({ values: bump, nx: 2, ny: 2 }, [])).toEqual([]);
  });
  it('contour levels give the path data of d3.contours read directly, two separate regions included', () => {
    // Two bumps: the level 0.5 is two rings (two polygons), the level 0.9 two smaller ones.
    const nx = 30, ny = 20;
    const values = Array.from({ length: nx * ny }, (_, k) => {
      const i = k % nx, j = Math.floor(k / nx);
      return Math.exp(-((i - 8) ** 2 + (j - 9) ** 2) / 12) + Math.exp(-((i - 21) ** 2 + (j - 10) ** 2) / 8);
    });
    const grid = { values, nx, ny, extent: [-3, 3, 0, 4] as const };
    const sx = (v: number) => 40 + v * 17.3, sy = (v: number) => 300 - v * 21.1;
    const bands = contourBands(grid, [0.5, 0.9], sx, sy);
    const ref = contours().size([nx, ny]).thresholds([0.5, 0.9])(values).map((c) => ({
      value: c.value,
      d: c.coordinates.map((poly) => poly.map((ring) => ring.map(([cx, cy], k) => {
        const x = -3 + (cx - 0.5) * (6 / 29), y = (cy - 0.5) * (4 / 19);
        return `${k ? 'L' : 'M'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`;
      }).join('') + (ring.length ? 'Z' : '')).join('')).join(''),
    }));
    expect(ref.map((r) => r.d.split('M').length - 1)).toEqual([2, 2]);
    expect(bands).toEqual(ref);
    // Flattened for transfer: two rings at each level, every point kept.
    const levels = contourLevels(grid, [0.5, 0.9]);
    expect(levels.map((l) => l.ringStart.length)).toEqual([3, 3]);
    expect(levels.map((l) => l.xy.length / 2)).toEqual(ref.map((r) => r.d.split(/[ML]/).length - 1));
  });
  it('a circle level lands at the right radius in data space', () => {
    const n = 41;
    const values = Array.from({ length: n * n }, (_, k) => {
      const x = ((k % n) / (n - 1)) * 2 - 1;
      const y = (Math.floor(k / n) / (n - 1)) * 2 - 1;
      return 1 - Math.hypot(x, y); // a cone: the region ≥ 0.5 is the disc of radius 0.5
    });
    const grid = { values, nx: n, ny: n, extent: [-1, 1, -1, 1] as const };
    // Scales ×100 (paths are rounded to 0.1 px), so px / 100 is back in data units.
    const [band] = contourBands(grid, [0.5], (v) => v * 100, (v) => v * 100);
    const pts = band.d.split(/[MLZ]/).filter(Boolean).map((p) => p.split(',').map(Number));
    expect(pts.length).toBeGreaterThan(20);
    for (const [x, y] of pts) expect(Math.abs(Math.hypot(x, y) / 100 - 0.5)).toBeLessThan(0.01);
    // Same as d3 directly, shifted by half a cell.
    expect(contours().size([n, n]).thresholds([0.5])(values)[0].coordinates.length).toBe(1);
  });
});

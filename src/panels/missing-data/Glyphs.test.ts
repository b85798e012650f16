/** The points' shapes as one path: each shape is d3's own symbol, moved to its point. */
import { describe, expect, it } from 'vitest';
import { glyphPath, glyphsPath } from './Glyphs';

const nums = (d: string) => (d.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
const cmds = (d: string) => d.replace(/[^MLAZ]/g, '');

describe('glyphsPath', () => {
  const points: [number, number][] = [[10, 20], [-3.5, 7.25], [100, 0]];
  it.each(['triangle', 'diamond'] as const)('%s: the symbol at the origin, shifted by each point (x + px, y + py)', (shape) => {
    const one = glyphPath(shape, 7);
    const all = glyphsPath(shape, 7, points);
    expect(cmds(all)).toBe(cmds(one).repeat(points.length));
    const base = nums(one), got = nums(all);
    expect(got).toHaveLength(base.length * points.length);
    points.forEach(([px, py], k) => base.forEach((v, j) => expect(got[k * base.length + j]).toBeCloseTo(v + (j % 2 === 0 ? px : py), 3)));
  });
  it('square: each has its four corners at the point ± half the side of the symbol area', () => {
    const half = Math.sqrt((Math.PI * 7 * 7) / 4) / 2; // d3's square symbol: side √area
    const all = glyphsPath('square', 7, points);
    expect(cmds(all)).toBe('MLLLZ'.repeat(points.length));
    const v = nums(all);
    points.forEach(([px, py], k) => {
      const corners = v.slice(8 * k, 8 * k + 8);
      const want = [px - half, py - half, px + half, py - half, px + half, py + half, px - half, py + half];
      corners.forEach((c, j) => expect(c).toBeCloseTo(want[j], 9));
    });
  });
  it('circle: each is a full circle of the symbol radius around its point', () => {
    const r = 7 / 2; // d3's circle symbol of area π r²
    const all = glyphsPath('circle', 7, points);
    expect(cmds(all)).toBe('MAA'.repeat(points.length));
    // Per circle: M (px + r, py), then two arcs whose end points are (px − r, py) and (px + r, py).
    const per = nums(all).length / points.length;
    points.forEach(([px, py], k) => {
      const v = nums(all).slice(k * per, (k + 1) * per);
      expect(v[0]).toBeCloseTo(px + r, 9);
      expect(v[1]).toBeCloseTo(py, 9);
      expect(v[2]).toBeCloseTo(r, 9); // arc radii
      expect(v[7]).toBeCloseTo(px - r, 9);
      expect(v[8]).toBeCloseTo(py, 9);
      expect(v[per - 2]).toBeCloseTo(px + r, 9);
      expect(v[per - 1]).toBeCloseTo(py, 9);
    });
  });
});

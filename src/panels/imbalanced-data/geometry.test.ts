/**
 * The drawn decision region and boundary against a fine grid of points tested one by one, and
 * the PR plot's "drag to the nearest point" against the operating point the threshold gives.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/random/rng';
import { confusion } from '../../lib/learn/metrics';
import { boundarySegment, positiveRegion, type Rect } from './geometry';
import { nearestThreshold, prSteps, thin } from './PrPlot';
import type { Boundary, PrView } from './present';
import { fitAll } from './model';
import { defaults } from '../../lib/params/schema';
import { schema } from './params';

/** Shoelace area of a polygon. */
const area = (pts: readonly (readonly [number, number])[]) =>
  Math.abs(pts.reduce((s, p, i) => s + p[0] * pts[(i + 1) % pts.length][1] - pts[(i + 1) % pts.length][0] * p[1], 0)) / 2;

describe('positive region and boundary segment', () => {
  const rect: Rect = [-4, 6.5, -3, 5];
  const rng = createRng(17);
  const cases: Boundary[] = [
    { a: 1, b: 1, c: -2 },
    { a: 0, b: 1, c: -1 },
    { a: 1, b: 0, c: 10 }, // everything positive
    { a: -1, b: 0, c: -10 }, // nothing positive
    { a: 0, b: 0, c: 1 },
    { a: 0, b: 0, c: -1 },
  ];
  for (let t = 0; t < 20; t++) cases.push({ a: rng.normal(), b: rng.normal(), c: rng.normal() * 3 });
  for (const b of cases)
    it(`area and ends agree with a grid count (${b.a.toFixed(2)}x + ${b.b.toFixed(2)}y + ${b.c.toFixed(2)} ≥ 0)`, () => {
      const N = 400;
      let inside = 0;
      for (let i = 0; i < N; i++)
        for (let j = 0; j < N; j++) {
          const x = rect[0] + ((i + 0.5) / N) * (rect[1] - rect[0]), y = rect[2] + ((j + 0.5) / N) * (rect[3] - rect[2]);
          if (b.a * x + b.b * y + b.c >= 0) inside++;
        }
      const total = (rect[1] - rect[0]) * (rect[3] - rect[2]);
      const poly = positiveRegion(rect, b);
      expect(poly.length >= 3 ? area(poly) : 0).toBeCloseTo((inside / N / N) * total, 0);
      const seg = boundarySegment(rect, b);
      if (inside === 0 || inside === N * N) expect(seg === null || area(poly) === 0 || area(poly) === total).toBe(true);
      else {
        expect(seg).not.toBeNull();
        for (const p of seg!) {
          expect(b.a * p[0] + b.b * p[1] + b.c).toBeCloseTo(0, 9);
          const onEdge = [Math.abs(p[0] - rect[0]), Math.abs(p[0] - rect[1]), Math.abs(p[1] - rect[2]), Math.abs(p[1] - rect[3])].some((e) => e < 1e-9);
          expect(onEdge).toBe(true);
        }
      }
    });
});

describe('the PR plot', () => {
  const d = defaults(schema);
  const f = fitAll({ ...d, sensors: null });
  for (const m of ['none', 'smote', 'weights'] as const) {
    const fit = f.fits[m];
    const pr: PrView = fit.pr!;
    it(`pressing at a curve point picks a threshold that gives that point (${m})`, () => {
      const y = f.split.test.y;
      const P = y.reduce((s, v) => s + v, 0);
      let tried = 0;
      for (let i = 0; i < pr.thresholds.length; i += Math.max(1, Math.floor(pr.thresholds.length / 40))) {
        const t = nearestThreshold(pr, (rc, pc) => Math.hypot(rc - pr.recall[i], pc - pr.precision[i]));
        expect(t).not.toBeNull();
        // Rounding down to 3 significant digits may only reach a lower, neighbouring threshold.
        expect(t!).toBeLessThanOrEqual(pr.thresholds[i]);
        if (i > 0 && t! <= pr.thresholds[i - 1]) continue;
        const c = confusion(y, fit.scores, t!);
        expect(c.tp / P).toBeCloseTo(pr.recall[i], 12);
        tried++;
      }
      expect(tried).toBeGreaterThan(5);
    });
    it(`thinning keeps the ends and moves the drawn curve by at most the tolerance (${m})`, () => {
      const full = prSteps(pr), few = thin(full);
      expect(few[0]).toEqual(full[0]);
      expect(few[few.length - 1]).toEqual(full[full.length - 1]);
      expect(few.length).toBeLessThan(full.length);
      // Every dropped point is within 0.002 of a kept one, in both coordinates.
      for (const p of full) expect(few.some((q) => Math.abs(q[0] - p[0]) <= 0.002 + 1e-12 && Math.abs(q[1] - p[1]) <= 0.002 + 1e-12)).toBe(true);
    });
    it(`the step curve's area is the average precision (${m})`, () => {
      const steps = prSteps(pr);
      let a = 0;
      for (let s = 1; s < steps.length; s++) a += (steps[s - 1][0] - steps[s][0]) * steps[s - 1][1];
      expect(a).toBeCloseTo(fit.ap!, 12);
    });
  }
});

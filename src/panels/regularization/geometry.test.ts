/**
 * The two-weight picture against first principles: the slice's loss equals the full model's
 * (1/(2n))‖y − Xw − b‖² computed from the raw data, the ball's boundary has the right penalty, and
 * the touching point is optimal in the slice (the loss gradient there is balanced by a subgradient
 * of the penalty), so the contour through it is tangent to the ball.
 */
import { describe, expect, it } from 'vitest';
import { ballPolygon, ballRadius, penalty2, sliceGeometry } from './geometry';
import { fitAt } from './model';
import { makeProblem } from './data';
import { prepare } from './solvers';

const pr = makeProblem({ n: 40, p: 6, k: 4, block: 3, rho: 0.8, sigma: 1, seed: 2 });
const d = prepare(pr.X, pr.y, pr.n, pr.p);

/** (1/(2n))‖y − Xw − b‖² with b the optimal intercept for w, straight from the raw data. */
function rawLoss(w: number[]): number {
  let b = d.yMean;
  for (let j = 0; j < pr.p; j++) b -= d.xMean[j] * w[j];
  let s = 0;
  for (let i = 0; i < pr.n; i++) {
    let r = pr.y[i] - b;
    for (let j = 0; j < pr.p; j++) r -= pr.X[i * pr.p + j] * w[j];
    s += r * r;
  }
  return s / (2 * pr.n);
}

describe('penalty ball', () => {
  it('every boundary point has penalty t; L1 corners sit on the axes at t, L2 is a circle', () => {
    for (const a of [1, 0.5, 0.1, 0]) {
      const t = 0.9;
      for (const [x, y] of ballPolygon(t, a, 72)) expect(penalty2(x, y, a)).toBeCloseTo(t, 12);
    }
    expect(ballRadius(0, 2, 1)).toBeCloseTo(2, 14); // diamond corner at (t, 0)
    expect(ballRadius(Math.PI / 4, 2, 1)).toBeCloseTo(2 / Math.SQRT2, 14); // edge midpoint
    for (const th of [0, 0.3, 1.2, 2.5]) expect(ballRadius(th, 2, 0)).toBeCloseTo(2, 14); // ½r² = 2 → r = 2
    expect(ballRadius(1, 0, 0.5)).toBe(0);
  });
});

describe('slice', () => {
  for (const [name, lambda, a] of [['lasso', 0.3, 1], ['elastic net', 0.3, 0.5], ['ridge', 0.3, 0]] as const) {
    it(`${name}: grid values are the real loss, and the touching point is optimal in the slice`, () => {
      const f = fitAt(d, lambda, a);
      const g = sliceGeometry(d, f.w, a, [pr.wTrue[0], pr.wTrue[1]], 21);
      // Grid values against the raw-data loss at a few grid nodes.
      const [x0, x1, y0, y1] = g.extent;
      for (const [i, j] of [[0, 0], [20, 0], [7, 13], [20, 20]]) {
        const v1 = x0 + (i * (x1 - x0)) / 20, v2 = y0 + (j * (y1 - y0)) / 20;
        const w = Array.from(f.w);
        w[0] = v1;
        w[1] = v2;
        expect(g.values[i + j * g.nx]).toBeCloseTo(rawLoss(w), 10);
      }
      expect(g.touchLevel).toBeCloseTo(rawLoss(Array.from(f.w)), 10);
      // Optimality in the slice: ∇loss + λ·∂penalty ∋ 0 at the touching point.
      const { b, G } = g.quad;
      const [v1, v2] = g.touch;
      const grad = [-b[0] + G[0] * v1 + G[1] * v2, -b[1] + G[1] * v1 + G[2] * v2];
      [v1, v2].forEach((v, k) => {
        const smooth = grad[k] + lambda * (1 - a) * v;
        if (v !== 0) expect(smooth + lambda * a * Math.sign(v)).toBeCloseTo(0, 7);
        else expect(Math.abs(smooth)).toBeLessThanOrEqual(lambda * a + 1e-7);
      });
      // The touching point is on the ball's boundary.
      expect(penalty2(v1, v2, a)).toBeCloseTo(g.radius, 14);
      // And no point of the ball has a lower loss than the touching level (sampled boundary and inside).
      const lossAt = (x: number, y: number) => g.quad.L0 - b[0] * x - b[1] * y + 0.5 * (G[0] * x * x + 2 * G[1] * x * y + G[2] * y * y);
      for (const [x, y] of g.ball) {
        expect(lossAt(x, y)).toBeGreaterThanOrEqual(g.touchLevel - 1e-9);
        expect(lossAt(0.5 * x, 0.5 * y)).toBeGreaterThanOrEqual(g.touchLevel - 1e-9);
      }
    });
  }

  it('the unpenalised minimum of the slice is the least-squares fit of the first two weights', () => {
    const f = fitAt(d, 0.3, 1);
    const g = sliceGeometry(d, f.w, 1, [0, 0]);
    expect(g.unpenalised).not.toBeNull();
    const [u1, u2] = g.unpenalised!;
    const h = 1e-5;
    const L = (x: number, y: number) => {
      const w = Array.from(f.w);
      w[0] = x;
      w[1] = y;
      return rawLoss(w);
    };
    // Finite-difference gradient of the raw loss vanishes there.
    expect((L(u1 + h, u2) - L(u1 - h, u2)) / (2 * h)).toBeCloseTo(0, 6);
    expect((L(u1, u2 + h) - L(u1, u2 - h)) / (2 * h)).toBeCloseTo(0, 6);
  });

  it('a lasso solution with both weights zero has a ball of radius 0', () => {
    const f = fitAt(d, 50, 1);
    const g = sliceGeometry(d, f.w, 1, [0, 0]);
    expect(g.radius).toBe(0);
    expect(g.ball).toEqual([]);
  });
});

/**
 * The two-weight picture: a slice of the real problem through its first two weights, the other
 * weights held at their penalised values. In that plane the data-fit term is a quadratic bowl
 * (elliptic contours), and the penalised solution (ŵ₁, ŵ₂) is where the smallest loss contour
 * touches the penalty ball { a(|v₁|+|v₂|) + ½(1 − a)(v₁²+v₂²) ≤ t } with t the penalty of (ŵ₁, ŵ₂):
 * the constrained and the penalised problems have the same solution for that radius.
 * Pure: no React, no DOM.
 */
import type { Prepared } from './solvers';

export interface Geometry {
  /** Loss (1/(2n))‖y − Xw − b‖² over a grid of (w₁, w₂); values[i + j·nx], row 0 = lowest w₂. */
  values: Float64Array;
  nx: number;
  ny: number;
  extent: [number, number, number, number];
  /** Contour levels, and the level through the touching point. */
  levels: number[];
  touchLevel: number;
  /** The penalised solution's first two weights (the touching point). */
  touch: [number, number];
  /** Minimum of the loss in this plane (no penalty), or null when it is not unique. */
  unpenalised: [number, number] | null;
  /** Whether the unpenalised minimum lies inside the drawn square. */
  unpenalisedShown: boolean;
  /** The boundary of the penalty ball through the touching point (closed polygon). */
  ball: [number, number][];
  /** Penalty value t of the touching point (the ball's "radius"). */
  radius: number;
  /** True weights of the two features. */
  truth: [number, number];
  /** The slice's loss as L0 − b·v + ½ vᵀGv (for checks). */
  quad: { L0: number; b: [number, number]; G: [number, number, number] };
}

/** Penalty of a two-weight vector: a(|v₁| + |v₂|) + ½(1 − a)(v₁² + v₂²). */
export function penalty2(v1: number, v2: number, a: number): number {
  return a * (Math.abs(v1) + Math.abs(v2)) + 0.5 * (1 - a) * (v1 * v1 + v2 * v2);
}

/** Distance from the origin, in direction (cos θ, sin θ), to the boundary {penalty2 = t}. */
export function ballRadius(theta: number, t: number, a: number): number {
  if (t <= 0) return 0;
  const m = Math.abs(Math.cos(theta)) + Math.abs(Math.sin(theta));
  if (a >= 1) return t / m;
  // a·m·r + ½(1 − a) r² = t, positive root (written to avoid cancellation).
  const q = 0.5 * (1 - a);
  const bq = a * m;
  return (2 * t) / (bq + Math.sqrt(bq * bq + 4 * q * t));
}

/** The ball's boundary as a closed polygon, with the corners on the axes included exactly. */
export function ballPolygon(t: number, a: number, steps = 360): [number, number][] {
  const out: [number, number][] = [];
  for (let s = 0; s < steps; s++) {
    const th = (2 * Math.PI * s) / steps;
    const r = ballRadius(th, t, a);
    out.push([r * Math.cos(th), r * Math.sin(th)]);
  }
  return out;
}

/**
 * Builds the slice. `w` is the full penalised solution, `a` the share of L1 (1 lasso, 0 ridge).
 * Needs p ≥ 2.
 */
export function sliceGeometry(d: Prepared, w: ArrayLike<number>, a: number, truth: [number, number], nGrid = 81): Geometry {
  const { p, gram, xty } = d;
  // Loss(v) = L0 − bᵀv + ½ vᵀ G₂ v, with the other weights fixed at w.
  const g11 = gram[0], g12 = gram[1], g22 = gram[p + 1];
  let b1 = xty[0], b2 = xty[1];
  let restLin = 0, restQuad = 0;
  for (let j = 2; j < p; j++) {
    if (w[j] === 0) continue;
    b1 -= gram[j] * w[j]; // G[0][j]
    b2 -= gram[p + j] * w[j]; // G[1][j]
    restLin += xty[j] * w[j];
    let s = 0;
    for (let k = 2; k < p; k++) s += gram[j * p + k] * w[k];
    restQuad += w[j] * s;
  }
  const L0 = 0.5 * d.yy - restLin + 0.5 * restQuad;
  const loss = (v1: number, v2: number) => L0 - b1 * v1 - b2 * v2 + 0.5 * (g11 * v1 * v1 + 2 * g12 * v1 * v2 + g22 * v2 * v2);

  const touch: [number, number] = [w[0], w[1]];
  const det = g11 * g22 - g12 * g12;
  const unpenalised: [number, number] | null =
    det > 1e-12 * Math.max(g11 * g22, 1e-300) ? [(g22 * b1 - g12 * b2) / det, (g11 * b2 - g12 * b1) / det] : null;

  const radius = penalty2(touch[0], touch[1], a);
  // A square around the origin holding the touching point, the truth, and the unpenalised
  // minimum unless it is far out (near-collinear features), in which case the plot says so.
  const near = Math.max(0.5, Math.abs(touch[0]), Math.abs(touch[1]), Math.abs(truth[0]), Math.abs(truth[1]));
  let half = near;
  let unpenalisedShown = false;
  if (unpenalised) {
    const far = Math.max(Math.abs(unpenalised[0]), Math.abs(unpenalised[1]));
    if (far <= 3 * near) {
      half = Math.max(half, far);
      unpenalisedShown = true;
    }
  }
  half = half * 1.25;
  const extent: [number, number, number, number] = [-half, half, -half, half];
  const nx = nGrid, ny = nGrid;
  const values = new Float64Array(nx * ny);
  const step = (2 * half) / (nGrid - 1);
  let lo = Infinity, hi = -Infinity;
  for (let jy = 0; jy < ny; jy++) {
    const v2 = -half + jy * step;
    for (let ix = 0; ix < nx; ix++) {
      const v = loss(-half + ix * step, v2);
      values[ix + jy * nx] = v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const touchLevel = loss(touch[0], touch[1]);
  // Levels at evenly spaced "radii" of the bowl (L* + Δ s²), reaching the value that 60 % of
  // the square lies below, so the ellipses fill the view whatever its shape; the touching level
  // is drawn on its own.
  const lMin = unpenalised ? Math.min(loss(unpenalised[0], unpenalised[1]), lo) : lo;
  const sorted = Float64Array.from(values).sort();
  const top = sorted[Math.floor(0.6 * (sorted.length - 1))];
  const span = Math.max(top - lMin, 0);
  const levels: number[] = [];
  if (span > 0) for (let s = 1; s <= 12; s++) levels.push(lMin + span * (s / 12) ** 2);
  return {
    values, nx, ny, extent, levels, touchLevel, touch, unpenalised, unpenalisedShown,
    ball: radius > 0 ? ballPolygon(radius, a) : [], radius, truth,
    quad: { L0, b: [b1, b2], G: [g11, g12, g22] },
  };
}

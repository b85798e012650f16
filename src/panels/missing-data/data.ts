/**
 * The data with a known truth, and how values go missing. Pure: no React, no DOM.
 *
 * Each row: x ~ N(0, 1); y = ρx + √(1 − ρ²)·b, so y ~ N(0, 1) and corr(x, y) = ρ; an auxiliary
 * z = 0.7·y + √0.51·c ~ N(0, 1), always observed (the variable MAR missingness depends on); and a
 * target t = x + y + 0.5·e for the downstream model, always observed (b, c, e standard normal).
 * The truth the estimates are judged against: mean of y 0, variance of y 1, corr(x, y) ρ.
 *
 * A value goes missing with probability σ(a + s·v) (logistic, s = 2): under MCAR the probability
 * is the rate itself; under MAR v = z for both x and y (z is always seen); under MNAR v is the
 * value itself (x for x, y for y), so high values go missing. The offset a makes the expected
 * share missing equal the rate (v is standard normal in every case). Given v, x and y go
 * missing independently.
 */
import { stream, type Rng } from '../../lib/random/rng';
import type { Mechanism } from './params';

export const STRENGTH = 2;
export const Z_LOAD = 0.7;
export const T_NOISE = 0.5;
/** Share of the rows that form the test set (the last rows; the data are i.i.d.). */
export const TEST_SHARE = 0.3;

export interface Sample {
  n: number;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  t: Float64Array;
  /** 1 where the value went missing. */
  missX: Uint8Array;
  missY: Uint8Array;
}

const sigmoid = (u: number) => 1 / (1 + Math.exp(-u));

/** E[σ(a + sV)] for V ~ N(0, 1), by the trapezoid rule on [−8, 8] (error far below 1e-9). */
export function expectedRate(a: number, s: number): number {
  const h = 0.02;
  let sum = 0, wsum = 0;
  for (let v = -8; v <= 8 + 1e-9; v += h) {
    const w = Math.exp(-0.5 * v * v);
    sum += w * sigmoid(a + s * v);
    wsum += w;
  }
  return sum / wsum;
}

/**
 * expectedRate's grid, once: its points v (stepped by repeated addition, as the loop steps them),
 * their weights and the weights' sum in the loop's order. The weights do not depend on a, so the
 * bisection below recomputes only the sigmoids: the same operations on the same doubles, so the
 * same sums to the bit (data.test.ts), with half the exponentials.
 */
const GRID = (() => {
  const v: number[] = [], w: number[] = [];
  let wsum = 0;
  for (let x = -8; x <= 8 + 1e-9; x += 0.02) {
    v.push(x);
    w.push(Math.exp(-0.5 * x * x));
    wsum += w[w.length - 1];
  }
  return { v: Float64Array.from(v), w: Float64Array.from(w), wsum };
})();

function expectedRateOnGrid(a: number, s: number): number {
  const { v, w, wsum } = GRID;
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += w[i] * sigmoid(a + s * v[i]);
  return sum / wsum;
}

/** offsetFor's answers so far (a few dozen at most: clearing past that bounds the memory). */
const offsets = new Map<string, number>();

/**
 * The offset a with E[σ(a + sV)] = rate (bisection; the rate is increasing in a). Remembered per
 * (rate, s): the worker asks again on every run, and the rate slider comes back to the same values.
 */
export function offsetFor(rate: number, s = STRENGTH): number {
  const key = `${rate}|${s}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  let lo = -40, hi = 40;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (expectedRateOnGrid(mid, s) < rate) lo = mid;
    else hi = mid;
  }
  if (offsets.size >= 64) offsets.clear();
  offsets.set(key, (lo + hi) / 2);
  return (lo + hi) / 2;
}

/** Probability that a value goes missing, given its driver v (ignored under MCAR). */
export function missProbability(mechanism: Mechanism, rate: number, offset: number, v: number): number {
  if (rate <= 0) return 0;
  if (mechanism === 'mcar') return rate;
  return sigmoid(offset + STRENGTH * v);
}

/**
 * The random numbers behind data set number `draw` of a seed: per row, four standard normals from
 * stream 'data-<draw>' (for x, y, z, t) and two uniforms from 'miss-<draw>' (the coins for x, y).
 * They do not depend on ρ, the mechanism or the rate, so the study keeps them while those move.
 */
export interface Draws {
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  e: Float64Array;
  ux: Float64Array;
  uy: Float64Array;
}

/** Rows from..n−1 of `r`, in the streams' order: four normals, then two coins, per row. */
function drawRows(r: Draws, data: ReturnType<typeof stream>, coins: ReturnType<typeof stream>, from: number, n: number): void {
  for (let i = from; i < n; i++) {
    r.a[i] = data.normal();
    r.b[i] = data.normal();
    r.c[i] = data.normal();
    r.e[i] = data.normal();
    r.ux[i] = coins.next();
    r.uy[i] = coins.next();
  }
}

export function drawNumbers(seed: number, draw: number, n: number): Draws {
  const data = stream(seed, `data-${draw}`), coins = stream(seed, `miss-${draw}`);
  const r: Draws = { a: new Float64Array(n), b: new Float64Array(n), c: new Float64Array(n), e: new Float64Array(n), ux: new Float64Array(n), uy: new Float64Array(n) };
  drawRows(r, data, coins, 0, n);
  return r;
}

/**
 * Data set `draw`'s random numbers for any n, drawn once: row i's numbers are the streams' i-th
 * whatever n is (drawNumbers draws the rows in order, and each row takes four normals, an even
 * count, so Box–Muller's cached spare never crosses a row). So a smaller n is a prefix of the
 * rows already drawn, and a larger n keeps them and draws only the rows it adds from the same two
 * streams, kept here: equal to drawNumbers(seed, draw, n) to the bit (data.test.ts). The n
 * slider then draws 10 rows per data set per step instead of all n (issue 8: drawing them anew
 * was about a seventh of a worker's run at n 400).
 */
export class DrawStream {
  private readonly data: Rng;
  private readonly coins: Rng;
  private rows: Draws = { a: new Float64Array(0), b: new Float64Array(0), c: new Float64Array(0), e: new Float64Array(0), ux: new Float64Array(0), uy: new Float64Array(0) };
  /** Rows drawn so far. */
  drawn = 0;

  constructor(seed: number, draw: number) {
    this.data = stream(seed, `data-${draw}`);
    this.coins = stream(seed, `miss-${draw}`);
  }

  /** The first n rows' numbers (views of the rows kept: the caller must not write them). */
  numbers(n: number): Draws {
    if (n > this.drawn) this.grow(n);
    const r = this.rows;
    return { a: r.a.subarray(0, n), b: r.b.subarray(0, n), c: r.c.subarray(0, n), e: r.e.subarray(0, n), ux: r.ux.subarray(0, n), uy: r.uy.subarray(0, n) };
  }

  private grow(n: number): void {
    const old = this.rows, from = this.drawn;
    const more = (v: Float64Array) => {
      const w = new Float64Array(n);
      w.set(v.subarray(0, from));
      return w;
    };
    const r: Draws = { a: more(old.a), b: more(old.b), c: more(old.c), e: more(old.e), ux: more(old.ux), uy: more(old.uy) };
    const { data, coins } = this;
    drawRows(r, data, coins, from, n);
    this.rows = r;
    this.drawn = n;
  }
}

/** The data set made from its random numbers (drawNumbers) at a setting of ρ, the mechanism and the rate. */
export function sampleFrom(r: Draws, rho: number, mechanism: Mechanism, rate: number, offset = offsetFor(rate)): Sample {
  const n = r.a.length;
  const s: Sample = { n, x: new Float64Array(n), y: new Float64Array(n), z: new Float64Array(n), t: new Float64Array(n), missX: new Uint8Array(n), missY: new Uint8Array(n) };
  const r2 = Math.sqrt(Math.max(0, 1 - rho * rho)), z2 = Math.sqrt(1 - Z_LOAD * Z_LOAD);
  for (let i = 0; i < n; i++) {
    const a = r.a[i];
    const x = a, y = rho * a + r2 * r.b[i], z = Z_LOAD * y + z2 * r.c[i];
    s.x[i] = x;
    s.y[i] = y;
    s.z[i] = z;
    s.t[i] = x + y + T_NOISE * r.e[i];
    const vx = mechanism === 'mar' ? z : x;
    const vy = mechanism === 'mar' ? z : y;
    s.missX[i] = r.ux[i] < missProbability(mechanism, rate, offset, vx) ? 1 : 0;
    s.missY[i] = r.uy[i] < missProbability(mechanism, rate, offset, vy) ? 1 : 0;
  }
  return s;
}

/**
 * Data set number `draw` of a seed: the values from stream 'data-<draw>', the missingness coins
 * from 'miss-<draw>', so switching the mechanism or the rate keeps the data and the coins.
 */
export function drawSample(seed: number, draw: number, n: number, rho: number, mechanism: Mechanism, rate: number, offset = offsetFor(rate)): Sample {
  return sampleFrom(drawNumbers(seed, draw, n), rho, mechanism, rate, offset);
}

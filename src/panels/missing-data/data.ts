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
import { stream } from '../../lib/random/rng';
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

/** The offset a with E[σ(a + sV)] = rate (bisection; the rate is increasing in a). */
export function offsetFor(rate: number, s = STRENGTH): number {
  let lo = -40, hi = 40;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (expectedRate(mid, s) < rate) lo = mid;
    else hi = mid;
  }
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

export function drawNumbers(seed: number, draw: number, n: number): Draws {
  const data = stream(seed, `data-${draw}`), coins = stream(seed, `miss-${draw}`);
  const r: Draws = { a: new Float64Array(n), b: new Float64Array(n), c: new Float64Array(n), e: new Float64Array(n), ux: new Float64Array(n), uy: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    r.a[i] = data.normal();
    r.b[i] = data.normal();
    r.c[i] = data.normal();
    r.e[i] = data.normal();
    r.ux[i] = coins.next();
    r.uy[i] = coins.next();
  }
  return r;
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

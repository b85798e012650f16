/**
 * The statistics the deployment panel computes, written out so each convention is visible: the
 * normal distribution, percentiles (NumPy's linear interpolation), the two-sample KS statistic and
 * its exact p-value for equal samples (SciPy's ks_2samp), the population stability index over
 * the reference sample's deciles, the pooled two-proportion z-test (statsmodels'
 * proportions_ztest), Cohen's h and the sample size per arm (statsmodels' NormalIndPower).
 * Pure: no React, no DOM.
 */

const SQRT2 = Math.SQRT2;
const SQRT_PI = Math.sqrt(Math.PI);

/**
 * erfc(x) for x ≥ 0 to about 1e-15 relative: below 3 the all-positive series
 * erf(x) = 2/√π e^{−x²} Σ 2ⁿ x^{2n+1} / (1·3···(2n+1)) (no cancellation), above it Lentz's
 * continued fraction for erfc.
 */
function erfcPos(x: number): number {
  if (x < 3) {
    let term = x, sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return 1 - ((2 / SQRT_PI) * Math.exp(-x * x) * sum);
  }
  // erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), modified Lentz.
  const tiny = 1e-300;
  let f = x, C = x, D = 0;
  for (let k = 1; k < 300; k++) {
    const a = k / 2;
    D = x + a * D;
    D = D === 0 ? tiny : 1 / D;
    C = x + a / C;
    if (C === 0) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (SQRT_PI * f);
}

/** Φ(x), the standard normal CDF. */
export function normCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  return x < 0 ? 0.5 * erfcPos(-x / SQRT2) : 1 - 0.5 * erfcPos(x / SQRT2);
}

/** 1 − Φ(x), accurate in the upper tail. */
export function normSf(x: number): number {
  return normCdf(-x);
}

/** Φ⁻¹(p) by bisection then Newton on normCdf: exact to rounding, fast enough for a few calls. */
export function normInv(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  let lo = -40, hi = 40;
  for (let k = 0; k < 60; k++) {
    const m = (lo + hi) / 2;
    if (normCdf(m) < p) lo = m;
    else hi = m;
  }
  let x = (lo + hi) / 2;
  for (let k = 0; k < 3; k++) {
    const pdf = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    if (!(pdf > 0)) break;
    x -= (normCdf(x) - p) / pdf;
  }
  return x;
}

/** The q-quantile of an ascending array, NumPy's default (linear interpolation at q·(n − 1)). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = q * (n - 1);
  const i = Math.floor(pos), f = pos - i;
  return i + 1 < n ? sorted[i] + f * (sorted[i + 1] - sorted[i]) : sorted[n - 1];
}

/**
 * Moves a[k] to where a full ascending sort of a[left..right] would put it, the values before it
 * at or below it and those after at or above (Floyd and Rivest's SELECT, 1975: above 600 values
 * it first selects k within a small sample range that holds it with high probability, so the
 * partition around a[k] that follows nearly ends the search; about 1.5 n comparisons for a
 * median where quickselect with a median of three made ~3.4 n, issue 8).
 */
function selectRank(a: Float64Array, left: number, right: number, k: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1, i = k - left + 1;
      const z = Math.log(n), s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i < n / 2 ? -1 : 1);
      selectRank(a, Math.max(left, Math.floor(k - (i * s) / n + sd)), Math.min(right, Math.floor(k + ((n - i) * s) / n + sd)), k);
    }
    // Partition a[left..right] around t = a[k] (Hoare's scheme as Floyd and Rivest write it).
    const t = a[k];
    let i = left, j = right, x = a[left];
    a[left] = t;
    a[k] = x;
    if (a[right] > t) {
      a[left] = a[right];
      a[right] = t;
    }
    while (i < j) {
      x = a[i];
      a[i] = a[j];
      a[j] = x;
      i++;
      j--;
      while (a[i] < t) i++;
      while (a[j] > t) j--;
    }
    if (a[left] === t) {
      x = a[left];
      a[left] = a[j];
      a[j] = x;
    } else {
      j++;
      x = a[j];
      a[j] = a[right];
      a[right] = x;
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/**
 * quantileSorted of the sorted `a` at each of the ascending `qs`, without sorting: the order
 * statistics each quantile needs are selected (O(n) each, where a sort is O(n log n)); they are
 * the same values, so the results are the same numbers. Reorders `a` (finite values).
 */
export function quantilesUnsorted(a: Float64Array, qs: readonly number[]): number[] {
  const n = a.length;
  let from = 0;
  return qs.map((q) => {
    if (n === 0) return NaN;
    const pos = q * (n - 1);
    const i = Math.floor(pos), f = pos - i;
    selectRank(a, from, n - 1, i);
    from = i; // what lies before i is no larger than a[i]: later ranks are at or after it
    if (i + 1 >= n) return a[n - 1];
    let next = Infinity;
    for (let j = i + 1; j < n; j++) if (a[j] < next) next = a[j];
    return a[i] + f * (next - a[i]);
  });
}

/** The two-sample Kolmogorov-Smirnov statistic sup |F_a − F_b| of two ascending samples. */
export function ksStatistic(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length, m = b.length;
  if (n === 0 || m === 0) return NaN;
  let i = 0, j = 0, d = 0;
  while (i < n && j < m) {
    const v = a[i] <= b[j] ? a[i] : b[j];
    // Past every copy of v in both samples: the ECDFs are compared just after each data value.
    while (i < n && a[i] <= v) i++;
    while (j < m && b[j] <= v) j++;
    d = Math.max(d, Math.abs(i / n - j / m));
  }
  return d;
}

/**
 * Exact two-sided p-value P(D ≥ d) for two samples of the same size n (what SciPy's ks_2samp
 * computes for them): with h = round(d·n), 2 Σ_{j≥1} (−1)^{j+1} C(2n, n − jh) / C(2n, n).
 */
export function ksPValueEqual(d: number, n: number): number {
  const h = Math.round(d * n);
  if (h <= 0) return 1;
  let p = 0;
  for (let j = 1; j * h <= n; j++) {
    // C(2n, n − k) / C(2n, n) = Π_{i<k} (n − i) / (n + 1 + i), a product of numbers below 1.
    const k = j * h;
    let r = 1;
    for (let i = 0; i < k; i++) r *= (n - i) / (n + 1 + i);
    p += (j % 2 ? 2 : -2) * r;
  }
  return Math.min(1, Math.max(0, p));
}

/** The KS statistic above which two samples of sizes n and m differ at the 5 % level (large-sample). */
export function ksCritical05(n: number, m: number): number {
  return 1.3581 * Math.sqrt((n + m) / (n * m));
}

/** Interior decile edges of an ascending reference sample (NumPy quantiles at 0.1 … 0.9). */
export function decileEdges(sortedRef: ArrayLike<number>, bins = 10): Float64Array {
  const e = new Float64Array(bins - 1);
  for (let k = 1; k < bins; k++) e[k - 1] = quantileSorted(sortedRef, k / bins);
  return e;
}

/** Shares of `x` in the bins the interior edges make (outer edges open; a value on an edge goes right, as np.histogram). */
export function binShares(x: ArrayLike<number>, edges: ArrayLike<number>): Float64Array {
  const out = new Float64Array(edges.length + 1);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    let lo = 0, hi = edges.length; // count of edges ≤ v
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    out[lo]++;
  }
  for (let k = 0; k < out.length; k++) out[k] /= Math.max(1, x.length);
  return out;
}

/** A share of 0 would make ln(q/p) infinite: empty bins count as this share (a common convention). */
export const PSI_FLOOR = 1e-4;

/** PSI = Σ (q − p) ln(q / p) over bins: p the reference shares, q the current ones. */
export function psiFromShares(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < p.length; k++) {
    const a = Math.max(p[k], PSI_FLOOR), b = Math.max(q[k], PSI_FLOOR);
    s += (b - a) * Math.log(b / a);
  }
  return s;
}

/** PSI of `current` against an ascending reference sample, over the reference's deciles. */
export function psi(sortedRef: ArrayLike<number>, current: ArrayLike<number>): number {
  const edges = decileEdges(sortedRef);
  return psiFromShares(binShares(sortedRef, edges), binShares(current, edges));
}

export interface ZTest {
  /** Conversion rates of A and B. */
  pA: number;
  pB: number;
  /** B minus A over the pooled standard error. */
  z: number;
  /** Two-sided. */
  p: number;
}

/** The pooled two-proportion z-test of B against A (statsmodels proportions_ztest([cB, cA], [nB, nA])). */
export function twoProportionZ(cA: number, nA: number, cB: number, nB: number): ZTest {
  const pA = cA / nA, pB = cB / nB;
  const pool = (cA + cB) / (nA + nB);
  const se = Math.sqrt(pool * (1 - pool) * (1 / nA + 1 / nB));
  // No conversions at all (or all converted): no evidence either way.
  const z = se > 0 ? (pB - pA) / se : 0;
  return { pA, pB, z, p: 2 * normSf(Math.abs(z)) };
}

/** Cohen's h between two proportions: 2 asin √p₁ − 2 asin √p₂ (statsmodels proportion_effectsize). */
export function cohensH(p1: number, p2: number): number {
  return 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2));
}

/** Power of the two-sided z-test for effect h with n₁ and n₂ = ratio·n₁ (statsmodels NormalIndPower). */
export function zTestPower(h: number, n1: number, alpha: number, ratio = 1): number {
  const crit = normInv(1 - alpha / 2);
  const nEff = 1 / (1 / n1 + 1 / (n1 * ratio));
  const s = Math.abs(h) * Math.sqrt(nEff);
  return normSf(crit - s) + normCdf(-crit - s);
}

/** The size n₁ of arm A (B gets ratio·n₁) at which the test reaches `power`; Infinity for h = 0. */
export function sampleSizePerArm(h: number, alpha: number, power: number, ratio = 1): number {
  if (!(Math.abs(h) > 0)) return Infinity;
  let lo = 1e-6, hi = 1;
  while (zTestPower(h, hi, alpha, ratio) < power) {
    hi *= 2;
    if (hi > 1e15) return Infinity;
  }
  for (let k = 0; k < 200 && hi - lo > 1e-9 * hi; k++) {
    const mid = (lo + hi) / 2;
    if (zTestPower(h, mid, alpha, ratio) < power) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

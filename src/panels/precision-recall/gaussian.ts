/**
 * The population behind the synthetic scores: negatives ~ N(-d/2, 1), positives ~ N(+d/2, 1),
 * a fraction π of positives. Exact rates, curves, AUC and the Bayes (cost-optimal) threshold.
 * Pure: no React, no DOM.
 */

/**
 * erfc(x) by the Chebyshev-fitted exponential of Numerical Recipes (erfcc): relative error below
 * 1.2e-7 for every x.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Standard normal upper tail P(Z >= z). */
export const upperTail = (z: number): number => 0.5 * erfc(z / Math.SQRT2);

export const normalPdf = (x: number): number => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/** True and false positive rates of the population at threshold t. */
export function populationRates(t: number, d: number): { tpr: number; fpr: number } {
  return { tpr: upperTail(t - d / 2), fpr: upperTail(t + d / 2) };
}

/** Precision of the population at threshold t; null where nothing scores above t (only t = +∞). */
export function populationPrecision(t: number, d: number, prevalence: number): number | null {
  const { tpr, fpr } = populationRates(t, d);
  const den = prevalence * tpr + (1 - prevalence) * fpr;
  return den > 0 ? (prevalence * tpr) / den : null;
}

/** ROC AUC of two unit-variance normals d apart: P(X+ > X-) = Φ(d / √2). */
export const populationAuc = (d: number): number => 1 - upperTail(d / Math.SQRT2);

/**
 * The threshold that minimises the expected cost ratio · P(FP) + P(FN): predict positive where the
 * likelihood ratio exceeds ratio · (1-π)/π. For these normals log LR(x) = d x, so
 * t* = ln(ratio (1-π)/π) / d. With d = 0 every score is as good as a coin: ±∞.
 */
export function bayesThreshold(d: number, prevalence: number, ratio: number): number {
  const k = Math.log((ratio * (1 - prevalence)) / prevalence);
  if (d > 0) return k / d;
  return k > 0 ? Infinity : -Infinity;
}

/** Points of the population ROC and PR curves, thresholds from high to low. */
export function populationCurves(d: number, prevalence: number, lo = -10, hi = 10, steps = 240): { roc: [number, number][]; pr: [number, number][] } {
  const roc: [number, number][] = [[0, 0]];
  const pr: [number, number][] = [];
  for (let k = 0; k <= steps; k++) {
    const t = hi - ((hi - lo) * k) / steps;
    const { tpr, fpr } = populationRates(t, d);
    roc.push([fpr, tpr]);
    const p = populationPrecision(t, d, prevalence);
    if (p !== null && tpr > 1e-9) pr.push([tpr, p]);
  }
  roc.push([1, 1]);
  return { roc, pr };
}

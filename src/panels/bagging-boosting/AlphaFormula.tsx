/**
 * AdaBoost's round in numbers: the weighted error of the newest learner, its weight α with the
 * SAMME formula filled in, and what the re-weighting does to the points it got wrong.
 */
import { memo } from 'react';
import { Tex } from '../../lib/tex/Tex';
import type { AdaShown } from './model';

/** A number for a formula: 4 significant digits, never exponent notation for these ranges. */
const num = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : '\\infty');

export const AlphaFormula = memo(function AlphaFormula({ a, K = 2, n }: { a: AdaShown; K?: number; n: number }) {
  const m = a.learner;
  if (a.perfect || !(a.error > 0))
    return (
      <p className="bb-alpha" data-testid="alpha-formula">
        Learner {m} classifies every training point correctly (weighted error 0). Its α = ln((1 − 0)/0) would be infinite;
        scikit-learn keeps it with α = 1 and stops boosting here, and so do we.
      </p>
    );
  const e = num(a.error);
  const misses = a.miss.reduce((s, v) => s + v, 0);
  const factor = Math.exp(a.alpha);
  return (
    <div className="bb-alpha" data-testid="alpha-formula">
      <Tex block>
        {String.raw`\alpha_{${m}} = \ln\frac{1-\mathrm{err}_{${m}}}{\mathrm{err}_{${m}}} + \ln(K-1) = \ln\frac{1-${e}}{${e}} + \ln(${K}-1) = ${num(a.alpha)}`}
      </Tex>
      <p className="ctl-help">
        err<sub>{m}</sub> = {e} is the total weight of the {misses} outlined point{misses === 1 ? '' : 's'} (of {n}) learner {m} gets wrong.
        Before round {m + 1}, each of their weights is multiplied by e<sup>α</sup> = {num(factor)} and all weights are rescaled to sum
        to 1, so together they carry exactly half the weight: the next learner must attend to them.
      </p>
    </div>
  );
});

/** Readout rows on own data: what is measured, and plainly what cannot be (no true function). */
import type { ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import type { BiasVarianceResult } from './model';

export function ownReadout(r: BiasVarianceResult, c: { BIAS: string; VAR: string; TEST: string; TRAIN: string; NOISE: string }): ReadoutRow[] {
  const s = r.current;
  return [
    { label: 'Bias²', value: 'unknown: needs the true function', testId: 'ro-bias2', color: c.BIAS },
    { label: 'Variance (across resamples)', value: fmt(s.variance, 4), testId: 'ro-variance', color: c.VAR },
    { label: 'Noise σ²', value: 'unknown', testId: 'ro-noise', color: c.NOISE },
    { label: 'Bias² + noise, together', value: fmt(s.biasNoise ?? NaN, 4), testId: 'ro-biasNoise', color: c.BIAS },
    { label: 'Test error (held-out points)', value: fmt(s.testMse, 4), testId: 'ro-testMse', color: c.TEST },
    { label: 'Training error (resamples)', value: fmt(s.trainMse, 4), testId: 'ro-trainMse', color: c.TRAIN },
  ];
}

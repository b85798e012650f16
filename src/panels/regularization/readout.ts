/** The readout rows: the numbers that matter at the current λ, as text. Pure. */
import { fmt } from '../../lib/format/format';
import type { RegResult } from './compute';
import { wName } from './look';

export interface Row {
  key: string;
  label: string;
  value: string;
}

export function readoutRows({ path, at }: RegResult): Row[] {
  const { n, p } = path.prepared;
  const { penalty, mix } = path.params;
  const sk =
    penalty === 'l1'
      ? `Lasso(alpha=${fmt(at.lambda, 3)})`
      : penalty === 'l2'
        ? `Ridge(alpha=${fmt(n * at.lambda, 3)})  (= nλ)`
        : `ElasticNet(alpha=${fmt(at.lambda, 3)}, l1_ratio=${fmt(mix, 2)})`;
  const blockNames = at.blockWeights.map((_, j) => wName(j)).join(', ');
  return [
    { key: 'lambda', label: 'λ', value: fmt(at.lambda, 3) },
    { key: 'sklearn', label: 'scikit-learn equivalent', value: sk },
    { key: 'nonzero', label: 'Non-zero weights', value: `${at.nonZero} of ${p}` },
    { key: 'true-kept', label: 'True features kept', value: `${at.trueKept} of ${path.k}` },
    { key: 'false-kept', label: 'Irrelevant features kept', value: `${at.falseKept} of ${p - path.k}` },
    { key: 'block', label: `Correlated block (${blockNames})`, value: at.blockWeights.map((w) => fmt(w, 3)).join(', ') },
    { key: 'train', label: 'Training MSE', value: fmt(at.train, 4) },
    { key: 'test', label: 'Expected test MSE', value: fmt(at.test, 4) },
    { key: 'best', label: 'Best λ on the path (test MSE)', value: `${fmt(path.best.lambda, 3)} (${fmt(path.best.test, 4)})` },
    {
      key: 'lambda-max',
      label: 'λ_max (all weights 0 from here)',
      value: Number.isFinite(path.lambdaMax) ? fmt(path.lambdaMax, 4) : 'none: ridge never zeroes a weight',
    },
    { key: 'norms', label: '‖w‖₁ and ‖w‖₂', value: `${fmt(at.l1Norm, 4)} and ${fmt(at.l2Norm, 4)}` },
    { key: 'intercept', label: 'Intercept b', value: fmt(at.b, 4) },
  ];
}

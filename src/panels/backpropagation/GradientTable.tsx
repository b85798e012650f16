/**
 * Three gradients side by side for every parameter: the hand backward pass (float64), tfjs
 * autodiff (float32, in the worker) and central finite differences (float64), with the largest
 * disagreement of each pair and the tolerance it is judged against. A parameter's name selects it.
 */
import { fmt } from '../../lib/format/format';
import { FD_STEP, FD_TOL, TF_TOL, largestGap, flatten } from './model';
import type { Lesson } from './lesson';
import { paramLabel, paramRole } from './look';
import { PARAM_NAMES } from './params';

export interface GradientTableProps {
  lesson: Lesson;
  /** tfjs autodiff's gradients for the same weights, or null while the worker computes. */
  tfGrad: number[] | null;
  onSelect(k: number): void;
}

const g6 = (v: number) => fmt(v, 6);

export function GradientTable({ lesson: L, tfGrad, onSelect }: GradientTableProps) {
  const theta = flatten(L.net);
  const hand = L.bwd.grad;
  const tfGap = tfGrad ? largestGap(hand, tfGrad, L.kink) : null;
  return (
    <section className="bp-table-wrap" aria-label="Three gradients of every parameter" data-testid="grad-table">
      <h3 className="bp-h">Three ways to the same gradient</h3>
      <div className="bp-scroll" tabIndex={0} role="region" aria-label="Gradient table">
        <table className="bp-table">
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">Value</th>
              <th scope="col">By hand (float64)</th>
              <th scope="col">tfjs autodiff (float32)</th>
              <th scope="col">Finite diff. (float64)</th>
            </tr>
          </thead>
          <tbody>
            {PARAM_NAMES.map((name, k) => (
              <tr key={name} className={k === L.selIndex ? 'bp-row-selected' : undefined} data-testid={`grad-${name}`}>
                <th scope="row">
                  <button type="button" className="bp-pick" aria-pressed={k === L.selIndex} title={paramRole(k)} onClick={() => onSelect(k)}>
                    {paramLabel(k)}
                  </button>
                  {L.kink[k] && <span className="bp-kink" title="ReLU kink: central differences straddle it">kink</span>}
                </th>
                <td>{fmt(theta[k], 4)}</td>
                <td>{g6(hand[k])}</td>
                <td>{tfGrad ? g6(tfGrad[k]) : '…'}</td>
                <td>{g6(L.fd[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="ctl-help bp-agree" data-testid="agreement">
        Largest disagreement, as |a − b| ÷ (1 + largest |gradient|): hand vs finite differences{' '}
        <strong>{fmt(L.fdGap.gap, 2)}</strong> (tolerance {fmt(FD_TOL, 1)}, step h = {fmt(FD_STEP, 1)}); hand vs tfjs{' '}
        <strong>{tfGap ? fmt(tfGap.gap, 2) : '…'}</strong> (tolerance {fmt(TF_TOL, 1)}: tfjs computes in float32, about 7 significant digits).
        {L.kink.some(Boolean) && ' Parameters marked “kink” are left out: at ReLU’s kink the three need not agree.'}
      </p>
    </section>
  );
}

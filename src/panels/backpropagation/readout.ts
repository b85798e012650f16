/** The readout rows: the numbers behind the pictures, as text for screen readers and tests. */
import type { ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import { largestGap, flatten } from './model';
import type { Lesson } from './lesson';
import { paramLabel } from './look';

export function readoutRows(L: Lesson, tfGrad: number[] | null, lr: number, target: number): ReadoutRow[] {
  const k = L.selIndex;
  const tfGap = tfGrad ? largestGap(L.bwd.grad, tfGrad, L.kink).gap : null;
  return [
    { label: 'Step', value: `${L.stage.step} · update ${L.stage.update} · ${L.stage.what}`, testId: 'ro-step' },
    { label: 'Loss at these weights', value: `${fmt(L.fwd.loss, 4)} (ŷ = ${fmt(L.fwd.y, 4)}, t = ${fmt(target, 3)}${target !== L.setup.t ? `, used as ${fmt(L.setup.t, 3)}` : ''})`, testId: 'ro-loss' },
    {
      label: `Selected: ${paramLabel(k)}`,
      value: `value ${fmt(flatten(L.net)[k], 4)}; gradient ${fmt(L.bwd.grad[k], 4)}`,
      testId: 'ro-selected',
    },
    {
      label: 'Largest disagreement',
      value: `finite differences ${fmt(L.fdGap.gap, 2)}; tfjs ${tfGap === null ? 'computing…' : fmt(tfGap, 2)}`,
      testId: 'ro-agree',
    },
    {
      label: `Next update (η = ${fmt(lr, 3)})`,
      value: `loss ${fmt(L.fwd.loss, 4)} → ${fmt(L.next.loss, 4)} (first-order guess ${fmt(L.next.predicted, 4)})`,
      testId: 'ro-next',
    },
  ];
}

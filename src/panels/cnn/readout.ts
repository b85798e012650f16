/** The readout rows of both modes, as plain values (no React): what a screen reader and a test read. */
import type { ReadoutRow } from '../../lib/controls/Readout';
import { receptiveField, presetOf, PRESET_LABELS, type KernelViewResult } from './model';
import { num } from './look';
import type { CnnParams } from './params';
import { paramCount, TARGET_ACC } from './arch';
import type { NetView } from './run';

export function kernelRows(p: CnnParams, r: KernelViewResult): ReadoutRow[] {
  const preset = presetOf(p.k);
  let lo = Infinity, hi = -Infinity;
  for (const v of r.out.data) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const rf = receptiveField(3, p.dil);
  return [
    { label: 'Kernel position', value: r.row >= 0 ? `${r.pos} of ${r.positions - 1} (row ${r.row}, column ${r.col}; all counted from 0)` : 'none', testId: 'ro-step' },
    { label: 'Output here', value: num(r.value, 4), testId: 'ro-value' },
    { label: 'Output size', value: `${r.out.h} × ${r.out.w}`, testId: 'ro-out-size' },
    { label: 'Output range', value: r.positions ? `${num(lo)} … ${num(hi)}` : '—', testId: 'ro-range' },
    { label: 'Each output sees', value: `${rf} × ${rf} input pixels`, testId: 'ro-field' },
    { label: `After ${p.pool === 'max' ? 'max' : 'average'} pooling`, value: `${r.pooled.h} × ${r.pooled.w} (window ${p.psize}, stride ${p.pstride})`, testId: 'ro-pooled' },
    { label: 'Kernel', value: preset ? PRESET_LABELS[preset] : 'custom', testId: 'ro-kernel' },
  ];
}

const pct = (v: number) => `${num(100 * v, 3)} %`;

export function networkRows(p: CnnParams, v: NetView): ReadoutRow[] {
  const top = v.inspect.probs.reduce((b, q, i, a) => (q > a[b] ? i : b), 0);
  return [
    { label: 'Training step', value: `${v.step} of ${p.train ? p.steps : 0}`, testId: 'ro-step' },
    { label: `Held-out accuracy (step ${v.evalStep})`, value: pct(v.eval.acc), testId: 'ro-acc' },
    { label: 'Held-out loss (cross-entropy)', value: num(v.eval.loss), testId: 'ro-loss' },
    { label: `First reached ${TARGET_ACC * 100} %`, value: v.reachedAt === null ? 'not yet' : `at step ${v.reachedAt}`, testId: 'ro-reached' },
    { label: 'The network says', value: `${top} (${pct(v.inspect.probs[top])})`, testId: 'ro-pred' },
    { label: 'Network', value: `${p.f1} → ${p.f2} filters, ${paramCount(p).toLocaleString('en-US')} weights`, testId: 'ro-net' },
    { label: 'Training', value: `${p.steps} steps of 32, Adam ${num(p.lr)}`, testId: 'ro-train' },
  ];
}

/** A word on runs that diverged or are not learning (never early in a run); null if fine. */
export function trainingNote(v: Pick<NetView, 'step' | 'eval'>, lr: number): string | null {
  if (!Number.isFinite(v.eval.loss)) return `Training diverged: the loss is no longer a finite number. An Adam step size of ${num(lr)} is too large here; lower it.`;
  if (v.step >= 200 && v.eval.acc < 0.5)
    return `After ${v.step} steps only ${pct(v.eval.acc)} of held-out digits are right (guessing gets 10 %). ${lr >= 0.05 ? 'The step size is large: Adam may be overshooting.' : lr <= 3e-4 ? 'The step size is small: the network is crawling; train longer or raise it.' : 'Try more filters or another step size.'}`;
  return null;
}

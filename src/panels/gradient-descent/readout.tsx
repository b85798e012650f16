/** The readout rows and the divergence notes for one computed frame. */
import type { ReactNode } from 'react';
import type { ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import { isAdaptive, type OptimizerName, type Vec2 } from './optimizers';
import { N_POINTS, schema, type GDParams } from './params';
import type { GDResult } from './compute';
import { optimizerColor, optimizerLabel } from './look';

const digits = (k: 'lr' | 'lrAdaptive' | 'momentum' | 'beta1' | 'beta2' | 'alpha') => schema[k].digits;
const pt = (p: Vec2) => `(${fmt(p[0])}, ${fmt(p[1])})`;

/** The hyper-parameters an optimizer actually uses, so every visible slider shows up here. */
export function hyperText(o: OptimizerName, p: GDParams): string {
  const lr = `step ${fmt(isAdaptive(o) ? p.lrAdaptive : p.lr, digits('lr'))}`;
  switch (o) {
    case 'momentum':
    case 'nesterov':
      return `${lr}, μ ${fmt(p.momentum, digits('momentum'))}`;
    case 'rmsprop':
      return `${lr}, α ${fmt(p.alpha, digits('alpha'))}`;
    case 'adam':
      return `${lr}, β1 ${fmt(p.beta1, digits('beta1'))}, β2 ${fmt(p.beta2, digits('beta2'))}`;
    default:
      return lr;
  }
}

function lines(...xs: ReactNode[]): ReactNode {
  return xs.map((x, i) => (
    <span key={i} style={{ display: 'block' }}>
      {x}
    </span>
  ));
}

function nearestMinimum(r: GDResult, p: Vec2): number {
  return r.surface.minima.reduce((best, m) => Math.min(best, Math.hypot(p[0] - m.at[0], p[1] - m.at[1])), Infinity);
}

/** One sentence per run that has diverged by the current step (warnings() gives the why). */
export function divergenceNotes(r: GDResult): string[] {
  return r.runs
    .filter((run) => run.status === 'diverged')
    .map((run) => `${optimizerLabel(run.name)} diverged at iteration ${run.stoppedAt}: its loss grew more than a million-fold.`);
}

export function readoutRows(r: GDResult, p: GDParams): ReadoutRow[] {
  const s = r.surface;
  const rows: ReadoutRow[] = [{ label: 'Iteration', value: `${r.step} of ${schema.step.max}`, testId: 'ro-step' }];
  for (const run of r.runs) {
    const k = run.path.length - 1;
    const here = run.path[k];
    const dist = nearestMinimum(r, here);
    const status =
      run.status === 'diverged'
        ? `diverged at iteration ${run.stoppedAt}`
        : run.status === 'converged'
          ? `converged at iteration ${run.stoppedAt}`
          : 'still moving';
    rows.push({
      label: `${optimizerLabel(run.name)} · ${hyperText(run.name, p)}`,
      color: optimizerColor(run.name),
      testId: `ro-${run.name}`,
      value: lines(
        `loss ${fmt(run.losses[k], 4)}`,
        pt(here),
        Number.isFinite(dist) ? `${fmt(dist)} to ${s.minima.length > 1 ? 'the nearest minimum' : 'the minimum'}` : 'no minimum to reach',
        status,
      ),
    });
  }
  rows.push({ label: 'Start', value: pt(r.start), testId: 'ro-start' });
  if (s.name === 'bowl') rows.push({ label: 'Condition number κ', value: fmt(p.kappa, 3), testId: 'ro-kappa' });
  rows.push({
    label: 'Largest safe step 2/L',
    testId: 'ro-limit',
    value:
      s.L !== null
        ? lines(`2/L = ${fmt(2 / s.L)}`, `(L = ${fmt(s.L)})`)
        : s.curvatureAtMin !== null
          ? lines('no global L', `${fmt(2 / s.curvatureAtMin)} near the lowest minimum`)
          : 'no global L',
  });
  rows.push({
    label: 'Lowest loss f*',
    testId: 'ro-fstar',
    value: s.minima[0] ? lines(fmt(s.fStar, 4), `at ${pt(s.minima[0].at)}`) : 'none: the classes are separable',
  });
  if (s.name === 'logistic' || p.batch < N_POINTS) {
    const n = s.data?.n ?? N_POINTS;
    rows.push({
      label: 'Batch',
      testId: 'ro-batch',
      value: `${p.batch} of ${n} points${p.batch >= n ? ' (full batch)' : p.batch === 1 ? ' (stochastic)' : ' (mini-batch)'}`,
    });
  }
  if (s.name === 'logistic') rows.push({ label: 'Data seed', value: String(p.seed), testId: 'ro-seed' });
  return rows;
}

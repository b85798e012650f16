/** The readout rows: the numbers behind the plots, per network, as text. */
import type { ReactNode } from 'react';
import type { ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import { MAX_STEPS, type VGParams } from './params';
import { status, type SessionView, type RunView } from './view';
import { runColor } from './look';

function lines(...xs: ReactNode[]): ReactNode {
  return xs.map((x, i) => (
    <span key={i} style={{ display: 'block' }}>
      {x}
    </span>
  ));
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
/** 20 → "₂₀", for W₂₀. */
export const sub = (n: number) => String(n).replace(/[0-9]/g, (d) => SUB[Number(d)]);

const pct = (v: number) => `${Math.round(100 * v)}%`;

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return xs.length ? s / xs.length : NaN;
}

function runValue(r: RunView, classification: boolean): ReactNode {
  const rec = r.rec;
  if (!rec) return lines('no finite gradient', status(r));
  const L = rec.norms.length;
  const parts: ReactNode[] = [
    `loss ${fmt(rec.loss, 4)}${classification ? ` · accuracy ${pct(rec.accuracy)}` : ''}`,
    `‖∇W₁‖ ${fmt(rec.norms[0], 3)} · ‖∇W${sub(L)}‖ ${fmt(rec.norms[L - 1], 3)}`,
    `layer 1 ÷ layer ${L}: ${fmt(r.verdict?.ratio ?? NaN, 3)}`,
    `same ratio at step 0: ${fmt(r.initVerdict?.ratio ?? NaN, 3)}`,
  ];
  if (L > 1) parts.push(`near-flat units ${pct(mean(rec.flat))}`);
  if (rec.clipScale < 1) parts.push(`update clipped × ${fmt(rec.clipScale, 3)}`);
  parts.push(status(r));
  return lines(...parts);
}

function initText(p: VGParams): string {
  if (p.init === 'naive') return `naive σ = ${fmt(p.naiveStd, 3)}`;
  return p.init === 'xavier' ? 'Xavier' : 'He';
}

export function readoutRows(v: SessionView, p: VGParams): ReadoutRow[] {
  const classification = p.task === 'circles';
  const rows: ReadoutRow[] = [{ label: 'Training step', value: `${v.step} of ${MAX_STEPS}`, testId: 'ro-step' }];
  for (const r of v.runs) {
    rows.push({
      label: r.id === 'main' ? `Your network (${initText(p)})` : r.label,
      color: runColor(r.id),
      testId: `ro-${r.id}`,
      value: runValue(r, classification),
    });
  }
  rows.push({
    label: 'Training',
    testId: 'ro-training',
    value: lines(
      `${p.optimizer === 'adam' ? 'Adam' : 'gradient descent'}, learning rate ${fmt(p.lr, 3)}`,
      p.clip ? `clipping at global norm ${fmt(p.clipNorm, 3)}` : 'no clipping',
      `${p.depth} weight layers × ${p.width} units, seed ${p.seed}`,
    ),
  });
  return rows;
}

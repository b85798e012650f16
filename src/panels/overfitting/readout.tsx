/** The readout rows and the in-panel messages for one computed frame. */
import type { ReactNode } from 'react';
import type { ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import { TEST, TRAIN } from '../../lib/plot/colors';
import { MAX_POOL, ownSplit, VAL_N } from './data';
import { archText, moreData } from './model';
import { MAX_EPOCH, schema, type OverfitParams } from './params';
import type { OverfitResult, RunView } from './compute';
import { batchSize } from './train';

const pct = (v: number) => (Number.isFinite(v) ? `${fmt(100 * v, 3)}%` : '—');

function status(r: RunView): string {
  if (r.divergedAt !== null) return `diverged at epoch ${r.divergedAt}`;
  if (r.stoppedAt !== null) return `stopped at epoch ${r.stoppedAt}, best weights (epoch ${r.bestEpoch}) restored`;
  return r.epoch === 0 ? 'not trained yet' : 'training';
}

/**
 * One readout row per quantity, with a line per network ("A …", "B …") so the two sit next to
 * each other; each number has its own test id (ro-a-train, ro-b-val, …).
 */
function metricRow(runs: RunView[], label: string, key: string, text: (r: RunView) => string, color?: string): ReadoutRow {
  const many = runs.length > 1;
  return {
    label,
    color,
    value: (
      <>
        {runs.map((r) => (
          <span key={r.which} style={{ display: 'block' }}>
            {many && <span style={{ color: 'var(--muted)' }}>{r.which} </span>}
            <span data-testid={`ro-${r.which.toLowerCase()}-${key}`}>{text(r)}</span>
          </span>
        ))}
      </>
    ),
  };
}

function runRows(runs: RunView[]): ReadoutRow[] {
  const at = (r: RunView) => (r.stoppedAt !== null ? ` (epoch ${r.shown})` : '');
  return [
    metricRow(runs, 'training loss', 'train', (r) => `${fmt(r.now.trainLoss, 4)}${at(r)}`, TRAIN),
    metricRow(runs, 'validation loss', 'val', (r) => `${fmt(r.now.valLoss, 4)}${at(r)}`, TEST),
    metricRow(runs, 'gap (validation − training)', 'gap', (r) => fmt(r.now.valLoss - r.now.trainLoss, 3)),
    metricRow(runs, 'accuracy, training / validation', 'acc', (r) => `${pct(r.now.trainAcc)} / ${pct(r.now.valAcc)}`),
    metricRow(runs, 'best validation loss', 'best', (r) => `${fmt(r.hist.valLoss[r.bestEpoch], 4)} at epoch ${r.bestEpoch}`),
    metricRow(runs, 'Σw² (weights)', 'wnorm', (r) => fmt(r.now.wnorm, 4)),
    metricRow(runs, 'network', 'net', (r) => `${archText(r.arch)} · ${r.params} parameters`),
    metricRow(runs, 'status', 'status', status),
  ];
}

export function regularisationText(p: OverfitParams): string {
  const parts: string[] = [];
  if (p.dropout > 0) parts.push(`dropout ${fmt(p.dropout, 2)}`);
  if (p.useL2) parts.push(`L2 λ ${fmt(p.l2, 3)}`);
  if (p.jitter > 0) parts.push(`jitter σ ${fmt(p.jitter, 2)}`);
  if (p.earlyStop) parts.push(`early stopping, patience ${p.patience}`);
  return parts.length ? parts.join(' · ') : 'none';
}

/** "full batch", or "batch 10: 25 updates per epoch" (of A's training set). */
export function batchText(batch: number, n: number): string {
  const b = batchSize(batch, n);
  if (b >= n) return 'full batch';
  const k = Math.ceil(n / b);
  return `batch ${b}: ${k} update${k === 1 ? '' : 's'} per epoch`;
}

export function readoutRows(r: OverfitResult, p: OverfitParams): ReadoutRow[] {
  const rows: ReadoutRow[] = [{ label: 'Epoch', value: `${r.target} of ${MAX_EPOCH}`, testId: 'ro-step' }];
  rows.push(...runRows(r.b ? [r.a, r.b] : [r.a]));
  const opt = schema.optimizer.optionLabels[p.optimizer];
  rows.push(
    { label: 'Activation, inputs', value: `${p.activation === 'relu' ? 'ReLU' : 'tanh'}, ${p.features === 'poly' ? '7 features' : 'x₁, x₂'}`, testId: 'ro-act' },
    { label: 'Optimizer', value: `${opt}, learning rate ${fmt(p.lr, 3)}, ${batchText(p.batch, r.a.spec.n)}`, testId: 'ro-opt' },
    { label: 'Regularisation', value: regularisationText(p), testId: 'ro-reg' },
    {
      label: 'Data',
      value:
        p.dataset === 'csv' && typeof ownSplit(p.csv, p.seed) !== 'string'
          ? `your CSV data: ${r.a.spec.n} training${r.b && r.b.spec.n !== r.a.spec.n ? ` (B: ${r.b.spec.n})` : ''} + ${r.a.data.val.n} validation points, seed ${p.seed}`
          : `${schema.dataset.optionLabels[p.dataset === 'csv' ? 'moons' : p.dataset]}, noise σ ${fmt(p.noise, 3)}, ${p.n} training${r.b && r.b.spec.n !== p.n ? ` (B: ${r.b.spec.n})` : ''} + ${VAL_N} validation points, seed ${p.seed}`,
      testId: 'ro-data',
    },
    { label: 'Training engine', value: p.engine === 'tf' ? 'tfjs autodiff, float32' : 'float64 typed arrays', testId: 'ro-engine' },
  );
  return rows;
}

const STUCK_WINDOW = 50;

/** Training has stalled well above a fit: the loss moved less than 1e-5 over the last window. */
function stuck(r: RunView): boolean {
  if (r.stoppedAt !== null || r.epoch < 2 * STUCK_WINDOW) return false;
  const xs = r.hist.trainLoss.slice(r.epoch - STUCK_WINDOW, r.epoch + 1);
  return r.now.trainLoss > 0.3 && Math.max(...xs) - Math.min(...xs) < 1e-5;
}

/** Sentences for settings worth a word: B identical to A, capped data, divergence. */
export function messages(r: OverfitResult, p: OverfitParams): ReactNode[] {
  const out: ReactNode[] = [];
  if (r.bSameAsA)
    out.push('B trains exactly like A here, because A has no regularisation: switch on dropout, L2, jitter or early stopping to see what it changes.');
  const own = p.dataset === 'csv' ? ownSplit(p.csv, p.seed) : null;
  if (typeof own === 'string') out.push(own);
  else if (own && p.n > own.pool.n) out.push(`Your training part has ${own.pool.n} points (${own.val.n} more are held out for validation), so the network trains on ${own.pool.n}, not ${p.n}.`);
  const pool = own && typeof own !== 'string' ? own.pool.n : MAX_POOL;
  const nA = r.a.spec.n;
  if (p.compare === 'more' && 4 * nA > pool) out.push(`B gets ${moreData(nA, pool)} training points, the most ${own && typeof own !== 'string' ? 'your data hold' : 'this panel draws'}, not 4 × ${nA}.`);
  for (const run of [r.a, r.b]) {
    if (!run) continue;
    const who = run.which === 'B' ? 'B' : r.b ? 'A' : 'The network';
    if (run.divergedAt != null)
      out.push(`${who} diverged at epoch ${run.divergedAt}: the loss stopped being a finite number. Lower the learning rate.`);
    else if (stuck(run))
      out.push(
        `${who}’s training loss has not moved in the last ${STUCK_WINDOW} epochs (it sits at ${fmt(run.now.trainLoss, 3)}). Try another learning rate: one too high can push ReLU units into their flat part for good or saturate tanh; one too low barely moves the weights.`,
      );
  }
  return out;
}

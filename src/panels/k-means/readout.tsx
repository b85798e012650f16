/** The readout rows: what just happened, the numbers of this state, and what produced it. */
import type { ReactNode } from 'react';
import type { ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import type { KMFrame } from './compute';
import { bestK } from './ElbowPlots';
import type { ElbowResult } from './elbow';
import { clusterColor, count, datasetPhrase, initLabel, moveTitle } from './look';
import { MAX_STEP, type KMeansParams } from './params';

function sizesText(sizes: Int32Array): ReactNode {
  return Array.from(sizes).map((s, j) => (
    <span key={j}>
      {j > 0 ? ' · ' : ''}
      <span style={{ whiteSpace: 'nowrap' }}>
        <span className="swatch" style={{ background: clusterColor(j) }} aria-hidden="true" />
        {count(s)}
      </span>
    </span>
  ));
}

function changeText(now: number, before: number): string {
  const d = now - before;
  if (d === 0) return '0 (no change)';
  const pct = before > 0 ? ` (${d > 0 ? '+' : '−'}${fmt(Math.abs(d / before) * 100, 3)}%)` : '';
  return `${d > 0 ? '+' : '−'}${fmt(Math.abs(d), 4)}${pct}`;
}

export function readoutRows(r: KMFrame, e: ElbowResult | null, p: KMeansParams): ReadoutRow[] {
  const s = r.snap;
  const rows: ReadoutRow[] = [
    { label: 'Half-move', value: `${r.step} · ${moveTitle(r)}`, testId: 'ro-step' },
    {
      label: 'Inertia Σ‖x − c‖²',
      value: r.error ? '—' : s?.inertia != null ? fmt(s.inertia, 6) : 'not assigned yet',
      testId: 'ro-inertia',
    },
  ];
  if (s?.inertia != null && r.prevInertia !== null) rows.push({ label: 'Change since last move', value: changeText(s.inertia, r.prevInertia), testId: 'ro-change' });
  if (r.phase === 'assign') rows.push({ label: r.iteration === 1 ? 'Points assigned' : 'Points that changed cluster', value: count(s!.moved), testId: 'ro-moved' });
  if (r.phase === 'update') rows.push({ label: 'Largest centre move', value: fmt(s!.shift, 4), testId: 'ro-shift' });
  if (r.seeding && r.seeding.lastPickProb !== null)
    rows.push({
      label: `Chance centre ${r.seeding.picked} had`,
      value: `${fmt(r.seeding.lastPickProb, 3)} (${fmt(r.seeding.lastPickProb * r.data.n, 3)}× uniform)`,
      testId: 'ro-pick',
    });
  rows.push({
    label: 'Run',
    testId: 'ro-status',
    value: r.error
      ? 'refused: K > N'
      : r.converged
        ? `converged at iteration ${r.iteration}`
        : r.lastStep === MAX_STEP && r.step === MAX_STEP
          ? `stopped after ${MAX_STEP / 2} iterations`
          : r.lastStep !== null
            ? `ends at half-move ${r.lastStep}${p.variant === 'lloyd' ? ` (converges at iteration ${(r.lastStep + 1) / 2})` : ''}`
            : p.variant === 'minibatch'
              ? `not finished (mini-batch runs ${MAX_STEP / 2} iterations)`
              : 'not converged yet',
  });
  if (s?.sizes) rows.push({ label: 'Cluster sizes', value: sizesText(s.sizes), testId: 'ro-sizes' });
  rows.push({
    label: 'Mean silhouette (this move)',
    testId: 'ro-silhouette',
    value: r.silhouette ? `${fmt(r.silhouette.mean, 4)}${r.silhouetteSampled ? ` (${count(r.silhouette.n)} sampled)` : ''}` : '—',
  });
  const bk = e ? bestK(e) : null;
  const ei = e?.inertia[p.k - 1];
  rows.push({
    label: 'Elbow runs (per K)',
    testId: 'ro-elbow',
    value: e ? `best K by silhouette: ${bk ?? '—'}; inertia at K = ${p.k}: ${ei != null ? fmt(ei, 5) : '—'}` : 'computing…',
  });
  const data = r.data.own ? `${count(r.data.n)} points · your CSV data` : `${count(r.data.n)} points · ${datasetPhrase(p, false)} · σ ${fmt(p.spread, 3)}`;
  rows.push({ label: 'Data', value: data, testId: 'ro-data' });
  rows.push({ label: 'Start', value: `${initLabel(r.init)} · seed ${p.seed}`, testId: 'ro-start' });
  rows.push({
    label: 'Algorithm',
    value: `${p.variant === 'minibatch' ? `mini-batch of ${count(Math.min(p.batch, r.data.n))}` : 'Lloyd'} · ${p.engine === 'tf' ? 'tfjs float32' : 'float64 JS'}`,
    testId: 'ro-algo',
  });
  return rows;
}

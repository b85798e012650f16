/* The readout's rows per part: the setting at once, then the numbers that matter, as text (the e2e tests read them). */
import type { ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import type { AbResult, DriftResult, SimResult } from './model';
import { capacity } from './sim';
import { mmc } from './queueing';
import { DRIFT_WINDOWS, SIM_WINDOWS, type DeployParams } from './params';
import { count, ms, percent, perSec, pValue } from './look';

const DIST_WORDS = { lognormal: 'log-normal', exp: 'exponential', constant: 'constant' } as const;

export function serveSettingRow(p: DeployParams): ReadoutRow {
  const batching = p.maxBatch > 1 ? `batches ≤ ${p.maxBatch}, wait ≤ ${fmt(p.maxWait)} ms` : 'no batching';
  return {
    label: 'Setting',
    value: `${perSec(p.rate)} · ${p.replicas} replica${p.replicas > 1 ? 's' : ''} · ${batching} · ${ms(p.fixed)} + ${ms(p.perItem)} per request, ${DIST_WORDS[p.dist]}${p.dist === 'lognormal' ? ` σ ${fmt(p.spread)}` : ''} · queue ≤ ${count(p.queue)} · ${count(p.requests)} requests`,
    testId: 'ro-setting',
  };
}

export function serveRows(p: DeployParams, r: SimResult | null, t: number): ReadoutRow[] {
  const rows: ReadoutRow[] = [serveSettingRow(p)];
  if (!r) return rows;
  const w = Math.min(SIM_WINDOWS, Math.max(1, t)) - 1;
  const T = r.totals;
  const cap = capacity(r.input, r.input.maxBatch);
  rows.push(
    { label: 'Time window', value: `${t} of ${SIM_WINDOWS} (simulated time ${ms((w + 1) * r.windowMs)})`, testId: 'ro-step' },
    { label: 'This window: p50 · p95 · p99', value: `${ms(r.p50[w])} · ${ms(r.p95[w])} · ${ms(r.p99[w])}`, testId: 'ro-window' },
    { label: 'This window: served · rejected · in the system at its end', value: `${perSec(r.served[w])} · ${perSec(r.rejectedRate[w])} · ${count(r.inSystem[w])}`, testId: 'ro-window-flow' },
    { label: 'Whole run: latency p50', value: ms(T.p50), testId: 'ro-p50' },
    { label: 'Whole run: latency p95', value: ms(T.p95), testId: 'ro-p95' },
    { label: 'Whole run: latency p99', value: ms(T.p99), testId: 'ro-p99' },
    { label: 'Mean wait in the queue · mean latency', value: `${ms(T.meanWait)} · ${ms(T.meanLatency)}`, testId: 'ro-mean' },
    { label: 'Throughput (served per second)', value: perSec(T.throughput), testId: 'ro-throughput' },
    { label: 'Rejected (queue full)', value: `${count(T.rejected)} (${percent(T.rejected / Math.max(1, T.rejected + T.accepted))})`, testId: 'ro-rejected' },
    { label: 'Replica utilisation · mean batch', value: `${percent(T.utilisation)} · ${fmt(T.meanBatch, 3)}`, testId: 'ro-util' },
    { label: `Capacity with full batches of ${r.input.maxBatch}`, value: `${perSec(cap)} (load ${percent(r.input.rate / cap, 0)})`, testId: 'ro-capacity' },
  );
  // Without batching and with exponential times the simulator is an M/M/c queue: say what theory predicts.
  if (r.input.maxBatch === 1 && r.input.dist === 'exp') {
    const q = mmc(r.input.rate, 1000 / (r.input.fixed + r.input.perItem), r.input.replicas);
    rows.push({ label: 'M/M/c theory: mean wait in the queue', value: q ? ms(1000 * q.meanWaitInQueue) : 'unstable (ρ ≥ 1): the queue grows without bound', testId: 'ro-theory' });
  }
  return rows;
}

export function driftSettingRow(p: DeployParams): ReadoutRow {
  return {
    label: 'Setting',
    value: `${p.drift} shift of ${fmt(p.shift)} SD from window ${p.start} · ${count(p.window)} rows per window · alert at PSI > ${fmt(p.threshold)}`,
    testId: 'ro-setting',
  };
}

export function driftRows(p: DeployParams, r: DriftResult | null, w: number): ReadoutRow[] {
  const rows: ReadoutRow[] = [driftSettingRow(p)];
  if (!r) return rows;
  const i = Math.min(DRIFT_WINDOWS, Math.max(1, w)) - 1;
  const fired = r.alertAt !== null && r.alertAt <= i + 1;
  rows.push(
    { label: 'Window', value: `${w} of ${DRIFT_WINDOWS} (mean of x shifted by ${fmt(r.shift[i])} SD)`, testId: 'ro-step' },
    { label: 'PSI of x against the reference', value: fmt(r.psi[i], 3), testId: 'ro-psi' },
    { label: 'KS statistic (5 % critical value)', value: `${fmt(r.ks[i], 3)} (${fmt(r.ksCritical, 3)})`, testId: 'ro-ks' },
    { label: 'Model accuracy in this window (without drift)', value: `${percent(r.accuracy[i])} (${percent(r.baseAccuracy)})`, testId: 'ro-accuracy' },
    {
      label: 'Alert',
      value: r.alertAt === null ? 'never fires' : fired ? `fired at window ${r.alertAt}${r.alertAt >= p.start ? ` (${r.alertAt - p.start} after the drift began)` : ' (before any drift: a false alarm)'}` : `not yet (fires at window ${r.alertAt})`,
      testId: 'ro-alert',
    },
    { label: 'False alarms (windows before the drift over the threshold)', value: String(r.falseAlarms), testId: 'ro-false' },
  );
  return rows;
}

export function abSettingRow(p: DeployParams): ReadoutRow {
  return {
    label: 'Setting',
    value: `${percent(p.split, 0)} of ${count(p.visitors)} visitors to B · true rates A ${percent(p.pA)}, B ${percent(p.pB)} · α ${fmt(p.alpha)}, power ${fmt(p.power)}`,
    testId: 'ro-setting',
  };
}

export function abRows(p: DeployParams, r: AbResult | null): ReadoutRow[] {
  const rows: ReadoutRow[] = [abSettingRow(p)];
  if (!r) return rows;
  const f = r.final;
  rows.push(
    { label: 'Visitors A · B', value: `${count(f.nA)} · ${count(f.nB)}`, testId: 'ro-arms' },
    { label: 'Conversions A · B', value: `${count(f.cA)} (${percent(f.test.pA, 2)}) · ${count(f.cB)} (${percent(f.test.pB, 2)})`, testId: 'ro-conversions' },
    { label: 'z (pooled, B − A) · two-sided p', value: `${fmt(f.test.z, 4)} · ${pValue(f.test.p)}`, testId: 'ro-z' },
    { label: 'Verdict at the end', value: f.test.p < p.alpha ? `significant at α = ${fmt(p.alpha)}` : `not significant at α = ${fmt(p.alpha)}`, testId: 'ro-verdict' },
    { label: "Cohen's h: true · observed", value: `${fmt(r.hTrue, 4)} · ${fmt(r.hObserved, 4)}`, testId: 'ro-h' },
    {
      label: 'Visitors needed per arm (even split) · in all at this split',
      value: Number.isFinite(r.nEven) ? `${count(Math.ceil(r.nEven))} · ${count(Math.ceil(r.nTotal))}` : 'none can show a zero effect',
      testId: 'ro-needed',
    },
    {
      label: 'Peeking: first look with p < α',
      value: r.firstSignificant === null ? 'none of the 50 looks' : `after ${count(r.firstSignificant)} visitors`,
      testId: 'ro-peek',
    },
  );
  return rows;
}

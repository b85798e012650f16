/**
 * The deployment panel's computations, from params to plain results: the serving simulation
 * (sim.ts), the batching sweep (the same simulator at several max-batch sizes and loads), the
 * drift monitor (drift.ts) and the A/B rollout (ab.ts). Everything here is pure and runs in the
 * panel's worker (compute.worker.ts) and in vitest alike.
 */
import { capacity, simulate, type SimInput, type SimResult } from './sim';
import { driftStudy, type DriftInput } from './drift';
import { abStudy, type AbInput } from './ab';
import { DRIFT_WINDOWS, SIM_WINDOWS, type DeployParams } from './params';

export { simulate, capacity } from './sim';
export { driftStudy } from './drift';
export { abStudy } from './ab';
export type { SimInput, SimResult } from './sim';
export type { DriftInput, DriftResult } from './drift';
export type { AbInput, AbResult } from './ab';

export function simInput(p: DeployParams): SimInput {
  return {
    rate: p.rate,
    replicas: p.replicas,
    maxBatch: p.maxBatch,
    maxWait: p.maxWait,
    fixed: p.fixed,
    perItem: p.perItem,
    dist: p.dist,
    spread: p.spread,
    queueLimit: p.queue,
    requests: Math.round(p.requests),
    windows: SIM_WINDOWS,
    seed: p.seed,
  };
}

export function driftInput(p: DeployParams): DriftInput {
  return { kind: p.drift, size: p.shift, start: p.start, window: p.window, threshold: p.threshold, windows: DRIFT_WINDOWS, seed: p.seed };
}

export function abInput(p: DeployParams): AbInput {
  return { split: p.split, pA: p.pA, pB: p.pB, visitors: Math.round(p.visitors), alpha: p.alpha, power: p.power, looks: 50, seed: p.seed };
}

/** The max-batch sizes the sweep compares, and the requests simulated per point. */
export const SWEEP_BATCHES = [1, 2, 4, 8, 16, 32, 64] as const;
export const SWEEP_LOADS = 10;
export const SWEEP_REQUESTS = 4000;

/** The sweep does not depend on the arrival rate or the max batch: those are what it varies. */
export type SweepInput = Omit<SimInput, 'rate' | 'maxBatch' | 'requests' | 'windows'>;

export interface SweepCurve {
  maxBatch: number;
  /** Per load: the arrival rate asked, the throughput reached, p99 latency (ms) and the share rejected. */
  rate: number[];
  throughput: number[];
  p99: number[];
  rejected: number[];
}

export interface SweepResult {
  input: SweepInput;
  curves: SweepCurve[];
  /** The arrival rates tried, the same for every curve (log-spaced). */
  rates: number[];
}

export function sweepInput(p: DeployParams): SweepInput {
  const s = simInput(p);
  return { replicas: s.replicas, maxWait: s.maxWait, fixed: s.fixed, perItem: s.perItem, dist: s.dist, spread: s.spread, queueLimit: s.queueLimit, seed: s.seed };
}

/** Loads from a tenth of the unbatched capacity to 1.2 times the largest batch's capacity. */
export function sweepRates(s: SweepInput): number[] {
  const lo = 0.1 * capacity(s, 1), hi = 1.2 * capacity(s, SWEEP_BATCHES[SWEEP_BATCHES.length - 1]);
  const out: number[] = [];
  for (let k = 0; k < SWEEP_LOADS; k++) out.push(lo * (hi / lo) ** (k / (SWEEP_LOADS - 1)));
  return out;
}

/** One point of the sweep (the worker runs them one by one, so a newer setting can cancel between points). */
export function sweepPoint(s: SweepInput, maxBatch: number, rate: number): { throughput: number; p99: number; rejected: number } {
  const r = simulate({ ...s, rate, maxBatch, requests: SWEEP_REQUESTS, windows: 1 }, { windows: false });
  const t = r.totals;
  return { throughput: t.throughput, p99: t.p99, rejected: t.rejected / (t.rejected + t.accepted) };
}

export function sweepJob(s: SweepInput) {
  const rates = sweepRates(s);
  const curves: SweepCurve[] = SWEEP_BATCHES.map((maxBatch) => ({ maxBatch, rate: [], throughput: [], p99: [], rejected: [] }));
  let k = 0;
  const total = SWEEP_BATCHES.length * rates.length;
  return {
    /** One point per call; true when all are done. */
    step(): boolean {
      if (k >= total) return true;
      const c = curves[Math.floor(k / rates.length)], rate = rates[k % rates.length];
      const pt = sweepPoint(s, c.maxBatch, rate);
      c.rate.push(rate);
      c.throughput.push(pt.throughput);
      c.p99.push(pt.p99);
      c.rejected.push(pt.rejected);
      k++;
      return k >= total;
    },
    result: (): SweepResult => ({ input: s, curves, rates }),
    progress: () => k / total,
  };
}

export function sweep(s: SweepInput): SweepResult {
  const job = sweepJob(s);
  while (!job.step());
  return job.result();
}

/** Entry points by part, for tests and the bench. */
export const serveFor = (p: DeployParams): SimResult => simulate(simInput(p));
export const driftFor = (p: DeployParams) => driftStudy(driftInput(p));
export const abFor = (p: DeployParams) => abStudy(abInput(p));

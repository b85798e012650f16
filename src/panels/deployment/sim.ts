/**
 * The serving simulator: a seeded discrete-event simulation of a model server. Requests arrive
 * as a Poisson process; they wait in one first-in-first-out queue (a request that finds
 * `queueLimit` others waiting is rejected); `replicas` identical servers take them in batches.
 *
 * Dynamic batching (the rule of TF Serving and Triton): a free replica takes the waiting requests
 * as one batch once `maxBatch` of them are waiting, or once the oldest has waited `maxWait`,
 * whichever comes first, never more than `maxBatch`. A batch of b requests takes
 * (fixed + perItem · b) · F milliseconds, F a random factor: log-normal with median 1 and spread σ,
 * exponential with mean 1, or 1. With maxBatch 1 and exponential times this is the M/M/c queue.
 *
 * The events are processed in time order without a heap: batches leave the queue in arrival
 * order and their dispatch times never decrease, so before each arrival every batch that starts
 * earlier is dispatched (see runCore). Times are in milliseconds. Pure: no React, no DOM.
 */
import { quantilesUnsorted } from './stats';
import { draws, drawMore, scratch } from './simBuffers';

export type ServiceDist = 'lognormal' | 'exp' | 'constant';

export interface SimInput {
  /** Arrivals per second. */
  rate: number;
  replicas: number;
  maxBatch: number;
  /** Milliseconds the oldest request may wait for a batch to fill. */
  maxWait: number;
  /** Milliseconds per batch, and per request in it. */
  fixed: number;
  perItem: number;
  dist: ServiceDist;
  /** σ of the log-normal factor. */
  spread: number;
  queueLimit: number;
  requests: number;
  /** Time windows the run is summarised in (the player's steps). */
  windows: number;
  seed: number;
}

export interface SimTotals {
  accepted: number;
  rejected: number;
  /** Mean wait in the queue and mean latency (wait + batch time) of accepted requests, ms. */
  meanWait: number;
  meanLatency: number;
  p50: number;
  p95: number;
  p99: number;
  /** Completed requests per second over the run (first arrival to last completion). */
  throughput: number;
  /** Share of replica time spent serving. */
  utilisation: number;
  /** Mean batch size. */
  meanBatch: number;
  /** When the last arrival came and the last request finished, ms. */
  lastArrival: number;
  end: number;
}

export interface SimResult {
  input: SimInput;
  totals: SimTotals;
  /** Window length in ms; window w covers [w·len, (w+1)·len) of simulated time. */
  windowMs: number;
  /** Per window (by arrival time): latency percentiles of the requests that arrived in it (NaN: none). */
  p50: Float64Array;
  p95: Float64Array;
  p99: Float64Array;
  /** Per window, per second: arrivals, completions, rejections. */
  offered: Float64Array;
  served: Float64Array;
  rejectedRate: Float64Array;
  /** Requests waiting or in service at the end of each window. */
  inSystem: Float64Array;
  /** Requests rejected by the end of each window (cumulative). */
  rejectedSoFar: Float64Array;
  /** Batches of each size 1..maxBatch (index 0 unused). */
  batchSizes: Float64Array;
}

/** Mean of the service-time factor F. */
export function factorMean(dist: ServiceDist, spread: number): number {
  return dist === 'lognormal' ? Math.exp((spread * spread) / 2) : 1;
}

/** Most requests per second the replicas can serve with full batches of b. */
export function capacity(s: Pick<SimInput, 'replicas' | 'fixed' | 'perItem' | 'dist' | 'spread'>, b: number): number {
  return (1000 * s.replicas * b) / ((s.fixed + s.perItem * b) * factorMean(s.dist, s.spread));
}

/** Mean and percentiles only (no per-window arrays): the batching sweep and the queueing tests. */
export interface SimOptions {
  windows?: boolean;
  /** Requests at the start left out of the totals (the empty queue at t = 0 flatters them). */
  warmup?: number;
  /** Whole-run percentiles (a pass over every latency; default true): the queueing tests need only means. */
  percentiles?: boolean;
}

interface Core {
  latency: Float64Array; // NaN for a rejected request
  wait: Float64Array; // time in the queue, ms (NaN for a rejected request)
  accepted: number;
  busy: number;
  batches: number;
  batchSizes: Float64Array;
  end: number;
}

/**
 * The event loop. One function with plain locals and the dispatch written inline (issue 8: as two
 * closures over a dozen mutable variables it was about three times slower), on the seed's kept
 * draws (simBuffers.ts): before each arrival every batch that starts earlier is dispatched, then
 * the arrival joins the queue or is rejected; at the end (`until` = Infinity) every batch that
 * remains. Completions are counted into `finished` per window of `windowMs` as their batch is
 * dispatched (the per-request completion times are never stored).
 */
function runCore(s: SimInput, N: number, arrival: Float64Array, finished: Float64Array, windowMs: number): Core {
  const B = Math.max(1, Math.floor(s.maxBatch));
  const c = Math.max(1, Math.floor(s.replicas));
  const wait = Math.max(0, s.maxWait);
  const limit = Math.max(0, s.queueLimit);
  const free = new Float64Array(c);
  const { queue, latency, waited } = scratch(N);
  const batchSizes = new Float64Array(B + 1);
  const { fixed, perItem, spread } = s;
  // The batch time's factor: the k-th batch takes the k-th draw of the seed's service stream.
  const kind = s.dist === 'exp' ? 0 : s.dist === 'lognormal' ? 1 : 2;
  const svc = kind === 2 ? null : draws(s.seed, kind === 0 ? 'exp' : 'normal', 0);
  let fv = svc ? svc.values : free, fc = svc ? svc.count : 0;
  const W = finished.length, horizon = W * windowMs;
  let qh = 0, qt = 0, busy = 0, batches = 0, accepted = 0, end = 0;
  for (let i = 0; i <= N; i++) {
    const until = i < N ? arrival[i] : Infinity;
    // Every batch whose dispatch time is before `until`.
    while (qt > qh) {
      let k = 0;
      for (let r = 1; r < c; r++) if (free[r] < free[k]) k = r;
      const F = free[k];
      const oldest = arrival[queue[qh]];
      // Full, or the oldest request's wait is up: the earlier of the two, once a replica is free.
      // A batch not yet full may still fill from arrivals at or after `until`: then it is decided later.
      const ready = qt - qh >= B ? Math.min(arrival[queue[qh + B - 1]], oldest + wait) : oldest + wait;
      const D = ready > F ? ready : F;
      if (!(D < until)) break;
      let b = 0;
      while (b < B && qh + b < qt && arrival[queue[qh + b]] <= D) b++;
      if (svc && batches === fc) {
        drawMore(svc, fc + Math.max(4096, fc >> 1));
        fv = svc.values;
        fc = svc.count;
      }
      const S = (fixed + perItem * b) * (kind === 0 ? fv[batches] : kind === 1 ? Math.exp(spread * fv[batches]) : 1);
      const fin = D + S;
      free[k] = fin;
      busy += S;
      batches++;
      batchSizes[b]++;
      if (fin > end) end = fin;
      if (fin < horizon) finished[Math.min(W - 1, Math.floor(fin / windowMs))] += b;
      for (let m = 0; m < b; m++) {
        const j = queue[qh + m];
        latency[j] = fin - arrival[j];
        waited[j] = D - arrival[j];
      }
      qh += b;
    }
    if (i === N) break;
    if (qt - qh >= limit) {
      latency[i] = NaN; // rejected
      waited[i] = NaN;
      continue;
    }
    queue[qt++] = i;
    accepted++;
  }
  return { latency, wait: waited, accepted, busy, batches, batchSizes, end };
}

export function simulate(s: SimInput, opts: SimOptions = {}): SimResult {
  const N = Math.max(1, Math.floor(s.requests));
  // Request i arrives after the seed's first i + 1 gaps, each divided by the rate per ms.
  const gaps = draws(s.seed, 'gap', N).values;
  const lam = s.rate / 1000;
  const arrival = scratch(N).arrival;
  let t = 0;
  for (let i = 0; i < N; i++) {
    t += gaps[i] / lam;
    arrival[i] = t;
  }
  const lastArrival = arrival[N - 1];
  const W = opts.windows === false ? 0 : Math.max(1, Math.floor(s.windows));
  const windowMs = W ? lastArrival / W : 0;
  const finished = new Float64Array(W);
  const core = runCore(s, N, arrival, finished, windowMs);
  const { latency } = core;
  const warm = Math.min(N - 1, Math.max(0, Math.floor(opts.warmup ?? 0)));

  // Totals over the requests after the warm-up.
  let sumLat = 0, sumWait = 0, rejected = 0;
  const sel = scratch(N).select; // the kept latencies, then each window's
  let nk = 0;
  for (let i = warm; i < N; i++) {
    const L = latency[i];
    if (L !== L) {
      rejected++;
      continue;
    }
    sel[nk++] = L;
    sumLat += L;
    sumWait += core.wait[i];
  }
  // Percentiles by selection, not a sort: the sorts were most of the time of a long run.
  const [q50, q95, q99] = opts.percentiles === false ? [NaN, NaN, NaN] : quantilesUnsorted(sel.subarray(0, nk), [0.5, 0.95, 0.99]);
  const c = Math.max(1, Math.floor(s.replicas));
  const meanBatch = core.batches ? core.accepted / core.batches : 0;
  const totals: SimTotals = {
    accepted: nk,
    rejected,
    meanWait: nk ? sumWait / nk : NaN,
    meanLatency: nk ? sumLat / nk : NaN,
    p50: q50,
    p95: q95,
    p99: q99,
    throughput: core.end > 0 ? (1000 * core.accepted) / core.end : 0,
    utilisation: core.end > 0 ? core.busy / (c * core.end) : 0,
    meanBatch,
    lastArrival,
    end: core.end,
  };

  const p50 = new Float64Array(W), p95 = new Float64Array(W), p99 = new Float64Array(W);
  const offered = new Float64Array(W), served = new Float64Array(W), rejectedRate = new Float64Array(W);
  const inSystem = new Float64Array(W), rejectedSoFar = new Float64Array(W);
  if (W) {
    const arrivedAcc = new Float64Array(W), rej = new Float64Array(W);
    let start = 0;
    for (let w = 0; w < W; w++) {
      let stop = start;
      const edge = (w + 1) * windowMs;
      while (stop < N && (w === W - 1 || arrival[stop] < edge)) stop++;
      let m = 0;
      for (let i = start; i < stop; i++) {
        const L = latency[i];
        if (L !== L) rej[w]++;
        else sel[m++] = L;
      }
      offered[w] = stop - start;
      arrivedAcc[w] = m;
      [p50[w], p95[w], p99[w]] = quantilesUnsorted(sel.subarray(0, m), [0.5, 0.95, 0.99]);
      start = stop;
    }
    const sec = windowMs / 1000;
    let inSys = 0, rejSum = 0;
    for (let w = 0; w < W; w++) {
      inSys += arrivedAcc[w] - finished[w];
      rejSum += rej[w];
      inSystem[w] = inSys;
      rejectedSoFar[w] = rejSum;
      offered[w] /= sec;
      served[w] = finished[w] / sec;
      rejectedRate[w] = rej[w] / sec;
    }
  }
  return { input: s, totals, windowMs, p50, p95, p99, offered, served, rejectedRate, inSystem, rejectedSoFar, batchSizes: core.batchSizes };
}

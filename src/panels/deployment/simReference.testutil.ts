/**
 * The serving simulator as it was before stop 31 (sim.ts at commit ccf15ec, with the percentile
 * selection of stats.ts then), kept verbatim for the tests only: sim.ts is faster (no closures in
 * the event loop, reused buffers, the seed's draws kept, Floyd–Rivest selection) and must give these
 * results to the bit (simReference.test.ts). Not imported by the app.
 */
import { stream } from '../../lib/random/rng';
import type { SimInput, SimOptions, SimResult, SimTotals } from './sim';

/**
 * Moves a[k] to where a full ascending sort would put it, the values in [lo, k) at or below it and
 * those in (k, hi) at or above (quickselect: Hoare partitions around a median of three).
 */
function selectRank(a: Float64Array, k: number, lo: number, hi: number): void {
  let l = lo, r = hi - 1;
  while (r > l) {
    const x = a[l], y = a[(l + r) >> 1], z = a[r];
    const p = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = l, j = r;
    while (i <= j) {
      while (a[i] < p) i++;
      while (a[j] > p) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}

/**
 * quantileSorted of the sorted `a` at each of the ascending `qs`, without sorting: the order
 * statistics each quantile needs are selected (O(n) each, where a sort is O(n log n)); they are
 * the same values, so the results are the same numbers. Reorders `a` (finite values).
 */
function quantilesUnsorted(a: Float64Array, qs: readonly number[]): number[] {
  const n = a.length;
  let from = 0;
  return qs.map((q) => {
    if (n === 0) return NaN;
    const pos = q * (n - 1);
    const i = Math.floor(pos), f = pos - i;
    selectRank(a, i, from, n);
    from = i; // what lies before i is no larger than a[i]: later ranks are at or after it
    if (i + 1 >= n) return a[n - 1];
    let next = Infinity;
    for (let j = i + 1; j < n; j++) if (a[j] < next) next = a[j];
    return a[i] + f * (next - a[i]);
  });
}

interface Core {
  arrival: Float64Array;
  latency: Float64Array; // NaN for a rejected request
  wait: Float64Array; // time in the queue, ms (NaN for a rejected request)
  done: Float64Array;
  accepted: number;
  busy: number;
  batches: number;
  batchSizes: Float64Array;
  end: number;
}

function runCore(s: SimInput): Core {
  const N = Math.max(1, Math.floor(s.requests));
  const lam = s.rate / 1000; // per ms
  const arr = stream(s.seed, 'arrivals');
  const svc = stream(s.seed, 'service');
  const arrival = new Float64Array(N);
  let t = 0;
  for (let i = 0; i < N; i++) {
    t += -Math.log(1 - arr.next()) / lam; // 1 − U is in (0, 1]: no log(0)
    arrival[i] = t;
  }
  const B = Math.max(1, Math.floor(s.maxBatch));
  const c = Math.max(1, Math.floor(s.replicas));
  const wait = Math.max(0, s.maxWait);
  const limit = Math.max(0, s.queueLimit);
  const free = new Float64Array(c);
  const queue = new Int32Array(N);
  const latency = new Float64Array(N).fill(NaN);
  const waited = new Float64Array(N).fill(NaN);
  const done = new Float64Array(N).fill(NaN);
  const batchSizes = new Float64Array(B + 1);
  const { fixed, perItem, dist, spread } = s;
  let qh = 0, qt = 0, busy = 0, batches = 0, accepted = 0, end = 0;

  const factor = (): number => (dist === 'exp' ? -Math.log(1 - svc.next()) : dist === 'lognormal' ? Math.exp(spread * svc.normal()) : 1);

  /** Starts every batch whose dispatch time is before `until` (Infinity: all that remain). */
  const dispatchBefore = (until: number) => {
    while (qt > qh) {
      let k = 0;
      for (let r = 1; r < c; r++) if (free[r] < free[k]) k = r;
      const F = free[k];
      const oldest = arrival[queue[qh]];
      // Full, or the oldest request's wait is up: the earlier of the two, once a replica is free.
      // A batch not yet full may still fill from arrivals at or after `until`: then it is decided later.
      const ready = qt - qh >= B ? Math.min(arrival[queue[qh + B - 1]], oldest + wait) : oldest + wait;
      const D = ready > F ? ready : F;
      if (!(D < until)) return;
      let b = 0;
      while (b < B && qh + b < qt && arrival[queue[qh + b]] <= D) b++;
      const S = (fixed + perItem * b) * factor();
      const fin = D + S;
      free[k] = fin;
      busy += S;
      batches++;
      batchSizes[b]++;
      if (fin > end) end = fin;
      for (let m = 0; m < b; m++) {
        const i = queue[qh + m];
        latency[i] = fin - arrival[i];
        waited[i] = D - arrival[i];
        done[i] = fin;
      }
      qh += b;
    }
  };

  for (let i = 0; i < N; i++) {
    dispatchBefore(arrival[i]);
    if (qt - qh >= limit) continue; // rejected: latency stays NaN
    queue[qt++] = i;
    accepted++;
  }
  dispatchBefore(Infinity);
  return { arrival, latency, wait: waited, done, accepted, busy, batches, batchSizes, end };
}

export function simulateReference(s: SimInput, opts: SimOptions = {}): SimResult {
  const core = runCore(s);
  const { arrival, latency, done } = core;
  const N = arrival.length;
  const warm = Math.min(N - 1, Math.max(0, Math.floor(opts.warmup ?? 0)));

  // Totals over the requests after the warm-up.
  let sumLat = 0, sumWait = 0, rejected = 0;
  const kept = new Float64Array(N - warm);
  let nk = 0;
  for (let i = warm; i < N; i++) {
    const L = latency[i];
    if (L !== L) {
      rejected++;
      continue;
    }
    kept[nk++] = L;
    sumLat += L;
    sumWait += core.wait[i];
  }
  // Percentiles by selection, not a sort: the sorts were most of the time of a long run.
  const [q50, q95, q99] = opts.percentiles === false ? [NaN, NaN, NaN] : quantilesUnsorted(kept.subarray(0, nk), [0.5, 0.95, 0.99]);
  const lastArrival = arrival[N - 1];
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

  const W = opts.windows === false ? 0 : Math.max(1, Math.floor(s.windows));
  const windowMs = W ? lastArrival / W : 0;
  const p50 = new Float64Array(W), p95 = new Float64Array(W), p99 = new Float64Array(W);
  const offered = new Float64Array(W), served = new Float64Array(W), rejectedRate = new Float64Array(W);
  const inSystem = new Float64Array(W), rejectedSoFar = new Float64Array(W);
  if (W) {
    const arrivedAcc = new Float64Array(W), finished = new Float64Array(W), rej = new Float64Array(W);
    const win = (time: number) => Math.min(W - 1, Math.floor(time / windowMs));
    let start = 0;
    const buf = new Float64Array(N);
    for (let w = 0; w < W; w++) {
      let stop = start;
      const edge = (w + 1) * windowMs;
      while (stop < N && (w === W - 1 || arrival[stop] < edge)) stop++;
      let m = 0;
      for (let i = start; i < stop; i++) {
        const L = latency[i];
        offered[w]++;
        if (L !== L) rej[w]++;
        else {
          buf[m++] = L;
          arrivedAcc[w]++;
        }
      }
      [p50[w], p95[w], p99[w]] = quantilesUnsorted(buf.subarray(0, m), [0.5, 0.95, 0.99]);
      start = stop;
    }
    for (let i = 0; i < N; i++) {
      const d = done[i];
      if (d === d && d < W * windowMs) finished[win(d)]++;
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

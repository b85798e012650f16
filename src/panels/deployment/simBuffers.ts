/**
 * What the serving simulator keeps between runs in one worker (issue 8): the random draws of a
 * seed, which no control but the seed changes, and its working arrays, which are never part of a
 * result.
 *
 * Draws: the simulator takes the k-th gap between arrivals from the k-th draw of the seed's
 * 'arrivals' stream (an exponential of mean 1, divided by the rate), and the k-th batch's time
 * factor from the k-th draw of its 'service' stream (an exponential of mean 1, or a standard
 * normal for the log-normal factor). The sequence of draws is fixed by the seed, whatever the
 * rate, batching or queue: only how many are used changes. So each sequence is kept with its
 * stream and drawn further only when a run needs more. A key press on any control but the seed
 * and the latency distribution then draws nothing (the logarithms, square roots, sines and
 * cosines of the draws were most of a run's time), "Simulated requests" draws the ~12 % it
 * adds, and each half of the batching sweep draws once for its 35 runs. The values are the
 * fresh draws' to the bit: the same streams, consumed in the same order (simReference.test.ts).
 *
 * Working arrays: the arrival times, the queue, the latencies and waits, and the buffer the
 * percentiles are selected in are reused (a million requests allocated ~56 MB a run, all garbage
 * once summarised). They grow in steps and shrink again after a run 8× smaller. Pure: no React,
 * no DOM.
 */
import { stream, type Rng } from '../../lib/random/rng';
import { createCache } from '../../lib/panel/cache';
import { schema } from './params';

/** Which sequence: arrival gaps, exponential service factors, or the normals of log-normal ones. */
export type DrawKind = 'gap' | 'exp' | 'normal';

export interface Draws {
  /** values[0..count): the first `count` draws of the sequence. */
  values: Float64Array;
  count: number;
  rng: Rng;
  kind: DrawKind;
}

// One seed's sequences (at most three). A million requests keep ~16 MB here.
const kept = createCache<Draws>(3);

/** The most requests the panel simulates (the "Simulated requests" slider's top). */
const MOST = schema.requests.max;

/**
 * Room for n values: n, rounded up a quarter so that a run a little longer does not reallocate;
 * past a quarter of the most requests, room for the most at once. Each step of the requests
 * slider adds 12 %, so a quarter more reallocated every other step, and at a few hundred
 * thousand requests that was five or six arrays of several megabytes made and zeroed, and the
 * old ones collected: 20–40 ms of a 40–60 ms run (issue 8). The peak is what the slider's top
 * takes anyway. Only capacities change: the values are the same draws.
 */
export const room = (n: number) => (n > MOST / 4 ? Math.max(n, MOST) : Math.max(n, Math.ceil(1.25 * n)));

/** The kept draws of `kind` for `seed`, at least `n` of them. */
export function draws(seed: number, kind: DrawKind, n: number): Draws {
  const key = `${seed}|${kind}`;
  let d = kept.peek(key);
  if (!d) {
    d = { values: new Float64Array(room(n)), count: 0, rng: stream(seed, kind === 'gap' ? 'arrivals' : 'service'), kind };
    kept.set(key, d);
  }
  if (d.count < n) drawMore(d, n);
  return d;
}

/** Draws until `d` holds at least `n` values. The expressions are the simulator's own: 1 − U is in (0, 1], no log(0). */
export function drawMore(d: Draws, n: number): void {
  if (d.values.length < n) {
    const grown = new Float64Array(room(n));
    grown.set(d.values.subarray(0, d.count));
    d.values = grown;
  }
  const { values, rng } = d;
  if (d.kind === 'normal') for (let i = d.count; i < n; i++) values[i] = rng.normal();
  else for (let i = d.count; i < n; i++) values[i] = -Math.log(1 - rng.next());
  d.count = n;
}

interface Scratch {
  arrival: Float64Array;
  queue: Int32Array;
  latency: Float64Array;
  waited: Float64Array;
  select: Float64Array;
}

let work: Scratch | null = null;

/** Working arrays of at least `n` entries (their contents are left from the last run). */
export function scratch(n: number): Scratch {
  const size = work ? work.queue.length : 0;
  if (!work || size < n || size > 8 * room(n)) {
    const m = room(n);
    work = { arrival: new Float64Array(m), queue: new Int32Array(m), latency: new Float64Array(m), waited: new Float64Array(m), select: new Float64Array(m) };
  }
  return work;
}

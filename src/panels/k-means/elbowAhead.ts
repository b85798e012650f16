/**
 * The elbow one slider step ahead (issue 8). A step of the spread, groups or points slider makes a
 * new data set, and each of the panel's two workers then runs its half of the elbow (30 Lloyd runs
 * and their silhouettes: 15–20 ms of CPU at the default, more at a wide spread) while the page
 * records the new run beside it, three threads on two cores. A learner stepping a slider mostly
 * steps it again the same way, so once a worker has answered and the page has had time to draw,
 * it computes its half for the data one more step along (the kit's step ahead, lib/worker/
 * stepAhead.ts: the guess, the idle wait, one K per task, any request stops it). The worker makes
 * those data itself, as the page does (createDataGrower, the same points to the bit), and a request
 * takes the prepared curve only if its sample is the page's to the bit: a curve is the same pure
 * function of the same numbers whichever way it came, so only when it is shown changes.
 * No React, no DOM.
 */
import { createCache } from '../../lib/panel/cache';
import type { Stepwise } from '../../lib/panel/schedule';
import type { ModelContext } from '../../lib/worker/expose';
import { createStepAhead, stepPredictor } from '../../lib/worker/stepAhead';
import type { Half } from '../../lib/worker/useHalvesComputed';
import type { ElbowInput } from './compute';
import { dataKey } from './data';
import { ElbowCancelled, elbowJob, elbowSample, type ElbowResult } from './elbow';
import { createDataGrower } from './growData';
import { pointsOf } from './model';
import { LOG_STEP, logPosition, logSliderValue } from './logSlider';
import { schema } from './params';

export type ElbowAsk = Half<ElbowInput>;

/** What the data (so the curve) depend on, and the worker's half. */
const FIELDS = ['dataset', 'groups', 'spread', 'n', 'seed', 'csv', 'shard'] as const;
const linear = stepPredictor<ElbowAsk>(schema, ['groups', 'spread'], FIELDS);

/**
 * The n the points slider's next step gives after `prev` → `cur`: one step further the same way
 * (back at an end), as the range input and LogIntSlider compute it (logSlider.ts). Null when there
 * is no such step. A wrong guess only loses the step ahead.
 */
export function nextN(prev: number, cur: number): number | null {
  if (prev === cur) return null;
  const { min, max } = schema.n;
  const dir = cur > prev ? 1 : -1;
  const pos = logPosition(cur, min);
  const at = (d: number): number | null => {
    const p = pos + d * LOG_STEP;
    // The range input's last position is the last one of its grid not above log10(max).
    if (p > Math.log10(max) + 1e-9 || p < Math.log10(min) - 1e-9) return null;
    return logSliderValue(cur, 10 ** p, min);
  };
  const next = at(dir) ?? at(-dir);
  return next === null || next === cur ? null : next;
}

/** The input after `cur` when `prev` was asked before it (same worker half), or null. */
export function nextElbow(prev: ElbowAsk | null, cur: ElbowAsk): ElbowAsk | null {
  // Own data have no data sliders; the moons ignore groups (the same data set).
  if (!prev || cur.dataset === 'csv') return null;
  const moved = FIELDS.filter((f) => prev[f] !== cur[f]);
  if (moved.length === 1 && moved[0] === 'n') {
    const n = nextN(prev.n, cur.n);
    return n === null ? null : { ...cur, n };
  }
  const next = linear(prev, cur);
  return next && (cur.dataset !== 'moons' || next.groups === cur.groups) ? next : null;
}

/** A half of the elbow under way, and the sample it runs on. */
interface Work {
  job: Stepwise<ElbowResult>;
  sample: Float64Array;
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface ElbowAheadOptions {
  /** Resolves when a step ahead may start (default: the kit's STEP_AHEAD_IDLE_MS). */
  idle?: () => Promise<void>;
  /** Resolves on a fresh task, after the messages that came meanwhile (default: the kit's). */
  pause?: () => Promise<void>;
}

/** The worker's elbow model: cached curves, and the next step's curve prepared when idle. */
export function createElbowAhead(o: ElbowAheadOptions = {}) {
  /** Small results (about 40 numbers each), the slowest to remake: switching data sets back, or
   *  dragging the points slider back over values just seen, is free. Results hold no typed arrays,
   *  so sending one (which moves typed arrays) leaves the cached copy intact. */
  const elbows = createCache<ElbowResult>(48);
  // The data sets of the guesses, made as the page makes its own (a larger n draws only the points it adds).
  const grow = createDataGrower();
  const keyOf = (p: ElbowAsk) => `${dataKey(p)} ${p.shard}`;
  const work = (sample: Float64Array, p: ElbowAsk): Work => ({ sample, job: elbowJob(pointsOf(sample), { seed: p.seed, shard: p.shard }) });
  const ahead = createStepAhead<ElbowAsk, Work>({
    key: keyOf,
    // A curve already cached needs no step ahead.
    predict: (prev, cur) => {
      const next = nextElbow(prev, cur);
      return next && !elbows.peek(keyOf(next)) ? next : null;
    },
    make: (a) => work(elbowSample(grow(a), a.seed).x, a),
    grow: (w) => w.job.step(),
    idle: o.idle,
    pause: o.pause,
  });

  return {
    /** The page's request: this half of the curve for the sample sent. */
    async elbow(p: ElbowAsk, ctx: Pick<ModelContext, 'yield' | 'cancelled'>): Promise<ElbowResult> {
      const key = keyOf(p);
      const ready = ahead.take(p);
      let e = elbows.peek(key);
      if (!e) {
        const w = ready && sameValues(ready.sample, p.sample) ? ready : work(p.sample, p);
        // One K per slice: a newer data set cancels this one between two K's (the kit drops it).
        while (!w.job.step()) {
          await ctx.yield();
          if (ctx.cancelled()) throw new ElbowCancelled('the elbow curve was superseded');
        }
        e = w.job.result();
        elbows.set(key, e);
      }
      ahead.answered(p);
      return e;
    },
    /** The keys of curves prepared ahead and not yet asked for (tests). */
    prepared: () => ahead.keys(),
  };
}

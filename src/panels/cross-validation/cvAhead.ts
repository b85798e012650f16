/**
 * One step ahead (issue 8), in each of the panel's two workers. A step of the samples slider
 * changes every computation: the main job, both halves of the spread and both halves of the leak
 * demo (whose noise sets are drawn again for the new sample count), so the page waits for the
 * busier worker, beside its own drawing, on two cores. A learner stepping a slider mostly steps it
 * again the same way, so once the worker has answered everything asked and has been quiet a
 * moment (the page draws meanwhile), it computes its share of the setting one step further along
 * the slider last moved (the kit's step ahead, lib/worker/stepAhead.ts: the guess, the slices, a
 * request takes the work prepared for its very input). The numbers are the same pure functions of
 * the same input (computeCv, spreadPartRun, leakPartRun over the worker's kept noise sets, whose
 * numbers are a fresh set's), so only when they are shown changes.
 *
 * One step ahead per computation (each has its own input and guess), sharing one quiet signal: a
 * step ahead starts only when no request has run for STEP_AHEAD_IDLE_MS, and pauses while any
 * request runs, so it never slows an answer the page waits for. No React, no DOM.
 */
import { sleep, type Stepwise } from '../../lib/panel/schedule';
import type { ModelContext } from '../../lib/worker/expose';
import { nextTask } from '../../lib/worker/scope';
import { sliced } from '../../lib/worker/sliced';
import { createStepAhead, STEP_AHEAD_IDLE_MS, stepPredictor, type StepAhead } from '../../lib/worker/stepAhead';
import type { Half } from '../../lib/worker/useHalvesComputed';
import { leakPartRun, type LeakPart } from './leakParts';
import { computeCv, type CvResult, type LeakParams, type MainParams, type SpreadParams } from './model';
import type { NoiseSets } from './noiseSets';
import { schema } from './params';
import { spreadPartRun, type SpreadPart } from './spreadParts';

/** Each computation's input fields (what it depends on) and the linear sliders among them. */
const MAIN_FIELDS = ['n', 'folds', 'scheme', 'gap', 'window', 'balance', 'groups', 'groupEffect', 'k', 'seed'] as const;
const MAIN_SLIDERS = ['n', 'folds', 'gap', 'window', 'balance', 'groups', 'groupEffect', 'k'] as const;
const SPREAD_FIELDS = ['n', 'folds', 'balance', 'groups', 'groupEffect', 'k', 'repeats', 'seed', 'shard'] as const;
const SPREAD_SLIDERS = ['n', 'folds', 'balance', 'groups', 'groupEffect', 'k', 'repeats'] as const;
// The noise features are on a log slider (not guessed); the grouped data's settings move only in the groups demo.
const LEAK_FIELDS = ['leak', 'n', 'folds', 'k', 'features', 'keep', 'seed', 'balance', 'groups', 'groupEffect', 'shard'] as const;
const LEAK_SLIDERS = ['n', 'folds', 'k', 'keep', 'balance', 'groups', 'groupEffect'] as const;

export const nextMain = stepPredictor<MainParams>(schema, MAIN_SLIDERS, MAIN_FIELDS);
export const nextSpread = stepPredictor<Half<SpreadParams>>(schema, SPREAD_SLIDERS, SPREAD_FIELDS);
export const nextLeak = stepPredictor<Half<LeakParams>>(schema, LEAK_SLIDERS, LEAK_FIELDS);

const keyOf = (fields: readonly string[]) => (p: object) => fields.map((f) => String((p as Record<string, unknown>)[f])).join('|');
/** What each computation's work depends on: a request with the same key takes the work prepared. */
export const mainKey = keyOf(MAIN_FIELDS), spreadKey = keyOf(SPREAD_FIELDS), leakKey = keyOf(LEAK_FIELDS);

/** Work per slice of a step ahead before the worker looks at its messages again. */
export const AHEAD_SLICE_MS = 4;

/** Steps `job` for about `ms`; true once it is done. */
function stepFor<R>(job: Stepwise<R>, ms = AHEAD_SLICE_MS): boolean {
  const end = performance.now() + ms;
  for (;;) {
    if (job.step()) return true;
    if (performance.now() >= end) return false;
  }
}

/** Requests in flight in this worker: a step ahead waits for quiet, and pauses while one runs. */
export function createQuiet(idleMs = STEP_AHEAD_IDLE_MS, now = () => performance.now()) {
  let active = 0, last = -Infinity;
  let waiters: (() => void)[] = [];
  return {
    /** Runs a request, counted as activity from its start to its end. */
    async run<T>(f: () => Promise<T>): Promise<T> {
      active++;
      try {
        return await f();
      } finally {
        active--;
        last = now();
        if (active === 0) {
          const w = waiters;
          waiters = [];
          w.forEach((wake) => wake());
        }
      }
    },
    /** Resolves once no request has run for `idleMs`. */
    async idle(): Promise<void> {
      do {
        await sleep(idleMs);
      } while (active > 0 || now() - last < idleMs - 1);
    },
    /** Resolves on a fresh task with no request running. */
    async pause(): Promise<void> {
      await nextTask();
      while (active > 0) await new Promise<void>((wake) => waiters.push(wake));
    },
  };
}

type Ctx = Pick<ModelContext, 'yield' | 'cancelled'>;

export interface CvAheadOptions {
  idle?: () => Promise<void>;
  pause?: () => Promise<void>;
}

/**
 * The worker's three models, each answering through its step ahead. `noise`: the worker's kept
 * noise sets (leakParts.ts). `idle`/`pause` default to the quiet signal's (tests pass gates).
 */
export function createCvAhead(noise: NoiseSets, o: CvAheadOptions = {}) {
  const quiet = createQuiet();
  const idle = o.idle ?? (() => quiet.idle());
  const pause = o.pause ?? (() => quiet.pause());
  const main = createStepAhead<MainParams, { result: CvResult | null }>({
    key: mainKey,
    predict: nextMain,
    make: () => ({ result: null }),
    grow: (w, p) => ((w.result ??= computeCv(p)), true),
    idle,
    pause,
  });
  const spread = createStepAhead<Half<SpreadParams>, Stepwise<SpreadPart>>({
    key: spreadKey,
    predict: nextSpread,
    make: (p) => spreadPartRun(p),
    grow: (job) => stepFor(job),
    idle,
    pause,
  });
  const leak = createStepAhead<Half<LeakParams>, Stepwise<LeakPart>>({
    key: leakKey,
    predict: nextLeak,
    make: (p) => leakPartRun(p, noise),
    grow: (job) => stepFor(job),
    idle,
    pause,
  });
  /** A request: the work prepared for its input, or fresh; then the rest in the kit's slices. */
  const answer = <I, R>(ahead: StepAhead<I, Stepwise<R>>, fresh: (p: I) => Stepwise<R>) => (p: I, ctx: Ctx) =>
    quiet.run(async () => {
      const job = ahead.take(p) ?? fresh(p);
      const r = await sliced(job, ctx);
      ahead.answered(p);
      return r;
    });
  return {
    cv: (p: MainParams) =>
      quiet.run(async () => {
        const r = main.take(p)?.result ?? computeCv(p);
        main.answered(p);
        return r;
      }),
    spreadPart: answer(spread, (p: Half<SpreadParams>) => spreadPartRun(p)),
    leakPart: answer(leak, (p: Half<LeakParams>) => leakPartRun(p, noise)),
    /** Keys of the work prepared and not yet asked for (tests). */
    prepared: () => ({ main: main.keys(), spread: spread.keys(), leak: leak.keys() }),
  };
}

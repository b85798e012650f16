/**
 * Training one slider step ahead (issue 8), in the worker, with the kit's step ahead
 * (lib/worker/stepAhead.ts). A step of the depth or width slider makes a new session of three
 * networks, and at width 46 one training step of one network already takes several frames, so
 * its first progress reached the page 100–170 ms after the key press. Once the worker has
 * answered and the page has had time to draw the answer, it trains the session most likely asked
 * for next: the slider last moved, one step further the same way (back, at the end of its range),
 * toward the step the last answer showed. It stops as soon as the page asks for anything; when
 * the page asks for that very session, its run (sessionRun.ts) takes it over with the steps it has
 * (the first AHEAD_STEPS: what its first progress needs),
 * which go to the page at once. Any other request gets a fresh session.
 *
 * A session's numbers do not depend on how its work was sliced or when (each network trains its
 * steps in order on its own weights), so a session taken over ends where a fresh one would
 * (ahead.test.ts checks the views to the bit). Learning rate, σ and the clipping threshold are
 * log sliders, whose steps the kit does not guess; every choice and the seed move no guess. No DOM.
 */
import { createStepAhead, stepPredictor } from '../../lib/worker/stepAhead';
import type { WorkerRun } from '../../lib/worker/expose';
import { schema, type VGParams } from './params';
import { Session, sessionKey } from './train';
import { sessionRun } from './sessionRun';
import type { SessionView } from './view';

/**
 * Work per slice of the growing before the worker looks at its messages (at least one training
 * step, as in the page's own slices): a request for settings other than the ones grown waits
 * little.
 */
export const AHEAD_SLICE_MS = 16;

/**
 * How many training steps a guessed session is grown: enough for the first progress a press is
 * timed by (step 0 of every network and the first steps after it). Growing on toward the answer's
 * step trained for up to a second after every answer, on one of two cores, and the next key
 * press's own frame shared the machine with it (input→paint p95 13 → 23 ms on depth, quiet bench).
 */
export const AHEAD_STEPS = 2;

/** The sliders whose step is guessed (linear, integer). */
export const AHEAD = ['depth', 'width'] as const;
/** Every setting but the step: one moving other than the slider means no guess. */
const FIELDS = ['depth', 'width', 'activation', 'init', 'naiveStd', 'batchNorm', 'residual', 'compare', 'task', 'optimizer', 'lr', 'clip', 'clipNorm', 'seed'] as const;

/** The params with the compared presets as one string: configs come cloned from the page, so arrays never compare equal. */
type Flat = Omit<VGParams, 'compare'> & { compare: string };
const flat = (p: VGParams): Flat => ({ ...p, compare: p.compare.join(',') });
const guess = stepPredictor<Flat>(schema, AHEAD, FIELDS);

/** The params after `cur` when the ones asked before were `prev`: one slider step further, or null. */
export function nextParams(prev: VGParams | null, cur: VGParams): VGParams | null {
  const next = prev && guess(flat(prev), flat(cur));
  return next && { ...next, compare: cur.compare };
}

/**
 * The sessions' step ahead and the run host's factory over it. `now`: the clock of the page's
 * slices; `nextTask` and `idle`: the kit's waits (left out: the kit's own), for tests.
 */
export function createSessionAhead(now: () => number = () => performance.now(), nextTask?: () => Promise<void>, idle?: () => Promise<void>, sliceMs = AHEAD_SLICE_MS, maxSteps = AHEAD_STEPS) {
  const ahead = createStepAhead<VGParams, Session>({
    key: sessionKey,
    predict: nextParams,
    make: (p) => new Session(p),
    // Toward the step of the answer the guess follows from (carried in the params), up to maxSteps.
    grow: (s, p) => s.work(Math.min(p.step, maxSteps), now() + sliceMs, now),
    idle,
    pause: nextTask,
    // The run host keeps the page's last sessions (useTraining's KEEP_SESSIONS): a step back is ready.
    backIsFree: true,
  });

  return {
    /** The run host's factory: the run for `p`, watched so a reached target looks one step ahead. */
    run(p: VGParams): WorkerRun<number, SessionView | undefined> {
      const run = sessionRun(p, now, ahead.take(p) ?? undefined);
      return {
        advance(target: number, deadline: number): boolean {
          // Each slice of the page's is a request to the kit: no growing beside it, and a session
          // the host kept (a turn back to the setting before) still counts in the history.
          ahead.take(p);
          const done = run.advance(target, deadline);
          if (done) ahead.answered({ ...p, step: target });
          return done;
        },
        view: (target: number) => run.view(target),
        progress: () => run.progress!(),
      };
    },
    /** The keys of the sessions grown and not taken (tests). */
    pending: () => ahead.keys(),
  };
}

/**
 * A training Session seen as a worker run (lib/worker/hostRuns, exposed by compute.worker.ts):
 * advanced toward a target step within a deadline, viewed as plain arrays. While it catches up,
 * its views say the step they have reached (never the target), and they are refreshed at most
 * every PROGRESS_EVERY_MS: redrawing four plots after every slice of a replay costs the page
 * frames for nothing, so in between view() returns undefined (nothing new is sent; the page keeps
 * the view it has).
 *
 * The first visible progress of new settings comes as soon as there is any (issue 8, input→new
 * numbers): a fresh session's first slice trains one step only (the learner's network at step 0,
 * at width 46 one step is already several frames), and a session grown ahead (ahead.ts) trains
 * nothing in its first slice, so the steps it already has go to the page at once. The view that
 * first has every network's step 0 is sent without waiting for the refresh interval, so networks
 * still starting are not left out of the plots for a quarter of a second. The slicing changes no
 * number: every network trains the same steps in the same order (sessionRun.test.ts).
 *
 * Views are transferred to the page (their typed arrays moved, left detached here), so every view
 * is built afresh and copies the records it shows: the session keeps its own history intact.
 */
import type { WorkerRun } from '../../lib/worker/expose';
import type { VGParams } from './params';
import { Session, type StepRecord } from './train';
import { snapshot, type SessionView } from './view';

export const PROGRESS_EVERY_MS = 250;
/** A fresh session's first slice ends this long after it starts: after one training step, as work() takes at least one. */
export const FIRST_SLICE_MS = 2;

/** A record whose arrays the page may take (the session's own stays put). */
function copyRecord(r: StepRecord | null): StepRecord | null {
  return r && { ...r, norms: r.norms.slice(), hist: r.hist.slice(), outside: r.outside.slice(), flat: r.flat.slice() };
}

/** snapshot(), with nothing in it shared with the session (the heat map is fresh already). */
export function detachedSnapshot(s: Session, p: VGParams): SessionView {
  const v = snapshot(s, p);
  return { ...v, runs: v.runs.map((r) => ({ ...r, rec: copyRecord(r.rec), init: copyRecord(r.init) })) };
}

/** Whether any network of `s` has trained a step. */
const started = (s: Session) => s.runs.some((r) => r.trainer.records.length > 0);

/**
 * The run for `p`. `made`: a session for the same settings already under way (grown ahead by
 * ahead.ts), else a fresh one is made.
 */
export function sessionRun(p: VGParams, now: () => number = () => performance.now(), made?: Session): WorkerRun<number, SessionView | undefined> {
  const s = made ?? new Session(p);
  let lastAt = -Infinity;
  let first = true;
  /** A view with every network's step 0 has gone to the page. */
  let whole = false;
  return {
    advance: (target, deadline) => {
      if (first) {
        first = false;
        // Steps grown ahead are shown before any more are trained.
        if (started(s) || s.reached(target)) return s.reached(target);
        deadline = Math.min(deadline, now() + FIRST_SLICE_MS);
      }
      return s.work(target, deadline, now);
    },
    view: (target) => {
      const t = now();
      const all = s.available() >= 0;
      if (!s.reached(target) && t - lastAt < PROGRESS_EVERY_MS && (whole || !all)) return undefined;
      lastAt = t;
      whole ||= all;
      return detachedSnapshot(s, { ...p, step: target });
    },
    progress: () => Math.max(0, s.available()),
  };
}

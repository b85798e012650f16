/**
 * A training Session seen as a worker run (lib/worker/hostRuns, exposed by compute.worker.ts):
 * advanced toward a target step within a deadline, viewed as plain arrays. While it catches up,
 * its views say the step they have reached (never the target), and they are refreshed at most
 * every PROGRESS_EVERY_MS: redrawing four plots after every slice of a replay costs the page
 * frames for nothing, so in between view() returns undefined (nothing new is sent; the page keeps
 * the view it has).
 *
 * Views are transferred to the page (their typed arrays moved, left detached here), so every view
 * is built afresh and copies the records it shows: the session keeps its own history intact.
 */
import type { WorkerRun } from '../../lib/worker/expose';
import type { VGParams } from './params';
import { Session, type StepRecord } from './train';
import { snapshot, type SessionView } from './view';

export const PROGRESS_EVERY_MS = 250;

/** A record whose arrays the page may take (the session's own stays put). */
function copyRecord(r: StepRecord | null): StepRecord | null {
  return r && { ...r, norms: r.norms.slice(), hist: r.hist.slice(), outside: r.outside.slice(), flat: r.flat.slice() };
}

/** snapshot(), with nothing in it shared with the session (the heat map is fresh already). */
export function detachedSnapshot(s: Session, p: VGParams): SessionView {
  const v = snapshot(s, p);
  return { ...v, runs: v.runs.map((r) => ({ ...r, rec: copyRecord(r.rec), init: copyRecord(r.init) })) };
}

export function sessionRun(p: VGParams, now: () => number = () => performance.now()): WorkerRun<number, SessionView | undefined> {
  const s = new Session(p);
  let lastAt = -Infinity;
  return {
    advance: (target, deadline) => s.work(target, deadline, now),
    view: (target) => {
      const t = now();
      if (!s.reached(target) && t - lastAt < PROGRESS_EVERY_MS) return undefined;
      lastAt = t;
      return detachedSnapshot(s, { ...p, step: target });
    },
    progress: () => Math.max(0, s.available()),
  };
}

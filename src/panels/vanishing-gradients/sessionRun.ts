/**
 * A training Session seen as a lib/panel IncrementalRun: advanced toward a target step within a
 * deadline, viewed as plain arrays. While it catches up, its views say the step they have
 * reached (never the target), and they are refreshed at most every PROGRESS_EVERY_MS: redrawing
 * four plots on every frame of a replay costs frames that training could use, so in between the
 * same view object is handed out again (the memoised plots skip it).
 */
import type { IncrementalRun } from '../../lib/panel/useIncremental';
import type { VGParams } from './params';
import { Session } from './train';
import { snapshot, type SessionView } from './view';

export const PROGRESS_EVERY_MS = 250;

export function sessionRun(p: VGParams, now: () => number = () => performance.now()): IncrementalRun<number, SessionView> {
  const s = new Session(p);
  let last: { view: SessionView; at: number } | null = null;
  return {
    advance: (target, deadline) => s.work(target, deadline, now),
    view: (target) => {
      const t = now();
      if (!s.reached(target) && last && t - last.at < PROGRESS_EVERY_MS) return last.view;
      last = { view: snapshot(s, { ...p, step: target }), at: t };
      return last.view;
    },
    progress: () => Math.max(0, s.available()),
  };
}

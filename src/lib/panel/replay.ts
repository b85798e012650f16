/**
 * When a panel that trains says "replaying to step N" (ReplayFrame, issue 8): the plots show a
 * run of the settings asked for that is still on its way to the step asked for, nobody is playing
 * (playing shows the steps on the way on purpose), and what is left would take long enough to be
 * read rather than flash.
 */
export interface ReplayState {
  /** The run on screen has the settings asked for (only its step lags). */
  fresh: boolean;
  /** It has not reached the step asked for yet. */
  catchingUp: boolean;
  playing: boolean;
  target: number;
  reached: number;
  /** The run's measured (or assumed) milliseconds per step. */
  msPerStep: number;
}

/** A catch-up expected to take longer than this is announced. */
export const REPLAY_NOTE_MS = 150;

export function announcesReplay(s: ReplayState): boolean {
  return s.fresh && s.catchingUp && !s.playing && (s.target - s.reached) * s.msPerStep > REPLAY_NOTE_MS;
}

/**
 * The step a training panel's replay counts from, or null when there is no replay to announce:
 * the worker's progress while it catches up; before its first progress, the step on screen (0 on
 * a link's first render, when nothing is); null once the asked-for view is on screen or the run
 * failed. With `replayingTo` this makes a link say "training to step N" from its first render.
 */
export function replayFrom(catchingUp: number | null, current: boolean, failed: boolean, shownStep: number | null): number | null {
  if (catchingUp !== null) return catchingUp;
  return current || failed ? null : (shownStep ?? 0);
}

/** A replay worth announcing: more than one step to go, and nobody playing (playing shows every step on purpose). */
export function replayingTo(from: number | null, target: number, playing: boolean): boolean {
  return from !== null && !playing && target - from > 1;
}

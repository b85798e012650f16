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

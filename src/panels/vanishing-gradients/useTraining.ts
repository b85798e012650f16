/**
 * The training session as a run in the panel's worker (lib/worker/useWorkerRun over
 * compute.worker.ts): the worker trains the networks in slices toward the step the params name,
 * so a link to step 150 replays with progress while the page only draws; the worker keeps the
 * last four sessions (plain arrays, no tensors), so flipping a control back resumes its run. The
 * player (lib/panel/usePlayer) moves the step param only once the step it asked for is on screen.
 *
 * What is on screen is kept apart from what is being computed: `settled` is the last view that
 * reached its target exactly (the readout and the player show only that), `live` may be a view of
 * the replay in progress (the plots show it, labelled as such), so a link to step 50 never shows
 * step 15 as if it were the linked step.
 *
 * The worker gets a new target one painted frame after the key press (useAfterPaint): training
 * started at once takes a core from the page on a 2-core machine just while the press's own frame
 * (the slider, the readout's "computing for" row) is laid out, painted and composited, and that
 * frame is what a learner feels (issue 8). Until the target is sent, nothing counts as reached.
 */
import { useRef } from 'react';
import { useWorkerRun } from '../../lib/worker/useWorkerRun';
import { usePlayer, type Player } from '../../lib/panel/usePlayer';
import { useAfterPaint } from '../../lib/panel/useAfterPaint';
import { MAX_STEPS, type VGParams } from './params';
import { sessionKey } from './train';
import type { SessionView } from './view';
import { store } from './store';
import { computeWorker } from './worker';

/** Recent sessions kept, so flipping a control back resumes its run. */
const KEEP_SESSIONS = 4;
/** Playing speeds (training steps per second); the default is the old fixed rate. */
const SPEEDS = [1, 2, 5, 10, 20, 30] as const;

export interface Training {
  /** The last view that reached its step exactly, and the params it was made for (null until the first). */
  settled: { view: SessionView; params: VGParams } | null;
  /** What the plots draw: the replay in progress while catching up, else `settled`. */
  live: SessionView | null;
  /** `settled` is the current settings at the current step. */
  reached: boolean;
  /** While replaying: the step every network has reached so far; else null. */
  done: number | null;
  /** While replaying: whether the replay has reported a step yet (its first progress is on screen). */
  progressed: boolean;
  error: string | null;
  player: Player;
}

export function useTraining(params: VGParams): Training {
  // What the worker is asked for: the params, one painted frame later.
  const sent = useAfterPaint(params);
  const inc = useWorkerRun<VGParams, number, SessionView>(
    computeWorker,
    'session',
    { key: sessionKey(sent), config: sent, target: sent.step, targetKey: String(sent.step) },
    { keep: KEEP_SESSIONS, showProgress: true, paintedFirst: true },
  );
  const reached = inc.reached && sent === params;
  // While the new target waits for its frame, the run's progress is not this target's.
  const progress = sent === params ? inc.progress : null;
  // The last exact view survives a replay (and a change of settings), so the readout can stay,
  // marked busy, instead of showing an intermediate step or jumping away on a phone.
  const settled = useRef<Training['settled']>(null);
  if (inc.reached && inc.view && settled.current?.view !== inc.view) settled.current = { view: inc.view, params: sent };

  const player = usePlayer({
    shown: settled.current?.view.step ?? params.step,
    set: (s) => store.getState().set('step', s),
    max: MAX_STEPS,
    unit: 'step',
    speeds: SPEEDS,
    speed: 30,
    busy: !reached,
  });

  return {
    settled: settled.current,
    live: inc.view,
    reached,
    done: reached ? null : (progress ?? 0),
    progressed: !reached && progress !== null,
    error: inc.error,
    player,
  };
}

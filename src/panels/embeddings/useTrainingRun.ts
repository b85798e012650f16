/**
 * Keeps a skip-gram TrainingRun at the step the params ask for, in the panel's worker
 * (compute.worker.ts, through lib/worker/useWorkerRun): it trains there in slices so the page
 * only draws (a link to step 300 replays with a progress line), a step back restores a
 * checkpoint, and playing (lib/panel/usePlayer moving the step param) trains as it goes. The
 * worker keeps the last two runs by training config; the words asked about are not part of the
 * run (the page answers them from the vectors), so choosing a word never retrains.
 */
import { useWorkerRun } from '../../lib/worker/useWorkerRun';
import { useProgressRate } from '../../lib/worker/useProgressRate';
import { runConfig, type RunConfig, type RunView } from './config';
import type { EmbeddingsParams } from './params';
import { computeWorker } from './worker';

export interface TrainingState {
  /** The last view that reached its step exactly; null before the first (and for an untrainable corpus). */
  view: RunView | null;
  /** Whether `view` shows exactly the current settings and step. */
  current: boolean;
  /** Step the run is at while catching up, else null. */
  catchingUp: number | null;
  /** Measured training speed (steps per second) over the latest catch-up; null before any. */
  rate: number | null;
  error: string | null;
}

export function useTrainingRun(params: EmbeddingsParams): TrainingState {
  const config = runConfig(params);
  // `params` come from useAfterPaint (EmbeddingsView): the input's frame is already painted.
  const inc = useWorkerRun<RunConfig, number, RunView | null>(
    computeWorker,
    'train',
    { key: JSON.stringify(config), config, target: params.step, targetKey: String(params.step) },
    { paintedFirst: true },
  );
  const rate = useProgressRate(inc.progress);
  return { view: inc.view, current: inc.reached, catchingUp: inc.reached ? null : inc.progress, rate, error: inc.error };
}

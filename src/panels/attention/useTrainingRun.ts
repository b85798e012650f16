/**
 * Keeps a TrainingRun at the step the params ask for, in the panel's worker (compute.worker.ts,
 * through lib/worker/useWorkerRun): it trains there in slices so the page only draws (a link to
 * step 300 replays with a progress line), a step back restores a checkpoint, and playing
 * (lib/panel/usePlayer moving the step param) trains as it goes. The worker keeps runs per
 * training config (the last two, so flipping a setting back resumes); a run's tensors are
 * released when it falls out, and the worker (with them) when the trained view unmounts.
 * The view only ever holds views that reached their step exactly.
 */
import { useWorkerRun } from '../../lib/worker/useWorkerRun';
import { useProgressRate } from '../../lib/worker/useProgressRate';
import { trainConfig, type RunTarget, type TrainedView } from './run';
import type { AttentionParams } from './params';
import type { TrainConfig } from './trainer.tf';
import { computeWorker } from './worker';

export interface TrainingState {
  /** The last view that reached its step and sample exactly; null before the first. */
  view: TrainedView | null;
  /** Whether `view` shows exactly the current params (settings, step and sample). */
  current: boolean;
  /** Step the run is at while catching up, else null. */
  catchingUp: number | null;
  /** Measured training speed (steps per second, as progress reaches the page); null before any. */
  rate: number | null;
  error: string | null;
}

export function useTrainingRun(params: AttentionParams): TrainingState {
  const config = trainConfig(params);
  const inc = useWorkerRun<TrainConfig, RunTarget, TrainedView>(computeWorker, 'train', {
    key: JSON.stringify(config),
    config,
    target: { step: params.step, sample: params.sample },
    targetKey: `${params.step}|${params.sample}`,
  });
  const rate = useProgressRate(inc.progress);
  return { view: inc.view, current: inc.reached, catchingUp: inc.reached ? null : inc.progress, rate, error: inc.error };
}

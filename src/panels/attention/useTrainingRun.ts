/**
 * Keeps a TrainingRun at the step the params ask for, in the panel's worker (compute.worker.ts,
 * through lib/worker/useWorkerRun): it trains there in slices so the page only draws (a link to
 * step 300 replays with a progress line), a step back restores a checkpoint, and playing
 * (lib/panel/usePlayer moving the step param) trains as it goes. The worker keeps runs per
 * training config (the last two, so flipping a setting back resumes); a run's tensors are
 * released when it falls out, and the worker (with them) when the trained view unmounts.
 * The view only ever holds views that reached their step exactly.
 */
import { useEffect, useRef, useState } from 'react';
import { useWorkerRun } from '../../lib/worker/useWorkerRun';
import { trainConfig, type RunTarget, type TrainedView } from './run';
import type { AttentionParams } from './params';
import type { TrainConfig } from './trainer.tf';

const computeWorker = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });

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

/**
 * Steps per second over the current catch-up (first step seen to the latest, as progress reaches the page),
 * so one slow frame does not make the number jump; kept after the catch-up ends. A step backwards
 * (a checkpoint restored) starts a new measurement.
 */
function useRate(progress: number | null): number | null {
  const [rate, setRate] = useState<number | null>(null);
  const start = useRef<{ p: number; t: number } | null>(null);
  useEffect(() => {
    if (progress === null) {
      start.current = null;
      return;
    }
    const t = performance.now();
    const s = start.current;
    if (!s || progress < s.p) start.current = { p: progress, t };
    // Under a fifth of a second says more about one frame than about the speed.
    else if (t - s.t > 200 && progress > s.p) setRate((1000 * (progress - s.p)) / (t - s.t));
  }, [progress]);
  return rate;
}

export function useTrainingRun(params: AttentionParams): TrainingState {
  const config = trainConfig(params);
  const inc = useWorkerRun<TrainConfig, RunTarget, TrainedView>(computeWorker, 'train', {
    key: JSON.stringify(config),
    config,
    target: { step: params.step, sample: params.sample },
    targetKey: `${params.step}|${params.sample}`,
  });
  const rate = useRate(inc.progress);
  return { view: inc.view, current: inc.reached, catchingUp: inc.reached ? null : inc.progress, rate, error: inc.error };
}

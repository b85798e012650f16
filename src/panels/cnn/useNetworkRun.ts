/**
 * Keeps the CNN at the training step the params ask for (0 until the learner presses Train), in
 * the panel's worker (compute.worker.ts, through lib/worker/useWorkerRun): it trains there in
 * slices and sends a view after each one (showProgress), so the curve, the feature maps and the
 * probabilities move while it trains and the page only draws. A new image is only a new target:
 * the same weights look at it. The run's tensors are released when the settings change (a new
 * run) or the network view unmounts (the worker goes).
 */
import { useMemo } from 'react';
import { useWorkerRun } from '../../lib/worker/useWorkerRun';
import { netConfig } from './arch';
import type { NetConfig } from './net.tf';
import type { NetView, RunTarget } from './run';
import type { CnnParams } from './params';
import { computeWorker } from './worker';

export interface NetworkState {
  /** The latest view (a progress view while training); null before the first. */
  view: NetView | null;
  /** Whether `view` shows exactly the current params. */
  current: boolean;
  /** Step the run is at while training toward the target, else null. */
  training: number | null;
  error: string | null;
}

export function useNetworkRun(params: CnnParams, pixels: Float32Array): NetworkState {
  const config = netConfig(params);
  const step = params.train ? params.steps : 0;
  const image = useMemo(() => Array.from(pixels), [pixels]);
  const inc = useWorkerRun<NetConfig, RunTarget, NetView>(
    computeWorker,
    'train',
    {
      key: JSON.stringify(config),
      config,
      target: { step, image },
      targetKey: `${step}|${params.digit}|${params.variant}|${params.img}|${params.seed}`,
    },
    { showProgress: true, budgetMs: 60, paintedFirst: true },
  );
  // Training toward a step from the first render (a train=1 link): before the worker's first
  // progress the run is at step 0, and the bar says so at once rather than after tfjs has loaded.
  const training = inc.reached || inc.error ? null : (inc.progress ?? (inc.view ? null : 0));
  return { view: inc.view, current: inc.reached, training, error: inc.error };
}

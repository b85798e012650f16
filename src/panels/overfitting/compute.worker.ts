/**
 * The panel's worker: trains A and B on either engine (training.ts) so the page only draws. The
 * tfjs engine's network and backend are imported only when a configuration asks for it, so the
 * default float64 path never loads tfjs here. A null config is the "nothing to train" run.
 */
import { exposeRuns } from '../../lib/worker/expose';
import { makeTraining, needsTf, type TrainingConfig } from './training';
import { curveRun } from './curve';
import { shortFirstSlice } from './firstSlice';
import type { RunSpec } from './model';

exposeRuns({
  train: async (config: TrainingConfig | null) => {
    if (!config) return { advance: () => true, view: () => null };
    // A new run's first epochs go to the page after a short first slice (firstSlice.ts).
    if (!needsTf(config)) return shortFirstSlice(makeTraining(config));
    const [{ ensureWorkerBackend }, { TfNet }] = await Promise.all([import('../../lib/tf/worker'), import('./net.tf')]);
    await ensureWorkerBackend();
    return shortFirstSlice(makeTraining(config, (s, train, val) => new TfNet(s.cfg, train, val)));
  },
  // The learning curve, on demand (a null spec: nothing asked, or paused while training plays).
  curve: (spec: RunSpec | null) => (spec ? curveRun(spec) : { advance: () => true, view: () => null }),
});

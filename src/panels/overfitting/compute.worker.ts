/**
 * The panel's worker: trains A and B on either engine (training.ts) so the page only draws. The
 * tfjs engine's network and backend are imported only when a configuration asks for it, so the
 * default float64 path never loads tfjs here. A null config is the "nothing to train" run.
 */
import { exposeRuns } from '../../lib/worker/expose';
import { makeTraining, needsTf, type TrainingConfig } from './training';

exposeRuns({
  train: async (config: TrainingConfig | null) => {
    if (!config) return { advance: () => true, view: () => null };
    if (!needsTf(config)) return makeTraining(config);
    const [{ ensureWorkerBackend }, { TfNet }] = await Promise.all([import('../../lib/tf/worker'), import('./net.tf')]);
    await ensureWorkerBackend();
    return makeTraining(config, (s, train, val) => new TfNet(s.cfg, train, val));
  },
});

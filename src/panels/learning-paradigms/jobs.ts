/**
 * The worker's jobs, one per mode, with the caches the worker keeps between calls (pure: no
 * React, no DOM; compute.worker.ts exposes them, worker.timing.ts times them the same way).
 * - The label-spreading run (all its iterations) and the Q-learner are kept per setting, so the
 *   player's next step is a lookup or a few moves, not a recomputation.
 * - The points and the label graph (kernel, its kept entries) are kept per data set, method and
 *   γ: the labelled and α sliders reuse them and only iterate.
 */
import { createCache } from '../../lib/panel/cache';
import { buildLabelGraph, type LabelGraph } from '../../lib/learn/labelSpreading';
import { makeData, type LpData } from './data';
import { RlRun, semiRun, semiView, supervised, unsupervised, type RlConfig, type RlTarget, type SemiInput, type SupInput, type UnsupInput } from './model';

const keyOf = (o: object) => JSON.stringify(o);

export function createJobs() {
  const semiRuns = createCache<ReturnType<typeof semiRun>>(3);
  const datas = createCache<LpData>(3);
  const graphs = createCache<LabelGraph>(2);
  const rlRuns = createCache<RlRun>(3);
  const semi = (c: SemiInput) => {
    const dataKey = keyOf({ dataset: c.dataset, n: c.n, noise: c.noise, seed: c.seed });
    const data = datas.get(dataKey, () => makeData(c));
    const graph = graphs.get(`${dataKey}|${c.method}|${c.gamma}`, () => buildLabelGraph(data.X, c.method, c.gamma));
    return semiRun(c, data, graph);
  };
  return {
    supervised: (p: SupInput) => supervised(p),
    unsupervised: (p: UnsupInput) => unsupervised(p),
    semi: ({ config, iter }: { config: SemiInput; iter: number }) => semiView(semiRuns.get(keyOf(config), () => semi(config)), iter),
    rl: ({ config, target }: { config: RlConfig; target: RlTarget }) => rlRuns.get(keyOf(config), () => new RlRun(config)).view(target),
  };
}

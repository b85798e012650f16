/**
 * The panel's worker: every mode's computation runs here, so the page only draws. The label-
 * spreading run (all its iterations) and the Q-learner are kept per setting, so the player's
 * next step is a lookup or a few moves, not a recomputation.
 */
import { exposeModels } from '../../lib/worker/expose';
import { createCache } from '../../lib/panel/cache';
import { RlRun, semiRun, semiView, supervised, unsupervised, type RlConfig, type RlTarget, type SemiInput, type SupInput, type UnsupInput } from './model';

const semiRuns = createCache<ReturnType<typeof semiRun>>(3);
const rlRuns = createCache<RlRun>(3);

const keyOf = (o: object) => JSON.stringify(o);

exposeModels({
  supervised: (p: SupInput) => supervised(p),
  unsupervised: (p: UnsupInput) => unsupervised(p),
  semi: ({ config, iter }: { config: SemiInput; iter: number }) => semiView(semiRuns.get(keyOf(config), () => semiRun(config)), iter),
  rl: ({ config, target }: { config: RlConfig; target: RlTarget }) => rlRuns.get(keyOf(config), () => new RlRun(config)).view(target),
});

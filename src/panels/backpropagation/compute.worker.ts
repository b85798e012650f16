/**
 * The panel's worker: tfjs autodiff of the 2-3-1 network (grads.tf.ts), so tfjs never loads on
 * the page. The hand pass and finite differences are plain float64 and stay on the page.
 */
import { exposeModels } from '../../lib/worker/expose';
import { ensureWorkerBackend } from '../../lib/tf/worker';
import { autodiff, type AutodiffInput } from './grads.tf';

exposeModels({
  autodiff: async (inp: AutodiffInput) => {
    await ensureWorkerBackend();
    return autodiff(inp);
  },
});

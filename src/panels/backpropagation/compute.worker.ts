/**
 * The panel's worker: tfjs autodiff of the 2-3-1 network (grads.tf.ts), so tfjs never loads on
 * the page. The hand pass and finite differences are plain float64 and stay on the page.
 * A new worker starts the address's autodiff before the page asks (headStart.ts).
 */
import { exposeModels } from '../../lib/worker/expose';
import { ensureWorkerBackend } from '../../lib/tf/worker';
import { onHeadStart } from '../../lib/worker/headStart';
import { autodiff, type AutodiffInput } from './grads.tf';
import { createEarlyAnswer } from './headStart';

const early = createEarlyAnswer(async (inp: AutodiffInput) => {
  await ensureWorkerBackend();
  return autodiff(inp);
});

// The page's first message, before the kit's init (worker.ts): the address being opened.
onHeadStart((m) => early.begin(m.search));

exposeModels({ autodiff: (inp: AutodiffInput) => early.take(inp) });

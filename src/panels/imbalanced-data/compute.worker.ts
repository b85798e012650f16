/**
 * The imbalanced-data panel's worker: resampling, the six logistic fits and their scores on the
 * test set run here, off the main thread. Fits are cached by everything but the threshold and
 * the method shown, so dragging the threshold or switching the method only re-reads a cached
 * state (present copies what it returns, since results are transferred). On a link the worker
 * fits the linked setting before the page asks (headStart.ts).
 */
import { exposeModels } from '../../lib/worker/expose';
import { createCache } from '../../lib/panel/cache';
import { fitAll, type Fitted, type ImbalanceInput } from './model';
import { fitKey, present } from './present';
import { linkedInput } from './headStart';
import { onHeadStart } from '../../lib/worker/headStart';

const fits = createCache<Fitted>(4);

// The page's first message, before the kit's init (worker.ts): the address being opened.
onHeadStart((m) => {
  const input = linkedInput(m.search);
  if (input) fits.get(fitKey(input), () => fitAll(input));
});

exposeModels({
  imbalance: (p: ImbalanceInput) => present(fits.get(fitKey(p), () => fitAll(p)), p.method, p.threshold),
});

/**
 * The bias-variance panel's worker: computeBiasVariance (up to 300 sets × 20 degrees) off the main
 * thread, for both solvers. The model is model.ts's, the pure function the unit tests call; its
 * one-entry core cache lives here, so the degree slider still costs only curve evaluations.
 * The float64 default must not load tfjs: lib/tf/worker (and with it tfjs) is imported
 * dynamically, only for engine=tf, and model.ts loads the batched float32 solver the same way.
 * The worker announces its backend to the page (the panel's badge shows it, lib/tf/WorkerBadge.tsx).
 */
import { exposeModels } from '../../lib/worker/expose';
import { computeBiasVariance, type BiasVarianceResult } from './model';
import type { BiasVarianceParams } from './params';
import { resolveOwnData } from '../../lib/data/ownData';
import { OWN_KEY, ownBiasVariance, ownProblem } from './own';

const NO_CSV = 'No CSV data loaded yet: choose a file or paste CSV text under “Your own data”. Until then the plots show generated data.';

async function biasVariance(p: BiasVarianceParams): Promise<BiasVarianceResult> {
  if (p.engine === 'tf') await (await import('../../lib/tf/worker')).ensureWorkerBackend();
  const engine = p.engine === 'tf' ? 'tfjs' : 'float64';
  if (p.data === 'csv') {
    // Own data always travel in the link (≤ 200 rows), so the worker decodes them itself.
    const own = resolveOwnData(OWN_KEY, p.csv, 2);
    const why = own.data ? ownProblem(own.data.columns) : (own.message ?? NO_CSV);
    if (own.data && !why) return ownBiasVariance(p, own.data.columns, engine);
    const r = await computeBiasVariance(p, { engine, design: p.design });
    return { ...r, message: [why, r.message].filter(Boolean).join(' ') };
  }
  return computeBiasVariance(p, { engine, design: p.design });
}

// The result holds plain arrays only (nothing of the cached core), so transfer has nothing to move.
exposeModels({ biasVariance });

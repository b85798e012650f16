/**
 * The worker's answer for a params state (compute.worker.ts exposes it; the head start calls it
 * too, headStart.ts): the solver and x design the params ask for, own data decoded from the link.
 * Apart from the worker's entry so tests can call the very function the worker runs.
 */
import { computeBiasVariance, type BiasVarianceResult } from './model';
import type { BiasVarianceParams } from './params';
import { resolveOwnData } from '../../lib/data/ownData';
import { OWN_KEY, ownBiasVariance, ownProblem } from './own';

const NO_CSV = 'No CSV data loaded yet: choose a file or paste CSV text under “Your own data”. Until then the plots show generated data.';

export async function biasVariance(p: BiasVarianceParams): Promise<BiasVarianceResult> {
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


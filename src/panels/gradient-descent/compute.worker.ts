/**
 * The gradient-descent panel's worker: the optimizer race (tfjs autodiff, batched; up to
 * ~170 ms for 500 steps × 6 optimizers on the logistic surface) and the contour grid (up to
 * ~180 ms) off the main thread. The model is compute.ts's computer, the one the unit tests call;
 * its race and grid caches live here, so stepping or playing only asks for a slice of a cached
 * race. A new race is advanced in slices with a yield between them, so a newer request (the
 * learner dragging a slider) cancels it instead of waiting for it. Transfer is off because the
 * grid cache keeps the arrays it returns. tfjs runs only here; the worker announces its backend
 * (the panel's badge shows it, usesTf: 'worker').
 */
import { exposeModels, type ModelContext } from '../../lib/worker/expose';
import { ensureWorkerBackend } from '../../lib/tf/worker';
import { createComputer, type GDResult } from './compute';
import type { GDParams } from './params';

const computer = createComputer();

// tfjs starts (its backend chosen, the WASM module fetched and compiled) as soon as this module
// has run, not when the first request arrives: a link's worker is started by the router before
// the view has loaded (lib/worker/early.ts), so the two overlap instead of following each other.
// A failure here is not lost: the request awaits the same promise and reports it.
ensureWorkerBackend().catch(() => undefined);

async function frame(p: GDParams, ctx: ModelContext): Promise<GDResult | null> {
  await ensureWorkerBackend();
  return computer.sliced(p, ctx);
}

/** A link's first answer: the linked step alone (compute.ts head); null when not asked. */
async function head(p: GDParams | null, ctx: ModelContext): Promise<GDResult | null> {
  if (!p) return null;
  await ensureWorkerBackend();
  return computer.head(p, ctx);
}

exposeModels({ frame, head }, { transfer: false });

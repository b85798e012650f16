/**
 * The deployment panel's worker: the serving simulation (up to a million requests), half of the
 * batching sweep (thirty-five short runs, sliced so a newer setting cancels it between runs), the drift
 * monitor, the A/B rollout and the loaded model's latency. The page only draws.
 */
import { exposeModels } from '../../lib/worker/expose';
import { sliced } from '../../lib/worker/sliced';
import { throttledProgress } from '../../lib/worker/throttledProgress';
import { validateModel } from '../../lib/models/format';
import { abStudy, driftStudy, simulate, type AbInput, type DriftInput, type SimInput } from './model';
import { sweepPartJob, type SweepHalfInput } from './sweepHalves';
import { measureLatency } from './latency';

exposeModels({
  serve: (input: SimInput) => simulate(input),
  // Half of the batching sweep (sweepHalves.ts): the page runs both halves at once in two more
  // instances of this worker, so the serving simulation never waits behind a sweep.
  sweepHalf: (input: SweepHalfInput, ctx) => {
    const job = sweepPartJob(input);
    const report = throttledProgress(ctx);
    return sliced(
      {
        step() {
          const end = job.step();
          report(job.progress());
          return end;
        },
        result: () => job.result(),
      },
      ctx,
    );
  },
  drift: (input: DriftInput) => driftStudy(input),
  ab: (input: AbInput) => abStudy(input),
  // The model comes from storage or a file: checked again here before anything runs it.
  latency: (raw: unknown) => {
    if (raw === null) return null; // nothing loaded yet
    const v = validateModel(raw);
    if (!v.ok) throw new Error(`the model is not valid: ${v.problems.join('; ')}`);
    return measureLatency(v.model);
  },
});

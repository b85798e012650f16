/**
 * The deployment panel's worker: the serving simulation (up to a million requests), the batching
 * sweep (seventy short runs, one per slice so a newer setting cancels it between runs), the drift
 * monitor, the A/B rollout and the loaded model's latency. The page only draws.
 */
import { exposeModels } from '../../lib/worker/expose';
import { sliced } from '../../lib/worker/sliced';
import { throttledProgress } from '../../lib/worker/throttledProgress';
import { validateModel } from '../../lib/models/format';
import { abStudy, driftStudy, simulate, sweepJob, type AbInput, type DriftInput, type SimInput, type SweepInput } from './model';
import { measureLatency } from './latency';

exposeModels({
  serve: (input: SimInput) => simulate(input),
  sweep: (input: SweepInput, ctx) => {
    const job = sweepJob(input);
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

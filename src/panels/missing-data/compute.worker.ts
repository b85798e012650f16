/**
 * The missing-data panel's worker: its shard of the resampled-draw study (hundreds of data sets ×
 * seven methods × three imputer fits each) runs here, one data set per slice, so a newer setting
 * cancels it between data sets and the page never blocks; the share done goes to the readout.
 * The page runs two of these, each on every other data set (useStudy.ts, issue 8).
 */
import { exposeModels } from '../../lib/worker/expose';
import type { Half } from '../../lib/worker/useHalvesComputed';
import { sliced } from '../../lib/worker/sliced';
import { throttledProgress } from '../../lib/worker/throttledProgress';
import { StudyCache, studyPartJob, type StudyInput } from './model';

// Kept between runs: moving k or draws reuses the data sets already analysed (model.ts). A worker
// always gets the same shard, so its cache holds the data sets it will be asked for again.
const cache = new StudyCache();

exposeModels({
  studyPart: ({ shard, shards, ...input }: Half<StudyInput>, ctx) => {
    const job = studyPartJob(input, cache, shard, shards);
    const mine = Math.max(1, Math.ceil((input.draws - shard) / shards));
    let done = 0;
    // The share done, for runs long enough to watch (each report re-renders the readout).
    const report = throttledProgress(ctx);
    return sliced(
      {
        step() {
          const end = job.step();
          report(++done / mine);
          return end;
        },
        result: () => job.result(),
      },
      ctx,
    );
  },
});

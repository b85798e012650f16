/**
 * The missing-data panel's worker: its shard of the resampled-draw study (hundreds of data sets ×
 * seven methods × three imputer fits each) runs here, one data set per slice, so a newer setting
 * cancels it between data sets and the page never blocks; the share done goes to the readout.
 * The page runs two of these, each on every other data set (useStudy.ts, issue 8). Each starts on
 * the linked study before the page asks, and once idle analyses its data sets one slider step
 * ahead (lookahead.ts, on the kit's step ahead).
 */
import { exposeModels } from '../../lib/worker/expose';
import type { Half } from '../../lib/worker/useHalvesComputed';
import { sliced } from '../../lib/worker/sliced';
import { throttledProgress } from '../../lib/worker/throttledProgress';
import { studyPartJob, type StudyInput } from './model';
import { createLookahead, linkedStudy } from './lookahead';
import { onHeadStart } from '../../lib/worker/headStart';

// Kept between runs: moving k or draws reuses the data sets already analysed (model.ts), and a
// step of the rate, ρ or n finds its data sets analysed ahead. A worker always gets the same
// shard, so its caches hold the data sets it will be asked for again. The kit's waits: the
// look-ahead starts STEP_AHEAD_IDLE_MS after an answer (the page merges and draws it meanwhile)
// and takes a data set per task.
const ahead = createLookahead();

// The page's first message, before the kit's init (worker.ts): the address being opened.
onHeadStart((m) => ahead.begin(linkedStudy(m.search), m.shard, 2));

exposeModels({
  studyPart: async ({ shard, shards, ...input }: Half<StudyInput>, ctx) => {
    const job = studyPartJob(input, ahead.take(input), shard, shards);
    const mine = Math.max(1, Math.ceil((input.draws - shard) / shards));
    let done = 0;
    // The share done, for runs long enough to watch (each report re-renders the readout).
    const report = throttledProgress(ctx);
    const part = await sliced(
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
    ahead.after(input, shard, shards);
    return part;
  },
});

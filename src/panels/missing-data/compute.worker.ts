/**
 * The missing-data panel's worker: the resampled-draw study (hundreds of data sets × seven
 * methods × three imputer fits each) runs here, one data set per slice, so a newer setting
 * cancels it between data sets and the page never blocks; the share done goes to the readout.
 */
import { exposeModels } from '../../lib/worker/expose';
import { sliced } from '../../lib/worker/sliced';
import { StudyCache, studyJob, type StudyInput } from './model';

// Kept between runs: moving k or draws reuses the data sets already analysed (model.ts).
const cache = new StudyCache();

exposeModels({
  study: (input: StudyInput, ctx) => {
    const job = studyJob(input, cache);
    let done = 0;
    return sliced(
      {
        step() {
          const end = job.step();
          if (++done % 10 === 0) ctx.progress(done / input.draws);
          return end;
        },
        result: () => job.result(),
      },
      ctx,
    );
  },
});

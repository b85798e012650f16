/**
 * The precision-recall panel's worker: decodes the spam corpus the page loaded and trains the
 * spam filter (80 full-batch Adam iterations over ~3,000 emails: a few hundred milliseconds) off
 * the main thread. One iteration per piece, sliced (lib/worker/sliced), so a newer seed cancels a
 * run midway; the share of iterations done goes to the readout. Trained pools are kept per seed,
 * so going back to a seed answers at once. The thresholding and curves stay on the page: they
 * take a few milliseconds and the learner's own CSV data lives only there.
 */
import { createCache } from '../../lib/panel/cache';
import { exposeModels, type ModelContext } from '../../lib/worker/expose';
import { sliced } from '../../lib/worker/sliced';
import { TRAIN_DEFAULTS } from './classifier';
import { spamPoolJob } from './spam';
import { decodeCorpus, type EmailRow } from './spamCodec';
import type { SpamPoolAnswer, SpamPoolAsk } from './spamData';

/** The last corpus decoded (the build ships one; the page sends it with every new seed). */
let decoded: { emails: string; rows: EmailRow[] } | null = null;
/** Each pool is ~3,000 scored emails: a handful is cheap to keep. */
const pools = createCache<SpamPoolAnswer>(4);

function rowsOf(corpus: NonNullable<SpamPoolAsk>['corpus']): EmailRow[] {
  if (decoded?.emails !== corpus.emails) decoded = { emails: corpus.emails, rows: decodeCorpus(corpus) };
  return decoded.rows;
}

exposeModels(
  {
    spamPool: async (ask: SpamPoolAsk, ctx: ModelContext): Promise<SpamPoolAnswer | null> => {
      if (!ask) return null; // not the spam data: nothing to train
      const key = String(ask.seed);
      const hit = pools.peek(key);
      if (hit) return hit;
      const job = spamPoolJob(rowsOf(ask.corpus), ask.corpus.vocab.length, ask.seed);
      const piece = {
        step() {
          const end = job.step();
          // Every fourth iteration: enough for the readout, without a re-render per iteration.
          if (job.iteration() % 4 === 0) ctx.progress(job.iteration() / TRAIN_DEFAULTS.iterations);
          return end;
        },
        result: () => job.result(),
      };
      const answer = { seed: ask.seed, pool: await sliced(piece, ctx) };
      pools.set(key, answer);
      return answer;
    },
  },
  // The cache keeps the arrays it answers with: copy them to the page, do not move them.
  { transfer: false },
);

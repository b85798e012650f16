/**
 * Browser side of the spam data: loads the compact corpus (its own chunk, fetched only when the
 * learner picks the spam data) and trains the classifier in short slices (lib/panel/schedule's
 * runSliced), handing the page back between them so input and paint never wait on training.
 * Trained pools are cached per seed (a few, least recently used).
 */
import { createCache } from '../../lib/panel/cache';
import { runSliced } from '../../lib/panel/schedule';
import { decodeCorpus, type EmailRow } from './spamCodec';
import { finishPool, spamTrainer, type SpamPool } from './spam';

export interface LoadedCorpus {
  rows: EmailRow[];
  vocab: string[];
  source: string;
}

/** Milliseconds of training per slice: well under a frame, so a slider drag stays smooth. */
const SLICE_MS = 12;

let corpus: Promise<LoadedCorpus> | null = null;
/** Trained pools by seed; each is ~3,000 scored emails, so a handful is cheap to keep. */
const pools = createCache<Promise<SpamPool>>(4);

export function loadSpamCorpus(): Promise<LoadedCorpus> {
  corpus ??= import('virtual:spam-corpus')
    .then((m) => ({ rows: decodeCorpus(m), vocab: m.vocab, source: m.source }))
    .catch((e: unknown) => {
      corpus = null; // let a later attempt retry
      throw e;
    });
  return corpus;
}

async function train(seed: number): Promise<SpamPool> {
  const { rows, vocab } = await loadSpamCorpus();
  const t = spamTrainer(rows, vocab.length, seed);
  await runSliced(() => {
    if (!t.trainer.done()) t.trainer.step();
    return t.trainer.done();
  }, SLICE_MS);
  return finishPool(rows, vocab.length, t);
}

/** The held-out emails scored by a classifier trained on this seed's split. */
export function spamPool(seed: number): Promise<SpamPool> {
  const key = String(seed);
  return pools.get(key, () => {
    const p = train(seed);
    // Never keep a failed load or training: a later request retries.
    p.catch(() => {
      if (pools.has(key) && pools.peek(key) === p) pools.delete(key);
    });
    return p;
  });
}

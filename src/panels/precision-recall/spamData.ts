/**
 * Browser side of the spam data: loads the compact corpus (its own chunk, fetched only when the
 * learner picks the spam data) and trains the classifier a few iterations at a time, yielding to
 * the page between slices so it never freezes. Trained pools are cached per seed.
 */
import { decodeCorpus, type EmailRow } from './spamCodec';
import { finishPool, spamTrainer, type SpamPool } from './spam';

export interface LoadedCorpus {
  rows: EmailRow[];
  vocab: string[];
  source: string;
}

let corpus: Promise<LoadedCorpus> | null = null;
const pools = new Map<number, Promise<SpamPool>>();
const KEEP = 4;

export function loadSpamCorpus(): Promise<LoadedCorpus> {
  corpus ??= import('virtual:spam-corpus')
    .then((m) => ({ rows: decodeCorpus(m), vocab: m.vocab, source: m.source }))
    .catch((e: unknown) => {
      corpus = null; // let a later attempt retry
      throw e;
    });
  return corpus;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function train(seed: number): Promise<SpamPool> {
  const { rows, vocab } = await loadSpamCorpus();
  const t = spamTrainer(rows, vocab.length, seed);
  while (!t.trainer.done()) {
    const t0 = performance.now();
    while (!t.trainer.done() && performance.now() - t0 < 12) t.trainer.step();
    await nextTask();
  }
  return finishPool(rows, vocab.length, t);
}

/** The held-out emails scored by a classifier trained on this seed's split. */
export function spamPool(seed: number): Promise<SpamPool> {
  let p = pools.get(seed);
  if (!p) {
    p = train(seed);
    p.catch(() => pools.delete(seed));
    pools.set(seed, p);
    while (pools.size > KEEP) pools.delete(pools.keys().next().value as number);
  }
  return p;
}

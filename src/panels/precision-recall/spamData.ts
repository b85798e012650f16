/**
 * Page side of the spam data: loads the compact corpus (its own chunk, fetched only when the
 * learner picks the spam data; the build's corpus plugin serves it to the page's bundle) and hands
 * it to the panel's worker, which decodes it and trains the classifier there (compute.worker.ts),
 * so the page only draws. A newer seed cancels the training in flight.
 */
import { useEffect, useMemo, useState } from 'react';
import type { WorkerFactory } from '../../lib/worker/client';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import type { CompactCorpus } from './spamCodec';
import type { SpamPool } from './spam';

/** What the page asks the worker: train on this corpus with this seed (null: no spam data shown). */
export type SpamPoolAsk = { seed: number; corpus: CompactCorpus } | null;
/** The held-out emails scored by the filter trained on `seed`'s split. */
export interface SpamPoolAnswer {
  seed: number;
  pool: SpamPool;
}

let corpus: Promise<CompactCorpus> | null = null;

export function loadSpamCorpus(): Promise<CompactCorpus> {
  corpus ??= import('virtual:spam-corpus')
    .then((m) => ({ vocab: m.vocab, emails: m.emails, source: m.source }))
    .catch((e: unknown) => {
      corpus = null; // let a later attempt retry
      throw e;
    });
  return corpus;
}

export interface SpamPoolState {
  /** The pool of the seed asked for, once trained (never another seed's). */
  pool: SpamPool | null;
  error: string | null;
  /** Share of the training iterations done, while training. */
  progress: number | null;
}

/** The trained spam pool for `seed`, or nothing while `seed` is null (another data set shown). */
export function useSpamPool(worker: WorkerFactory, seed: number | null): SpamPoolState {
  const [loaded, setLoaded] = useState<{ corpus: CompactCorpus | null; error: string | null }>({ corpus: null, error: null });
  const wanted = seed !== null;
  useEffect(() => {
    if (!wanted || loaded.corpus) return;
    let live = true;
    loadSpamCorpus().then(
      (c) => live && setLoaded({ corpus: c, error: null }),
      (e: unknown) => live && setLoaded({ corpus: null, error: `the spam corpus could not be loaded: ${e instanceof Error ? e.message : String(e)}` }),
    );
    return () => {
      live = false;
    };
  }, [wanted, loaded.corpus]);
  const ask = useMemo<SpamPoolAsk>(() => (seed !== null && loaded.corpus ? { seed, corpus: loaded.corpus } : null), [seed, loaded.corpus]);
  const w = useWorkerComputed<SpamPoolAsk, SpamPoolAnswer | null>(worker, 'spamPool', ask);
  const pool = seed !== null && w.result?.seed === seed && !w.pending ? w.result.pool : null;
  return { pool, error: wanted ? (loaded.error ?? w.error) : null, progress: w.progress };
}

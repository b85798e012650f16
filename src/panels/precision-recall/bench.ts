/**
 * Precision-recall figures for `npm run bench`: the whole analysis (sort, curves, areas, sweeps)
 * at the default and the largest synthetic sample; loading the spam corpus chunk and decoding it;
 * training the spam classifier; and the analysis of the held-out emails.
 */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import { analyse, subsampleToPrevalence, syntheticSet } from './model';
import { schema, type PrParams } from './params';
import { loadSpamCorpus } from './spamData';
import { spamPoolSync } from './spam';
import { decodeCorpus } from './spamCodec';

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const base: PrParams = { ...defaults(schema) };
  for (const n of [2000, 20000]) {
    const p = { ...base, n };
    const t = await timeIt(() => analyse(syntheticSet(p), p), 20, 3);
    rows.push(...timingRows(`synthetic: draw + analyse, ${n} scores`, t));
  }

  const t0 = performance.now();
  const compact = await loadSpamCorpus();
  const t1 = performance.now();
  const corpus = { rows: decodeCorpus(compact), vocab: compact.vocab };
  rows.push({ name: 'spam corpus: fetch + parse (first load, on the page)', value: t1 - t0, unit: 'ms' });
  rows.push({ name: 'spam corpus: decode (in the worker)', value: performance.now() - t1, unit: 'ms', note: `${corpus.rows.length} emails, ${corpus.vocab.length} tokens` });

  const train = await timeIt(() => spamPoolSync(corpus.rows, corpus.vocab.length, 1), 5, 1);
  rows.push(...timingRows('spam: split + train logistic regression (80 Adam steps) + score held-out', train, 'in the worker in the app'));

  const pool = spamPoolSync(corpus.rows, corpus.vocab.length, 1);
  const p = { ...base, data: 'spam' as const, prevalence: 0.05 };
  const a = await timeIt(() => analyse(subsampleToPrevalence(pool.test, p.prevalence, p.seed), p), 20, 3);
  rows.push(...timingRows('spam: subsample to 5% + analyse', a));
  return rows;
}

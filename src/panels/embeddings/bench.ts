/**
 * Embeddings figures for `npm run bench` (run on the page's tfjs backend, which the bench
 * harness names; the panel itself trains the same code in its worker): training speed in steps
 * and pairs per second, the default run's time, and the page-side queries per step shown (PCA
 * of the vectors, neighbours, the analogy), on the built-in corpus and on a large pasted text.
 */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import { analyse } from './analysis';
import { MAX_TEXT } from './corpus';
import { schema, TRAINED_STEP } from './params';
import { BATCH, runConfig, TrainingRun } from './run';
import { pca } from './pca';
import { rows } from './model';
import { SAMPLE_TEXT } from './sampleText';

export async function bench(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const p = defaults(schema);

  // Speed: 200 steps of the default model after a warm-up (evaluations every 10 steps included).
  const speed = new TrainingRun(runConfig(p));
  speed.advance(10);
  const t0 = performance.now();
  speed.advance(210);
  const ms = performance.now() - t0;
  out.push({ name: 'training steps per second (default: d = 16, K = 5, 128 pairs a step)', value: (200 / ms) * 1000, unit: 'steps/s' });
  out.push({ name: 'training pairs per second (default)', value: ((200 * BATCH) / ms) * 1000, unit: 'pairs/s' });
  const v = speed.view();
  speed.dispose();

  // The default run, from a fresh model (corpus built, weights drawn) to step TRAINED_STEP.
  const t1 = performance.now();
  const run = new TrainingRun(runConfig(p));
  run.advance(TRAINED_STEP);
  run.view();
  run.dispose();
  out.push({ name: `default run to step ${TRAINED_STEP} (fresh model)`, value: performance.now() - t1, unit: 'ms' });

  // Page-side work per view: PCA, and the whole analysis (PCA + neighbours + analogy).
  const V = rows(v.embeddings, v.dim);
  out.push(...timingRows(`PCA of ${v.vocab.length} words × ${v.dim} dims`, await timeIt(() => pca(V, 2), 40, 5)));
  out.push(...timingRows('neighbours + analogy + PCA (one view, built-in corpus)', await timeIt(() => analyse(v.vocab, v.embeddings, v.dim, p, true), 40, 5)));

  // A large pasted text (the cap, MAX_TEXT characters) at d = 32.
  const big = { ...p, corpus: 'custom' as const, text: SAMPLE_TEXT.repeat(Math.ceil(MAX_TEXT / SAMPLE_TEXT.length)).slice(0, MAX_TEXT), dim: 32 };
  const br = new TrainingRun(runConfig(big));
  br.advance(20);
  const bv = br.view();
  br.dispose();
  out.push(...timingRows(`neighbours + analogy + PCA (pasted text at the cap: ${bv.vocab.length} words, d = 32)`, await timeIt(() => analyse(bv.vocab, bv.embeddings, bv.dim, { ...big, word: 'cat', a: 'cat', b: 'mouse', c: 'dog' }, false), 40, 5)));
  return out;
}

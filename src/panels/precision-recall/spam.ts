/**
 * The spam pipeline after loading: a seeded stratified split of the decoded emails, a trainer for
 * the logistic regression on the training half, and the held-out emails scored (log-odds of
 * spam) as a ScoredSet for the same threshold / curve machinery as the synthetic scores.
 * Pure: no React, no DOM (the panel's worker runs spamPoolJob in slices, compute.worker.ts).
 */
import type { Stepwise } from '../../lib/panel/schedule';
import { createTrainer, logit, stratifiedSplit, type LogisticModel, type Trainer } from './classifier';
import type { EmailRow } from './spamCodec';
import type { ScoredSet } from './model';

/** Share of each class that trains; the rest is the test pool the panel thresholds. */
export const TRAIN_FRACTION = 0.5;

export interface SpamPool {
  /** Every held-out email with its score. */
  test: ScoredSet;
  nTrain: number;
  nTrainSpam: number;
  vocabSize: number;
  /** Training objective per iteration. */
  losses: number[];
}

export function spamTrainer(rows: readonly EmailRow[], vocabSize: number, seed: number): { trainer: Trainer; train: Int32Array; test: Int32Array } {
  const labels = Uint8Array.from(rows, (r) => r.label);
  const { train, test } = stratifiedSplit(labels, seed, TRAIN_FRACTION);
  const trainer = createTrainer(rows.map((r) => r.tokens), labels, train, vocabSize);
  return { trainer, train, test };
}

export function scoreEmails(rows: readonly EmailRow[], idx: ArrayLike<number>, model: LogisticModel): ScoredSet {
  const y = new Uint8Array(idx.length), s = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) {
    y[k] = rows[idx[k]].label;
    s[k] = logit(model, rows[idx[k]].tokens);
  }
  return { y, s };
}

export function finishPool(rows: readonly EmailRow[], vocabSize: number, t: ReturnType<typeof spamTrainer>): SpamPool {
  let nTrainSpam = 0;
  for (const i of t.train) nTrainSpam += rows[i].label;
  return { test: scoreEmails(rows, t.test, t.trainer.model), nTrain: t.train.length, nTrainSpam, vocabSize, losses: t.trainer.losses };
}

/**
 * Split, then train one Adam iteration per step, then score: the pieces the worker runs between
 * looks at its message queue, so a newer seed cancels training midway.
 */
export function spamPoolJob(rows: readonly EmailRow[], vocabSize: number, seed: number): Stepwise<SpamPool> & { iteration(): number } {
  const t = spamTrainer(rows, vocabSize, seed);
  return {
    step() {
      if (!t.trainer.done()) t.trainer.step();
      return t.trainer.done();
    },
    result: () => finishPool(rows, vocabSize, t),
    iteration: () => t.trainer.losses.length,
  };
}

/** Split, train to the end and score, in one go (tests, benchmark). */
export function spamPoolSync(rows: readonly EmailRow[], vocabSize: number, seed: number): SpamPool {
  const t = spamTrainer(rows, vocabSize, seed);
  while (!t.trainer.done()) t.trainer.step();
  return finishPool(rows, vocabSize, t);
}

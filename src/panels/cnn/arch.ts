/**
 * The network's shape and training constants, without tfjs (the page reads them for its texts;
 * net.tf.ts and run.ts, in the worker, build on them). Pure: no React, no DOM, no tfjs.
 */
import { CLASSES, SIZE } from './modelDigits';
import type { NetConfig } from './net.tf';

/** Side of the maps after the first and the second pooling. */
export const SIDE1 = SIZE / 2;
export const SIDE2 = SIZE / 4;

export const NAMES = ['K1', 'b1', 'K2', 'b2', 'W', 'b'] as const;
export type WeightName = (typeof NAMES)[number];

/** Shapes of the weights and their initial standard deviations (He for the ReLU layers). */
export function specs(c: { f1: number; f2: number }): Record<WeightName, { shape: number[]; std: number }> {
  const flat = SIDE2 * SIDE2 * c.f2;
  return {
    K1: { shape: [3, 3, 1, c.f1], std: Math.sqrt(2 / 9) },
    b1: { shape: [c.f1], std: 0 },
    K2: { shape: [3, 3, c.f1, c.f2], std: Math.sqrt(2 / (9 * c.f1)) },
    b2: { shape: [c.f2], std: 0 },
    W: { shape: [flat, CLASSES], std: Math.sqrt(1 / flat) },
    b: { shape: [CLASSES], std: 0 },
  };
}

/** Number of trainable weights. */
export const paramCount = (c: { f1: number; f2: number }) => Object.values(specs(c)).reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);

/** Held-out evaluation every EVAL_EVERY steps, on HELD_OUT images (50 of each digit). */
export const EVAL_EVERY = 25;
export const HELD_OUT = 500;
/** Accuracy the readout reports the first crossing of. */
export const TARGET_ACC = 0.9;
/** Images per training step. */
export const BATCH = 32;

/** The training settings of a panel state (the worker's run key: the steps and image are targets). */
export const netConfig = (p: { f1: number; f2: number; lr: number; seed: number }): NetConfig => ({ f1: p.f1, f2: p.f2, lr: p.lr, seed: p.seed, batch: BATCH });

/** Estimated seconds to train `steps` steps here (evaluations included), from measured costs. */
export function retrainSeconds(v: { stepMs: number | null; evalMs: number | null }, steps: number): number | null {
  if (v.stepMs === null) return null;
  return (steps * v.stepMs + Math.floor(steps / EVAL_EVERY) * (v.evalMs ?? 0)) / 1000;
}

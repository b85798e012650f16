/**
 * The toy sequence tasks of the trained mode: digit sequences (vocabulary 0..9) and the target
 * each task asks for. Every batch is drawn from its own named stream of the seed, so step t's
 * batch is the same however the run got there (played, stepped, or replayed from a link).
 * Pure: no tfjs, no React.
 */
import { stream } from '../../lib/random/rng';

export const VOCAB = 10;
export const TASKS = ['reverse', 'copy', 'shift'] as const;
export type TaskName = (typeof TASKS)[number];

/** The input position output position i must read: the pattern the attention map should learn. */
export function sourcePosition(task: TaskName, i: number, L: number): number {
  switch (task) {
    case 'reverse':
      return L - 1 - i;
    case 'copy':
      return i;
    case 'shift':
      return (i + 1) % L;
  }
}

export interface Batch {
  /** Row-major [B, L] input digits. */
  x: Int32Array;
  /** Row-major [B, L] target digits. */
  y: Int32Array;
  B: number;
  L: number;
}

/** B random sequences of length L from the given stream name, with their targets. */
export function makeBatch(task: TaskName, B: number, L: number, seed: number, name: string): Batch {
  const rng = stream(seed, name);
  const x = new Int32Array(B * L), y = new Int32Array(B * L);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < L; i++) x[b * L + i] = rng.int(VOCAB);
    for (let i = 0; i < L; i++) y[b * L + i] = x[b * L + sourcePosition(task, i, L)];
  }
  return { x, y, B, L };
}

/** The training batch of step t (0-based). */
export const trainBatch = (task: TaskName, B: number, L: number, seed: number, t: number): Batch =>
  makeBatch(task, B, L, seed, `batch:${t}`);

/** The fixed held-out sequences accuracy is measured on. */
export const evalBatch = (task: TaskName, B: number, L: number, seed: number): Batch => makeBatch(task, B, L, seed, 'eval');

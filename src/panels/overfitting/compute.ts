/**
 * What the view draws for a set of params: the runs of A (and B) at the epoch asked for, each
 * with its boundary grid. Both engines train in the worker (training.ts through useTraining); the
 * page evaluates the grid of the model each run shows and draws. Types and constants only.
 */
import { gridExtent } from './data';
import type { Evaluation, History } from './train';
import type { RunData, RunSpec } from './model';
import type { Arch } from './mlp';
import type { OverfitParams } from './params';

/** The boundary grid is GRID_N × GRID_N cells (TensorFlow Playground draws 100 × 100). */
export const GRID_N = 100;
export const GRID_EXTENT = gridExtent(GRID_N, GRID_N);

export interface RunView {
  which: 'A' | 'B';
  title: string;
  spec: RunSpec;
  arch: Arch;
  params: number;
  /** Epochs trained and shown (the target, or less where early stopping or divergence ended it). */
  epoch: number;
  /** History index of the model shown: the best epoch after an early stop, else `epoch`. */
  shown: number;
  bestEpoch: number;
  stoppedAt: number | null;
  divergedAt: number | null;
  hist: History;
  now: Evaluation;
  /** θ of the model shown (the worker's RunState.weights): what "Save this network" exports. */
  weights: Float64Array;
  /** P(class 1) on the GRID_N × GRID_N grid (values[i + j·GRID_N], row 0 = lowest y). */
  probs: Float32Array;
  data: RunData;
}

export interface OverfitResult {
  /** The params this result was computed for (the view compares identity to know it is current). */
  input: OverfitParams;
  target: number;
  a: RunView;
  b: RunView | null;
  /** B would train exactly like A (e.g. "without regularisation" when A has none). */
  bSameAsA: boolean;
  /** Every run has ended (early stopping or divergence) at or before `target`. */
  done: boolean;
}

/**
 * k-means: the tfjs assignment (model.ts loads this file by dynamic import when the engine is
 * tfjs, so plain-JS users of the model, like the elbow in the worker, never load tfjs).
 * No React, no DOM.
 */
import * as tf from '../../lib/tf/tf';
import type { Points } from './model';

/**
 * Nearest centre in tfjs. `form` 'direct' builds the [n, K] matrix of squared distances by
 * broadcasting [n,1,2] against [1,K,2] (exact in float32, so ties break as in float64);
 * 'matmul' ranks centres by ‖c‖² − 2 x·c from one [n,2]×[2,K] product (fewer kernels over the
 * [n, K] matrix, a little cancellation). The panel uses DEFAULT_TF_FORM; the bench times both.
 */
export type TfForm = 'direct' | 'matmul';
export const DEFAULT_TF_FORM: TfForm = 'matmul';

export async function assignTf(p: Points, centres: Float64Array, k: number, form: TfForm = DEFAULT_TF_FORM): Promise<Int32Array> {
  const a = tfAssigner(p, form);
  try {
    return await a.assign(centres, k);
  } finally {
    a.dispose();
  }
}

/** Nearest centres for one data set, many times: what assignTf does, with the points uploaded once. */
export interface TfAssigner {
  assign(centres: Float64Array, k: number): Promise<Int32Array>;
  /** Frees the uploaded points (the caller's to call, once its last assignment is done). */
  dispose(): void;
}

/**
 * The points as one tensor, kept for a run's iterations: the same kernels on the same values as
 * a fresh upload each time (so the same labels), without copying the data into the backend and
 * back through a new tensor on every assignment, which cost as much as the assignment at a few
 * thousand points.
 */
export function tfAssigner(p: Points, form: TfForm = DEFAULT_TF_FORM): TfAssigner {
  const X = tf.tensor2d(p.xf32, [p.n, 2]);
  const assign = async (centres: Float64Array, k: number): Promise<Int32Array> => {
    const labels = tf.tidy(() => {
      if (form === 'direct') {
        const C = tf.tensor2d(Float32Array.from(centres.subarray(0, 2 * k)), [k, 2]);
        return tf.argMin(tf.sum(tf.square(tf.sub(tf.expandDims(X, 1), tf.expandDims(C, 0))), 2), 1);
      }
      // ‖x − c‖² = ‖x‖² − 2x·c + ‖c‖², and ‖x‖² is the same for every centre of a row.
      const m2c = new Float32Array(2 * k), cc = new Float32Array(k);
      for (let j = 0; j < k; j++) {
        m2c[j] = -2 * centres[2 * j];
        m2c[k + j] = -2 * centres[2 * j + 1];
        cc[j] = centres[2 * j] ** 2 + centres[2 * j + 1] ** 2;
      }
      return tf.argMin(tf.add(tf.matMul(X, tf.tensor2d(m2c, [2, k])), tf.tensor2d(cc, [1, k])), 1);
    });
    try {
      return (await labels.data()) as Int32Array;
    } finally {
      labels.dispose();
    }
  };
  return { assign, dispose: () => X.dispose() };
}

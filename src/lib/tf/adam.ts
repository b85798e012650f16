/**
 * Adam written out in tf ops over a list of variables, with its moments, step count and
 * checkpoints: the training loop the tfjs panels share (attention, cnn, embeddings). Written out,
 * not tf.train.adam, so a checkpoint holds the moments too (a step back restores them exactly and
 * the run replays bit for bit) and every op has a kernel on the WASM backend.
 *
 *   m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²,  w ← w − η·(m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 *
 * Reached only from modules that already run tfjs (the panels' *.tf.ts, in their workers).
 */
import * as tf from './tf';

export const ADAM = { beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const;

/** Weights and moments, copied out, at a step. */
export interface Snapshot {
  step: number;
  values: Float32Array[];
}

export class AdamVariables {
  /** Updates applied so far. */
  step = 0;
  vars: tf.Variable[];
  private m: tf.Variable[];
  private v: tf.Variable[];

  /** Takes the initial weights and owns them from here (the tensors passed in are disposed). */
  constructor(initial: readonly tf.Tensor[]) {
    const own = (t: tf.Tensor, trainable: boolean): tf.Variable => {
      const v = tf.variable(t, trainable);
      t.dispose();
      return v;
    };
    this.vars = initial.map((t) => own(t, true));
    this.m = this.vars.map((w) => own(tf.zerosLike(w), false));
    this.v = this.vars.map((w) => own(tf.zerosLike(w), false));
  }

  /** One Adam step with step size `lr` on the gradient of `loss` (called inside a tidy). */
  minimize(loss: () => tf.Scalar, lr: number): void {
    const t = this.step + 1;
    const { beta1, beta2, eps } = ADAM;
    tf.tidy(() => {
      const { grads } = tf.variableGrads(loss, this.vars);
      const c1 = 1 - beta1 ** t, c2 = 1 - beta2 ** t;
      this.vars.forEach((w, i) => {
        const g = grads[w.name];
        if (!g) return; // the loss does not reach this variable: nothing to update
        const m = tf.add(tf.mul(this.m[i], beta1), tf.mul(g, 1 - beta1));
        const v = tf.add(tf.mul(this.v[i], beta2), tf.mul(tf.square(g), 1 - beta2));
        this.m[i].assign(m);
        this.v[i].assign(v);
        w.assign(tf.sub(w, tf.div(tf.mul(m, lr / c1), tf.add(tf.sqrt(tf.div(v, c2)), eps))));
      });
    });
    this.step = t;
  }

  snapshot(): Snapshot {
    return { step: this.step, values: [...this.vars, ...this.m, ...this.v].map((t) => t.dataSync().slice() as Float32Array) };
  }

  restore(s: Snapshot): void {
    const all = [...this.vars, ...this.m, ...this.v];
    tf.tidy(() => all.forEach((t, i) => t.assign(tf.tensor(s.values[i], t.shape))));
    this.step = s.step;
  }

  dispose(): void {
    for (const t of [...this.vars, ...this.m, ...this.v]) t.dispose();
    this.vars = [];
    this.m = [];
    this.v = [];
  }
}

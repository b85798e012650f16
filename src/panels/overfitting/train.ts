/**
 * Training runs: epochs of a small MLP (full batch, or ⌈n/b⌉ minibatch updates over a shuffle) with its history of training and validation
 * loss, early stopping with patience (and restoring the best weights), and checkpoints so that a
 * run can be rewound to any epoch and replayed exactly. Pure: no React, no DOM. The network itself
 * is behind the `Net` interface: JsNet (float64 typed arrays, here) or TfNet (tfjs, net.tf.ts).
 *
 * Every epoch's randomness (dropout masks, input jitter) comes from its own named stream
 * ('dropout:<epoch>', 'jitter:<epoch>'), so replaying from a checkpoint gives the same numbers
 * as training straight through. So does the shuffle of a minibatch epoch ('batch:<epoch>').
 */
import { stream } from '../../lib/random/rng';
import { FEATURE_COUNT, features, type FeatureSet, type Split } from './data';
import {
  adamStep, backwardInto, dropoutMasks, forwardInto, initParams, jittered, layout, makeBuffers, metrics, sgdStep, sigmoid,
  weightNorm2, type AdamState, type Arch, type Buffers, type Layout, type OptimizerName,
} from './mlp';

export interface TrainConfig {
  arch: Arch;
  features: FeatureSet;
  optimizer: OptimizerName;
  lr: number;
  /** Points per update; at n or above (the default), one full-batch update per epoch. */
  batch: number;
  /** Probability of dropping a hidden unit during a training epoch (0 = off). */
  dropout: number;
  /** L2 weight decay λ: the loss gains (λ/2)·Σ W² (0 = off). */
  l2: number;
  /** Standard deviation of the Gaussian jitter added to the raw inputs each epoch (0 = off). */
  jitter: number;
  earlyStop: boolean;
  /** Epochs without a new best validation loss after which training stops. */
  patience: number;
  seed: number;
}

export interface Evaluation {
  trainLoss: number;
  trainAcc: number;
  valLoss: number;
  valAcc: number;
  /** Σ W² over the weights (biases excluded). */
  wnorm: number;
}

/** The batch size a run of `n` training points uses: `batch` clamped to [1, n]. */
export function batchSize(batch: number, n: number): number {
  return Math.max(1, Math.min(n, Math.floor(batch) || n));
}

/** The order in which a minibatch epoch visits the points: its own stream, so replays agree. */
export function batchOrder(seed: number, epoch: number, n: number): Int32Array {
  return stream(seed, `batch:${epoch}`).permutation(n);
}

/** Row `r` of every mask, gathered into row `to` of `out` (the masks of one minibatch). */
export function gatherRows(src: (Float64Array | null)[], out: (Float64Array | null)[], sizes: readonly number[], r: number, to: number): void {
  for (let l = 0; l < src.length; l++) {
    const m = src[l], o = out[l];
    if (!m || !o) continue;
    const w = sizes[l + 1];
    o.set(m.subarray(r * w, r * w + w), to * w);
  }
}

/** What a training run needs from a network, whichever engine computes it. */
export interface Net {
  /** One epoch (the epoch-th, counting from 0): one full-batch update, or ⌈n/b⌉ minibatch ones. */
  step(epoch: number): void;
  /** Loss and accuracy on the training and validation sets with the current weights, no dropout. */
  evaluate(): Evaluation;
  /** A copy of θ (float64). */
  getWeights(): Float64Array;
  setWeights(theta: Float64Array): void;
  /** Everything a replay needs to resume: θ and the optimizer's state. */
  saveState(): Float64Array;
  loadState(s: Float64Array): void;
  dispose(): void;
}

/** The network in plain float64 typed arrays (mlp.ts). */
export class JsNet implements Net {
  readonly L: Layout;
  theta: Float64Array;
  private grad: Float64Array;
  private adam: AdamState;
  private Xtr: Float64Array;
  private Xval: Float64Array;
  private bufTr: Buffers;
  private bufVal: Buffers;
  private dOut: Float64Array;
  /** Minibatch buffers (made on the first minibatch epoch). */
  private mini: { X: Float64Array; y: Float64Array; buf: Buffers; masks: (Float64Array | null)[] } | null = null;
  /** bufTr holds a clean (no dropout, no jitter) forward pass at the current θ. */
  private cleanTr = false;

  constructor(
    private cfg: TrainConfig,
    private train: Split,
    private val: Split,
  ) {
    this.L = layout(cfg.arch);
    this.theta = initParams(cfg.arch, cfg.seed);
    this.grad = new Float64Array(this.L.size);
    this.adam = { m: new Float64Array(this.L.size), v: new Float64Array(this.L.size), t: 0 };
    this.Xtr = features(cfg.features, train.x, train.n);
    this.Xval = features(cfg.features, val.x, val.n);
    this.bufTr = makeBuffers(cfg.arch.sizes, train.n);
    this.bufVal = makeBuffers(cfg.arch.sizes, val.n);
    this.dOut = new Float64Array(train.n);
  }

  step(epoch: number): void {
    const { cfg, train, L, theta, grad } = this;
    const n = train.n;
    if (n === 0) return;
    if (batchSize(cfg.batch, n) < n) return this.miniEpoch(epoch);
    // Full batch: exactly the path (and the numbers) of the panel before it had a batch size.
    const masks = dropoutMasks(cfg.arch.sizes, n, cfg.dropout, cfg.seed, epoch);
    const X = cfg.jitter > 0 ? features(cfg.features, jittered(train.x, cfg.jitter, cfg.seed, epoch), n) : this.Xtr;
    // Without dropout and jitter, the forward pass evaluate() just made at this θ is the one the
    // update needs: reuse it (a quarter of the work of an epoch).
    const clean = cfg.dropout === 0 && cfg.jitter === 0 && this.cleanTr;
    const z = clean ? this.bufTr.z[this.bufTr.z.length - 1] : forwardInto(cfg.arch, L, theta, X, n, this.bufTr, masks);
    this.cleanTr = false;
    for (let r = 0; r < n; r++) this.dOut[r] = (sigmoid(z[r]) - train.y[r]) / n;
    backwardInto(cfg.arch, L, theta, X, n, this.bufTr, this.dOut, grad, masks);
    this.update();
  }

  /** Weight decay on the gradient, then the optimizer's step. */
  private update(): void {
    const { cfg, L, theta, grad } = this;
    if (cfg.l2 > 0) {
      const sizes = cfg.arch.sizes;
      for (let l = 0; l < L.w.length; l++) {
        const end = L.w[l] + sizes[l] * sizes[l + 1];
        for (let k = L.w[l]; k < end; k++) grad[k] += cfg.l2 * theta[k];
      }
    }
    if (cfg.optimizer === 'adam') adamStep(theta, grad, this.adam, cfg.lr);
    else sgdStep(theta, grad, cfg.lr);
  }

  /**
   * One epoch of minibatches: the points in this epoch's shuffled order, b at a time (the last
   * batch may be smaller), one update per batch on that batch's mean loss. Dropout masks and
   * jitter are drawn per epoch for every point, as in full batch, and gathered per batch.
   */
  private miniEpoch(epoch: number): void {
    const { cfg, train, L, theta, grad } = this;
    const n = train.n, sizes = cfg.arch.sizes, F = sizes[0];
    const b = batchSize(cfg.batch, n);
    const masks = dropoutMasks(sizes, n, cfg.dropout, cfg.seed, epoch);
    const X = cfg.jitter > 0 ? features(cfg.features, jittered(train.x, cfg.jitter, cfg.seed, epoch), n) : this.Xtr;
    if (!this.mini || this.mini.buf.n !== b)
      this.mini = { X: new Float64Array(b * F), y: new Float64Array(b), buf: makeBuffers(sizes, b), masks: masks.map((_, l) => new Float64Array(b * sizes[l + 1])) };
    const mb = this.mini;
    const bm = masks.map((m, l) => (m ? mb.masks[l] : null));
    const order = batchOrder(cfg.seed, epoch, n);
    this.cleanTr = false;
    for (let s = 0; s < n; s += b) {
      const m = Math.min(b, n - s);
      for (let r = 0; r < m; r++) {
        const i = order[s + r];
        mb.X.set(X.subarray(i * F, i * F + F), r * F);
        mb.y[r] = train.y[i];
        gatherRows(masks, bm, sizes, i, r);
      }
      const z = forwardInto(cfg.arch, L, theta, mb.X, m, mb.buf, bm);
      for (let r = 0; r < m; r++) this.dOut[r] = (sigmoid(z[r]) - mb.y[r]) / m;
      backwardInto(cfg.arch, L, theta, mb.X, m, mb.buf, this.dOut, grad, bm);
      this.update();
    }
  }

  evaluate(): Evaluation {
    const { cfg, train, val, L, theta } = this;
    const tr = metrics(forwardInto(cfg.arch, L, theta, this.Xtr, train.n, this.bufTr), train.y, train.n);
    this.cleanTr = true;
    const va = metrics(forwardInto(cfg.arch, L, theta, this.Xval, val.n, this.bufVal), val.y, val.n);
    return { trainLoss: tr.loss, trainAcc: tr.acc, valLoss: va.loss, valAcc: va.acc, wnorm: weightNorm2(cfg.arch, theta) };
  }

  getWeights(): Float64Array {
    return this.theta.slice();
  }

  setWeights(theta: Float64Array): void {
    this.theta.set(theta);
    this.cleanTr = false;
  }

  saveState(): Float64Array {
    const P = this.L.size;
    const s = new Float64Array(3 * P + 1);
    s.set(this.theta, 0);
    s.set(this.adam.m, P);
    s.set(this.adam.v, 2 * P);
    s[3 * P] = this.adam.t;
    return s;
  }

  loadState(s: Float64Array): void {
    const P = this.L.size;
    this.theta.set(s.subarray(0, P));
    this.adam.m.set(s.subarray(P, 2 * P));
    this.adam.v.set(s.subarray(2 * P, 3 * P));
    this.adam.t = s[3 * P];
    this.cleanTr = false;
  }

  dispose(): void {}
}

export interface History {
  trainLoss: number[];
  valLoss: number[];
  trainAcc: number[];
  valAcc: number[];
  wnorm: number[];
}

/**
 * Early stopping over a sequence of validation losses, as Keras' EarlyStopping(patience,
 * restore_best_weights=True) with min_delta 0: the best epoch is the first index of the minimum so
 * far; training stops at the first epoch that is `patience` epochs past the best without a new
 * best. Returns the best epoch and the stop epoch (null if it never stopped).
 */
export function earlyStopping(valLoss: readonly number[], patience: number): { best: number; stop: number | null } {
  let best = 0;
  for (let k = 1; k < valLoss.length; k++) {
    const v = earlyStopVerdict(valLoss, best, k, patience);
    if (v === 'better') best = k;
    else if (v === 'stop') return { best, stop: k };
  }
  return { best, stop: null };
}

/**
 * The rule for epoch k, given the best epoch before it: 'better' when k's validation loss is
 * strictly lower (a tie is not an improvement), 'stop' when `patience` epochs have passed since
 * the best, else 'wait'. Run.advance applies exactly this after every epoch.
 */
export function earlyStopVerdict(valLoss: readonly number[], best: number, k: number, patience: number): 'better' | 'stop' | 'wait' {
  if (valLoss[k] < valLoss[best]) return 'better';
  return k - best >= patience ? 'stop' : 'wait';
}

interface Checkpoint {
  state: Float64Array;
  bestEpoch: number;
  bestTheta: Float64Array;
}

/** Epochs between checkpoints: a rewind replays at most this many. */
export const CHECKPOINT_EVERY = 50;

/** A training run: a Net, its history from epoch 0, the best validation epoch, early stopping. */
export class Run {
  /** Epochs trained so far (history has epoch + 1 entries: index k is after k updates). */
  epoch = 0;
  readonly hist: History = { trainLoss: [], valLoss: [], trainAcc: [], valAcc: [], wnorm: [] };
  bestEpoch = 0;
  /** Epoch at which early stopping ended the run (weights restored to bestEpoch's), or null. */
  stoppedAt: number | null = null;
  /** First epoch whose update made the loss non-finite; the run stays at the epoch before it. */
  divergedAt: number | null = null;
  private bestTheta: Float64Array;
  private checkpoints = new Map<number, Checkpoint>();

  constructor(
    readonly net: Net,
    readonly cfg: Pick<TrainConfig, 'earlyStop' | 'patience'>,
  ) {
    this.record(net.evaluate());
    this.bestTheta = net.getWeights();
  }

  private record(e: Evaluation): void {
    const h = this.hist;
    h.trainLoss.push(e.trainLoss);
    h.valLoss.push(e.valLoss);
    h.trainAcc.push(e.trainAcc);
    h.valAcc.push(e.valAcc);
    h.wnorm.push(e.wnorm);
  }

  /** Whether the run can go no further (early stopping triggered). */
  get done(): boolean {
    return this.stoppedAt !== null || this.divergedAt !== null;
  }

  /**
   * Trains until `target` epochs are done, early stopping fires, or the clock passes `deadline`
   * (performance.now() ms). Returns true when the target (or the stop) was reached.
   */
  advance(target: number, deadline = Infinity): boolean {
    while (this.epoch < target && !this.done) {
      if (this.epoch % CHECKPOINT_EVERY === 0 && !this.checkpoints.has(this.epoch))
        this.checkpoints.set(this.epoch, { state: this.net.saveState(), bestEpoch: this.bestEpoch, bestTheta: this.bestTheta.slice() });
      this.net.step(this.epoch);
      const e = this.net.evaluate();
      if (![e.trainLoss, e.valLoss, e.wnorm].every(Number.isFinite)) {
        // Diverged: go back to the last finite epoch (replayed from its checkpoint) and stay there.
        const last = this.epoch;
        this.rewind(last);
        this.advance(last);
        this.divergedAt = last + 1;
        return true;
      }
      this.epoch++;
      this.record(e);
      const verdict = earlyStopVerdict(this.hist.valLoss, this.bestEpoch, this.epoch, this.cfg.patience);
      if (verdict === 'better') {
        this.bestEpoch = this.epoch;
        this.bestTheta = this.net.getWeights();
      } else if (this.cfg.earlyStop && verdict === 'stop') {
        this.stoppedAt = this.epoch;
        this.net.setWeights(this.bestTheta);
      }
      if (performance.now() > deadline) break;
    }
    return this.epoch >= target || this.done;
  }

  /** Goes back to epoch `e` (< epoch) from the nearest checkpoint; advance() then replays. */
  rewind(e: number): void {
    let c = Math.floor(Math.max(0, e) / CHECKPOINT_EVERY) * CHECKPOINT_EVERY;
    while (c > 0 && !this.checkpoints.has(c)) c -= CHECKPOINT_EVERY;
    const ck = this.checkpoints.get(c);
    if (!ck) throw new Error('no checkpoint at epoch 0');
    this.net.loadState(ck.state);
    this.epoch = c;
    this.bestEpoch = ck.bestEpoch;
    this.bestTheta = ck.bestTheta.slice();
    this.stoppedAt = null;
    this.divergedAt = null;
    for (const k of Object.keys(this.hist) as (keyof History)[]) this.hist[k].length = c + 1;
    for (const k of [...this.checkpoints.keys()]) if (k > c) this.checkpoints.delete(k);
  }

  /** Rewinds if needed so that the next advance(e) ends exactly at epoch e (or its stop). */
  seek(e: number): void {
    if (this.stoppedAt !== null && e >= this.stoppedAt) return;
    if (this.divergedAt !== null && e >= this.epoch) return;
    if (e < this.epoch) this.rewind(e);
  }

  /** The weights the run shows now: the restored best ones after an early stop, else the current. */
  weights(): Float64Array {
    return this.net.getWeights();
  }

  /** Index into the history of the model the run shows now. */
  get shown(): number {
    return this.stoppedAt !== null ? this.bestEpoch : this.epoch;
  }

  dispose(): void {
    this.net.dispose();
    this.checkpoints.clear();
  }
}

/** Number of trainable parameters of an architecture. */
export function parameterCount(arch: Arch): number {
  return layout(arch).size;
}

export { FEATURE_COUNT };

/**
 * The training data of a run, step by step. Pure and seeded, so step t always sees the same
 * batch: that is what lets a link replay to its step and a checkpoint resume bit for bit.
 *
 * The (center, context) pairs are walked epoch by epoch, each epoch in its own shuffled order
 * (stream 'shuffle:<epoch>'); step t takes pairs t·B … t·B + B − 1 of that endless walk. Its K
 * negatives per pair are drawn from the unigram^0.75 table with stream 'neg:<t>'.
 */
import { stream } from '../../lib/random/rng';
import { sampleIndex } from './model';

export interface Batch {
  center: Int32Array;
  context: Int32Array;
  /** [B·K], row-major. */
  negatives: Int32Array;
}

export class BatchSource {
  private order: Int32Array | null = null;
  private epoch = -1;

  constructor(
    private readonly pairs: { center: Int32Array; context: Int32Array },
    private readonly cdf: Float64Array,
    private readonly seed: number,
    readonly batch: number,
    readonly negatives: number,
  ) {}

  get pairCount(): number {
    return this.pairs.center.length;
  }

  private orderOf(epoch: number): Int32Array {
    if (epoch !== this.epoch || !this.order) {
      this.order = stream(this.seed, `shuffle:${epoch}`).permutation(this.pairCount);
      this.epoch = epoch;
    }
    return this.order;
  }

  /** Negatives for `n` pairs from the named stream. */
  drawNegatives(n: number, name: string): Int32Array {
    const rng = stream(this.seed, name);
    const out = new Int32Array(n * this.negatives);
    for (let i = 0; i < out.length; i++) out[i] = sampleIndex(this.cdf, rng.next());
    return out;
  }

  /** The batch of training step `t` (0-based). */
  at(t: number): Batch {
    const P = this.pairCount, B = this.batch;
    const center = new Int32Array(B), context = new Int32Array(B);
    for (let i = 0; i < B; i++) {
      const g = t * B + i;
      const p = this.orderOf(Math.floor(g / P))[g % P];
      center[i] = this.pairs.center[p];
      context[i] = this.pairs.context[p];
    }
    return { center, context, negatives: this.drawNegatives(B, `neg:${t}`) };
  }

  /** A fixed sample of pairs (the same at every step) for the loss the readout reports. */
  evalSet(size: number): Batch {
    const n = Math.min(size, this.pairCount);
    const pick = stream(this.seed, 'eval').permutation(this.pairCount).subarray(0, n);
    return {
      center: Int32Array.from(pick, (p) => this.pairs.center[p]),
      context: Int32Array.from(pick, (p) => this.pairs.context[p]),
      negatives: this.drawNegatives(n, 'eval-neg'),
    };
  }
}

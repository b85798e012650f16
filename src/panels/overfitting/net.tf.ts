/**
 * The same MLP in tfjs (float32): TfNet trains it with tfjs autodiff, and gridProbsTf evaluates
 * a trained network on the whole boundary grid as a handful of batched matrix products.
 *
 * TfNet mirrors JsNet exactly (same initial weights, same dropout masks and jitter from our
 * streams, same loss and Adam convention), so model.test.ts can check the hand-written backward
 * pass against tfjs autodiff. Every tensor is made inside tf.tidy or disposed by dispose();
 * callers get plain arrays back.
 */
import * as tf from '../../lib/tf/tf';
import { features, gridFeatures, type FeatureSet, type Split } from './data';
import { ADAM, dropoutMasks, initParams, jittered, layout, type Arch, type Layout } from './mlp';
import { batchOrder, batchSize, gatherRows, type Evaluation, type Net, type TrainConfig } from './train';
import { createCache } from '../../lib/panel/cache';

const f32 = (a: ArrayLike<number>) => Float32Array.from(a);

function act(x: tf.Tensor, a: Arch['activation']): tf.Tensor {
  return a === 'relu' ? tf.relu(x) : tf.tanh(x);
}

/** Σ W² over a list of weight matrices (a chain of adds: tf.addN's gradient fails here). */
function sumSquares(ws: tf.Tensor[]): tf.Tensor {
  return ws.map((w) => tf.sum(tf.square(w))).reduce((a, b) => tf.add(a, b));
}

/** Stable mean binary cross-entropy of logits z [n,1] against labels y [n,1]. */
function meanBce(z: tf.Tensor, y: tf.Tensor): tf.Scalar {
  return tf.mean(tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))))) as tf.Scalar;
}

export class TfNet implements Net {
  private L: Layout;
  private W: tf.Variable[] = [];
  private b: tf.Variable[] = [];
  /**
   * Adam's moments for all parameters as one flat vector each (params() order, θ's layout): the
   * update is a dozen ops on the flat vector instead of a dozen per parameter tensor (14 in the
   * Playground's 6×8 network), which is most of what a small minibatch update costs in tfjs.
   */
  private m: tf.Variable;
  private v: tf.Variable;
  /** Adam's constants as kept scalars (a JS number in an op makes a new tensor every time). */
  private k: { b1: tf.Scalar; nb1: tf.Scalar; b2: tf.Scalar; nb2: tf.Scalar; eps: tf.Scalar };
  private t = 0;
  private Xtr: tf.Tensor2D;
  private ytr: tf.Tensor2D;
  private Xval: tf.Tensor2D;
  private yval: tf.Tensor2D;

  constructor(
    private cfg: TrainConfig,
    private train: Split,
    val: Split,
  ) {
    const { sizes } = cfg.arch;
    this.L = layout(cfg.arch);
    const theta = initParams(cfg.arch, cfg.seed);
    // tf.variable keeps its initial value's data: create both inside tidy so only the variable stays.
    tf.tidy(() => {
      for (let l = 0; l + 1 < sizes.length; l++) {
        const nin = sizes[l], nout = sizes[l + 1];
        this.W.push(tf.variable(tf.tensor2d(f32(theta.subarray(this.L.w[l], this.L.w[l] + nin * nout)), [nin, nout])));
        this.b.push(tf.variable(tf.tensor1d(f32(theta.subarray(this.L.b[l], this.L.b[l] + nout)))));
      }
    });
    // Inside tidy too, so the zeros they start from are freed and only the variables stay.
    [this.m, this.v] = tf.tidy(() => [tf.variable(tf.zeros([this.L.size]), false), tf.variable(tf.zeros([this.L.size]), false)]);
    const { beta1: b1, beta2: b2, eps } = ADAM;
    this.k = { b1: tf.scalar(b1), nb1: tf.scalar(1 - b1), b2: tf.scalar(b2), nb2: tf.scalar(1 - b2), eps: tf.scalar(eps) };
    const F = sizes[0];
    this.Xtr = tf.tensor2d(f32(features(cfg.features, train.x, train.n)), [train.n, F]);
    this.ytr = tf.tensor2d(f32(train.y), [train.n, 1]);
    this.Xval = tf.tensor2d(f32(features(cfg.features, val.x, val.n)), [val.n, F]);
    this.yval = tf.tensor2d(f32(val.y), [val.n, 1]);
  }

  private params(): tf.Variable[] {
    const out: tf.Variable[] = [];
    for (let l = 0; l < this.W.length; l++) out.push(this.W[l], this.b[l]);
    return out;
  }

  /** Output logits [n,1]; `masks` multiply the hidden activations (inverted dropout). */
  private forward(X: tf.Tensor, masks?: (tf.Tensor | null)[]): tf.Tensor {
    let h: tf.Tensor = X;
    const last = this.W.length - 1;
    for (let l = 0; l <= last; l++) {
      const z = tf.add(tf.matMul(h as tf.Tensor2D, this.W[l]), this.b[l]);
      if (l === last) return z;
      h = act(z, this.cfg.arch.activation);
      const mk = masks?.[l];
      if (mk) h = tf.mul(h, mk);
    }
    return h;
  }

  step(epoch: number): void {
    const { cfg, train } = this;
    const n = train.n;
    if (n === 0) return;
    const sizes = cfg.arch.sizes;
    const masks = dropoutMasks(sizes, n, cfg.dropout, cfg.seed, epoch);
    const jit = cfg.jitter > 0 ? features(cfg.features, jittered(train.x, cfg.jitter, cfg.seed, epoch), n) : null;
    const b = batchSize(cfg.batch, n);
    if (b >= n) {
      tf.tidy(() => {
        const X = jit ? tf.tensor2d(f32(jit), [n, sizes[0]]) : this.Xtr;
        this.update(X, this.ytr, masks.map((m, l) => (m ? tf.tensor2d(f32(m), [n, sizes[l + 1]]) : null)));
      });
      return;
    }
    // Minibatches in the same shuffled order as JsNet, masks gathered row by row the same way.
    const order = batchOrder(cfg.seed, epoch, n);
    const bm = masks.map((m, l) => (m ? new Float64Array(b * sizes[l + 1]) : null));
    for (let s = 0; s < n; s += b) {
      const m = Math.min(b, n - s);
      const idx = order.slice(s, s + m);
      for (let r = 0; r < m; r++) gatherRows(masks, bm, sizes, idx[r], r);
      tf.tidy(() => {
        const full = jit ? tf.tensor2d(f32(jit), [n, sizes[0]]) : this.Xtr;
        const at = tf.tensor1d(idx, 'int32');
        const mk = bm.map((x, l) => (x ? tf.tensor2d(f32(x.subarray(0, m * sizes[l + 1])), [m, sizes[l + 1]]) : null));
        this.update(tf.gather(full, at), tf.gather(this.ytr, at), mk);
      });
    }
  }

  /** One update on the mean loss over the rows of X (call inside tf.tidy). */
  private update(X: tf.Tensor, y: tf.Tensor, mk: (tf.Tensor | null)[]): void {
    const { cfg } = this;
    this.t += 1;
    const c1 = 1 - ADAM.beta1 ** this.t, c2 = 1 - ADAM.beta2 ** this.t;
    const params = this.params();
    const loss = () => {
      let total = meanBce(this.forward(X, mk), y);
      if (cfg.l2 > 0) {
        total = tf.add(total, tf.mul(cfg.l2 / 2, sumSquares(this.W)));
      }
      return total as tf.Scalar;
    };
    const { grads } = tf.variableGrads(loss, params);
    if (cfg.optimizer !== 'adam') {
      for (const p of params) p.assign(tf.sub(p, tf.mul(cfg.lr, grads[p.name])));
      return;
    }
    // The same float32 operations, element by element, as one Adam step per tensor (so the
    // numbers are those of the per-tensor form to the bit; batch.test.ts checks it).
    const k = this.k;
    const g = tf.concat(params.map((p) => tf.reshape(grads[p.name], [-1])));
    const m = tf.add(tf.mul(k.b1, this.m), tf.mul(k.nb1, g));
    const v = tf.add(tf.mul(k.b2, this.v), tf.mul(k.nb2, tf.square(g)));
    this.m.assign(m);
    this.v.assign(v);
    const step = tf.div(tf.mul(cfg.lr / c1, m), tf.add(tf.sqrt(tf.div(v, c2)), k.eps));
    const parts = tf.split(step, params.map((p) => p.size));
    params.forEach((p, i) => p.assign(tf.sub(p, tf.reshape(parts[i], p.shape))));
  }

  evaluate(): Evaluation {
    const out = tf.tidy(() => {
      const parts: tf.Tensor[] = [];
      for (const [X, y] of [[this.Xtr, this.ytr], [this.Xval, this.yval]] as const) {
        const z = this.forward(X);
        parts.push(meanBce(z, y));
        const pred = tf.cast(tf.greaterEqual(z, 0), 'float32');
        parts.push(tf.mean(tf.cast(tf.equal(pred, y), 'float32')));
      }
      parts.push(sumSquares(this.W));
      return tf.stack(parts);
    });
    const d = out.dataSync();
    out.dispose();
    return { trainLoss: d[0], trainAcc: d[1], valLoss: d[2], valAcc: d[3], wnorm: d[4] };
  }

  private read(vars: tf.Variable[], into: Float64Array, at: number): void {
    let k = at;
    for (const v of vars) {
      const d = v.dataSync();
      into.set(d, k);
      k += d.length;
    }
  }

  getWeights(): Float64Array {
    const theta = new Float64Array(this.L.size);
    this.read(this.params(), theta, 0);
    return theta;
  }

  private write(vars: tf.Variable[], from: Float64Array, at: number): void {
    let k = at;
    for (const v of vars) {
      const size = v.size;
      tf.tidy(() => v.assign(tf.tensor(f32(from.subarray(k, k + size)), v.shape)));
      k += size;
    }
  }

  setWeights(theta: Float64Array): void {
    this.write(this.params(), theta, 0);
  }

  saveState(): Float64Array {
    const P = this.L.size;
    const s = new Float64Array(3 * P + 1);
    this.read(this.params(), s, 0);
    this.read([this.m], s, P);
    this.read([this.v], s, 2 * P);
    s[3 * P] = this.t;
    return s;
  }

  loadState(s: Float64Array): void {
    const P = this.L.size;
    this.write(this.params(), s, 0);
    this.write([this.m], s, P);
    this.write([this.v], s, 2 * P);
    this.t = s[3 * P];
  }

  dispose(): void {
    for (const t of [...this.params(), this.m, this.v, ...Object.values(this.k), this.Xtr, this.ytr, this.Xval, this.yval]) t.dispose();
    this.W = [];
    this.b = [];
  }
}

/** Room for both feature sets at the panel's grid size (and one more size, e.g. a test's). */
const gridCache = createCache<Float32Array>(4);

/** Features of the nx × ny grid (cached: they depend only on the feature set and size). */
function cachedGrid(kind: FeatureSet, nx: number, ny: number): Float32Array {
  return gridCache.get(`${kind}|${nx}|${ny}`, () => gridFeatures(kind, nx, ny));
}

/**
 * P(class 1) at every cell of the nx × ny grid over VIEW (values[i + j·nx], row 0 = lowest y),
 * as one batched forward pass in tfjs, op by op (matMul, add, tanh/relu). Kept for the bench:
 * the panel uses gridProbsTf below, which is ~5× faster on WASM.
 */
export function gridProbsTfPlain(arch: Arch, theta: Float64Array, kind: FeatureSet, nx: number, ny: number): Float32Array {
  const L = layout(arch);
  const X = cachedGrid(kind, nx, ny);
  const out = tf.tidy(() => {
    let h: tf.Tensor2D = tf.tensor2d(X, [nx * ny, arch.sizes[0]], 'float32');
    const last = L.w.length - 1;
    for (let l = 0; l <= last; l++) {
      const nin = arch.sizes[l], nout = arch.sizes[l + 1];
      const W = tf.tensor2d(Float32Array.from(theta.subarray(L.w[l], L.w[l] + nin * nout)), [nin, nout]);
      const b = tf.tensor1d(Float32Array.from(theta.subarray(L.b[l], L.b[l] + nout)));
      const z = tf.add(tf.matMul(h, W), b) as tf.Tensor2D;
      h = (l === last ? tf.sigmoid(z) : act(z, arch.activation)) as tf.Tensor2D;
    }
    return h;
  });
  const d = out.dataSync() as Float32Array;
  out.dispose();
  return d;
}

/**
 * P(class 1) at every cell of the nx × ny grid over VIEW (values[i + j·nx], row 0 = lowest y),
 * as one fused matMul + bias + activation per layer in tfjs. tanh has no fused kernel, but
 * tanh(z) = 2σ(2z) − 1 and the affine map 2σ − 1 folds into the next layer's weights
 * (W → 2W, b → b − column sums of W), so every tanh layer becomes σ(s·A + c) with s = σ(2z):
 * for the 6 × 8 network on WASM that is 1.3 ms instead of 7.4 ms (bench.ts).
 */
export function gridProbsTf(arch: Arch, theta: Float64Array, kind: FeatureSet, nx: number, ny: number): Float32Array {
  const L = layout(arch);
  const X = cachedGrid(kind, nx, ny);
  const tanh = arch.activation === 'tanh';
  const last = L.w.length - 1;
  const out = tf.tidy(() => {
    let h: tf.Tensor2D = tf.tensor2d(X, [nx * ny, arch.sizes[0]], 'float32');
    for (let l = 0; l <= last; l++) {
      const nin = arch.sizes[l], nout = arch.sizes[l + 1];
      const A = new Float32Array(nin * nout), c = new Float32Array(nout);
      // Input of this layer is s = σ(2z) of the previous one (h = 2s − 1) when tanh, l > 0.
      const folded = tanh && l > 0;
      const scale = (tanh && l < last ? 2 : 1) * (folded ? 2 : 1);
      for (let j = 0; j < nout; j++) {
        let col = 0;
        for (let i = 0; i < nin; i++) {
          const w = theta[L.w[l] + i * nout + j];
          A[i * nout + j] = scale * w;
          col += w;
        }
        const b = theta[L.b[l] + j] - (folded ? col : 0);
        c[j] = (tanh && l < last ? 2 : 1) * b;
      }
      h = tf.fused.matMul({
        a: h,
        b: tf.tensor2d(A, [nin, nout]),
        bias: tf.tensor1d(c),
        activation: l === last || tanh ? 'sigmoid' : 'relu',
      }) as tf.Tensor2D;
    }
    return h;
  });
  const d = out.dataSync() as Float32Array;
  out.dispose();
  return d;
}

/**
 * Overfitting model: from the panel's params to training runs. A small MLP learns a noisy 2-D
 * classification set, an epoch being one full-batch update or a pass of minibatches; its training and validation losses are recorded
 * every epoch, the best validation epoch is tracked, and early stopping (with patience) can end
 * the run and restore the best weights. Configuration B, when shown, trains on the same seed
 * with one thing changed (no regularisation, 4× the data, or a small network).
 *
 * Engines (a deliberate departure from "train in tfjs", measured in bench.ts): training runs in
 * float64 typed arrays (mlp.ts, train.ts) by default, or in tfjs with autodiff (net.tf.ts) as a
 * choice in the panel. In headless Chromium on this 2-core machine (WASM backend, loaded), one
 * epoch (update + training and validation losses) took 0.13–0.2 ms in typed arrays against
 * 2.3–4.9 ms in tfjs for the 2-4-2 network, and 1.1–2.8 ms against 3.0–5.8 ms for six layers of
 * 8: at these sizes tfjs pays a fixed cost per op (about 60 small ops per Adam step) that the work
 * never amortises. The batched 100×100 boundary grid is where tfjs pays (1.3–1.7 ms fused against
 * 18–38 ms in JS for six layers of 8), so the grid is always evaluated in tfjs. The typed-array
 * engine is also exact float64, so a link replays to the same numbers on any machine; tfjs would
 * differ in the last digits between backends.
 */
import { MAX_POOL, poolSize, trainingSet, validationSet, FEATURE_COUNT, type DatasetName, type FeatureSet, type Split } from './data';
import type { Arch } from './mlp';
import { JsNet, Run, type Net, type TrainConfig } from './train';
import { TfNet } from './net.tf';
import type { CompareMode, OverfitParams } from './params';

export { earlyStopping, Run, JsNet, CHECKPOINT_EVERY, type History, type Evaluation, type TrainConfig, type Net } from './train';
export { TfNet, gridProbsTf } from './net.tf';

/** Everything that determines one training run. */
export interface RunSpec {
  cfg: TrainConfig;
  dataset: DatasetName;
  noise: number;
  n: number;
  engine: 'js' | 'tf';
  /** The own-data param when dataset=csv, else '' (so it keys nothing for generated data). */
  csv: string;
}

/** Hidden layer widths: `depth` layers of `width`, or halving from `width` (at least 1). */
export function hiddenLayers(width: number, depth: number, taper: boolean): number[] {
  const out: number[] = [];
  for (let l = 0; l < depth; l++) out.push(taper ? Math.max(1, Math.round(width / 2 ** l)) : width);
  return out;
}

export function archOf(p: Pick<OverfitParams, 'width' | 'depth' | 'taper' | 'features' | 'activation'>): Arch {
  return { sizes: [FEATURE_COUNT[p.features as FeatureSet], ...hiddenLayers(p.width, p.depth, p.taper), 1], activation: p.activation };
}

/** "7 → 8 → 8 → 1": the layer widths, inputs first. */
export function archText(arch: Arch): string {
  return arch.sizes.join(' → ');
}

export function regularised(c: TrainConfig): boolean {
  return c.dropout > 0 || c.l2 > 0 || c.jitter > 0 || c.earlyStop;
}

/** Configuration A: the params as they are. */
export function specA(p: OverfitParams): RunSpec {
  return {
    cfg: {
      arch: archOf(p),
      features: p.features,
      optimizer: p.optimizer,
      lr: p.lr,
      batch: p.batch,
      dropout: p.dropout,
      l2: p.useL2 ? p.l2 : 0,
      jitter: p.jitter,
      earlyStop: p.earlyStop,
      patience: p.patience,
      seed: p.seed,
    },
    dataset: p.dataset,
    noise: p.noise,
    // Own data: no more training points than the training part holds.
    n: Math.min(p.n, poolSize(p.dataset, p.csv, p.seed)),
    engine: p.engine,
    csv: p.dataset === 'csv' ? p.csv : '',
  };
}

/** How many training points B gets in the "4× the data" comparison. */
export function moreData(n: number, pool = MAX_POOL): number {
  return Math.min(pool, 4 * n);
}

/** Configuration B for a comparison mode (null when off). */
export function specB(p: OverfitParams, mode: CompareMode = p.compare): RunSpec | null {
  const a = specA(p);
  switch (mode) {
    case 'none':
      return null;
    case 'plain':
      return { ...a, cfg: { ...a.cfg, dropout: 0, l2: 0, jitter: 0, earlyStop: false } };
    case 'more':
      return { ...a, n: moreData(a.n, poolSize(p.dataset, p.csv, p.seed)) };
    case 'small':
      return { ...a, cfg: { ...a.cfg, arch: { sizes: [a.cfg.arch.sizes[0], 4, 1], activation: a.cfg.arch.activation } } };
  }
}

/** A one-line name of B's difference from A. */
export const COMPARE_LABEL: Record<Exclude<CompareMode, 'none'>, string> = {
  plain: 'B: no regularisation',
  more: 'B: 4× the training points',
  small: 'B: one hidden layer of 4',
};

/** A stable key of a spec: equal keys train identically. */
export function specKey(s: RunSpec): string {
  return JSON.stringify(s);
}

export interface RunData {
  train: Split;
  val: Split;
}

export function dataFor(s: RunSpec): RunData {
  return { train: trainingSet(s.dataset, s.noise, s.n, s.cfg.seed, s.csv), val: validationSet(s.dataset, s.noise, s.cfg.seed, s.csv) };
}

/** A fresh run at epoch 0 (tfjs engine: the caller must dispose it; call ensureBackend first). */
export function createRun(s: RunSpec, data: RunData = dataFor(s)): Run {
  const net: Net = s.engine === 'tf' ? new TfNet(s.cfg, data.train, data.val) : new JsNet(s.cfg, data.train, data.val);
  return new Run(net, s.cfg);
}

/** Trains a spec straight to `epochs` (or its early stop) and returns the run. For tests and bench. */
export function trainRun(s: RunSpec, epochs: number): Run {
  const run = createRun(s);
  run.advance(epochs);
  return run;
}

export { CURVE_SIZES, LearningCurve, curveSizes, type CurvePoint } from './curve';

/**
 * Everything about a network that is not computation: layer shapes, the presets, initial weights
 * drawn from our seeded generator, and the training data. Pure TypeScript: no tfjs, no React.
 */
import { circles } from '../../lib/random/datasets';
import { stream } from '../../lib/random/rng';
import type { Activation, Init, PresetName, Residual, VGParams } from './params';

/** How a network computes (what the forward pass needs). */
export interface NetSpec {
  activation: Activation;
  batchNorm: boolean;
  residual: Residual;
}

/** A whole network: its computation, its size and how its weights start. */
export interface NetConfig extends NetSpec {
  depth: number;
  width: number;
  init: Init;
  /** σ of every weight under naive init. */
  naiveStd: number;
}

export interface TrainSettings {
  optimizer: 'sgd' | 'adam';
  lr: number;
  /** Global-norm clipping threshold, or null for none. */
  clipNorm: number | null;
}

/** Training data: inputs with a constant 1 appended (the only bias the network has). */
export interface TaskData {
  /** Row-major [n, inDim]. */
  x: Float32Array;
  /** Targets [n]. */
  t: Float32Array;
  n: number;
  inDim: number;
  /** Targets are ±1 class labels (accuracy is meaningful). */
  classification: boolean;
}

export const N_POINTS = 128;

/** Weight-matrix shapes [fan-in, fan-out], first layer first; the last maps to one output. */
export function layerShapes(depth: number, width: number, inDim: number): [number, number][] {
  const shapes: [number, number][] = [];
  for (let i = 0; i < depth; i++) shapes.push([i === 0 ? inDim : width, i === depth - 1 ? 1 : width]);
  return shapes;
}

/** Standard deviation of a layer's initial weights. */
export function initStd(init: Init, naiveStd: number, fanIn: number, fanOut: number): number {
  if (init === 'xavier') return Math.sqrt(2 / (fanIn + fanOut));
  if (init === 'he') return Math.sqrt(2 / fanIn);
  return naiveStd;
}

/**
 * Initial weights from stream(seed, 'init'): the same standard normal draws for every
 * configuration of the same shape, scaled by each layer's σ, so compared networks differ only in
 * what the learner changed.
 */
export function initialWeights(seed: number, cfg: Pick<NetConfig, 'depth' | 'width' | 'init' | 'naiveStd'>, inDim: number): Float32Array[] {
  const rng = stream(seed, 'init');
  return layerShapes(cfg.depth, cfg.width, inDim).map(([fi, fo]) => {
    const s = initStd(cfg.init, cfg.naiveStd, fi, fo);
    const w = new Float32Array(fi * fo);
    for (let k = 0; k < w.length; k++) w[k] = s * rng.normal();
    return w;
  });
}

/** The two training tasks, N_POINTS each, from stream(seed, 'data'). */
export function makeTask(task: VGParams['task'], seed: number): TaskData {
  const rng = stream(seed, 'data');
  const n = N_POINTS;
  const inDim = 3;
  const x = new Float32Array(n * inDim);
  const t = new Float32Array(n);
  if (task === 'circles') {
    const d = circles(rng, n, 0.08, 0.5);
    for (let i = 0; i < n; i++) {
      x[3 * i] = d.x[2 * i];
      x[3 * i + 1] = d.x[2 * i + 1];
      x[3 * i + 2] = 1;
      t[i] = d.y[i] === 1 ? 1 : -1;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const a = rng.uniform(-1, 1), b = rng.uniform(-1, 1);
      x[3 * i] = a;
      x[3 * i + 1] = b;
      x[3 * i + 2] = 1;
      t[i] = Math.sin(2.5 * a) * Math.cos(2 * b);
    }
  }
  return { x, t, n, inDim, classification: task === 'circles' };
}

/** What each preset sets; depth and width come from the learner's network. */
export const PRESET_SPECS: Record<PresetName, Omit<NetConfig, 'depth' | 'width'>> = {
  'sigmoid-naive': { activation: 'sigmoid', init: 'naive', naiveStd: 1, batchNorm: false, residual: 'off' },
  'sigmoid-xavier': { activation: 'sigmoid', init: 'xavier', naiveStd: 1, batchNorm: false, residual: 'off' },
  'tanh-xavier': { activation: 'tanh', init: 'xavier', naiveStd: 1, batchNorm: false, residual: 'off' },
  'relu-he': { activation: 'relu', init: 'he', naiveStd: 1, batchNorm: false, residual: 'off' },
  'sigmoid-bn': { activation: 'sigmoid', init: 'naive', naiveStd: 1, batchNorm: true, residual: 'off' },
  'relu-he-bn': { activation: 'relu', init: 'he', naiveStd: 1, batchNorm: true, residual: 'off' },
  'tanh-xavier-res': { activation: 'tanh', init: 'xavier', naiveStd: 1, batchNorm: false, residual: 'scaled' },
};

/** The learner's network as set by the controls. */
export function mainConfig(p: VGParams): NetConfig {
  return {
    depth: p.depth,
    width: p.width,
    activation: p.activation,
    init: p.init,
    naiveStd: p.naiveStd,
    batchNorm: p.batchNorm,
    residual: p.residual,
  };
}

export function presetConfig(name: PresetName, p: Pick<VGParams, 'depth' | 'width'>): NetConfig {
  return { depth: p.depth, width: p.width, ...PRESET_SPECS[name] };
}

export function trainSettings(p: VGParams): TrainSettings {
  return { optimizer: p.optimizer, lr: p.lr, clipNorm: p.clip ? p.clipNorm : null };
}

/**
 * Training runs that advance one step at a time, so the view can spread them over animation
 * frames. A Trainer keeps its weights as plain Float32Arrays (no tensor outlives a step) and a
 * record per step: loss, per-layer gradient norms, activation statistics. Record k describes the
 * weights after k updates; its gradient is what makes update k + 1. Pure TypeScript over model.ts.
 */
import { evaluate } from './model';
import type { PresetName, VGParams } from './params';
import { layerShapes, initialWeights, mainConfig, makeTask, presetConfig, trainSettings, type NetConfig, type TaskData, type TrainSettings } from './setup';
import { layerStats, type LayerStats } from './stats';
import { MAX_COMPARE } from './params';

export interface StepRecord extends LayerStats {
  loss: number;
  norms: Float64Array;
  /** Training accuracy (sign of the output against ±1 targets); NaN for regression. */
  accuracy: number;
  /** Factor the clipping applied to this step's update (1 = not clipped). */
  clipScale: number;
  /** Loss and every norm finite. */
  finite: boolean;
}

const ADAM = { beta1: 0.9, beta2: 0.999, eps: 1e-8 };

export class Trainer {
  readonly records: StepRecord[] = [];
  /** The step whose loss or gradient was not finite; training stops there. */
  divergedAt: number | null = null;
  private readonly shapes: [number, number][];
  private readonly weights: Float32Array[];
  private readonly m: Float32Array[];
  private readonly v: Float32Array[];

  constructor(
    readonly cfg: NetConfig,
    readonly settings: TrainSettings,
    readonly data: TaskData,
    seed: number,
  ) {
    this.shapes = layerShapes(cfg.depth, cfg.width, data.inDim);
    this.weights = initialWeights(seed, cfg, data.inDim);
    this.m = this.weights.map((w) => new Float32Array(w.length));
    this.v = this.weights.map((w) => new Float32Array(w.length));
  }

  /** A copy of the current weights (after `records.length` updates, or fewer if training stopped). */
  weightsNow(): Float32Array[] {
    return this.weights.map((w) => w.slice());
  }

  /** Steps whose records exist, minus one (−1 before the first). */
  get last(): number {
    return this.records.length - 1;
  }

  /** Whether step `target` can be shown: recorded, or training stopped before it. */
  reached(target: number): boolean {
    return this.divergedAt !== null || this.records.length > target;
  }

  /** Records the current weights' gradient, then applies it. */
  advance(): void {
    if (this.divergedAt !== null) return;
    const { x, t, n, classification } = this.data;
    const e = evaluate(this.cfg, this.weights, this.shapes, x, t, n);
    let total = 0, finite = Number.isFinite(e.loss);
    for (const g of e.gradNorms) {
      total += g * g;
      if (!Number.isFinite(g)) finite = false;
    }
    total = Math.sqrt(total);
    const clip = this.settings.clipNorm;
    const clipScale = clip !== null && total > clip ? clip / total : 1;
    let accuracy = NaN;
    if (classification) {
      let ok = 0;
      for (let i = 0; i < n; i++) if (e.output[i] * t[i] > 0) ok++;
      accuracy = ok / n;
    }
    this.records.push({ loss: e.loss, norms: e.gradNorms, accuracy, clipScale, finite, ...layerStats(e.hidden, this.cfg.activation) });
    if (!finite) {
      this.divergedAt = this.records.length - 1;
      return;
    }
    this.update(e.grads, clipScale);
  }

  private update(grads: Float32Array[], scale: number): void {
    const { optimizer, lr } = this.settings;
    if (optimizer === 'sgd') {
      for (let i = 0; i < grads.length; i++) {
        const w = this.weights[i], g = grads[i];
        for (let k = 0; k < w.length; k++) w[k] -= lr * scale * g[k];
      }
      return;
    }
    const step = this.records.length; // 1 after the first gradient
    const c1 = 1 - ADAM.beta1 ** step, c2 = 1 - ADAM.beta2 ** step;
    for (let i = 0; i < grads.length; i++) {
      const w = this.weights[i], g = grads[i], m = this.m[i], v = this.v[i];
      for (let k = 0; k < w.length; k++) {
        const gk = scale * g[k];
        m[k] = ADAM.beta1 * m[k] + (1 - ADAM.beta1) * gk;
        v[k] = ADAM.beta2 * v[k] + (1 - ADAM.beta2) * gk * gk;
        w[k] -= (lr * (m[k] / c1)) / (Math.sqrt(v[k] / c2) + ADAM.eps);
      }
    }
  }
}

export type RunId = 'main' | PresetName;

export interface Run {
  id: RunId;
  trainer: Trainer;
}

/** Every param except the step: runs are reused while only the step moves. */
export function sessionKey(p: VGParams): string {
  return JSON.stringify({ ...p, step: 0 });
}

/** The presets that are overlaid: the first MAX_COMPARE picked. */
export function comparedPresets(p: VGParams): PresetName[] {
  return p.compare.slice(0, MAX_COMPARE);
}

/** The learner's network and the compared presets, trained side by side on the same data. */
export class Session {
  readonly key: string;
  readonly runs: Run[];
  readonly data: TaskData;

  constructor(p: VGParams) {
    this.key = sessionKey(p);
    this.data = makeTask(p.task, p.seed);
    const s = trainSettings(p);
    this.runs = [
      { id: 'main' as RunId, trainer: new Trainer(mainConfig(p), s, this.data, p.seed) },
      ...comparedPresets(p).map((name) => ({ id: name as RunId, trainer: new Trainer(presetConfig(name, p), s, this.data, p.seed) })),
    ];
  }

  reached(target: number): boolean {
    return this.runs.every((r) => r.trainer.reached(target));
  }

  /** The highest step every run can show (−1 before the first records). */
  available(): number {
    let a = Infinity;
    for (const r of this.runs) if (r.trainer.divergedAt === null) a = Math.min(a, r.trainer.last);
    return a;
  }

  /**
   * Advances the runs (the one furthest behind first) until each reaches `target` or the clock
   * passes `deadline` (ms, as `now()` counts). At least one step is taken per call when any is due.
   */
  work(target: number, deadline: number, now: () => number = () => performance.now()): boolean {
    for (;;) {
      let behind: Trainer | null = null;
      for (const r of this.runs) if (!r.trainer.reached(target) && (!behind || r.trainer.last < behind.last)) behind = r.trainer;
      if (!behind) return true;
      behind.advance();
      if (now() >= deadline) return this.reached(target);
    }
  }
}

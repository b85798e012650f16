/**
 * The learning curve's model, apart from model.ts so the panel's worker can run it without
 * loading tfjs (model.ts imports the tfjs engine): always the float64 engine.
 */
import { createCache } from '../../lib/panel/cache';
import { trainingSet, validationSet } from './data';
import { JsNet, Run } from './train';
import type { RunSpec } from './model';

/** Training-set sizes of the learning curve (the current n is added to them). */
export const CURVE_SIZES = [10, 20, 40, 80, 160, 320, 500] as const;

export interface CurvePoint {
  n: number;
  trainLoss: number;
  valLoss: number;
  trainAcc: number;
  valAcc: number;
  /** Epoch of the model the point reports (the best one when early stopping ended the run). */
  epoch: number;
}

/**
 * The learning curve: the same network trained on nested training sets of several sizes for the
 * same number of epochs (with the same batch size, so a larger set makes more updates per epoch
 * once it is above the batch size). One run per size is kept,
 * so moving to another epoch only trains (or rewinds) the difference; the runs of sizes no longer
 * asked for (an earlier n) fall out of a small cache, so moving n does not pile up runs. Always
 * on the float64 engine; `spec.n` is ignored (each size is its own n).
 */
export class LearningCurve {
  /** Room for the sizes of two settings of n (each run holds its whole loss history). */
  private runs = createCache<Run>(2 * (CURVE_SIZES.length + 1));

  constructor(readonly spec: RunSpec) {}

  private run(n: number): Run {
    return this.runs.get(String(n), () => {
      const s = { ...this.spec, engine: 'js' as const, n };
      return new Run(new JsNet(s.cfg, trainingSet(s.dataset, s.noise, n, s.cfg.seed, s.csv), validationSet(s.dataset, s.noise, s.cfg.seed, s.csv)), s.cfg);
    });
  }

  private static reached(r: Run, epochs: number): boolean {
    return r.epoch === epochs || (r.done && r.epoch <= epochs);
  }

  /** Brings the sizes, smallest first, to `epochs` until `deadline` (performance.now() ms); true when all are there. */
  step(epochs: number, sizes: readonly number[], deadline = Infinity): boolean {
    for (const n of sizes) {
      const r = this.run(n);
      r.seek(epochs);
      if (!r.advance(epochs, deadline)) return false;
      if (performance.now() > deadline) return sizes.every((m) => this.runs.has(String(m)) && LearningCurve.reached(this.runs.peek(String(m))!, epochs));
    }
    return true;
  }

  /** The points of the sizes that are at `epochs`, in size order. */
  points(epochs: number, sizes: readonly number[]): CurvePoint[] {
    return sizes.flatMap((n) => {
      const r = this.runs.peek(String(n));
      if (!r || !LearningCurve.reached(r, epochs)) return [];
      const k = r.shown, h = r.hist;
      return [{ n, trainLoss: h.trainLoss[k], valLoss: h.valLoss[k], trainAcc: h.trainAcc[k], valAcc: h.valAcc[k], epoch: k }];
    });
  }
}

/** The learning curve's sizes: CURVE_SIZES and the current n. */
export function curveSizes(n: number, sizes: readonly number[] = CURVE_SIZES): number[] {
  return [...new Set([...sizes, n])].sort((a, b) => a - b);
}

/** What the page draws of the curve (through the worker kit: plain data). */
export interface CurveView {
  epochs: number;
  sizes: number[];
  /** The points already at `epochs`, in size order (the curve fills in while it trains). */
  points: CurvePoint[];
  done: boolean;
}

export interface CurveTarget {
  epochs: number;
  sizes: number[];
}

/** The curve as a run of the worker kit (exposeRuns): advanced in slices toward a target. */
export function curveRun(spec: RunSpec) {
  const curve = new LearningCurve(spec);
  return {
    advance: (t: CurveTarget, deadline: number) => curve.step(t.epochs, t.sizes, deadline),
    view: (t: CurveTarget): CurveView => {
      const points = curve.points(t.epochs, t.sizes);
      return { epochs: t.epochs, sizes: t.sizes, points, done: points.length === t.sizes.length };
    },
  };
}

/**
 * The training of A (and B) as one run for the worker kit (exposeRuns in compute.worker.ts):
 * advanced toward a target epoch in slices, rewound through the runs' checkpoints when the target
 * moves back, and viewed as plain data (histories, the shown weights) that the page draws.
 * Both engines: the float64 one (JsNet) by default; the tfjs one through `makeNet`, which the
 * worker supplies only when a spec asks for it (it imports tfjs lazily, so the float64 path never
 * loads it). Pure: no React, no DOM, no tfjs import here (importing model.ts would bring tfjs into
 * the worker, so the data is made here).
 */
import { trainingSet, validationSet } from './data';
import { JsNet, Run, type Evaluation, type History, type Net } from './train';
import type { Split } from './data';
import type { RunSpec } from './model';

export interface TrainingConfig {
  /** The page's key for these settings, echoed in every view so it never mistakes an old one. */
  key: string;
  a: RunSpec;
  /** B's spec, or null (no comparison, or B trains exactly like A). */
  b: RunSpec | null;
}

/** One run as the page draws it (RunView of compute.ts without what the page adds). */
export interface RunState {
  epoch: number;
  shown: number;
  bestEpoch: number;
  stoppedAt: number | null;
  divergedAt: number | null;
  hist: History;
  now: Evaluation;
  /** θ of the model shown (the restored best one after an early stop), for the boundary grid. */
  weights: Float64Array;
}

export interface TrainingView {
  key: string;
  /** The epoch asked for. */
  target: number;
  /** The epoch on screen: the target once reached, else how far the runs still training are. */
  epoch: number;
  reached: boolean;
  a: RunState;
  b: RunState | null;
  /** Every run has ended (early stopping or divergence) at or before the target. */
  done: boolean;
  /** Milliseconds per epoch (A and B together), a running average, for the player's budget. */
  msPerEpoch: number;
}

const at = (r: Run, target: number) => r.epoch >= target || r.done;

function state(r: Run): RunState {
  const h = r.hist, k = r.shown, e = r.epoch;
  return {
    epoch: e,
    shown: k,
    bestEpoch: r.bestEpoch,
    stoppedAt: r.stoppedAt,
    divergedAt: r.divergedAt,
    hist: { trainLoss: h.trainLoss.slice(0, e + 1), valLoss: h.valLoss.slice(0, e + 1), trainAcc: h.trainAcc.slice(0, e + 1), valAcc: h.valAcc.slice(0, e + 1), wnorm: h.wnorm.slice(0, e + 1) },
    now: { trainLoss: h.trainLoss[k], valLoss: h.valLoss[k], trainAcc: h.trainAcc[k], valAcc: h.valAcc[k], wnorm: h.wnorm[k] },
    weights: r.weights(), // a fresh copy: the view is transferred
  };
}

/** Builds the network of a spec on its data (the tfjs engine's TfNet, supplied by the worker). */
export type NetFactory = (s: RunSpec, train: Split, val: Split) => Net;

const jsNet: NetFactory = (s, train, val) => new JsNet(s.cfg, train, val);

function makeRun(s: RunSpec, makeNet: NetFactory): Run {
  const train = trainingSet(s.dataset, s.noise, s.n, s.cfg.seed, s.csv);
  const val = validationSet(s.dataset, s.noise, s.cfg.seed, s.csv);
  return new Run((s.engine === 'tf' ? makeNet : jsNet)(s, train, val), s.cfg);
}

/** Whether a configuration needs tfjs (the worker then starts its backend first). */
export const needsTf = (c: TrainingConfig): boolean => c.a.engine === 'tf' || c.b?.engine === 'tf';

export function makeTraining(c: TrainingConfig, makeNet: NetFactory = jsNet) {
  const runs = c.b ? [makeRun(c.a, makeNet), makeRun(c.b, makeNet)] : [makeRun(c.a, makeNet)];
  let perEpoch = 0.2;
  return {
    /** Trains A and B in step, one epoch each in turn, so a view mid-way shows them at one epoch. */
    advance(target: number, deadline: number): boolean {
      for (const r of runs) r.seek(target);
      const start = runs.map((r) => r.epoch);
      const t0 = performance.now();
      let all = runs.every((r) => at(r, target));
      while (!all) {
        all = true;
        for (const r of runs) {
          if (!at(r, target)) r.advance(Math.min(target, r.epoch + 1));
          all = all && at(r, target);
        }
        if (performance.now() > deadline) break;
      }
      const trained = Math.max(...runs.map((r, i) => r.epoch - start[i]));
      if (trained > 0) perEpoch = 0.7 * perEpoch + 0.3 * ((performance.now() - t0) / trained);
      return all;
    },
    view(target: number): TrainingView {
      const reached = runs.every((r) => at(r, target));
      const moving = runs.filter((r) => !r.done);
      const epoch = reached ? target : Math.min(...(moving.length ? moving : runs).map((r) => r.epoch));
      return {
        key: c.key,
        target,
        epoch,
        reached,
        a: state(runs[0]),
        b: runs[1] ? state(runs[1]) : null,
        done: runs.every((r) => r.done && r.epoch <= target),
        msPerEpoch: perEpoch,
      };
    },
    progress(): number {
      return Math.min(...runs.map((r) => r.epoch));
    },
    dispose(): void {
      for (const r of runs) r.dispose();
    },
    // The tfjs engine's tensors are given back as soon as another setting is shown.
    holdsMemory: needsTf(c),
  };
}

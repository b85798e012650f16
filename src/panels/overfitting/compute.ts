/**
 * What the view computes for a set of params. Stateful (one per mounted view) so that playing is
 * cheap: the runs of A and B are kept per setting of every param except `epoch`, and only
 * advanced (or rewound to a checkpoint) as the epoch moves; the boundary grid is evaluated in
 * tfjs for the model each run shows. A long replay (a link to epoch 3000) trains in slices and
 * yields to the browser between them, so the page stays responsive.
 * No React, no DOM.
 */
import { yieldToBrowser } from '../../lib/panel/schedule';
import { gridExtent } from './data';
import { gridProbsTf } from './net.tf';
import { parameterCount, type Evaluation, type History, type Run } from './train';
import { COMPARE_LABEL, createRun, dataFor, specA, specB, specKey, type RunData, type RunSpec } from './model';
import type { Arch } from './mlp';
import type { OverfitParams } from './params';

/** The boundary grid is GRID_N × GRID_N cells (TensorFlow Playground draws 100 × 100). */
export const GRID_N = 100;
export const GRID_EXTENT = gridExtent(GRID_N, GRID_N);
/** Milliseconds of training per slice of a long replay before yielding to the browser. */
const SLICE_MS = 24;

export interface RunView {
  which: 'A' | 'B';
  title: string;
  spec: RunSpec;
  arch: Arch;
  params: number;
  /** Epochs trained and shown (the target, or less where early stopping or divergence ended it). */
  epoch: number;
  /** History index of the model shown: the best epoch after an early stop, else `epoch`. */
  shown: number;
  bestEpoch: number;
  stoppedAt: number | null;
  divergedAt: number | null;
  hist: History;
  now: Evaluation;
  /** P(class 1) on the GRID_N × GRID_N grid (values[i + j·GRID_N], row 0 = lowest y). */
  probs: Float32Array;
  data: RunData;
}

export interface OverfitResult {
  /** The params this result was computed for (the view compares identity to know it is current). */
  input: OverfitParams;
  target: number;
  a: RunView;
  b: RunView | null;
  /** B would train exactly like A (e.g. "without regularisation" when A has none). */
  bSameAsA: boolean;
  /** Every run has ended (early stopping or divergence) at or before `target`. */
  done: boolean;
}

interface Slot {
  key: string;
  spec: RunSpec;
  run: Run;
  data: RunData;
  grid: { shown: number; stopped: boolean; probs: Float32Array } | null;
}

function slice<T>(xs: T[], k: number): T[] {
  return xs.slice(0, k + 1);
}

function view(which: 'A' | 'B', title: string, spec: RunSpec, s: Slot): RunView {
  const r = s.run;
  const h = r.hist;
  const k = r.shown;
  return {
    which,
    title,
    spec,
    arch: spec.cfg.arch,
    params: parameterCount(spec.cfg.arch),
    epoch: r.epoch,
    shown: k,
    bestEpoch: r.bestEpoch,
    stoppedAt: r.stoppedAt,
    divergedAt: r.divergedAt,
    hist: { trainLoss: slice(h.trainLoss, r.epoch), valLoss: slice(h.valLoss, r.epoch), trainAcc: slice(h.trainAcc, r.epoch), valAcc: slice(h.valAcc, r.epoch), wnorm: slice(h.wnorm, r.epoch) },
    now: { trainLoss: h.trainLoss[k], valLoss: h.valLoss[k], trainAcc: h.trainAcc[k], valAcc: h.valAcc[k], wnorm: h.wnorm[k] },
    probs: s.grid!.probs,
    data: s.data,
  };
}

export interface Computer {
  (p: OverfitParams): Promise<OverfitResult>;
  /** Milliseconds per epoch of training (all runs shown together), a running average, for the player. */
  msPerEpoch(): number;
  /** Whether a computation is in flight. */
  busy(): boolean;
  /** Releases the runs (their tensors, for the tfjs engine); the next call starts afresh. */
  dispose(): void;
}

export function createComputer(): Computer {
  let slots: Slot[] = [];
  let perEpoch = 0.2;
  let running = false;
  let generation = 0;

  const slotFor = (spec: RunSpec): Slot => {
    const key = specKey(spec);
    let s = slots.find((x) => x.key === key);
    if (!s) {
      const data = dataFor(spec);
      s = { key, spec, run: createRun(spec, data), data, grid: null };
      slots.push(s);
    }
    return s;
  };

  const compute = (async (p: OverfitParams): Promise<OverfitResult> => {
    running = true;
    try {
      const gen = generation;
      const sa = specA(p), sb = specB(p);
      const a = slotFor(sa);
      const b = sb ? slotFor(sb) : null;
      // Release runs no longer shown (a tfjs run holds tensors).
      for (const s of slots) if (s !== a && s !== b) s.run.dispose();
      slots = slots.filter((s) => s === a || s === b);
      const runs = b && b !== a ? [a, b] : [a];
      const target = p.epoch;
      for (const s of runs) s.run.seek(target);
      const start = runs.map((s) => s.run.epoch);
      const t0 = performance.now();
      for (;;) {
        const deadline = performance.now() + SLICE_MS;
        let all = true;
        for (const s of runs) all = s.run.advance(target, deadline) && all;
        if (all) break;
        await yieldToBrowser();
        // Disposed meanwhile (the view unmounted, or remounted in development): start afresh.
        if (gen !== generation) {
          running = false;
          return compute(p);
        }
      }
      // Epochs of the display advanced (A and B together count once: both move by the same step).
      const trained = Math.max(...runs.map((s, i) => s.run.epoch - start[i]));
      // A running average, updated by every frame that trained, so one slow frame (a GC pause,
      // another tab) cannot pin the player to a tiny number of epochs per frame.
      if (trained > 0) perEpoch = 0.7 * perEpoch + 0.3 * ((performance.now() - t0) / trained);
      for (const s of runs) {
        const r = s.run;
        const stopped = r.done;
        if (!s.grid || s.grid.shown !== r.shown || s.grid.stopped !== stopped)
          s.grid = { shown: r.shown, stopped, probs: gridProbsTf(s.spec.cfg.arch, r.weights(), s.spec.cfg.features, GRID_N, GRID_N) };
      }
      const va = view('A', sb ? 'A: your network' : 'Your network', sa, a);
      const vb = sb && b ? view('B', COMPARE_LABEL[p.compare as Exclude<typeof p.compare, 'none'>], sb, b) : null;
      return { input: p, target, a: va, b: vb, bSameAsA: !!sb && b === a, done: runs.every((s) => s.run.done && s.run.epoch <= target) };
    } finally {
      running = false;
    }
  }) as Computer;

  compute.msPerEpoch = () => perEpoch;
  compute.busy = () => running;
  compute.dispose = () => {
    generation++;
    for (const s of slots) s.run.dispose();
    slots = [];
  };
  return compute;
}

/**
 * What the plots and the readout show at one step, built from a Session's records: the last
 * finite record of every run, loss curves, the layer-by-step norm grid of the learner's network,
 * and the messages. Pure TypeScript: plain arrays, no NaN handed to a plot.
 */
import { fmt } from '../../lib/format/format';
import { MAX_COMPARE, MAX_STEPS, PRESET_LABELS, type VGParams } from './params';
import type { NetConfig } from './setup';
import { NORM_FLOOR, STALL_NORM, VANISH_RATIO, EXPLODE_NORM, verdict, type Verdict } from './stats';
import type { RunId, Session, StepRecord } from './train';

export interface RunView {
  id: RunId;
  label: string;
  cfg: NetConfig;
  /** Last finite record at or before the shown step (null when even step 0 overflowed). */
  rec: StepRecord | null;
  /** The step `rec` describes. */
  recStep: number;
  init: StepRecord | null;
  verdict: Verdict | null;
  initVerdict: Verdict | null;
  divergedAt: number | null;
  /** Finite losses up to the shown step. */
  lossSteps: number[];
  losses: number[];
}

export interface SessionView {
  /** The step every run has reached (the one shown). */
  step: number;
  /** Right end of the step axes: a multiple of 50 at or above the step. */
  horizon: number;
  runs: RunView[];
  /** The learner's network: log-scale norms, values[step + layer * (horizon + 1)], NaN where absent. */
  heat: { values: Float32Array; nx: number; ny: number };
  messages: string[];
}

export function horizonFor(step: number): number {
  return Math.min(MAX_STEPS, Math.max(50, Math.ceil(step / 50) * 50));
}

/** Norm drawn on a log axis: zero goes to the floor, non-finite to NaN (not drawn). */
export function plotNorm(v: number): number {
  return Number.isFinite(v) ? Math.max(v, NORM_FLOOR) : NaN;
}

/** A log-axis domain around [lo, hi], snapped out to whole decades (at least one). */
export function decades(lo: number, hi: number): [number, number] {
  if (!(hi > 0) || !(lo > 0) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [1e-3, 1];
  let a = Math.floor(Math.log10(lo) + 1e-9), b = Math.ceil(Math.log10(hi) - 1e-9);
  if (b <= a) b = a + 1;
  a = Math.max(a, -45);
  b = Math.min(b, 38);
  return [Number(`1e${a}`), Number(`1e${b}`)];
}

function runLabel(id: RunId): string {
  return id === 'main' ? 'Your network' : PRESET_LABELS[id];
}

export function snapshot(session: Session, p: VGParams): SessionView {
  const avail = session.available();
  const step = Math.max(0, Math.min(p.step, avail));
  const horizon = horizonFor(p.step);
  const runs: RunView[] = session.runs.map(({ id, trainer }) => {
    const recs = trainer.records;
    let k = Math.min(step, recs.length - 1);
    while (k >= 0 && !recs[k].finite) k--;
    const rec = k >= 0 ? recs[k] : null;
    const init = recs.length > 0 && recs[0].finite ? recs[0] : null;
    const lossSteps: number[] = [], losses: number[] = [];
    for (let s = 0; s <= Math.min(step, recs.length - 1); s++) {
      if (!recs[s].finite) break;
      lossSteps.push(s);
      losses.push(recs[s].loss);
    }
    return {
      id,
      label: runLabel(id),
      cfg: trainer.cfg,
      rec,
      recStep: k,
      init,
      verdict: rec ? verdict(rec.norms) : null,
      initVerdict: recs.length > 0 ? verdict(recs[0].norms) : null,
      divergedAt: trainer.divergedAt !== null && trainer.divergedAt <= step ? trainer.divergedAt : null,
      lossSteps,
      losses,
    };
  });

  const main = session.runs[0].trainer;
  const nx = horizon + 1, ny = main.cfg.depth;
  const values = new Float32Array(nx * ny).fill(NaN);
  for (let s = 0; s <= Math.min(step, main.records.length - 1); s++) {
    const r = main.records[s];
    if (!r.finite) break;
    for (let l = 0; l < ny; l++) values[s + l * nx] = plotNorm(r.norms[l]);
  }

  return { step, horizon, runs, heat: { values, nx, ny }, messages: messagesFor(runs, p) };
}

/** One word or phrase for a run's state at the shown step. */
export function status(r: RunView): string {
  if (r.divergedAt !== null) return r.divergedAt === 0 ? 'overflows at initialisation' : `diverged at step ${r.divergedAt}`;
  const v = r.verdict;
  if (!v) return '—';
  if (v.exploding && v.vanishing) return 'exploding and vanishing';
  if (v.exploding) return 'exploding';
  if (v.vanishing) return 'vanishing';
  const stalled = r.recStep > 0 && v.maxNorm < STALL_NORM;
  if (r.initVerdict?.exploding) return 'exploded at step 0';
  if (r.initVerdict?.vanishing) return stalled ? 'vanished at step 0, now stalled' : 'vanished at step 0';
  return stalled ? 'stalled: all gradients tiny' : 'healthy';
}

function messagesFor(runs: RunView[], p: VGParams): string[] {
  const out: string[] = [];
  const [main, ...others] = runs;
  if (p.depth === 1) out.push('Depth 1 is a linear model: a single weight matrix, so there is nothing for the gradient to pass through and nothing to vanish.');
  const says = (r: RunView, who: string) => {
    if (r.divergedAt !== null) {
      out.push(
        r.divergedAt === 0
          ? `${who}: the loss or a gradient overflows float32 already at initialisation, so nothing can be plotted for it. Lower the init σ or the depth.`
          : `${who}: training diverged at step ${r.divergedAt} (a loss or gradient became infinite); the plots stop at step ${r.recStep}.`,
      );
      return;
    }
    const v = r.verdict;
    if (!v) return;
    const why = (x: Verdict) =>
      x.overflow || x.maxNorm > EXPLODE_NORM
        ? `the largest layer gradient norm is ${fmt(x.maxNorm)}, above ${fmt(EXPLODE_NORM)}`
        : `layer 1 gets ${fmt(x.ratio)} times the last layer’s gradient, above ${fmt(1 / VANISH_RATIO)}`;
    if (v.exploding) out.push(`${who}: exploding gradients: ${why(v)}.`);
    else if (r.initVerdict?.exploding && r.recStep > 0) out.push(`${who}: exploding gradients at initialisation: at step 0 ${why(r.initVerdict)}.`);
    if (v.vanishing) {
      out.push(`${who}: vanishing gradients, layer 1 gets ${fmt(v.ratio)} of the last layer’s gradient (below ${fmt(VANISH_RATIO)}), so it barely learns.`);
    } else if (r.initVerdict?.vanishing && r.recStep > 0) {
      const stalled = v.maxNorm < STALL_NORM;
      out.push(
        `${who}: vanishing gradients at initialisation (layer 1 got ${fmt(r.initVerdict.ratio)} of the last layer’s gradient at step 0)` +
          (stalled ? `; by step ${r.recStep} every layer’s gradient is below ${fmt(STALL_NORM)}, so training has all but stopped.` : '.'),
      );
    }
  };
  says(main, 'Your network');
  for (const r of others) says(r, r.label);
  if (p.compare.length > MAX_COMPARE) out.push(`Only the first ${MAX_COMPARE} ticked presets are compared.`);
  return out;
}

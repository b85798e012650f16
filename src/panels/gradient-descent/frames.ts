/**
 * The step arithmetic of a frame, shared by the worker's computer (compute.ts) and the page: the
 * loss plot's horizon, what the worker is asked, and cutting a frame at an earlier step. Plain
 * TypeScript with type-only imports of the model, so the page that imports it loads no tfjs.
 */
import { announcesReplay } from '../../lib/panel/replay';
import type { GDResult } from './compute';
import type { OptimizerRun } from './model';
import { MAX_STEPS, type GDParams } from './params';

/** The loss plot's x range: the next multiple of 100 above the step (at most MAX_STEPS). */
export function horizonFor(step: number): number {
  return Math.min(MAX_STEPS, Math.max(100, Math.ceil((step + 1) / 100) * 100));
}

/**
 * The params the worker is asked about: the step replaced by the last one with the same horizon,
 * so its answer's `ahead` reaches the horizon and every step up to it is a cut of that answer
 * (frameAt). Playing and stepping then ask the worker again only when they cross a hundred.
 */
export function workerParams(p: GDParams): GDParams {
  return { ...p, step: horizonFor(p.step) - 1 };
}

/** Runs cut at `step`, exactly as Race.at cuts them (a stop after `step` is not known yet). */
export function cutRuns(runs: OptimizerRun[], step: number): OptimizerRun[] {
  return runs.map((r) => {
    const stopped = r.stoppedAt !== null && r.stoppedAt <= step;
    return { name: r.name, path: r.path.slice(0, step + 1), losses: r.losses.slice(0, step + 1), status: stopped ? r.status : 'ok', stoppedAt: stopped ? r.stoppedAt : null };
  });
}

/**
 * The frame at `step` (≤ r.horizon) from a frame of the same race: what the computer would give.
 * A head frame (ahead null) holds nothing past its own step: it is returned as it is.
 */
export function frameAt(r: GDResult, step: number): GDResult {
  return step === r.step || !r.ahead ? r : { ...r, step, runs: cutRuns(r.ahead, step) };
}

/** What one worker question has answered so far (useWorkerComputed's result and pending). */
export interface Answer {
  result: GDResult | null;
  pending: boolean;
}

/**
 * What the view shows while a link opens (issue 8). The worker is asked twice at first: `full`,
 * the race to the horizon (the faint part of the loss plot included), and `head`, the race to the
 * linked step alone, which answers first. Until the first full answer, a head answer for the step
 * on screen is shown as done: its readout and map are those of the full frame at that step, and
 * its loss plot says the faint part is still being computed. Once a full answer is there, it is
 * used as it always was (the head is no longer asked).
 */
export function openingAnswer(full: Answer, head: Answer, step: number): Answer {
  if (full.result) return full;
  const fits = !head.pending && head.result !== null && head.result.step === step;
  return fits ? { result: head.result, pending: false } : { result: null, pending: true };
}

/**
 * What one step of the race costs the page's worker, assumed: ~0.6 ms on the 2-core bench machine
 * (Chromium, WASM). Traced there (stop 33, load 3.5): the Rosenbrock link's 500 steps of three
 * optimizers took 22–56 ms per 50-step slice, ~300 ms in all; bowls cost less, multimodal more.
 */
export const RACE_MS_PER_STEP = 0.6;

/**
 * Whether a link still waiting for its first answer says "replaying to iteration N" (issue 8): when
 * the race to its step alone is expected to outlast the kit's threshold (lib/panel/replay.ts,
 * 150 ms: steps above 250). Nothing is drawn before that answer, so the note names no step reached.
 */
export function linkReplays(step: number, playing: boolean): boolean {
  return announcesReplay({ fresh: true, catchingUp: true, playing, target: step, reached: 0, msPerStep: RACE_MS_PER_STEP });
}

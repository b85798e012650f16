/**
 * The panel's training budget while playing: how many epochs one animation frame may train.
 * The shared player asks `maxPerFrame()` once per frame; the answer is the training time allowed
 * per frame over the measured cost of one epoch, so a frame stays well under 16 ms whatever the
 * network. The time allowed adapts: it shrinks when frames arrive late (over 20 ms apart: the
 * grid, the redraw or the machine needed more) and grows back while they keep the 60 Hz pace,
 * between TRAIN_BUDGET_MS.min and .max. The boundary grid and React's commit take the rest.
 * Pure apart from reading a clock (injected in tests). No React, no DOM.
 */

/** Milliseconds of training per frame: where playing starts, and the bounds it adapts within. */
export const TRAIN_BUDGET_MS = { start: 6, min: 1, max: 10 } as const;
/** Epochs one press of a step button (or an arrow key) moves. */
export const STEP_EPOCHS = 10;
/** A gap this long between two calls means the player was paused: start again from `start`. */
const NEW_RUN_GAP_MS = 1000;

/** The next frame's budget after a frame that came `gapMs` after the previous one. */
export function adaptBudget(budget: number, gapMs: number): number {
  if (gapMs > 20) return Math.max(TRAIN_BUDGET_MS.min, budget * 0.7);
  if (gapMs < 18) return Math.min(TRAIN_BUDGET_MS.max, budget + 0.25);
  return budget;
}

/** Most epochs that fit in `budgetMs` at `msPerEpoch` (at least 1 is left to the player). */
export function epochsFor(budgetMs: number, msPerEpoch: number): number {
  return Math.floor(budgetMs / Math.max(1e-3, msPerEpoch));
}

/**
 * A `maxPerFrame` for usePlayer: tracks the gaps between its calls (one per played frame) to
 * adapt the budget, and divides it by the current cost per epoch.
 */
export function frameBudget(msPerEpoch: () => number, now: () => number = () => performance.now()): () => number {
  let budget: number = TRAIN_BUDGET_MS.start;
  let last = -Infinity;
  return () => {
    const t = now();
    const gap = t - last;
    last = t;
    budget = gap > NEW_RUN_GAP_MS ? TRAIN_BUDGET_MS.start : adaptBudget(budget, gap);
    return epochsFor(budget, msPerEpoch());
  };
}

/**
 * Milliseconds of training one played frame asks of the worker. Training there does not hold up
 * the page's frames, so a chunk can span a few of them: the worker sends the epochs in between
 * as it goes, and a longer chunk leaves it idle less often (between the chunk's end and the
 * player's next frame).
 */
export const WORKER_CHUNK_MS = 250;

/** A `maxPerFrame` for usePlayer when training runs in the worker: a chunk's worth of epochs. */
export function workerBudget(msPerEpoch: () => number): () => number {
  return () => Math.max(1, epochsFor(WORKER_CHUNK_MS, msPerEpoch()));
}

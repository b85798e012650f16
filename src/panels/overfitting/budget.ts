/**
 * The panel's training budget while playing: how many epochs one played frame asks the worker
 * for. The shared player asks `maxPerFrame()` once per frame; the answer is a chunk of training
 * time over the measured cost of one epoch (both engines train in the worker, so a chunk never
 * holds up the page's frames). Pure. No React, no DOM.
 */

/** Epochs one press of a step button (or an arrow key) moves. */
export const STEP_EPOCHS = 10;

/** Most epochs that fit in `budgetMs` at `msPerEpoch` (at least 1 is left to the player). */
export function epochsFor(budgetMs: number, msPerEpoch: number): number {
  return Math.floor(budgetMs / Math.max(1e-3, msPerEpoch));
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

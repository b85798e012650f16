/**
 * The one place that hands control back to the browser. Long computations written as async
 * loops (elbow curves, data pools, incremental fits) await `yieldToBrowser()` between slices so
 * input and paint get a turn; nothing in src/panels calls timers or animation frames itself (lint
 * keeps them here), so every loop can be found, budgeted and cancelled in one place.
 * Pure: no React, no DOM beyond the timer and frame functions every browser and Node have.
 */

/** Resolves on a fresh task (after pending input and paint). Never rejects. */
export function yieldToBrowser(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/** Resolves after `ms` milliseconds (for benchmarks and deliberate pacing, never for waiting on work). */
export function sleep(ms: number): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}

/** Resolves at the next animation frame with its timestamp (a task in Node, where there are no frames). */
export function nextFrame(): Promise<number> {
  if (typeof requestAnimationFrame === 'function') return new Promise<number>((resolve) => requestAnimationFrame(resolve));
  return new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), 16));
}

/**
 * Resolves on the first task after the next frame is painted (issue 8: a slider's frame shows the
 * cheap change first, the heavy one follows). Where frames do not come (a hidden tab, Node) it
 * resolves after 100 ms at the latest, so nothing waits for a frame that never comes.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise<void>((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(finish, 100);
    // A task queued from inside the frame callback runs after that frame's paint.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(finish, 0));
  });
}

/**
 * Resolves when the main thread is idle (requestIdleCallback), or after `timeoutMs` at the latest
 * (where there is no idle callback, after a task). For work a page can do later without anyone
 * waiting on it: typesetting a just-opened panel's formulas, say, which would otherwise delay the
 * panel's first result when that is computed on the page.
 */
export function whenIdle(timeoutMs = 1000): Promise<void> {
  return new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}

/** Time left until `deadline` (a performance.now() value). */
export function timeLeft(deadline: number): number {
  return deadline - performance.now();
}

/**
 * Runs `step` repeatedly within a time budget per slice, yielding to the browser between slices,
 * until it returns true (done) or `cancelled()` says stop. Returns whether it finished.
 */
export async function runSliced(step: () => boolean, budgetMs: number, cancelled: () => boolean = () => false): Promise<boolean> {
  for (;;) {
    const end = performance.now() + budgetMs;
    do {
      if (cancelled()) return false;
      if (step()) return true;
    } while (performance.now() < end);
    await yieldToBrowser();
  }
}

/** Whether the system asks for reduced motion (false outside a browser). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** A computation done in pieces, so it can be sliced (lib/worker/sliced.ts, between cancel checks) or run at once (drain). */
export interface Stepwise<R> {
  /** Does the next piece; true once every piece is done. */
  step(): boolean;
  result(): R;
}

/** Runs every piece now (tests, Node, the bench). */
export function drain<R>(run: Stepwise<R>): R {
  while (!run.step());
  return run.result();
}

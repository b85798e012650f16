/**
 * The arithmetic of playing, kept apart from React so it can be unit-tested: how many steps one
 * frame moves, given the speed (steps per second, Infinity = as many as the budget allows), the
 * time since the last frame, a per-frame cap and whether the computation is still catching up.
 * Behind schedule, the debt is dropped rather than paid in a burst (at most CATCH_UP_MS of steps,
 * or one step, is kept).
 */
export interface ClockState {
  carry: number;
}

/** How much waiting for a result may count towards the next steps: three frames. */
export const CATCH_UP_MS = 50;

export function stepsThisFrame(clock: ClockState, dtMs: number, perSecond: number, cap: number, busy: boolean): number {
  if (busy) {
    // Wait for the computation, but let the wait count towards the next step, up to the steps of
    // CATCH_UP_MS (at least one): a step that needs a worker round trip (two or three frames)
    // then still plays at the speed asked for (before, "60 epochs/s" played about 15, and with
    // one step kept about 38), and no more debt piles up for a burst than three frames' worth.
    clock.carry = Number.isFinite(perSecond) ? Math.min(Math.max(1, (CATCH_UP_MS / 1000) * perSecond), clock.carry + (dtMs / 1000) * perSecond) : 0;
    return 0;
  }
  const limit = Math.max(1, Math.floor(cap));
  if (!Number.isFinite(perSecond)) return Number.isFinite(limit) ? limit : 1;
  clock.carry += (dtMs / 1000) * perSecond;
  let k = Math.floor(clock.carry);
  clock.carry -= k;
  if (k > limit) {
    k = limit;
    clock.carry = 0;
  }
  return k;
}

/**
 * Reduced motion: instead of moving on every frame, the player moves every REDUCED_MOTION_MS
 * by the same average number of steps, so the picture changes in a few calm jumps.
 */
export const REDUCED_MOTION_MS = 500;

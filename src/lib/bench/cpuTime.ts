/**
 * Helpers for the panels' Node timing scripts (`*.timing.ts`, run by hand, never part of
 * `npm test`): this process's CPU time, steadier than wall time on a shared machine, and the
 * quantile they report.
 */

/** CPU time (user + system) of this process so far, in ms. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The p-quantile of `a` (0 ≤ p ≤ 1) as the element at ⌊p·n⌋ of the sorted copy, clamped to the last. */
export const quantile = (a: readonly number[], p: number): number => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(p * a.length))];

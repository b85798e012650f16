/**
 * ctx.progress for a sliced job, thinned: nothing for the first `after` ms (a short run has
 * nothing to watch), then at most one report every `every` ms. Each report re-renders the page's
 * readout, and on a two-core machine that render competes with the workers (issue 8: the
 * missing-data study reported every five data sets, ~20 renders per setting). `now` is for tests.
 */
import type { ModelContext } from './expose';

export function throttledProgress(ctx: Pick<ModelContext, 'progress'>, after = 150, every = 100, now: () => number = () => performance.now()): (value: number) => void {
  const start = now();
  let said = -Infinity;
  return (value) => {
    const t = now();
    if (t - start < after || t - said < every) return;
    said = t;
    ctx.progress(value);
  };
}

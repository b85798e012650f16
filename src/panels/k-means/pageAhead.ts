/**
 * The page's step ahead (issue 8). A step of the spread or points slider asks the page for a new
 * data set, its k-means++ start and (at up to 50,000 point-centre pairs) the whole recorded run,
 * its assignments in tfjs: one or two dozen iterations at a wide spread, each a round of tfjs
 * kernels, before the plots can be drawn. A learner stepping a slider mostly steps it again the
 * same way, so once the answer is on screen and the page has been idle a moment, the page makes
 * the data and records the run of the next step (compute.ts `prepare`) in slices of a few
 * milliseconds, stopped by any new setting. frame() then finds them: the numbers are those of a
 * fresh computation (the same code on the same data; compute.test.ts), only sooner.
 */
import { useEffect, useRef } from 'react';
import { sleep } from '../../lib/panel/schedule';
import { stepPredictor } from '../../lib/worker/stepAhead';
import { nextN } from './elbowAhead';
import { schema, type KMeansParams } from './params';

/** Every param: any other one moving (a choice, the seed, the player's step) means no guess. */
const FIELDS = Object.keys(schema) as (keyof KMeansParams & string)[];
const linear = stepPredictor<KMeansParams>(schema, ['spread', 'groups', 'k'], FIELDS);

/** The params the next step of the slider last moved gives (spread, groups, K or points), or null. */
export function nextParams(prev: KMeansParams | null, cur: KMeansParams): KMeansParams | null {
  if (!prev || cur.dataset === 'csv') return null;
  const moved = FIELDS.filter((f) => prev[f] !== cur[f]);
  if (moved.length === 1 && moved[0] === 'n') {
    const n = nextN(prev.n, cur.n);
    return n === null ? null : { ...cur, n };
  }
  return linear(prev, cur);
}

/** How long the page waits after an answer is drawn before preparing the next one. */
export const PAGE_AHEAD_IDLE_MS = 50;

/**
 * Prepares the next step's frame once `settled` (the frame for `params` is on screen, the elbow
 * too), after PAGE_AHEAD_IDLE_MS; a new setting stops it between two slices.
 */
export function usePageAhead(prepare: (p: KMeansParams, stop: () => boolean) => Promise<unknown>, params: KMeansParams, settled: boolean): void {
  const history = useRef<{ prev: KMeansParams | null; cur: KMeansParams | null }>({ prev: null, cur: null });
  useEffect(() => {
    if (!settled) return;
    const h = history.current;
    if (h.cur !== params) [h.prev, h.cur] = [h.cur, params];
    const next = nextParams(h.prev, params);
    if (!next) return;
    let stopped = false;
    const stop = () => stopped;
    // Only time is lost if it fails: the request computes afresh.
    void sleep(PAGE_AHEAD_IDLE_MS)
      .then(() => (stopped ? undefined : prepare(next, stop)))
      .catch(() => undefined);
    return () => {
      stopped = true;
    };
  }, [prepare, params, settled]);
}

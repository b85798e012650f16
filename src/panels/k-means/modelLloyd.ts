/**
 * Lloyd to its end in float64, fast: what the elbow needs (30 runs per data set, only their ends),
 * where KMeansRun (model.ts) records every half-move for the player. Pure: no React, no DOM.
 */
import { checkK, inertiaOf, meansOf, type FinalClustering, type Points } from './model';
import { MAX_ITER } from './params';

/** Bounds must clear each other by this share of the data's scale before a point is skipped. */
const PRUNE_MARGIN = 1e-9;

/**
 * runLloyd (model.ts) for the float64 engine, to the same end without recording the run. Most points keep their centre from one iteration to the next, so it
 * skips them the way Hamerly (2010) does: each point keeps an upper bound on the distance to its
 * own centre and a lower bound on the distance to any other; when centres move by δ, the first
 * grows by its centre's δ and the second shrinks by the largest other δ (triangle inequality).
 * While they stay apart the point's nearest centre cannot have changed; otherwise it is scanned
 * as assignJs scans it. The gap demanded (PRUNE_MARGIN of the coordinates' scale) dwarfs the
 * rounding in the bounds and in the squared distances, so a skipped point is one that assignJs
 * would give the same centre: labels, centres (meansOf), inertia and stopping rule are those of
 * KMeansRun to the bit (the tests hold both to scikit-learn and to each other).
 */
/** Lloyd's end, and how many times a point was scanned against every centre (n per assignment
 *  without the skipping; the benchmark and a test read it). */
export type FastClustering = FinalClustering & { scans: number };

export function lloydJs(p: Points, init: Float64Array, k: number, maxIter = MAX_ITER): FastClustering {
  const iters = Math.min(maxIter, MAX_ITER);
  const msg = checkK(k, p.n);
  if (msg) throw new Error(msg);
  const { x, n } = p;
  let c: Float64Array = Float64Array.from(init.subarray(0, 2 * k));
  let scale = 0;
  for (let i = 0; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]));
  for (let i = 0; i < c.length; i++) scale = Math.max(scale, Math.abs(c[i]));
  const margin = PRUNE_MARGIN * scale;
  const labels = new Int32Array(n);
  const upper = new Float64Array(n), lower = new Float64Array(n);
  const shift = new Float64Array(k);
  let scans = 0;
  /** Point i's nearest centre as assignJs finds it (ties to the lower index), with fresh bounds. */
  const scan = (i: number) => {
    const a = x[2 * i], b = x[2 * i + 1];
    let best = Infinity, second = Infinity, arg = 0;
    for (let j = 0; j < k; j++) {
      const dx = a - c[2 * j], dy = b - c[2 * j + 1];
      const d = dx * dx + dy * dy;
      if (d < best) {
        second = best;
        best = d;
        arg = j;
      } else if (d < second) second = d;
    }
    labels[i] = arg;
    scans++;
    upper[i] = Math.sqrt(best);
    lower[i] = Math.sqrt(second);
  };
  /** One assignment against `c`; returns how many points changed centre. */
  const assignAll = (first: boolean): number => {
    // The largest move, and the largest among the other centres for the one that made it.
    let top = 0, runnerUp = 0, topAt = -1;
    for (let j = 0; j < k; j++) {
      if (shift[j] > top) [runnerUp, top, topAt] = [top, shift[j], j];
      else if (shift[j] > runnerUp) runnerUp = shift[j];
    }
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const was = labels[i];
      if (!first) {
        const u = upper[i] + shift[was];
        const l = lower[i] - (was === topAt ? runnerUp : top);
        if (u + margin < l) {
          upper[i] = u;
          lower[i] = l;
          continue;
        }
      }
      scan(i);
      if (labels[i] !== was) moved++;
    }
    return moved;
  };
  const moveCentres = () => {
    const next = meansOf(x, n, labels, c, k);
    for (let j = 0; j < k; j++) shift[j] = Math.sqrt((next[2 * j] - c[2 * j]) ** 2 + (next[2 * j + 1] - c[2 * j + 1]) ** 2);
    c = next;
  };
  for (let t = 1; t <= iters; t++) {
    const moved = assignAll(t === 1);
    // An assignment that changed nothing: converged after t iterations (this one counts).
    if (t > 1 && moved === 0) return { centres: c, labels: Uint8Array.from(labels), inertia: inertiaOf(x, n, labels, c), nIter: t, converged: true, scans };
    moveCentres();
  }
  // Out of iterations: the labels against the last centres (runLloyd's). Below MAX_ITER a
  // recorded run has made this assignment as its next half-move, and stops there if it changed nothing.
  const moved = assignAll(iters === 0);
  return { centres: c, labels: Uint8Array.from(labels), inertia: inertiaOf(x, n, labels, c), nIter: iters, converged: iters > 0 && iters < MAX_ITER && moved === 0, scans };
}

/**
 * The learning curve, computed on demand in the background: for each training-set size the
 * current network is trained for the current number of epochs, a few milliseconds per animation
 * frame (lib/panel's frame loop), so the page never stalls. The runs are kept per configuration
 * (everything but n and the epoch; the last two configurations, so flipping a control back
 * resumes), so moving n trains one new size and stepping the epoch trains only the difference.
 * Nothing runs while `active` is false (not asked for yet, the player running, or the main
 * computation busy), and the loop stops at unmount.
 */
import { useRef, useState } from 'react';
import { createCache } from '../../lib/panel/cache';
import { useFrameLoop } from '../../lib/panel/useFrameLoop';
import { curveSizes, LearningCurve, specA, specKey, type CurvePoint } from './model';
import type { OverfitParams } from './params';

/** Milliseconds of curve training per animation frame. */
const CURVE_BUDGET_MS = 6;

export interface CurveState {
  /** The epochs every point was trained for. */
  epochs: number;
  sizes: number[];
  /** Points computed so far for these settings, in size order (may be partial). */
  points: CurvePoint[];
  done: boolean;
  /** These points belong to earlier settings (shown while the current ones are not ready). */
  stale: boolean;
}

export function useLearningCurve(p: OverfitParams, active: boolean): CurveState | null {
  const spec = { ...specA(p), n: 0, engine: 'js' as const };
  const [curves] = useState(() => createCache<LearningCurve>(2));
  const curve = curves.get(specKey(spec), () => new LearningCurve(spec));
  const last = useRef<CurveState | null>(null);
  const [, bump] = useState(0);
  const epochs = p.epoch;
  const sizes = curveSizes(p.n);
  const points = curve.points(epochs, sizes);
  const done = points.length === sizes.length;

  useFrameLoop(active && !done, () => {
    const before = curve.points(epochs, sizes).length;
    const finished = curve.step(epochs, sizes, performance.now() + CURVE_BUDGET_MS);
    // Redraw when a size is added (and at the end, so the loop's condition is re-read).
    if (finished || curve.points(epochs, sizes).length !== before) bump((v) => v + 1);
    return !finished;
  });

  if (points.length > 0) {
    last.current = { epochs, sizes, points, done, stale: false };
    return last.current;
  }
  return last.current ? { ...last.current, stale: true } : null;
}

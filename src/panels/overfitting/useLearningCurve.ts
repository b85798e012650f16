/**
 * The learning curve, computed on demand in the background: for each training-set size the
 * current network is trained for the current number of epochs, a few milliseconds per animation
 * frame, so the page never stalls. The runs are kept per configuration (everything but n and the
 * epoch), so moving n trains one new size and stepping the epoch trains only the difference.
 * Nothing runs while `active` is false (not asked for yet, the player running, or the main
 * computation busy), and the frame loop stops at unmount.
 */
import { useEffect, useRef, useState } from 'react';
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
  const spec = specA(p);
  const base = specKey({ ...spec, n: 0, engine: 'js' });
  const lc = useRef<{ base: string; curve: LearningCurve } | null>(null);
  if (!lc.current || lc.current.base !== base) lc.current = { base, curve: new LearningCurve({ ...spec, n: 0, engine: 'js' }) };
  const curve = lc.current.curve;
  const last = useRef<CurveState | null>(null);
  const [, bump] = useState(0);
  const epochs = p.epoch;
  const sizesKey = curveSizes(p.n).join(',');

  useEffect(() => {
    if (!active) return;
    const sizes = sizesKey.split(',').map(Number);
    let raf = 0;
    let seen = curve.points(epochs, sizes).length;
    const tick = () => {
      const done = curve.step(epochs, sizes, performance.now() + CURVE_BUDGET_MS);
      const now = curve.points(epochs, sizes).length;
      if (now !== seen) {
        seen = now;
        bump((v) => v + 1);
      }
      if (!done) raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [active, curve, epochs, sizesKey]);

  const sizes = sizesKey.split(',').map(Number);
  const points = curve.points(epochs, sizes);
  if (points.length > 0) {
    last.current = { epochs, sizes, points, done: points.length === sizes.length, stale: false };
    return last.current;
  }
  return last.current ? { ...last.current, stale: true } : null;
}

/**
 * The learning curve, computed on demand in the panel's worker (curve.ts through the worker kit):
 * for each training-set size the current network is trained for the current number of epochs.
 * The worker keeps the runs per configuration (everything but n and the epoch; the last
 * configurations, so flipping a control back resumes), so moving n trains one new size and
 * stepping the epoch trains only the difference; the points arrive as each size is done.
 * Nothing is asked while `active` is false (not asked for yet, the player running, or the main
 * training busy): the last curve stays on screen, marked stale when it is not the current one.
 */
import { useMemo, useRef } from 'react';
import { useWorkerRun } from '../../lib/worker/useWorkerRun';
import { CURVE_SIZES, curveSizes, type CurvePoint, type CurveTarget, type CurveView } from './curve';
import { MAX_POOL, poolSize } from './data';
import { specA, specKey, type RunSpec } from './model';
import type { OverfitParams } from './params';
import { computeWorker } from './worker';

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

/** Configurations the worker keeps for the curve (each holds one run per size). */
const KEEP = 2;

export function useLearningCurve(p: OverfitParams, active: boolean): CurveState | null {
  const spec: RunSpec = { ...specA(p), n: 0, engine: 'js' };
  const key = specKey(spec);
  // Own data: only the sizes the training part can fill (and all of it).
  const pool = poolSize(p.dataset, p.csv, p.seed);
  const sizes = pool < MAX_POOL ? curveSizes(Math.min(p.n, pool), [...CURVE_SIZES.filter((m) => m < pool), pool]) : curveSizes(p.n);
  const sizesKey = sizes.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- sizesKey names sizes
  const target = useMemo<CurveTarget>(() => ({ epochs: p.epoch, sizes }), [p.epoch, sizesKey]);
  const w = useWorkerRun<RunSpec | null, CurveTarget, CurveView | null>(
    computeWorker,
    'curve',
    { key: active ? key : 'idle', config: active ? spec : null, target, targetKey: `${p.epoch}|${sizesKey}` },
    { showProgress: true, keep: KEEP + 1, paintedFirst: true },
  );

  // A view object new since the last render was sent for the key asked now (the kit drops views
  // of any other); one seen before keeps the key it came with. It names its own epochs and sizes.
  const seen = useRef<{ view: CurveView | null; key: string }>({ view: null, key: '' });
  if (w.view !== seen.current.view) seen.current = { view: w.view, key: active ? key : 'idle' };
  const last = useRef<{ key: string; view: CurveView } | null>(null);
  const got = seen.current;
  if (got.view && got.key !== 'idle' && got.view.points.length > 0) last.current = { key: got.key, view: got.view };
  const shown = last.current;
  if (!shown) return null;
  const v = shown.view;
  const current = shown.key === key && v.epochs === p.epoch && v.sizes.join(',') === sizesKey;
  return { epochs: v.epochs, sizes: v.sizes, points: v.points, done: v.done, stale: !current };
}

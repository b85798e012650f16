/**
 * The panel's training, in a worker on either engine (training.ts through the worker kit): the
 * worker sends the histories and the shown weights; the page only evaluates the boundary grid
 * (batched in tfjs) and draws. While the worker catches up it also sends its intermediate epochs,
 * so a long replay or a fast play shows training as it goes, marked busy. The tfjs engine's
 * tensors live in the worker's tfjs (counted in window.__mlTensors by the worker kit).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { createCache } from '../../lib/panel/cache';
import { ensureBackend } from '../../lib/tf/backend';
import { useWorkerRun } from '../../lib/worker/useWorkerRun';
import { GRID_N, type OverfitResult, type RunView } from './compute';
import { COMPARE_LABEL, dataFor, gridProbsTf, specA, specB, specKey, type RunData, type RunSpec } from './model';
import { parameterCount } from './train';
import type { CompareMode, OverfitParams } from './params';
import type { RunState, TrainingConfig, TrainingView } from './training';
import { computeWorker } from './worker';


export interface Training {
  /** What is on screen (the last result while a newer one is computed). */
  r: OverfitResult | null;
  error: string | null;
  /** `r` is not (yet) the result the params ask for. */
  busy: boolean;
  /** `r` comes from the settings the params ask for (perhaps not yet at their epoch): training progress is on screen. */
  fresh: boolean;
  /** Milliseconds of training per epoch in the worker (for the player's budget). */
  msPerEpoch: number;
}

interface Meta {
  a: RunSpec;
  b: RunSpec | null;
  bSame: boolean;
  compare: CompareMode;
}

function runView(which: 'A' | 'B', title: string, spec: RunSpec, s: RunState, probs: Float32Array, data: RunData): RunView {
  return { which, title, spec, arch: spec.cfg.arch, params: parameterCount(spec.cfg.arch), ...s, probs, data };
}

export function useTraining(params: OverfitParams): Training {
  // The key names A's and B's settings (the epoch aside; the engine is part of each spec).
  const [metas] = useState(() => createCache<Meta>(4));
  const [grids] = useState(() => createCache<Float32Array>(8));
  const [datas] = useState(() => createCache<RunData>(4));
  const sa = specA(params), sb = specB(params);
  const bSame = !!sb && specKey(sb) === specKey(sa);
  // The comparison mode is part of the key even when B trains like A: it names B's title.
  const key = `${params.compare}|${specKey(sa)}|${sb && !bSame ? specKey(sb) : ''}`;
  metas.get(key, () => ({ a: sa, b: sb, bSame, compare: params.compare }));
  const target = params.epoch;
  const config: TrainingConfig = { key, a: sa, b: sb && !bSame ? sb : null };
  const w = useWorkerRun<TrainingConfig, number, TrainingView | null>(computeWorker, 'train', { key, config, target, targetKey: String(target) }, { showProgress: true, paintedFirst: true });

  // The boundary grid is evaluated in the page's tfjs: wait for it to start.
  const [tf, setTf] = useState<{ ready: boolean; error: string | null }>({ ready: false, error: null });
  useEffect(() => {
    let alive = true;
    ensureBackend().then(
      () => alive && setTf({ ready: true, error: null }),
      (e: unknown) => alive && setTf({ ready: false, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      alive = false;
    };
  }, []);

  const v = w.view;
  const fromWorker = useMemo((): OverfitResult | null => {
    const m = v && metas.peek(v.key);
    if (!v || !m || !tf.ready) return null;
    const show = (which: 'A' | 'B', title: string, spec: RunSpec, s: RunState, runKey: string) => {
      const probs = grids.get(`${runKey}|${s.shown}`, () => gridProbsTf(spec.cfg.arch, s.weights, spec.cfg.features, GRID_N, GRID_N));
      return runView(which, title, spec, s, probs, datas.get(specKey(spec), () => dataFor(spec)));
    };
    const a = show('A', m.b ? 'A: your network' : 'Your network', m.a, v.a, specKey(m.a));
    const b = m.b ? show('B', COMPARE_LABEL[m.compare as Exclude<CompareMode, 'none'>], m.b, v.b ?? v.a, specKey(v.b ? m.b : m.a)) : null;
    return { input: params, target: v.epoch, a, b, bSameAsA: m.bSame, done: v.reached && v.done };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new view (or tfjs ready) is what makes a new result
  }, [v, tf.ready]);

  // Until the new settings' first view arrives, keep showing the last result, marked busy.
  const last = useRef<OverfitResult | null>(null);
  const r = fromWorker ?? last.current;
  last.current = r;
  return {
    r,
    error: w.error ?? tf.error,
    busy: !w.reached || !v || v.key !== key || !fromWorker,
    fresh: !!v && v.key === key && !!fromWorker,
    // Until the worker has measured, assume a slow epoch: a first chunk must not run on for seconds.
    msPerEpoch: v?.msPerEpoch ?? 5,
  };
}

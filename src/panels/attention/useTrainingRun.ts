/**
 * Keeps a TrainingRun at the step the params ask for, training a little per animation frame so
 * the page never freezes: a link to step 300 replays 300 steps with a progress readout, a step
 * back restores a checkpoint, and playing (usePlayer moving the step param) trains as it goes.
 * The run's tensors are released when the settings change and when the panel unmounts, and no
 * frame stays scheduled after that.
 */
import { useEffect, useRef, useState } from 'react';
import { ensureBackend } from '../../lib/tf/backend';
import { TrainingRun, trainConfig, type TrainedView } from './run';
import type { AttentionParams } from './params';

/** Training time per animation frame while catching up (ms). */
const FRAME_BUDGET_MS = 14;

export interface TrainingState {
  /** What to draw; null until the first step is reached. */
  view: TrainedView | null;
  /** Whether `view` shows exactly the current params (settings, step and sample). */
  current: boolean;
  /** Step the run is at while catching up, else null. */
  catchingUp: number | null;
  /** Measured training speed (steps per second) while catching up; null before any. */
  rate: number | null;
  error: string | null;
}

interface Shown {
  key: string;
  step: number;
  sample: number;
  view: TrainedView;
}

export function useTrainingRun(params: AttentionParams): TrainingState {
  const cfg = trainConfig(params);
  const key = JSON.stringify(cfg);
  const want = useRef({ key, cfg, step: params.step, sample: params.sample });
  want.current = { key, cfg, step: params.step, sample: params.sample };
  const kick = useRef<() => void>(() => {});
  const [shown, setShown] = useState<Shown | null>(null);
  const [catchingUp, setCatchingUp] = useState<number | null>(null);
  const [rate, setRate] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    let ready = false;
    let raf = 0;
    let run: { key: string; run: TrainingRun } | null = null;
    let last: { key: string; step: number; sample: number } | null = null;

    const tick = () => {
      raf = 0;
      if (!alive) return;
      const w = want.current;
      try {
        if (!run || run.key !== w.key) {
          run?.run.dispose();
          run = { key: w.key, run: new TrainingRun(w.cfg) };
        }
        const r = run.run;
        const from = r.step;
        const t0 = performance.now();
        const done = r.advance(w.step, FRAME_BUDGET_MS);
        const dt = performance.now() - t0;
        if (r.step > from && dt > 0) setRate((old) => (old === null ? 1000 * (r.step - from) / dt : 0.8 * old + 0.2 * ((1000 * (r.step - from)) / dt)));
        if (done) {
          setCatchingUp(null);
          if (!last || last.key !== w.key || last.step !== w.step || last.sample !== w.sample) {
            last = { key: w.key, step: w.step, sample: w.sample };
            setShown({ ...last, view: r.view(w.sample) });
          }
        } else {
          setCatchingUp(r.step);
          raf = requestAnimationFrame(tick);
        }
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    };
    kick.current = () => {
      if (alive && ready && !raf) raf = requestAnimationFrame(tick);
    };
    void ensureBackend().then(() => {
      ready = true;
      kick.current();
    });
    return () => {
      alive = false;
      if (raf) cancelAnimationFrame(raf);
      run?.run.dispose();
      run = null;
    };
  }, []);

  useEffect(() => {
    kick.current();
  }, [key, params.step, params.sample]);

  const current = !!shown && shown.key === key && shown.step === params.step && shown.sample === params.sample;
  return { view: shown?.view ?? null, current, catchingUp, rate, error };
}

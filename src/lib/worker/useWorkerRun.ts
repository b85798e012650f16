/**
 * useIncremental, off the main thread: the run (`name`, exposed by exposeRuns in the worker) is
 * made from `config` there and advanced toward `target` in slices, so the page only draws.
 * Runs are kept per `key` (settings that need a fresh run; `config` is sent when the key
 * changes); `targetKey` identifies the target (e.g. `${step}`). Returns the shape of
 * useIncremental: `reached` says whether `view` shows exactly this key and target, so a panel
 * never presents an intermediate step as the linked one; `progress` says how far a replay is.
 *
 * What the worker sends between a new target and the next painted frame waits for that frame
 * (paintHold.ts, issue 8): the key press's frame is painted first, then the run's first progress.
 * `reached` compares with the current target, so a held answer never marks a new target reached.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { afterNextPaint } from '../panel/schedule';
import { acquire, release, warm, type WorkerFactory } from './client';
import { createPaintHold } from './paintHold';
import { atOf, createRunChannel, type RunChannel, type RunOptions, type RunState, type RunTarget } from './runChannel';

export type { RunOptions } from './runChannel';

export interface WorkerRunResult<V> {
  view: V | null;
  reached: boolean;
  progress: number | null;
  error: string | null;
}

export function useWorkerRun<C, T, V>(factory: WorkerFactory, name: string, t: RunTarget<C, T>, options?: RunOptions): WorkerRunResult<V> {
  const [state, setState] = useState<RunState<V>>({ view: null, reachedAt: '', progress: null, error: null });
  const channel = useRef<RunChannel<C, T> | null>(null);
  const latest = useRef(t);
  latest.current = t;
  const setup = useRef({ factory, options });
  // The worker starts loading now, during the first render, not after the first paint (client.ts).
  useState(() => warm(factory));
  // Answers wait for the frame after a new target is painted (paintHold.ts).
  const [{ receive, hold }] = useState(() => createPaintHold<RunState<V>>(setState, afterNextPaint));

  useEffect(() => {
    const { factory: f, options: o } = setup.current;
    const conn = acquire(f);
    const ch = createRunChannel<C, T, V>(conn, name, receive, o);
    channel.current = ch;
    ch.set(latest.current);
    return () => {
      ch.close();
      channel.current = null;
      release(f);
    };
  }, [name, receive]);

  const at = atOf(t.key, t.targetKey);
  // A layout effect, not a passive one: a render from a key press flushes passive effects before
  // the paint anyway, but one from an animation frame (a playing player) or a timer runs them
  // after the paint, so the target would leave one frame late and a played step would take three
  // frames instead of two ("60 epochs/s" played about 26).
  useLayoutEffect(() => {
    channel.current?.set(latest.current); // a target already sent is ignored
    if (!setup.current.options?.paintedFirst) hold();
  }, [at, hold]);

  const reached = state.reachedAt === at;
  return { view: state.view, reached, progress: reached ? null : state.progress, error: state.error };
}

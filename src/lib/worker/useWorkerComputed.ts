/**
 * useComputed, off the main thread: `name` is a model the worker exposed (exposeModels), `input`
 * its input. Returns the same shape as lib/panel/useComputed (result, error, ms, pending) plus the
 * model's last ctx.progress(). A new input marks the result pending at once; newer inputs
 * coalesce (see channel.ts). The worker lives while any hook using `factory` is mounted.
 *
 *   const computeWorker = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });
 *   const { result, error, pending } = useWorkerComputed(computeWorker, 'fit', params);
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { acquire, release, warm, type WorkerFactory } from './client';
import { createComputeChannel, type ComputeChannel, type ComputeOptions, type ComputeState } from './channel';

export type { ComputeState as WorkerComputed, ComputeOptions } from './channel';

export function useWorkerComputed<I, R>(factory: WorkerFactory, name: string, input: I, options?: ComputeOptions): ComputeState<R> {
  const [state, setState] = useState<ComputeState<R>>({ result: null, error: null, ms: 0, pending: true, progress: null });
  const channel = useRef<ComputeChannel<I> | null>(null);
  const latest = useRef(input);
  latest.current = input;
  // Read once per mount: the factory names the worker, it is not an input.
  const setup = useRef({ factory, options });
  // The worker starts loading now, during the first render, not after the first paint (client.ts).
  useState(() => warm(factory));
  // The input last handed to the channel: a newer one is pending from the render it appears in,
  // not one render later (useDrawn in lib/panel/useAfterPaint relies on it).
  const sent = useRef<I>(input);

  useEffect(() => {
    const { factory: f, options: o } = setup.current;
    const conn = acquire(f);
    const ch = createComputeChannel<I, R>(conn, name, setState, o);
    channel.current = ch;
    ch.submit(latest.current);
    sent.current = latest.current;
    return () => {
      ch.close();
      channel.current = null;
      release(f);
    };
  }, [name]);

  // A layout effect: an input set from an animation frame or a timer leaves before that render's
  // paint, not one frame later (see useWorkerRun).
  useLayoutEffect(() => {
    channel.current?.submit(input); // the same object as the mount's submit is ignored
    sent.current = input;
  }, [input]);

  return sent.current === input || state.pending ? state : { ...state, pending: true };
}

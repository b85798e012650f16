/**
 * Runs a (possibly async) pure computation whenever its input changes and returns the latest
 * result. While one run is in flight, newer inputs are coalesced into a single follow-up run, so a
 * fast slider drag never queues stale work. Errors are returned, not thrown, so the panel can say
 * what went wrong next to the controls.
 */
import { useEffect, useRef, useState } from 'react';

export interface Computed<R> {
  result: R | null;
  error: string | null;
  /** Milliseconds the last run took. */
  ms: number;
  pending: boolean;
}

export function useComputed<I, R>(input: I, run: (input: I) => R | Promise<R>, before?: () => Promise<unknown>): Computed<R> {
  const [state, setState] = useState<Computed<R>>({ result: null, error: null, ms: 0, pending: true });
  const busy = useRef(false);
  const queued = useRef<{ input: I } | null>(null);
  const alive = useRef(true);
  const runRef = useRef(run);
  runRef.current = run;
  // The input last queued: a newer one is pending from the render it appears in, not one render
  // later (useDrawn in lib/panel/useAfterPaint relies on it).
  const sent = useRef<I>(input);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    queued.current = { input };
    sent.current = input;
    // The shown result no longer matches the input: say so at once, so a stale result never
    // looks settled (the readout's data-busy, which tests and the bench wait on).
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    if (busy.current) return;
    const drain = async () => {
      busy.current = true;
      if (before) await before();
      while (queued.current && alive.current) {
        const job = queued.current;
        queued.current = null;
        const t0 = performance.now();
        try {
          const r = await runRef.current(job.input);
          const ms = performance.now() - t0;
          // Exposed for the benchmark (npm run bench), which reads the compute time per input.
          (globalThis as { __mlComputeMs?: number }).__mlComputeMs = ms;
          if (alive.current) setState({ result: r, error: null, ms, pending: queued.current !== null });
        } catch (e) {
          if (alive.current) setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e), pending: false }));
        }
      }
      busy.current = false;
    };
    void drain();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [input]);

  return sent.current === input || state.pending ? state : { ...state, pending: true };
}

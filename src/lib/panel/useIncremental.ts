/**
 * Incremental runs with a frame budget: a stateful computation (a training run, a replay to a
 * step, a growing k-means timeline) is advanced a few milliseconds per animation frame toward
 * the target the params name, so a link to step 300 replays with progress and the page never
 * freezes. Runs are kept per `key` (the settings that need a fresh run) in a small LRU cache,
 * so flipping a control back resumes its run; evicted runs and, on unmount, all runs are
 * disposed (tensors released). The result says whether the view shows the target exactly, so a
 * panel never presents an intermediate step as the one the link asked for.
 */
import { useEffect, useRef, useState } from 'react';
import { createCache, type Cache } from './cache';
import { useFrameLoop } from './useFrameLoop';

export interface IncrementalRun<T, V> {
  /** Works toward `target` until `deadline` (a performance.now() time); true once it is reached. */
  advance(target: T, deadline: number): boolean;
  /** What to draw for `target` (only called once `advance` said it is reached), or while catching up when `showProgress`. */
  view(target: T): V;
  /** How far the run is (e.g. the step it has reached), for "replaying to step N" progress. */
  progress?(): number;
  /** Releases what the run holds (tensors). */
  dispose?(): void;
}

export interface IncrementalOptions<T, V> {
  /** Identifies the run: settings that need a fresh one. */
  key: string;
  create: () => IncrementalRun<T, V>;
  target: T;
  /** Identifies the target (e.g. `${step}|${sample}`). */
  targetKey: string;
  /** Milliseconds of work per frame (default 12: the rest of the frame is left for painting). */
  budgetMs?: number;
  /** Runs kept by key (default 2). */
  keep?: number;
  /** Awaited once before the first run (e.g. ensureBackend). */
  ready?: () => Promise<unknown>;
  /** Also publish views of intermediate states while catching up (marked reached: false). */
  showProgress?: boolean;
}

export interface Incremental<V> {
  /** The last view published (null before any). */
  view: V | null;
  /** Whether `view` is the current key and target, reached. */
  reached: boolean;
  /** The run's progress while catching up (from `progress()`), else null. */
  progress: number | null;
  error: string | null;
}

export function useIncremental<T, V>(o: IncrementalOptions<T, V>): Incremental<V> {
  const [ready, setReady] = useState(!o.ready);
  const [out, setOut] = useState<{ view: V | null; at: string; progress: number | null; error: string | null; errorAt?: string }>({ view: null, at: '', progress: null, error: null });
  const opts = useRef(o);
  opts.current = o;
  const runs = useRef<Cache<IncrementalRun<T, V>> | null>(null);
  if (!runs.current) runs.current = createCache<IncrementalRun<T, V>>(Math.max(1, o.keep ?? 2), (r) => r.dispose?.());
  const started = useRef({ at: '', t0: 0 });

  useEffect(() => {
    let alive = true;
    if (opts.current.ready)
      opts.current.ready().then(
        () => alive && setReady(true),
        (e: unknown) => alive && setOut((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) })),
      );
    const cache = runs.current;
    return () => {
      alive = false;
      cache?.clear();
    };
  }, []);

  const at = `${o.key}#${o.targetKey}`;
  const reached = out.at === at && out.progress === null;
  // After a failure, wait for other settings or another target before trying again.
  useFrameLoop(ready && !reached && out.errorAt !== at, (now) => {
    const { key, create, target, budgetMs = 12, showProgress } = opts.current;
    const here = `${key}#${opts.current.targetKey}`;
    if (started.current.at !== here) started.current = { at: here, t0: now };
    try {
      const run = runs.current!.get(key, create);
      const done = run.advance(target, performance.now() + budgetMs);
      if (done) {
        // Exposed for `npm run bench`, which reads the compute time per input.
        (globalThis as { __mlComputeMs?: number }).__mlComputeMs = performance.now() - started.current.t0;
        setOut({ view: run.view(target), at: here, progress: null, error: null });
        return false;
      }
      const p = run.progress ? run.progress() : 0;
      setOut((s) => ({ view: showProgress ? run.view(target) : s.view, at: s.at === here ? '' : s.at, progress: p, error: null }));
      return true;
    } catch (e) {
      setOut((s) => ({ ...s, progress: null, error: e instanceof Error ? e.message : String(e), errorAt: here }));
      return false;
    }
  });

  return { view: out.view, reached, progress: reached ? null : out.progress, error: out.error };
}

/**
 * useWorkerComputed over two workers at once: each computes half of the input (the model takes
 * `shard` 0 or 1 of `shards` 2 and returns a part), and `merge` puts the halves together. On a
 * machine with two cores or more the result comes in about half the time (issue 8: missing-data's
 * study). The shape is useWorkerComputed's: the result is the merged result of the latest input
 * once both halves are in; while either is pending the last merged result stays, marked pending.
 *
 * Pass two different factories (client.ts keeps one worker per factory), both naming the same
 * module so Vite bundles it once:
 *   const halves = [
 *     () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }),
 *     () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }),
 *   ] as const;
 */
import { useMemo, useRef } from 'react';
import type { WorkerFactory } from './client';
import { useWorkerComputed, type WorkerComputed } from './useWorkerComputed';

/** What each half's model gets: the input and which half it is. */
export type Half<I> = I & { shard: 0 | 1; shards: 2 };

export function useHalvesComputed<I extends object, P, R>(factories: readonly [WorkerFactory, WorkerFactory], name: string, input: I, merge: (input: I, parts: [P, P]) => R): WorkerComputed<R> {
  const a = useWorkerComputed<Half<I>, P>(factories[0], name, useMemo(() => ({ ...input, shard: 0, shards: 2 }), [input]));
  const b = useWorkerComputed<Half<I>, P>(factories[1], name, useMemo(() => ({ ...input, shard: 1, shards: 2 }), [input]));
  const pending = a.pending || b.pending;
  // Read once per mount, like the factories: the merge is the model's, not an input.
  const mergeOf = useRef(merge).current;
  const merged = useMemo(() => (!pending && a.result !== null && b.result !== null ? mergeOf(input, [a.result, b.result]) : null), [pending, a.result, b.result, input, mergeOf]);
  const last = useRef<R | null>(null);
  if (merged !== null) last.current = merged;
  const half = (s: WorkerComputed<P>) => (s.pending ? (s.progress ?? 0) : 1);
  const progress = a.progress === null && b.progress === null ? null : (half(a) + half(b)) / 2;
  return { result: last.current, error: a.error ?? b.error, ms: Math.max(a.ms, b.ms), pending, progress };
}

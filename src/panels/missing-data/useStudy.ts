/**
 * The study in two workers at once (issue 8): each takes every other data set (model.ts
 * studyPartJob) and the page merges the two halves (mergeStudy), which gives the same numbers as
 * one worker in about half the time on a machine with two cores or more. The shape is
 * useWorkerComputed's: the result is the merged study of the latest input once both halves are in;
 * while either is pending the last merged result stays (marked pending).
 */
import { useMemo, useRef } from 'react';
import { useWorkerComputed, type WorkerComputed } from '../../lib/worker/useWorkerComputed';
import { mergeStudy, type StudyInput, type StudyPart, type StudyResult } from './model';

// Two factories, so two workers (lib/worker/client.ts keeps one worker per factory). Vite's static
// worker pattern: both name the same module, which is bundled once as its own chunk.
const firstHalf = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });
const secondHalf = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });
const SHARDS = 2;

export function useStudy(input: StudyInput): WorkerComputed<StudyResult> {
  const a = useWorkerComputed<StudyInput & { shard: number; shards: number }, StudyPart>(firstHalf, 'studyPart', useMemo(() => ({ ...input, shard: 0, shards: SHARDS }), [input]));
  const b = useWorkerComputed<StudyInput & { shard: number; shards: number }, StudyPart>(secondHalf, 'studyPart', useMemo(() => ({ ...input, shard: 1, shards: SHARDS }), [input]));
  const pending = a.pending || b.pending;
  const last = useRef<StudyResult | null>(null);
  const merged = useMemo(() => (!pending && a.result && b.result ? mergeStudy(input, [a.result, b.result]) : null), [pending, a.result, b.result, input]);
  if (merged) last.current = merged;
  const progress = typeof a.progress === 'number' || typeof b.progress === 'number' ? ((a.pending ? (a.progress ?? 0) : 1) + (b.pending ? (b.progress ?? 0) : 1)) / 2 : null;
  return { result: last.current, error: a.error ?? b.error, ms: Math.max(a.ms, b.ms), pending, progress };
}

/**
 * Page-side record of what workers report about tfjs: their live tensor counts (so the e2e
 * suite's window.__mlTensors counts tensors held in workers too) and the backend they chose.
 * No tfjs import: a panel whose tfjs runs only in a worker never loads tfjs on the page.
 *
 * window.__mlTensors = tensors on the page (lib/tf/backend.ts registers its counter here) plus
 * the last count each live worker reported; window.__mlWorkerTensors = the workers' part alone.
 * Both appear once either side runs tfjs; a terminated worker's tensors are gone and not counted.
 */
import type { WorkerBackend } from './scope';

const counts = new Map<number, number>();
let pageCounter: (() => number) | null = null;

/** The sum of the live tensor counts the page's workers last reported. */
export function workerTensors(): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
}

/** Live tensors on the page and in its workers. */
export function allTensors(): number {
  return (pageCounter ? pageCounter() : 0) + workerTensors();
}

function install(): void {
  if (typeof window === 'undefined') return;
  const w = window as unknown as { __mlTensors?: () => number; __mlWorkerTensors?: () => number };
  w.__mlTensors = allTensors;
  w.__mlWorkerTensors = workerTensors;
}

/** lib/tf/backend.ts: how to count the page's own tensors. */
export function setPageTensorCounter(f: () => number): void {
  pageCounter = f;
  install();
}

/** A worker's latest count (sent with every answer once tfjs runs there). */
export function reportWorkerTensors(worker: number, n: number): void {
  counts.set(worker, n);
  install();
}

/** The worker was terminated: its tensors went with it. */
export function forgetWorker(worker: number): void {
  counts.delete(worker);
}

const backendListeners = new Set<(b: WorkerBackend) => void>();
let lastBackend: WorkerBackend | null = null;

export function reportWorkerBackend(b: WorkerBackend): void {
  lastBackend = b;
  backendListeners.forEach((l) => l(b));
}

/** Calls `l` with the backend workers last reported (now, if any) and on every change. */
export function onWorkerBackend(l: (b: WorkerBackend) => void): () => void {
  backendListeners.add(l);
  if (lastBackend) l(lastBackend);
  return () => backendListeners.delete(l);
}

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

/**
 * The WebGL renderer this page has seen (issue 8): a worker's own probe (reported with its
 * backend) or, until one reports, the page's (lib/tf/backend.ts). undefined until one has looked;
 * null for no WebGL. Workers started or still choosing afterwards get it (client.ts), so they can
 * skip a probe that could only confirm it (lib/tf/choose.ts workerRenderer). A worker's probe
 * wins over the page's: it is the same kind as theirs (WebGL2 on an OffscreenCanvas).
 */
let seen: { renderer: string | null; by: 'page' | 'worker' } | null = null;
const rendererListeners = new Set<(r: string | null) => void>();

export function learnRenderer(renderer: string | null, by: 'page' | 'worker'): void {
  if (seen && (seen.by === 'worker' || by === 'page')) return;
  seen = { renderer, by };
  rendererListeners.forEach((l) => l(renderer));
}

export function knownRenderer(): string | null | undefined {
  return seen ? seen.renderer : undefined;
}

/** Calls `l` with the renderer each time the page learns it (or a better source of it). */
export function onRendererLearnt(l: (r: string | null) => void): () => void {
  rendererListeners.add(l);
  return () => rendererListeners.delete(l);
}

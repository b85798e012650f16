/**
 * What one worker knows about itself, shared by the worker-side kit (host.ts) and lib/tf/worker.ts
 * without either importing the other's heavy parts: the settings the page sent (the forced
 * backend), how to count live tfjs tensors, and which backend runs. No tfjs import here, so a
 * worker whose models are plain TypeScript never loads tfjs.
 */
import type { InitMsg } from './protocol';

let init: InitMsg | null = null;
let initWaiters: ((m: InitMsg) => void)[] = [];

let hint: string | null | undefined;

/** Called by the host when the page's init message arrives (always the first message). */
export function receiveInit(m: InitMsg): void {
  init = m;
  if (m.renderer !== undefined) receiveRenderer(m.renderer);
  for (const w of initWaiters) w(m);
  initWaiters = [];
}

/** The page's settings; resolves once the init message has arrived. */
export function workerInit(): Promise<InitMsg> {
  return init ? Promise.resolve(init) : new Promise((resolve) => initWaiters.push(resolve));
}

/** The page's renderer, in the init message or a later one; the first one counts. */
export function receiveRenderer(r: string | null): void {
  if (hint === undefined) hint = r;
}

/** The WebGL renderer the page has seen so far (null: no WebGL), or undefined (lib/tf/worker.ts). */
export function rendererHint(): string | null | undefined {
  return hint;
}

let counter: (() => number) | null = null;

/** lib/tf/worker.ts registers tfjs's live-tensor count once tfjs runs in this worker. */
export function setTensorCounter(f: () => number): void {
  counter = f;
}

/** Live tensors in this worker, or undefined while tfjs is not running here. */
export function countTensors(): number | undefined {
  if (!counter) return undefined;
  // tfjs throws on any engine call while a new backend starts (the switch after a lost WebGL
  // context): the count is unknown then, and the answer it rides on must still reach the page.
  try {
    return counter();
  } catch {
    return undefined;
  }
}

export interface WorkerBackend {
  name: string;
  reason: string;
  generation: number;
  /** What this worker's own WebGL probe found (null: no WebGL), when it probed. */
  renderer?: string | null;
}

let backendListener: ((b: WorkerBackend) => void) | null = null;
let lastBackend: WorkerBackend | null = null;

/** lib/tf/worker.ts announces the backend it chose (and every fallback); the host tells the page. */
export function announceBackend(b: WorkerBackend): void {
  lastBackend = b;
  backendListener?.(b);
}

export function onBackendAnnounced(l: (b: WorkerBackend) => void): void {
  backendListener = l;
  if (lastBackend) l(lastBackend);
}

/**
 * Resolves on a fresh task, after messages that arrived meanwhile (a cancel, a newer target) have
 * been handled. A MessageChannel rather than setTimeout: nested timeouts are clamped to 4 ms,
 * which would waste a quarter of every 12 ms slice.
 */
const waiting: (() => void)[] = [];
let tick: MessageChannel | null = null;
export function nextTask(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!tick) {
      tick = new MessageChannel();
      tick.port1.onmessage = () => waiting.shift()?.();
      // Node (unit tests): an open port would keep the process alive.
      (tick.port1 as unknown as { unref?: () => void }).unref?.();
    }
    waiting.push(resolve);
    tick.port2.postMessage(null);
  });
}

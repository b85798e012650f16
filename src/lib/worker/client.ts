/**
 * Page side of a worker: one connection per worker factory, shared by every hook that names the
 * same factory (refcounted; terminated when the last one lets go, i.e. when the panel unmounts).
 * It sends the init message, hands every answer to the channels listening (each picks its own by
 * id), records the tensor counts and backend the worker reports, and turns worker failures
 * (a module that does not load, an uncaught error, a message that cannot be read) into errors
 * the channels show.
 */
import { errorMessage, type FromWorker, type ToWorker } from './protocol';
import { forgetWorker, knownRenderer, learnRenderer, onRendererLearnt, reportWorkerBackend, reportWorkerTensors } from './registry';

/** What the kit needs of a Worker (a real one, or a fake in unit tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (e: Event) => void): void;
  terminate(): void;
}

/**
 * Makes the worker. Use Vite's static pattern, so the worker module is bundled as its own chunk,
 * and define it once at module level (hooks sharing one factory share one worker):
 *   const computeWorker = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });
 */
export type WorkerFactory = () => WorkerLike;

export interface Connection {
  /** Distinct per connection: keys the tensor registry. */
  readonly id: number;
  /** Set when the worker can never answer (its module failed to load). */
  readonly broken: string | null;
  /** A fresh id for a call or a run channel. */
  nextId(): number;
  /** Throws when the message cannot be cloned (e.g. it holds a function). */
  post(msg: ToWorker, transfer?: Transferable[]): void;
  listen(l: (m: FromWorker) => void): () => void;
  /** Called with a message when the worker fails outside any one answer. */
  onFailure(l: (message: string) => void): () => void;
}

let connections = 0;

function connect(factory: WorkerFactory): Connection & { terminate(): void } {
  const id = ++connections;
  let ids = 0;
  let ready = false;
  let broken: string | null = null;
  const listeners = new Set<(m: FromWorker) => void>();
  const failures = new Set<(message: string) => void>();
  const fail = (message: string) => failures.forEach((l) => l(message));

  let worker: WorkerLike | null = null;
  try {
    worker = factory();
  } catch (e) {
    broken = `the worker could not be started: ${errorMessage(e)}`;
  }
  worker?.addEventListener('message', (e) => {
    const m = (e as MessageEvent).data as FromWorker;
    if (m.tensors !== undefined) reportWorkerTensors(id, m.tensors);
    if (m.t === 'ready') ready = true;
    else if (m.t === 'backend') {
      reportWorkerBackend({ name: m.name, reason: m.reason, generation: m.generation });
      if (m.renderer !== undefined) learnRenderer(m.renderer, 'worker');
    }
    listeners.forEach((l) => l(m));
  });
  worker?.addEventListener('error', (e) => {
    // Handled here and shown by the panel, rather than logged again as an uncaught error.
    e.preventDefault();
    const detail = (e as ErrorEvent).message;
    // Before 'ready' the module itself failed (not found, a syntax error, a CSP block): nothing
    // sent to it will ever be answered.
    if (!ready) broken = `the worker failed to load${detail ? `: ${detail}` : ''}`;
    fail(broken ?? `the worker failed: ${detail || 'unknown error'}`);
  });
  worker?.addEventListener('messageerror', () => fail('a message from the worker could not be read'));

  const conn = {
    id,
    get broken() {
      return broken;
    },
    nextId: () => ++ids,
    post(msg: ToWorker, transfer: Transferable[] = []) {
      worker?.postMessage(msg, transfer);
    },
    listen(l: (m: FromWorker) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onFailure(l: (message: string) => void) {
      failures.add(l);
      return () => failures.delete(l);
    },
    terminate() {
      stopHints();
      worker?.terminate();
      forgetWorker(id);
      listeners.clear();
      failures.clear();
    },
  };
  // The worker's location is its script's: tell it what only the page knows.
  const backend = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('backend') : null;
  // And the WebGL renderer once the page has seen it, now or later: a tfjs worker that has not
  // chosen its backend yet may skip its own probe (lib/tf/choose.ts workerRenderer).
  const renderer = knownRenderer();
  conn.post(renderer === undefined ? { t: 'init', backend } : { t: 'init', backend, renderer });
  const stopHints: () => void = renderer === undefined ? onRendererLearnt((r) => {
    stopHints();
    conn.post({ t: 'renderer', renderer: r });
  }) : () => undefined;
  return conn;
}

const shared = new Map<WorkerFactory, { conn: Connection & { terminate(): void }; refs: number }>();

/** The factory's connection, started on first use. Pair every call with release(). */
export function acquire(factory: WorkerFactory): Connection {
  let s = shared.get(factory);
  if (!s) {
    s = { conn: connect(factory), refs: 0 };
    shared.set(factory, s);
  }
  s.refs += 1;
  return s.conn;
}

/** How long a worker started by warm() waits for its first acquire() before it is terminated. */
export const WARM_MS = 10_000;

/**
 * Starts the factory's worker now, owned by nobody yet, so that its module (and what it imports
 * at the top) loads while the page renders: a hook calls this during its first render, and its
 * acquire() in the effect, after the first paint, takes the worker over. A panel's first render
 * and paint took 50–300 ms before any worker was asked for (a link open waited for both, issue 8).
 * A worker nobody acquires within WARM_MS (the render was thrown away, the panel left at once)
 * is terminated. Idempotent: a factory with a connection keeps it.
 */
export function warm(factory: WorkerFactory): void {
  if (shared.has(factory)) return;
  const s = { conn: connect(factory), refs: 0 };
  shared.set(factory, s);
  if (s.conn.broken) return; // the first acquire() reports it, and release() forgets it
  setTimeout(() => {
    if (s.refs > 0 || shared.get(factory) !== s) return;
    shared.delete(factory);
    s.conn.terminate();
  }, WARM_MS);
}

/**
 * Lets go of the factory's connection; the last release terminates the worker (its tensors go
 * with it). Deferred by one task so a remount in the same task (React StrictMode, a panel
 * re-keyed after a reset) keeps the warm worker instead of starting a new one.
 */
export function release(factory: WorkerFactory): void {
  const s = shared.get(factory);
  if (!s) return;
  s.refs -= 1;
  if (s.refs > 0) return;
  if (s.conn.broken) {
    // A worker that never loaded is not worth keeping: a remount (the panel's Reset) tries afresh.
    shared.delete(factory);
    s.conn.terminate();
    return;
  }
  setTimeout(() => {
    if (s.refs > 0 || shared.get(factory) !== s) return;
    shared.delete(factory);
    s.conn.terminate();
  }, 0);
}

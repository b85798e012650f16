/**
 * The worker side of the kit: answers the page's messages by calling pure models (host.models)
 * and advancing stateful runs (host.runs, see hostRuns.ts). Written against a port so unit tests
 * drive it through a MessageChannel in Node; a real worker uses expose.ts, which binds it to
 * the worker's global scope.
 */
import { collectTransferables } from './transfer';
import { errorMessage, type FromWorker, type ToWorker } from './protocol';
import { countTensors, nextTask, onBackendAnnounced, receiveInit, receiveRenderer } from './scope';
import { createRunHost, type RunFactory } from './hostRuns';

export type { RunFactory, WorkerRun } from './hostRuns';

/** What a model gets besides its input. */
export interface ModelContext {
  /** True once the page has asked for something newer: stop early (the result would be dropped). */
  cancelled(): boolean;
  /** Reports progress (e.g. a fraction) to the page. */
  progress(value: number): void;
  /**
   * Resolves on a fresh task. Await it between slices of a long computation: only then can a
   * cancel message arrive, so `cancelled()` can only turn true across such an await.
   */
  yield(): Promise<void>;
}

/** A pure computation: the same function vitest calls directly (it may ignore ctx). */
export type Model<I = never, R = unknown> = (input: I, ctx: ModelContext) => R | Promise<R>;

export interface ExposeOptions {
  /**
   * Move (transfer) the typed arrays of results and views instead of copying them (default true).
   * Then a model must return fresh arrays, and a run's view must copy (`.slice()`) any array the
   * run keeps using: a moved array is left empty on this side.
   */
  transfer?: boolean;
}

/** The part of a worker's global scope (or a MessagePort) the host uses. */
export interface HostPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}

export interface Host {
  // `any` input: each model declares its own; the page's call names it by string anyway.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  models(models: Record<string, Model<any, unknown>>, options?: ExposeOptions): void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  runs(runs: Record<string, RunFactory<any, any, unknown>>, options?: ExposeOptions): void;
}

export function createHost(port: HostPort): Host {
  const models = new Map<string, { fn: Model<unknown, unknown>; transfer: boolean }>();
  const jobs = new Map<number, { cancelled: boolean }>();

  /** Posts `msg` with the live tensor count; moves the buffers of `payload` when given. */
  const post = (msg: FromWorker, payload?: unknown): void => {
    const tensors = countTensors();
    if (tensors !== undefined) msg.tensors = tensors;
    port.postMessage(msg, payload === undefined ? [] : collectTransferables(payload));
  };

  /** Like post, but a value that cannot be cloned (a function, a detached array) becomes an error for the page. */
  const postOr = (msg: FromWorker, payload: unknown, fail: (message: string) => FromWorker): void => {
    try {
      post(msg, payload);
    } catch (e) {
      post(fail(`could not send the result to the page: ${errorMessage(e)}`));
    }
  };

  const runHost = createRunHost(post, postOr);

  async function call(id: number, name: string, input: unknown): Promise<void> {
    const entry = models.get(name);
    if (!entry) {
      post({ t: 'error', id, message: `this worker has no model "${name}" (it has: ${[...models.keys()].join(', ') || 'none'})` });
      return;
    }
    const job = { cancelled: false };
    jobs.set(id, job);
    const ctx: ModelContext = {
      cancelled: () => job.cancelled,
      progress: (value) => {
        if (!job.cancelled) post({ t: 'progress', id, value });
      },
      yield: nextTask,
    };
    const t0 = performance.now();
    try {
      const result = await entry.fn(input, ctx);
      if (job.cancelled) post({ t: 'dropped', id });
      else postOr({ t: 'result', id, result, ms: performance.now() - t0 }, entry.transfer ? result : undefined, (message) => ({ t: 'error', id, message }));
    } catch (e) {
      post(job.cancelled ? { t: 'dropped', id } : { t: 'error', id, message: errorMessage(e) });
    } finally {
      jobs.delete(id);
    }
  }

  port.addEventListener('message', (e: MessageEvent) => {
    const m = e.data as ToWorker;
    switch (m.t) {
      case 'init':
        receiveInit(m);
        post({ t: 'ready' });
        onBackendAnnounced((b) => {
          // A switch after the first choice (lost WebGL context): runs hold dead tensors.
          if (b.generation > 0) runHost.dropAll();
          post({ t: 'backend', ...b });
        });
        break;
      case 'renderer':
        receiveRenderer(m.renderer);
        break;
      case 'call':
        void call(m.id, m.name, m.input);
        break;
      case 'cancel': {
        const job = jobs.get(m.id);
        if (job) job.cancelled = true;
        break;
      }
      case 'target':
        runHost.target(m);
        break;
      case 'close':
        runHost.close(m.ch);
        break;
    }
  });

  return {
    models(record, options) {
      for (const [name, fn] of Object.entries(record)) models.set(name, { fn: fn as Model<unknown, unknown>, transfer: options?.transfer ?? true });
    },
    runs(record, options) {
      for (const [name, factory] of Object.entries(record)) runHost.define(name, factory as RunFactory<unknown, unknown, unknown>, options?.transfer ?? true);
    },
  };
}

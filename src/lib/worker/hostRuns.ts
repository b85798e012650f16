/**
 * Stateful runs in the worker (training runs, replays to a step): the worker-side twin of
 * lib/panel/useIncremental. Each page-side hook is a channel; the worker keeps a few runs per
 * channel by key (LRU, disposed when evicted or when the hook closes) and advances the channel's
 * current target in slices of `budgetMs`, returning to its event loop between slices so a newer
 * target (which replaces the unfinished one: superseded targets are dropped, never finished) and
 * other channels get their turn. It posts progress after every slice and the view once reached.
 */
import { createCache, type Cache } from '../panel/cache';
import { errorMessage, type FromWorker, type ToWorker } from './protocol';
import { nextTask } from './scope';

/** The same contract as useIncremental's IncrementalRun. */
export interface WorkerRun<T, V> {
  /** Works toward `target` until `deadline` (a performance.now() time); true once it is reached. */
  advance(target: T, deadline: number): boolean;
  /** What to draw for `target` (called once reached, or after each slice with showProgress). */
  view(target: T): V;
  /** How far the run is (e.g. the step reached), for "replaying to step N" progress. */
  progress?(): number;
  /** Releases what the run holds (tensors). */
  dispose?(): void;
  /**
   * The run holds memory worth giving back at once (tensors): it is disposed as soon as its
   * channel asks for another key, instead of being kept for a quick return. Coming back to its
   * setting makes it afresh.
   */
  holdsMemory?: boolean;
}

/** Makes a run from its config; may be async (e.g. await ensureWorkerBackend() before making tensors). */
export type RunFactory<C, T, V> = (config: C) => WorkerRun<T, V> | Promise<WorkerRun<T, V>>;

type TargetMsg = Extract<ToWorker, { t: 'target' }>;
type Post = (msg: FromWorker, payload?: unknown) => void;
type PostOr = (msg: FromWorker, payload: unknown, fail: (message: string) => FromWorker) => void;

interface Channel {
  runs: Cache<WorkerRun<unknown, unknown>>;
  /** The target being worked toward (null: idle). */
  job: (TargetMsg & { t0: number }) | null;
  /** A run being made by an async factory: the channel waits for it. */
  making: Promise<void> | null;
}

const isPromise = <X>(v: X | Promise<X>): v is Promise<X> => typeof (v as { then?: unknown })?.then === 'function';

export function createRunHost(post: Post, postOr: PostOr) {
  const factories = new Map<string, { make: RunFactory<unknown, unknown, unknown>; transfer: boolean }>();
  const channels = new Map<number, Channel>();
  let pumping = false;

  /** One slice of work on channel `id`'s target. */
  function slice(id: number, c: Channel): void {
    const job = c.job!;
    const { name, at } = job;
    const f = factories.get(name);
    if (!f) {
      c.job = null;
      post({ t: 'run-error', ch: id, at, message: `this worker has no run "${name}" (it has: ${[...factories.keys()].join(', ') || 'none'})` });
      return;
    }
    const runKey = `${name}\u0000${job.key}`;
    try {
      let run = c.runs.peek(runKey);
      if (!run) {
        // Evicted or never made here: the page sends the config again when asked.
        if (!job.config) {
          c.job = null;
          post({ t: 'need-config', ch: id, at });
          return;
        }
        const made = f.make(job.config.value);
        if (isPromise(made)) {
          c.making = made.then(
            (r) => {
              if (channels.get(id) === c) c.runs.set(runKey, r);
              else r.dispose?.(); // closed meanwhile
            },
            (e: unknown) => {
              // Report it against the target now asked for, if it still needs this run.
              const now = c.job;
              if (now && now.name === name && now.key === job.key) {
                c.job = null;
                post({ t: 'run-error', ch: id, at: now.at, message: errorMessage(e) });
              }
            },
          );
          void c.making.then(() => {
            c.making = null;
            void pump();
          });
          return;
        }
        run = made;
        c.runs.set(runKey, run);
      }
      if (run.advance(job.target, performance.now() + job.budgetMs)) {
        c.job = null;
        const view = run.view(job.target);
        postOr({ t: 'view', ch: id, at, view, ms: performance.now() - job.t0 }, f.transfer ? view : undefined, (message) => ({ t: 'run-error', ch: id, at, message }));
      } else {
        const progress = run.progress ? run.progress() : 0;
        if (job.showProgress) {
          const view = run.view(job.target);
          postOr({ t: 'step', ch: id, at, progress, view }, f.transfer ? view : undefined, (message) => ({ t: 'run-error', ch: id, at, message }));
        } else post({ t: 'step', ch: id, at, progress });
      }
    } catch (e) {
      c.job = null;
      try {
        c.runs.delete(runKey); // a run that threw may be half-updated: dispose it, start afresh next time
      } catch {
        // its dispose failed too: nothing more to release
      }
      post({ t: 'run-error', ch: id, at, message: errorMessage(e) });
    }
  }

  /** Works on every channel with a target, one slice each in turn, until all are idle. */
  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      for (;;) {
        const active = [...channels].filter(([, c]) => c.job && !c.making);
        if (active.length === 0) break;
        for (const [id, c] of active) if (c.job) slice(id, c);
        await nextTask(); // newer targets, cancels and closes arrive here
      }
    } finally {
      pumping = false;
    }
  }

  return {
    define(name: string, make: RunFactory<unknown, unknown, unknown>, transfer: boolean): void {
      factories.set(name, { make, transfer });
    },
    target(m: TargetMsg): void {
      let c = channels.get(m.ch);
      if (!c) {
        c = { runs: createCache(Math.max(1, m.keep), (r) => r.dispose?.()), job: null, making: null };
        channels.set(m.ch, c);
      }
      c.job = { ...m, t0: performance.now() };
      const now = `${m.name}\u0000${m.key}`;
      for (const [k, r] of c.runs.entries()) if (k !== now && r.holdsMemory) c.runs.delete(k);
      void pump();
    },
    /** Disposes every run (their tensors died with a lost WebGL context); targets remake them. */
    dropAll(): void {
      for (const c of channels.values()) {
        try {
          c.runs.clear();
        } catch {
          // a run on the lost context may fail to release: it is gone either way
        }
      }
    },
    close(id: number): void {
      const c = channels.get(id);
      if (!c) return;
      channels.delete(id);
      try {
        c.runs.clear();
      } finally {
        post({ t: 'tensors' });
      }
    },
  };
}

/**
 * Page side of one stateful run in a worker (see hostRuns.ts): sends each new target (with the
 * run's config when the key changes, or when the worker asks for it again), and keeps only what
 * answers the current target: views and progress of superseded targets are dropped.
 */
import type { Connection } from './client';
import { collectTransferables } from './transfer';
import { errorMessage, type FromWorker } from './protocol';

export interface RunState<V> {
  /** The last view received (null before any). */
  view: V | null;
  /** `${key}#${targetKey}` that `view` shows exactly ('' while it is a progress view or none). */
  reachedAt: string;
  /** The run's progress while catching up to the current target, else null. */
  progress: number | null;
  error: string | null;
}

export interface RunTarget<C, T> {
  key: string;
  config: C;
  target: T;
  targetKey: string;
}

export interface RunOptions {
  /** Milliseconds of work per slice in the worker before it looks at new messages (default 16). */
  budgetMs?: number;
  /** Runs the worker keeps for this hook, by key (default 2). */
  keep?: number;
  /** Also send views of intermediate states while catching up (they are not marked reached). */
  showProgress?: boolean;
  /** Move the config's typed arrays instead of copying them (default false: the page keeps them). */
  transferConfig?: boolean;
  /**
   * The targets come from useAfterPaint: the input's own frame is painted before a target is sent,
   * so answers are drawn as they come. Without it, answers wait for the frame after a new target
   * (paintHold.ts), which in a played run costs one frame a step. Page side only.
   */
  paintedFirst?: boolean;
}

export const atOf = (key: string, targetKey: string) => `${key}#${targetKey}`;

export interface RunChannel<C, T> {
  set(t: RunTarget<C, T>): void;
  close(): void;
}

export function createRunChannel<C, T, V>(conn: Connection, name: string, onChange: (s: RunState<V>) => void, options: RunOptions = {}): RunChannel<C, T> {
  const ch = conn.nextId();
  let state: RunState<V> = { view: null, reachedAt: '', progress: null, error: null };
  let current: (RunTarget<C, T> & { at: string; t0: number }) | null = null;
  let sentKey: string | null = null;
  let closed = false;
  const set = (patch: Partial<RunState<V>>) => {
    state = { ...state, ...patch };
    if (!closed) onChange(state);
  };

  const send = (withConfig: boolean) => {
    if (!current || closed) return;
    if (conn.broken) return set({ error: conn.broken, progress: null });
    const { key, config, target, at } = current;
    try {
      conn.post(
        { t: 'target', ch, name, key, target, at, config: withConfig ? { value: config } : undefined, budgetMs: options.budgetMs ?? 16, keep: options.keep ?? 2, showProgress: !!options.showProgress },
        withConfig && options.transferConfig ? collectTransferables(config) : [],
      );
      sentKey = key;
    } catch (e) {
      set({ error: `could not send the run's settings to the worker: ${errorMessage(e)}`, progress: null });
    }
  };

  const stopListening = conn.listen((m: FromWorker) => {
    if (!('ch' in m) || m.ch !== ch || !current || m.at !== current.at) return; // another hook's, or stale
    if (m.t === 'view') {
      // Read by `npm run bench`, as with useIncremental: from asking to the view arriving.
      (globalThis as { __mlComputeMs?: number }).__mlComputeMs = performance.now() - current.t0;
      set({ view: m.view as V, reachedAt: m.at, progress: null, error: null });
    } else if (m.t === 'step') set({ progress: m.progress, error: null, ...(m.view !== undefined ? { view: m.view as V, reachedAt: '' } : {}) });
    else if (m.t === 'need-config') send(true);
    else if (m.t === 'run-error') set({ error: m.message, progress: null });
  });

  const stopFailures = conn.onFailure((message) => set({ error: message, progress: null }));

  return {
    set(t) {
      const at = atOf(t.key, t.targetKey);
      if (closed || (current && current.at === at)) return;
      current = { ...t, at, t0: performance.now() };
      send(t.key !== sentKey);
    },
    close() {
      if (closed) return;
      closed = true;
      stopListening();
      stopFailures();
      conn.post({ t: 'close', ch });
    },
  };
}

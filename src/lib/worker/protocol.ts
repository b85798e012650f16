/**
 * The messages between a panel (main thread) and its worker. Plain data only: everything here is
 * structured-cloned, typed arrays are moved (transferred) where the sender says so.
 * `at` identifies what a message answers (a call's id, or a run's `${key}#${targetKey}`), so the
 * main thread can drop answers to questions it no longer asks.
 */

/** Sent once, first, by the main thread: what the worker cannot read itself (its location is the script's). */
export interface InitMsg {
  t: 'init';
  /** `?backend=` of the page (tfjs backend forced for testing), or null. */
  backend: string | null;
  /** The WebGL renderer the page has already seen (registry.ts knownRenderer; null: no WebGL);
   *  absent while it has seen none, and then sent in a `renderer` message once it has. */
  renderer?: string | null;
}

export type ToWorker =
  | InitMsg
  /** The renderer the page learnt after the init message (see InitMsg.renderer). */
  | { t: 'renderer'; renderer: string | null }
  | { t: 'call'; id: number; name: string; input: unknown }
  | { t: 'cancel'; id: number }
  /** Sets channel `ch`'s target; `config` only when the worker may not hold run `key` yet. */
  | { t: 'target'; ch: number; name: string; key: string; config?: { value: unknown }; target: unknown; at: string; budgetMs: number; keep: number; showProgress: boolean }
  /** The hook unmounted: dispose the channel's runs. */
  | { t: 'close'; ch: number };

/** Live tfjs tensors in the worker, sent with every answer once tfjs is running there. */
interface Counted {
  tensors?: number;
}

export type FromWorker = Counted &
  (
    /** The worker's module loaded and read the init message. */
    | { t: 'ready' }
    | { t: 'result'; id: number; result: unknown; ms: number }
    /** A cancelled call finished: nothing to show. */
    | { t: 'dropped'; id: number }
    | { t: 'error'; id: number; message: string }
    | { t: 'progress'; id: number; value: number }
    | { t: 'view'; ch: number; at: string; view: unknown; ms: number }
    | { t: 'step'; ch: number; at: string; progress: number; view?: unknown }
    | { t: 'need-config'; ch: number; at: string }
    | { t: 'run-error'; ch: number; at: string; message: string }
    /** Tensor count changed outside an answer (runs disposed on close). */
    | { t: 'tensors' }
    /** The tfjs backend the worker chose (or fell back to). */
    | { t: 'backend'; name: string; reason: string; generation: number; renderer?: string | null }
  );

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

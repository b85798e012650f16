/**
 * One computation on a worker, coalesced: the latest input wins. At most one call is in flight
 * and one input waits; a newer input replaces the waiting one and tells the in-flight call to
 * cancel (the model sees ctx.cancelled()); whatever the superseded call still answers is dropped
 * as stale. The state it reports has the shape of lib/panel/useComputed's.
 */
import type { Connection } from './client';
import { collectTransferables } from './transfer';
import { errorMessage, type FromWorker } from './protocol';

export interface ComputeState<R> {
  result: R | null;
  error: string | null;
  /** Milliseconds from sending the input to receiving its result (the learner's wait). */
  ms: number;
  /** The result shown does not match the latest input (yet). */
  pending: boolean;
  /** Last ctx.progress() value of the call in flight, else null. */
  progress: number | null;
}

export interface ComputeChannel<I> {
  /** Asks for the result of `input` (ignored when it is the same object as the last one). */
  submit(input: I): void;
  /** Stops listening and cancels the call in flight. */
  close(): void;
}

export interface ComputeOptions {
  /**
   * Move the input's typed arrays to the worker instead of copying them (default false). They are
   * left empty on the page, so only for inputs made fresh for this one call.
   */
  transferInput?: boolean;
}

export function createComputeChannel<I, R>(conn: Connection, name: string, onChange: (s: ComputeState<R>) => void, options: ComputeOptions = {}): ComputeChannel<I> {
  let state: ComputeState<R> = { result: null, error: null, ms: 0, pending: true, progress: null };
  let inFlight: { id: number; superseded: boolean; t0: number } | null = null;
  let queued: { input: I } | null = null;
  let last: { input: I } | null = null;
  let closed = false;
  const set = (patch: Partial<ComputeState<R>>) => {
    state = { ...state, ...patch };
    if (!closed) onChange(state);
  };

  const sendNext = () => {
    if (!queued || closed) return;
    if (conn.broken) {
      queued = null;
      set({ error: conn.broken, pending: false, progress: null });
      return;
    }
    const { input } = queued;
    queued = null;
    const id = conn.nextId();
    try {
      conn.post({ t: 'call', id, name, input }, options.transferInput ? collectTransferables(input) : []);
      inFlight = { id, superseded: false, t0: performance.now() };
    } catch (e) {
      // Not cloneable (a function, a DOM node): the panel's bug, shown like a model's error.
      set({ error: `could not send the input to the worker: ${errorMessage(e)}`, pending: false, progress: null });
    }
  };

  /** The in-flight call has answered (or will never): free the slot and send what waits. */
  const settle = () => {
    inFlight = null;
    sendNext();
  };

  const stopListening = conn.listen((m: FromWorker) => {
    if (!('id' in m) || !inFlight || m.id !== inFlight.id) return;
    const { superseded, t0 } = inFlight;
    if (m.t === 'progress') {
      if (!superseded) set({ progress: m.value });
      return;
    }
    if (!superseded) {
      if (m.t === 'result') {
        const ms = performance.now() - t0;
        // Read by `npm run bench` (compute time per input), as with useComputed.
        (globalThis as { __mlComputeMs?: number }).__mlComputeMs = ms;
        set({ result: m.result as R, error: null, ms, pending: queued !== null, progress: null });
      } else if (m.t === 'error') set({ error: m.message, pending: queued !== null, progress: null });
    }
    // 'dropped', and anything a superseded call still sends, is stale: nothing to show.
    settle();
  });

  const stopFailures = conn.onFailure((message) => {
    if (conn.broken) queued = null;
    set({ error: message, pending: queued !== null, progress: null });
    if (inFlight) settle();
  });

  return {
    submit(input) {
      if (closed || (last && last.input === input)) return;
      last = { input };
      queued = { input };
      // The shown result no longer matches the input: say so at once (data-busy in the readout).
      if (!state.pending) set({ pending: true });
      if (!inFlight) sendNext();
      else if (!inFlight.superseded) {
        inFlight.superseded = true;
        conn.post({ t: 'cancel', id: inFlight.id });
      }
    },
    close() {
      if (closed) return;
      if (inFlight && !inFlight.superseded) conn.post({ t: 'cancel', id: inFlight.id });
      closed = true;
      stopListening();
      stopFailures();
    },
  };
}

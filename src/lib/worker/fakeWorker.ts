/**
 * Fake workers for unit tests in Node (no browser Worker there), both behaving like the real one
 * where it matters: messages are structured-cloned and transfers detach the sender's arrays.
 * - hostedWorker: the kit's own worker side (host.ts) at the other end of a real MessageChannel.
 * - scriptedWorker: the test plays the worker, to force orderings (a stale answer arriving
 *   after a cancel) that a real worker produces only by chance.
 */
import type { WorkerLike } from './client';
import { createHost, type Host } from './host';
import type { FromWorker, ToWorker } from './protocol';

export interface FakeWorker extends WorkerLike {
  terminated: boolean;
  /** What the page sent, in order (clones, as the worker received them). */
  inbox: ToWorker[];
  /** Fires an event on the page side, e.g. a load failure ('error') or 'messageerror'. */
  emit(type: 'error' | 'messageerror', message?: string): void;
}

function pageEnd(deliver: (m: unknown, transfer: Transferable[]) => void, onTerminate: () => void): FakeWorker & { events: EventTarget } {
  const events = new EventTarget();
  const w = {
    terminated: false,
    inbox: [] as ToWorker[],
    events,
    postMessage(m: unknown, transfer: Transferable[]) {
      if (w.terminated) return; // like a real terminated worker: silently nothing
      deliver(m, transfer);
    },
    addEventListener(type: string, l: (e: Event) => void) {
      events.addEventListener(type, l);
    },
    terminate() {
      w.terminated = true;
      onTerminate();
    },
    emit(type: 'error' | 'messageerror', message?: string) {
      events.dispatchEvent(Object.assign(new Event(type, { cancelable: true }), message ? { message } : {}));
    },
  };
  return w;
}

/** A worker whose models and runs are set up by `setup` on a host, as exposeModels/exposeRuns would. */
export function hostedWorker(setup: (host: Host) => void): FakeWorker {
  const { port1, port2 } = new MessageChannel();
  setup(createHost(port2 as unknown as Parameters<typeof createHost>[0]));
  const w = pageEnd(
    (m, transfer) => {
      port1.postMessage(m, transfer);
    },
    () => {
      port1.close();
      port2.close();
    },
  );
  port2.addEventListener('message', (e) => w.inbox.push((e as MessageEvent).data as ToWorker));
  port1.addEventListener('message', (e) => !w.terminated && w.events.dispatchEvent(new MessageEvent('message', { data: (e as MessageEvent).data })));
  return w;
}

/** A worker the test scripts: read `inbox`, answer with `reply` (delivered at once, as a clone). */
export function scriptedWorker(): FakeWorker & { reply(m: FromWorker, transfer?: Transferable[]): void } {
  const w = pageEnd(
    (m, transfer) => w.inbox.push(structuredClone(m, { transfer }) as ToWorker),
    () => {},
  );
  return Object.assign(w, {
    reply(m: FromWorker, transfer: Transferable[] = []) {
      w.events.dispatchEvent(new MessageEvent('message', { data: structuredClone(m, { transfer }) }));
    },
  });
}

/**
 * A connection the test drives directly (no worker behind it), for the page-side channels: what
 * they post, and answers and failures delivered exactly when the test says, including orders the
 * protocol makes rare. `refuse` makes the next posts throw like an unclonable message.
 */
export function drivenConnection(firstId = 0, refusal = 'DataCloneError') {
  const sent: { msg: ToWorker; transfer: Transferable[] }[] = [];
  const listeners = new Set<(m: FromWorker) => void>();
  const failures = new Set<(message: string) => void>();
  let ids = firstId;
  const conn = {
    id: 1,
    broken: null as string | null,
    refuse: false,
    nextId: () => ++ids,
    post(msg: ToWorker, transfer: Transferable[] = []) {
      if (conn.refuse) throw new Error(refusal);
      sent.push({ msg, transfer });
    },
    listen(l: (m: FromWorker) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onFailure(l: (message: string) => void) {
      failures.add(l);
      return () => failures.delete(l);
    },
  };
  return {
    conn,
    sent,
    listeners,
    failures,
    answer: (m: FromWorker) => listeners.forEach((l) => l(m)),
    fail: (message: string) => failures.forEach((l) => l(message)),
  };
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquire, release, type WorkerFactory } from './client';
import { createComputeChannel, type ComputeState } from './channel';
import { drivenConnection, hostedWorker, scriptedWorker, type FakeWorker } from './fakeWorker';
import type { Host } from './host';
import type { ToWorker } from './protocol';

const open: WorkerFactory[] = [];
afterEach(() => {
  for (const f of open.splice(0)) release(f);
});

/** A channel on a fresh fake worker; `states` records every state the panel would render. */
function channelOn<I, R>(worker: FakeWorker, name = 'm', options = {}) {
  const factory = () => worker;
  open.push(factory);
  const states: ComputeState<R>[] = [];
  const ch = createComputeChannel<I, R>(acquire(factory), name, (s) => states.push(s), options);
  // Before the first change the hook shows its initial state: nothing yet, pending.
  const last = (): ComputeState<R> => states[states.length - 1] ?? { result: null, error: null, ms: 0, pending: true, progress: null };
  return { ch, states, last };
}

const settled = <R>(last: () => ComputeState<R>) => vi.waitFor(() => expect(last().pending).toBe(false));

function gate() {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
}

describe('compute channel on a worker', () => {
  it('returns the result of the input, with its time, and publishes __mlComputeMs', async () => {
    const w = hostedWorker((h) => h.models({ m: (x: number) => x * 2 }));
    const { ch, last } = channelOn<number, number>(w);
    ch.submit(21);
    await settled(last);
    expect(last()).toMatchObject({ result: 42, error: null, pending: false });
    expect(last().ms).toBeGreaterThanOrEqual(0);
    expect((globalThis as { __mlComputeMs?: number }).__mlComputeMs).toBe(last().ms);
  });

  it('coalesces: while a run is in flight newer inputs replace the queued one, the superseded run is cancelled and its result never shown', async () => {
    const seen: number[] = [];
    const cancelledSeen: boolean[] = [];
    const release1 = gate();
    const w = hostedWorker((h: Host) =>
      h.models({
        m: async (x: number, ctx) => {
          seen.push(x);
          if (x === 1) {
            await release1.p;
            await ctx.yield(); // lets the cancel message in
            cancelledSeen.push(ctx.cancelled());
          }
          return x * 10;
        },
      }),
    );
    const { ch, states, last } = channelOn<number, number>(w);
    ch.submit(1);
    await vi.waitFor(() => expect(seen).toEqual([1]));
    ch.submit(2);
    ch.submit(3);
    ch.submit(4);
    expect(last().pending).toBe(true);
    release1.open();
    await settled(last);
    expect(seen).toEqual([1, 4]); // 2 and 3 were replaced before they were ever sent
    expect(cancelledSeen).toEqual([true]);
    expect(states.map((s) => s.result).filter((r) => r !== null)).toEqual([40]); // 10 was never shown
    expect(w.inbox.filter((m) => m.t === 'cancel')).toHaveLength(1); // one cancel for the one superseded call
  });

  it('drops a superseded call\'s result that arrives anyway, and only then sends the queued input', () => {
    const w = scriptedWorker();
    const { ch, states, last } = channelOn<number, number>(w);
    ch.submit(1);
    const call1 = w.inbox.find((m) => m.t === 'call') as Extract<ToWorker, { t: 'call' }>;
    expect(call1.input).toBe(1);
    ch.submit(2);
    expect(w.inbox.map((m) => m.t)).toEqual(['init', 'call', 'cancel']); // 2 waits for 1 to settle
    w.reply({ t: 'result', id: call1.id, result: 100, ms: 1 });
    expect(states.some((s) => s.result === 100)).toBe(false);
    expect(last().pending).toBe(true);
    const call2 = w.inbox[w.inbox.length - 1] as Extract<ToWorker, { t: 'call' }>;
    expect(call2).toMatchObject({ t: 'call', input: 2 });
    w.reply({ t: 'progress', id: call1.id, value: 0.9 }); // stale id: ignored
    expect(last().progress).toBeNull();
    w.reply({ t: 'progress', id: call2.id, value: 0.5 });
    expect(last().progress).toBe(0.5);
    w.reply({ t: 'result', id: call2.id, result: 200, ms: 1 });
    expect(last()).toMatchObject({ result: 200, pending: false, progress: null });
  });

  it('surfaces a model\'s error with the last result kept, and clears it on the next good result', async () => {
    const w = hostedWorker((h) =>
      h.models({
        m: (x: number) => {
          if (x < 0) throw new Error(`negative input ${x}`);
          return Math.sqrt(x);
        },
      }),
    );
    const { ch, last } = channelOn<number, number>(w);
    ch.submit(9);
    await settled(last);
    ch.submit(-1);
    await vi.waitFor(() => expect(last().error).toBe('negative input -1'));
    expect(last()).toMatchObject({ result: 3, pending: false });
    ch.submit(16);
    await vi.waitFor(() => expect(last().result).toBe(4));
    expect(last().error).toBeNull();
  });

  it('says which models a worker has when asked for one it lacks', async () => {
    const w = hostedWorker((h) => h.models({ fit: () => 1, grid: () => 2 }));
    const { ch, last } = channelOn<number, number>(w, 'fitt');
    ch.submit(1);
    await vi.waitFor(() => expect(last().error).toBe('this worker has no model "fitt" (it has: fit, grid)'));
  });

  it('a worker that fails to load errors every call, now and later, and is terminated at once on release', () => {
    const w = scriptedWorker();
    const factory = () => w;
    const states: ComputeState<number>[] = [];
    const ch = createComputeChannel<number, number>(acquire(factory), 'm', (s) => states.push(s));
    ch.submit(1);
    w.emit('error', 'Failed to fetch a dynamically imported module');
    expect(states[states.length - 1]).toMatchObject({ error: 'the worker failed to load: Failed to fetch a dynamically imported module', pending: false });
    ch.submit(2);
    expect(w.inbox.filter((m) => m.t === 'call')).toHaveLength(1); // nothing more sent to a dead worker
    expect(states[states.length - 1].pending).toBe(false);
    ch.close();
    release(factory);
    expect(w.terminated).toBe(true);
  });

  it('an error after the worker loaded fails the call in flight and keeps the worker usable', () => {
    const w = scriptedWorker();
    const { ch, last } = channelOn<number, number>(w);
    w.reply({ t: 'ready' });
    ch.submit(1);
    w.emit('error', 'boom');
    expect(last()).toMatchObject({ error: 'the worker failed: boom', pending: false });
    ch.submit(2);
    const calls = w.inbox.filter((m) => m.t === 'call') as Extract<ToWorker, { t: 'call' }>[];
    expect(calls.map((c) => c.input)).toEqual([1, 2]);
    w.reply({ t: 'result', id: calls[1].id, result: 5, ms: 0 });
    expect(last()).toMatchObject({ result: 5, error: null });
  });

  it('reports a message that could not be read (messageerror)', () => {
    const w = scriptedWorker();
    const { ch, last } = channelOn<number, number>(w);
    ch.submit(1);
    w.emit('messageerror');
    expect(last().error).toBe('a message from the worker could not be read');
  });

  it('an input that cannot be cloned is an error, not a throw', () => {
    const w = scriptedWorker();
    const { ch, last } = channelOn<unknown, number>(w);
    ch.submit({ f: () => 1 });
    expect(last().error).toMatch(/^could not send the input to the worker: /);
    expect(last().pending).toBe(false);
  });

  it('a result that cannot be cloned is an error for the panel', async () => {
    const w = hostedWorker((h) => h.models({ m: () => ({ f: () => 1 }) }));
    const { ch, last } = channelOn<number, unknown>(w);
    ch.submit(1);
    await vi.waitFor(() => expect(last().error).toMatch(/^could not send the result to the page: /));
  });

  it('moves result arrays (the worker\'s copy is emptied) and copies inputs unless asked to move them', async () => {
    const made: Float64Array[] = [];
    const w = hostedWorker((h) =>
      h.models({
        m: (x: { data: Float32Array }) => {
          const out = Float64Array.from(x.data, (v) => v * 2);
          made.push(out);
          return { out, sameBuffer: new Uint8Array(out.buffer, 0, 8) };
        },
      }),
    );
    const { ch, last } = channelOn<{ data: Float32Array }, { out: Float64Array; sameBuffer: Uint8Array }>(w);
    const input = { data: new Float32Array([1, 2, 3]) };
    ch.submit(input);
    await settled(last);
    expect(Array.from(last().result!.out)).toEqual([2, 4, 6]);
    expect(last().result!.sameBuffer.buffer).toBe(last().result!.out.buffer); // one buffer, moved once
    expect(made[0].length).toBe(0); // moved out of the worker
    expect(input.data.length).toBe(3); // the page's input is untouched by default

    const w2 = hostedWorker((h) => h.models({ m: (x: { data: Float32Array }) => x.data.length }));
    const c2 = channelOn<{ data: Float32Array }, number>(w2, 'm', { transferInput: true });
    const moved = { data: new Float32Array(5) };
    c2.ch.submit(moved);
    expect(moved.data.length).toBe(0); // moved to the worker
    await settled(c2.last);
    expect(c2.last().result).toBe(5);
  });

  it('reports ctx.progress() of the call in flight', async () => {
    const g = gate();
    const w = hostedWorker((h) =>
      h.models({
        m: async (_: number, ctx) => {
          ctx.progress(0.25);
          await g.p;
          return 1;
        },
      }),
    );
    const { ch, last } = channelOn<number, number>(w);
    ch.submit(1);
    await vi.waitFor(() => expect(last().progress).toBe(0.25));
    g.open();
    await settled(last);
    expect(last().progress).toBeNull();
  });
});

/**
 * A connection the test drives directly (no worker behind it): what the channel posts, and answers
 * and failures delivered exactly when the test says, including orders the protocol makes rare.
 */
function fakeConn() {
  const { conn, sent, listeners, failures, answer, fail } = drivenConnection(0, 'DataCloneError');
  const states: ComputeState<number>[] = [];
  const ch = createComputeChannel<unknown, number>(conn, 'm', (s) => states.push(s));
  return {
    conn,
    ch,
    states,
    last: () => states[states.length - 1],
    calls: () => sent.filter((s) => s.msg.t === 'call').map((s) => s.msg as Extract<ToWorker, { t: 'call' }>),
    cancels: () => sent.filter((s) => s.msg.t === 'cancel').map((s) => (s.msg as Extract<ToWorker, { t: 'cancel' }>).id),
    answer,
    fail,
    listeners,
    failures,
  };
}

describe('compute channel, message by message', () => {
  afterEach(() => vi.restoreAllMocks());

  it('starts pending (nothing to announce on the first input) and says pending at once for a later one', () => {
    const f = fakeConn();
    f.ch.submit(1);
    expect(f.states).toEqual([]); // the initial state is already "pending"
    f.answer({ t: 'result', id: f.calls()[0].id, result: 10, ms: 0 });
    expect(f.last()).toMatchObject({ result: 10, pending: false });
    f.ch.submit(2);
    expect(f.last()).toMatchObject({ result: 10, pending: true }); // before any answer
    const n = f.states.length;
    f.ch.submit(3); // already pending: no second announcement
    expect(f.states).toHaveLength(n);
  });

  it('the same input object twice is one call; an equal but new object is another', () => {
    const f = fakeConn();
    const input = { a: 1 };
    f.ch.submit(input);
    f.ch.submit(input);
    expect(f.calls()).toHaveLength(1);
    expect(f.cancels()).toEqual([]);
    f.answer({ t: 'result', id: f.calls()[0].id, result: 1, ms: 0 });
    f.ch.submit(input);
    expect(f.calls()).toHaveLength(1);
    f.ch.submit({ a: 1 });
    expect(f.calls()).toHaveLength(2);
  });

  it('measures the wait from sending to the result', () => {
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const f = fakeConn();
    f.ch.submit(1);
    now = 1030;
    f.answer({ t: 'result', id: f.calls()[0].id, result: 1, ms: 5 });
    expect(f.last().ms).toBe(30);
  });

  it('ignores progress from a superseded call still running, and answers that match no call', () => {
    const f = fakeConn();
    f.ch.submit(1);
    const id1 = f.calls()[0].id;
    f.answer({ t: 'progress', id: id1, value: 0.2 });
    expect(f.last().progress).toBe(0.2);
    f.ch.submit(2);
    f.answer({ t: 'progress', id: id1, value: 0.7 }); // superseded, still running
    expect(f.last().progress).toBe(0.2);
    f.answer({ t: 'dropped', id: id1 });
    const id2 = f.calls()[1].id;
    f.answer({ t: 'result', id: id2, result: 2, ms: 0 });
    const n = f.states.length;
    // Nothing in flight now: a late or foreign answer changes nothing (and does not throw).
    f.answer({ t: 'result', id: id2, result: 99, ms: 0 });
    f.answer({ t: 'view', ch: 1, at: 'x', view: 1, ms: 0 });
    f.answer({ t: 'ready' });
    expect(f.states).toHaveLength(n);
    expect(f.last()).toMatchObject({ result: 2, error: null, pending: false });
  });

  it('a dropped answer to the current call shows no error', () => {
    const f = fakeConn();
    f.ch.submit(1);
    f.answer({ t: 'dropped', id: f.calls()[0].id });
    expect(f.states).toEqual([]); // nothing to show: no error, no new state
    f.ch.submit(2); // the slot is free again
    expect(f.calls()).toHaveLength(2);
  });

  it('a failure of a live worker fails the call in flight and then sends the input that waited', () => {
    const f = fakeConn();
    f.ch.submit(1);
    f.ch.submit(2); // waits; 1 is superseded
    f.fail('the worker failed: boom');
    expect(f.last()).toMatchObject({ error: 'the worker failed: boom', pending: true });
    expect(f.calls().map((c) => c.input)).toEqual([1, 2]);
    f.answer({ t: 'result', id: f.calls()[1].id, result: 20, ms: 0 });
    expect(f.last()).toMatchObject({ result: 20, error: null, pending: false });
  });

  it('a worker that broke drops the waiting input: nothing more is sent', () => {
    const f = fakeConn();
    f.ch.submit(1);
    f.ch.submit(2);
    f.conn.broken = 'the worker failed to load';
    const n = f.states.length;
    f.fail('the worker failed to load');
    // One new state, final at once: the waiting input is dropped, not sent and then refused.
    expect(f.states.slice(n)).toEqual([{ result: null, error: 'the worker failed to load', ms: 0, pending: false, progress: null }]);
    expect(f.calls()).toHaveLength(1);
    f.ch.submit(3);
    expect(f.calls()).toHaveLength(1);
    expect(f.last()).toMatchObject({ error: 'the worker failed to load', pending: false, progress: null });
  });

  it('a failure with nothing in flight sends nothing', () => {
    const f = fakeConn();
    f.ch.submit(1);
    f.answer({ t: 'result', id: f.calls()[0].id, result: 1, ms: 0 });
    f.fail('a message from the worker could not be read');
    expect(f.last()).toMatchObject({ result: 1, error: 'a message from the worker could not be read', pending: false });
    expect(f.calls()).toHaveLength(1);
  });

  it('close cancels the call in flight once, stops listening, and ignores later inputs', () => {
    const f = fakeConn();
    f.ch.submit(1);
    const n = f.states.length;
    f.ch.close();
    f.ch.close();
    expect(f.cancels()).toEqual([f.calls()[0].id]);
    expect(f.listeners.size).toBe(0);
    expect(f.failures.size).toBe(0);
    f.ch.submit(2);
    expect(f.calls()).toHaveLength(1);
    expect(f.states).toHaveLength(n);
  });

  it('close after a superseded call sends no second cancel; close with nothing in flight sends none', () => {
    const f = fakeConn();
    f.ch.submit(1);
    f.ch.submit(2);
    f.ch.close();
    expect(f.cancels()).toEqual([f.calls()[0].id]);
    const g = fakeConn();
    g.ch.close();
    expect(g.cancels()).toEqual([]);
  });
});

/**
 * The page side of a stateful run, message by message, on a connection the test drives (no
 * worker behind it): what it posts for each target, and what it keeps of each answer.
 * runs.test.ts runs the same channel against the kit's real worker side.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { atOf, createRunChannel, type RunOptions, type RunState } from './runChannel';
import type { ToWorker } from './protocol';
import { drivenConnection } from './fakeWorker';

type Target = Extract<ToWorker, { t: 'target' }>;

function fakeConn(options: RunOptions = {}) {
  const { conn, sent, listeners, failures, answer, fail } = drivenConnection(6, 'DataCloneError: could not be cloned');
  const states: RunState<{ step: number }>[] = [];
  const ch = createRunChannel<{ data: Float64Array }, number, { step: number }>(conn, 'train', (s) => states.push(s), options);
  const targets = () => sent.filter((s) => s.msg.t === 'target') as { msg: Target; transfer: Transferable[] }[];
  const go = (key: string, target: number, config = { data: new Float64Array([1, 2]) }) => ch.set({ key, config, target, targetKey: String(target) });
  return {
    conn,
    ch,
    sent,
    states,
    targets,
    go,
    last: () => states[states.length - 1],
    answer,
    fail,
    listeners,
    failures,
  };
}

describe('run channel, message by message', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names a target "key#targetKey" and sends the config only when the key changes', () => {
    expect(atOf('lr=0.1', '50')).toBe('lr=0.1#50');
    const f = fakeConn();
    f.go('a', 5);
    f.go('a', 9);
    f.go('b', 9);
    const t = f.targets().map((s) => s.msg);
    expect(t.map((m) => [m.ch, m.name, m.key, m.target, m.at])).toEqual([
      [7, 'train', 'a', 5, 'a#5'],
      [7, 'train', 'a', 9, 'a#9'],
      [7, 'train', 'b', 9, 'b#9'],
    ]);
    expect(t.map((m) => m.config !== undefined)).toEqual([true, false, true]);
    expect(Array.from((t[0].config!.value as { data: Float64Array }).data)).toEqual([1, 2]);
    expect(t[0]).toMatchObject({ budgetMs: 16, keep: 2, showProgress: false }); // the defaults
  });

  it('passes its options on, and moves the config’s arrays only when asked and only with the config', () => {
    const f = fakeConn({ budgetMs: 40, keep: 5, showProgress: true, transferConfig: true });
    const config = { data: new Float64Array([3]) };
    f.go('a', 1, config);
    f.go('a', 2, config);
    const [first, second] = f.targets();
    expect(first.msg).toMatchObject({ budgetMs: 40, keep: 5, showProgress: true });
    expect(first.transfer).toEqual([config.data.buffer]);
    expect(second.transfer).toEqual([]);
    const g = fakeConn();
    g.go('a', 1);
    expect(g.targets()[0].transfer).toEqual([]);
  });

  it('the same target twice is one message; a worker that asks for the config again gets it', () => {
    const f = fakeConn();
    f.go('a', 5);
    f.go('a', 5);
    expect(f.targets()).toHaveLength(1);
    f.answer({ t: 'need-config', ch: 7, at: 'a#5' });
    expect(f.targets().map((s) => [s.msg.at, s.msg.config !== undefined])).toEqual([['a#5', true], ['a#5', true]]);
  });

  it('keeps views, progress and errors of the current target only, each state whole', () => {
    let now = 500;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const f = fakeConn();
    f.go('a', 5);
    f.answer({ t: 'step', ch: 7, at: 'a#5', progress: 3 });
    expect(f.last()).toEqual({ view: null, reachedAt: '', progress: 3, error: null });
    now = 520;
    f.answer({ t: 'view', ch: 7, at: 'a#5', view: { step: 5 }, ms: 1 });
    expect(f.last()).toEqual({ view: { step: 5 }, reachedAt: 'a#5', progress: null, error: null });
    expect((globalThis as { __mlComputeMs?: number }).__mlComputeMs).toBe(20);
    f.go('a', 9);
    // Progress without a view keeps the last view on screen (and what it showed exactly).
    f.answer({ t: 'step', ch: 7, at: 'a#9', progress: 7 });
    expect(f.last()).toEqual({ view: { step: 5 }, reachedAt: 'a#5', progress: 7, error: null });
    // A progress view replaces it, marked as not reached.
    f.answer({ t: 'step', ch: 7, at: 'a#9', progress: 8, view: { step: 8 } });
    expect(f.last()).toEqual({ view: { step: 8 }, reachedAt: '', progress: 8, error: null });
    f.answer({ t: 'run-error', ch: 7, at: 'a#9', message: 'diverged at step 9' });
    expect(f.last()).toEqual({ view: { step: 8 }, reachedAt: '', progress: null, error: 'diverged at step 9' });
    // Stale target, another channel, a message with no channel: nothing changes.
    const n = f.states.length;
    f.answer({ t: 'view', ch: 7, at: 'a#5', view: { step: 5 }, ms: 0 });
    f.answer({ t: 'view', ch: 8, at: 'a#9', view: { step: 9 }, ms: 0 });
    f.answer({ t: 'tensors', tensors: 3 });
    expect(f.states).toHaveLength(n);
  });

  it('answers before any target are ignored', () => {
    const f = fakeConn();
    f.answer({ t: 'view', ch: 7, at: 'a#5', view: { step: 5 }, ms: 0 });
    expect(f.states).toEqual([]);
  });

  it('a worker failure is shown; a broken worker gets nothing more', () => {
    const f = fakeConn();
    f.go('a', 5);
    f.answer({ t: 'step', ch: 7, at: 'a#5', progress: 2 });
    f.fail('the worker failed: boom');
    expect(f.last()).toEqual({ view: null, reachedAt: '', progress: null, error: 'the worker failed: boom' });
    f.conn.broken = 'the worker failed to load';
    f.go('a', 6);
    expect(f.targets()).toHaveLength(1);
    expect(f.last()).toMatchObject({ error: 'the worker failed to load', progress: null });
  });

  it('settings that cannot be sent are an error in words, and the config is sent again next time', () => {
    const f = fakeConn();
    f.conn.refuse = true;
    f.go('a', 5);
    expect(f.last()).toEqual({ view: null, reachedAt: '', progress: null, error: "could not send the run's settings to the worker: DataCloneError: could not be cloned" });
    f.conn.refuse = false;
    f.go('a', 6);
    expect(f.targets().map((s) => s.msg.config !== undefined)).toEqual([true]);
  });

  it('close tells the worker once, stops listening, and ignores later targets', () => {
    const f = fakeConn();
    f.go('a', 5);
    f.ch.close();
    f.ch.close();
    expect(f.sent.filter((s) => s.msg.t === 'close').map((s) => s.msg)).toEqual([{ t: 'close', ch: 7 }]);
    expect(f.listeners.size).toBe(0);
    expect(f.failures.size).toBe(0);
    f.go('a', 9);
    expect(f.targets()).toHaveLength(1);
    expect(f.states).toEqual([]);
  });
});

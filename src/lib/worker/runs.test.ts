import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquire, release, type WorkerFactory } from './client';
import { atOf, createRunChannel, type RunOptions, type RunState } from './runChannel';
import { hostedWorker, scriptedWorker, type FakeWorker } from './fakeWorker';
import type { WorkerRun } from './host';
import type { ToWorker } from './protocol';
import { announceBackend } from './scope';
import { onWorkerBackend } from './registry';

const open: WorkerFactory[] = [];
afterEach(() => {
  for (const f of open.splice(0)) release(f);
});

interface Config {
  start: number;
  /** Steps advanced per advance() call, so a target takes several slices. */
  perSlice: number;
  failAt?: number;
}
interface View {
  step: number;
  data: Float64Array;
}

/** A counter run: advancing to `target` steps one by one; logs what the worker did. */
function counterWorker(holdsMemory = false) {
  const log = { made: [] as number[], disposed: [] as number[], advanced: [] as number[] };
  const make = (c: Config): WorkerRun<number, View> => {
    let step = c.start;
    log.made.push(c.start);
    return {
      advance(target) {
        for (let k = 0; k < c.perSlice && step !== target; k++) {
          step += step < target ? 1 : -1;
          if (step === c.failAt) throw new Error(`diverged at step ${step}`);
        }
        log.advanced.push(step);
        return step === target;
      },
      view: () => ({ step, data: new Float64Array([step]) }),
      progress: () => step,
      dispose: () => log.disposed.push(c.start),
      holdsMemory,
    };
  };
  const w = hostedWorker((h) => h.runs({ count: make }));
  return { w, log };
}

function runOn(w: FakeWorker, options: RunOptions = {}) {
  const factory = () => w;
  open.push(factory);
  const states: RunState<View>[] = [];
  const ch = createRunChannel<Config, number, View>(acquire(factory), 'count', (s) => states.push(s), options);
  const last = (): RunState<View> => states[states.length - 1] ?? { view: null, reachedAt: '', progress: null, error: null };
  const go = (key: string, config: Config, target: number) => ch.set({ key, config, target, targetKey: String(target) });
  const reached = (key: string, target: number) => vi.waitFor(() => expect(last().reachedAt).toBe(atOf(key, String(target))));
  return { ch, states, last, go, reached };
}

describe('runs in a worker', () => {
  it('keep a run for a quick return, unless it holds memory: then it is released when the key moves on', async () => {
    for (const holds of [false, true]) {
      const { w, log } = counterWorker(holds);
      const { go, reached } = runOn(w);
      go('a', { start: 0, perSlice: 10 }, 5);
      await reached('a', 5);
      go('b', { start: 100, perSlice: 10 }, 105);
      await reached('b', 105);
      expect(log.disposed).toEqual(holds ? [0] : []);
      go('a', { start: 0, perSlice: 10 }, 5);
      await reached('a', 5);
      expect(log.made).toEqual(holds ? [0, 100, 0] : [0, 100]);
    }
  });

  it('advance in slices toward the target, report progress, then the view once reached', async () => {
    const { w } = counterWorker();
    const { go, reached, states, last } = runOn(w);
    go('a', { start: 0, perSlice: 10 }, 35);
    await reached('a', 35);
    expect(last().view!.step).toBe(35);
    expect(last().progress).toBeNull();
    expect(states.map((s) => s.progress).filter((p) => p !== null)).toEqual([10, 20, 30]);
    expect(last().view!.data).toBeInstanceOf(Float64Array);
  });

  it('drop a target superseded by a newer one: its view never comes, the run goes on toward the newer', async () => {
    const { w, log } = counterWorker();
    const { go, reached, states, last } = runOn(w);
    const far = 1_000_000; // one step per slice: far out of reach before the newer target comes
    go('a', { start: 0, perSlice: 1 }, far);
    await vi.waitFor(() => expect(last().progress).toBeGreaterThan(0));
    go('a', { start: 0, perSlice: 1 }, 40);
    await reached('a', 40);
    expect(log.made).toEqual([0]); // the same run, not a fresh one
    expect(Math.max(...log.advanced)).toBeLessThan(far);
    expect(states.every((s) => s.reachedAt !== atOf('a', String(far)))).toBe(true);
    expect(last().view!.step).toBe(40);
  });

  it('keep a few runs by key, dispose evicted ones, and dispose all when the hook closes', async () => {
    const { w, log } = counterWorker();
    const { ch, go, reached } = runOn(w, { keep: 2 });
    go('a', { start: 100, perSlice: 50 }, 101);
    await reached('a', 101);
    go('b', { start: 200, perSlice: 50 }, 201);
    await reached('b', 201);
    go('a', { start: 100, perSlice: 50 }, 102); // still kept: resumed, not remade
    await reached('a', 102);
    expect(log.made).toEqual([100, 200]);
    go('c', { start: 300, perSlice: 50 }, 301); // evicts b, the least recently used
    await reached('c', 301);
    expect(log.disposed).toEqual([200]);
    go('b', { start: 200, perSlice: 50 }, 202); // made afresh from the config sent with the new key
    await reached('b', 202);
    expect(log.made).toEqual([100, 200, 300, 200]);
    expect(log.disposed).toEqual([200, 100]);
    ch.close();
    await vi.waitFor(() => expect(log.disposed.sort()).toEqual([100, 200, 200, 300]));
  });

  it('surface an error in the run, dispose the broken run, and start afresh (asking the page for its config) on the next target', async () => {
    const { w, log } = counterWorker();
    const { go, reached, last } = runOn(w);
    go('a', { start: 0, perSlice: 3, failAt: 7 }, 10);
    await vi.waitFor(() => expect(last().error).toBe('diverged at step 7'));
    expect(log.disposed).toEqual([0]);
    go('a', { start: 0, perSlice: 3, failAt: 7 }, 5); // same key: sent without config, the worker asks for it
    await reached('a', 5);
    expect(w.inbox.filter((m) => m.t === 'target').map((m) => 'config' in m && m.config !== undefined)).toEqual([true, false, true]);
    expect(log.made).toEqual([0, 0]);
    expect(last().error).toBeNull();
  });

  it('with showProgress, send intermediate views, never marked reached', async () => {
    const { w } = counterWorker();
    const { go, reached, states } = runOn(w, { showProgress: true });
    go('a', { start: 0, perSlice: 4 }, 12);
    await reached('a', 12);
    const steps = states.filter((s) => s.view).map((s) => [s.view!.step, s.reachedAt !== '']);
    expect(steps).toEqual([
      [4, false],
      [8, false],
      [12, true],
    ]);
  });

  it('wait for an async factory (e.g. one awaiting the tfjs backend), and report one that rejects', async () => {
    let makes = 0;
    const w = hostedWorker((h) =>
      h.runs({
        count: async (c: Config) => {
          makes += 1;
          await Promise.resolve();
          if (c.start < 0) throw new Error('no backend');
          let step = c.start;
          return { advance: (t: number) => (step = t) === t, view: () => ({ step, data: new Float64Array(0) }) };
        },
      }),
    );
    const { go, reached, last } = runOn(w);
    go('bad', { start: -1, perSlice: 1 }, 3);
    await vi.waitFor(() => expect(last().error).toBe('no backend'));
    go('ok', { start: 0, perSlice: 1 }, 3);
    go('ok', { start: 0, perSlice: 1 }, 4); // arrives while the run is being made: waits for it
    await reached('ok', 4);
    expect(last()).toMatchObject({ view: { step: 4 }, error: null });
    expect(makes).toBe(2);
  });

  it('after a backend switch (lost WebGL context) dispose every run, tell the page, and remake runs on the next target', async () => {
    const { w, log } = counterWorker();
    const { go, reached } = runOn(w);
    go('a', { start: 0, perSlice: 10 }, 5);
    await reached('a', 5);
    const seen: string[] = [];
    const stop = onWorkerBackend((b) => seen.push(`${b.name}/${b.generation}`));
    announceBackend({ name: 'wasm', reason: 'WebGL context was lost', generation: 1 });
    await vi.waitFor(() => expect(seen).toContain('wasm/1'));
    stop();
    expect(log.disposed).toEqual([0]);
    go('a', { start: 0, perSlice: 10 }, 6);
    await reached('a', 6);
    expect(log.made).toEqual([0, 0]);
  });

  it('say which runs a worker has when asked for one it lacks', async () => {
    const w = hostedWorker((h) => h.runs({ train: () => ({ advance: () => true, view: () => 0 }) }));
    const factory = () => w;
    open.push(factory);
    let error: string | null = null;
    const ch = createRunChannel(acquire(factory), 'trian', (s) => (error = s.error));
    ch.set({ key: 'k', config: {}, target: 1, targetKey: '1' });
    await vi.waitFor(() => expect(error).toBe('this worker has no run "trian" (it has: train)'));
  });

  it('on the page, ignore answers about a target no longer asked for and another hook\'s channel', () => {
    const w = scriptedWorker();
    const { go, states, last } = runOn(w);
    go('a', { start: 0, perSlice: 1 }, 5);
    go('a', { start: 0, perSlice: 1 }, 9);
    const [t5, t9] = w.inbox.filter((m) => m.t === 'target') as Extract<ToWorker, { t: 'target' }>[];
    w.reply({ t: 'view', ch: t5.ch, at: t5.at, view: { step: 5 }, ms: 1 });
    w.reply({ t: 'step', ch: t5.ch, at: t5.at, progress: 4 });
    w.reply({ t: 'view', ch: t9.ch + 1, at: t9.at, view: { step: -1 }, ms: 1 });
    expect(states).toEqual([]);
    w.reply({ t: 'view', ch: t9.ch, at: t9.at, view: { step: 9 }, ms: 1 });
    expect(last()).toMatchObject({ view: { step: 9 }, reachedAt: atOf('a', '9') });
  });
});

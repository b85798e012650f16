import { describe, expect, it, vi } from 'vitest';
import { acquire, release, warm, WARM_MS } from './client';
import { scriptedWorker, hostedWorker } from './fakeWorker';
import { allTensors, setPageTensorCounter, workerTensors } from './registry';
import { createComputeChannel } from './channel';
import { setTensorCounter } from './scope';

/** Resolves after the task release() defers termination to. */
const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

describe('worker connections', () => {
  it('start one worker per factory, shared by every hook, terminated after the last release', async () => {
    const w = scriptedWorker();
    const factory = vi.fn(() => w);
    const a = acquire(factory);
    const b = acquire(factory);
    expect(a).toBe(b);
    expect(factory).toHaveBeenCalledTimes(1);
    expect(w.inbox).toEqual([{ t: 'init', backend: null }]); // sent once, first
    release(factory);
    await nextTask();
    expect(w.terminated).toBe(false);
    release(factory);
    expect(w.terminated).toBe(false); // deferred by a task
    await nextTask();
    expect(w.terminated).toBe(true);
    const w2 = scriptedWorker();
    const again = () => w2;
    acquire(again);
    release(again);
    acquire(again); // a remount in the same task (StrictMode) keeps the worker
    await nextTask();
    expect(w2.terminated).toBe(false);
    release(again);
    await nextTask();
    expect(w2.terminated).toBe(true);
  });

  it('warm() starts the worker at once, the first acquire takes it over, and an unclaimed one is terminated after WARM_MS', async () => {
    vi.useFakeTimers();
    try {
      const w = scriptedWorker();
      const factory = vi.fn(() => w);
      warm(factory);
      warm(factory); // idempotent
      expect(factory).toHaveBeenCalledTimes(1);
      expect(w.inbox).toEqual([{ t: 'init', backend: null }]);
      const conn = acquire(factory);
      expect(factory).toHaveBeenCalledTimes(1); // the warm worker, not a second one
      vi.advanceTimersByTime(WARM_MS + 1);
      expect(w.terminated).toBe(false); // owned now
      expect(acquire(factory)).toBe(conn);
      release(factory);
      release(factory);
      vi.advanceTimersByTime(1);
      expect(w.terminated).toBe(true);

      const idle = scriptedWorker();
      const unclaimed = () => idle;
      warm(unclaimed);
      vi.advanceTimersByTime(WARM_MS - 1);
      expect(idle.terminated).toBe(false);
      vi.advanceTimersByTime(2);
      expect(idle.terminated).toBe(true);
      const fresh = scriptedWorker();
      let made = 0;
      const later = () => (made++ === 0 ? idle : fresh);
      warm(later);
      vi.advanceTimersByTime(WARM_MS + 1);
      acquire(later); // after the warm one went: a new worker
      expect(made).toBe(2);
      expect(fresh.terminated).toBe(false);
      release(later);
      vi.advanceTimersByTime(1);
      expect(fresh.terminated).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a factory that throws gives a connection whose calls all fail with the reason', () => {
    const factory = () => {
      throw new Error('Worker is not defined');
    };
    const states: { error: string | null }[] = [];
    const ch = createComputeChannel<number, number>(acquire(factory), 'm', (s) => states.push(s));
    ch.submit(1);
    expect(states[states.length - 1].error).toBe('the worker could not be started: Worker is not defined');
    release(factory);
  });
});

describe('live tensor registry', () => {
  it('sums the page\'s tensors and the last count each live worker reported, and forgets terminated workers', async () => {
    const before = workerTensors();
    setPageTensorCounter(() => 3);
    let held = 7;
    // Every answer from a worker whose tfjs runs carries its count (setTensorCounter is what lib/tf/worker.ts registers).
    setTensorCounter(() => held);
    const w = hostedWorker((h) => h.models({ m: (x: number) => x }));
    const factory = () => w;
    const ch = createComputeChannel<number, number>(acquire(factory), 'm', () => {});
    ch.submit(1);
    await vi.waitFor(() => expect(workerTensors()).toBe(before + 7));
    expect(allTensors()).toBe(3 + before + 7);
    held = 9;
    ch.submit(2);
    await vi.waitFor(() => expect(workerTensors()).toBe(before + 9)); // the latest count replaces the last
    ch.close();
    release(factory);
    await vi.waitFor(() => expect(w.terminated).toBe(true));
    expect(workerTensors()).toBe(before);
  });

  it('still answers while the count cannot be read (tfjs between two backends), and keeps the last count', async () => {
    const before = workerTensors();
    let count: () => number = () => 4;
    setTensorCounter(() => count());
    const w = hostedWorker((h) => h.models({ m: (x: number) => x + 1 }));
    const factory = () => w;
    const answers: number[] = [];
    const ch = createComputeChannel<number, number>(acquire(factory), 'm', (u) => {
      if (!u.pending && u.result !== null && answers.at(-1) !== u.result) answers.push(u.result);
    });
    ch.submit(1);
    await vi.waitFor(() => expect(answers).toEqual([2]));
    expect(workerTensors()).toBe(before + 4);
    count = () => {
      throw new Error("Backend 'wasm' has not yet been initialized.");
    };
    ch.submit(2);
    await vi.waitFor(() => expect(answers).toEqual([2, 3]));
    expect(workerTensors()).toBe(before + 4);
    ch.close();
    release(factory);
    await vi.waitFor(() => expect(w.terminated).toBe(true));
  });
});

/* The three worker calls chained outside React (workflowChannel.ts), on fake workers that run the
   real models: the project arrives once per setting, equal to one worker's computeWorkflow; a
   newer setting supersedes an older one, whose result is never shown; a failing half, a join of
   parts that do not fit, and a failing finish are shown as errors. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { acquire, release, type WorkerFactory } from '../../lib/worker/client';
import { hostedWorker } from '../../lib/worker/fakeWorker';
import type { Half } from '../../lib/worker/useHalvesComputed';
import { computeWorkflow, foldPart, inputOf, type FoldPart, type FoldTable, type WfInput } from './model';
import { schema } from './params';
import { penguins } from './penguins.testutil';
import { createWorkflowChannel, type WorkflowState } from './workflowChannel';

const base: WfInput = { ...inputOf(defaults(schema)), folds: 3 };
const open: WorkerFactory[] = [];
afterEach(() => {
  for (const f of open.splice(0)) release(f);
});

type Folds = (h: Half<WfInput>) => FoldPart;
type AsyncFolds = (h: Half<WfInput>) => Promise<FoldPart>;
const realFolds: Folds = ({ shard, shards, ...input }) => foldPart(input, penguins(), shard, shards);
const realFinish = (table: FoldTable | null) => (table ? computeWorkflow(table.input, penguins(), table) : null);

/** A channel on two fresh fake workers (worker 0 also finishes); `states` records every change. */
function workflowOn(folds: [Folds | AsyncFolds, Folds | AsyncFolds] = [realFolds, realFolds], finish = realFinish) {
  const workers = folds.map((f, i) => hostedWorker((h) => h.models(i === 0 ? { folds: f, finish } : { folds: f })));
  const factories = workers.map((w): WorkerFactory => () => w);
  open.push(...factories);
  const states: WorkflowState[] = [];
  const ch = createWorkflowChannel([acquire(factories[0]), acquire(factories[1])], (s) => states.push(s));
  return { ch, states, workers };
}

// Typed arrays as lists, so toEqual compares every number.
const plain = (v: unknown) => JSON.parse(JSON.stringify(v, (_, x) => (ArrayBuffer.isView(x) ? Array.from(x as Float64Array) : x)));

describe('the project over two workers, chained outside React', () => {
  it('answers once per setting, with one worker’s project for the latest setting', async () => {
    const { ch, states } = workflowOn();
    const first = { ...base, model: 'tree' as const };
    ch.submit(first);
    ch.submit(base); // supersedes the first before any worker answers
    await vi.waitFor(() => expect(states.length).toBeGreaterThan(0), { timeout: 10_000 });
    expect(states).toHaveLength(1);
    expect(states[0].resultFor).toBe(base);
    expect(states[0].error).toBeNull();
    expect(plain(states[0].result)).toEqual(plain(computeWorkflow(base, penguins())));
    // The same object again asks nothing; a new one gets its own answer.
    ch.submit(base);
    const next = { ...base, test: 0.3 };
    ch.submit(next);
    await vi.waitFor(() => expect(states.length).toBe(2), { timeout: 10_000 });
    expect(states[1].resultFor).toBe(next);
    expect(plain(states[1].result)).toEqual(plain(computeWorkflow(next, penguins())));
    ch.close();
  });

  it('joins only halves of the same setting, whichever answers first', async () => {
    // The first worker's half answers late: the second's comes first, for each setting.
    const late: AsyncFolds = async (h) => {
      await new Promise((r) => setTimeout(r, 100));
      return realFolds(h);
    };
    const { ch, states } = workflowOn([late, realFolds]);
    const other = { ...base, folds: 4 };
    for (const input of [base, other]) {
      ch.submit(input);
      await vi.waitFor(() => expect(states.at(-1)?.resultFor).toBe(input), { timeout: 10_000 });
      expect(plain(states.at(-1)?.result)).toEqual(plain(computeWorkflow(input, penguins())));
    }
    expect(states.map((s) => s.error)).toEqual([null, null]);
    ch.close();
  });

  it('shows a failing half, a join of parts that do not fit, and a failing finish as errors', async () => {
    const broken = workflowOn([realFolds, () => { throw new Error('half 1 failed'); }]);
    broken.ch.submit(base);
    await vi.waitFor(() => expect(broken.states.at(-1)?.error).toBe('half 1 failed'), { timeout: 10_000 });
    expect(broken.states.at(-1)?.result).toBeNull();
    // The failure names its input, so the page stops saying busy for it (useWorkflow's pending).
    expect(broken.states.at(-1)?.errorFor).toBe(base);

    // The second half computed for another number of folds: refused, not shown.
    const misfit = workflowOn([realFolds, ({ shard, shards, ...input }) => foldPart({ ...input, folds: 4 }, penguins(), shard, shards)]);
    misfit.ch.submit(base);
    await vi.waitFor(() => expect(misfit.states.at(-1)?.error).toMatch(/disagree on the number of folds/), { timeout: 10_000 });
    expect(misfit.states.at(-1)?.errorFor).toBe(base);

    const noFinish = workflowOn(undefined, () => {
      throw new Error('finish failed');
    });
    noFinish.ch.submit(base);
    await vi.waitFor(() => expect(noFinish.states.at(-1)?.error).toBe('finish failed'), { timeout: 10_000 });
    expect(noFinish.states.at(-1)?.resultFor).toBeNull();
    expect(noFinish.states.at(-1)?.errorFor).toBe(base);
  });

  it('keeps the look at the data of the last result for the same target (equal in every number)', async () => {
    // The look is a function of the target alone: settings that differ in everything else agree on it.
    const wrong = { ...base, test: 0.4, folds: 4, model: 'knn' as const, leak: true, prepFit: 'all' as const, seed: 9 };
    for (const target of ['species', 'sex'] as const) {
      const a = computeWorkflow({ ...base, target }, penguins()), b = computeWorkflow({ ...wrong, target }, penguins());
      expect(plain({ look: b.look, classes: b.classes })).toEqual(plain({ look: a.look, classes: a.classes }));
    }
    const { ch, states } = workflowOn();
    const inputs = [base, { ...base, test: 0.3 }, { ...base, target: 'sex' as const }, { ...base, target: 'sex' as const, folds: 4 }];
    for (const input of inputs) {
      ch.submit(input);
      await vi.waitFor(() => expect(states.at(-1)?.resultFor).toBe(input), { timeout: 10_000 });
      expect(plain(states.at(-1)?.result)).toEqual(plain(computeWorkflow(input, penguins())));
    }
    const r = states.map((s) => s.result!);
    expect(r[1].look).toBe(r[0].look);
    expect(r[1].classes).toBe(r[0].classes);
    expect(r[2].look).not.toBe(r[1].look);
    expect(r[3].look).toBe(r[2].look);
    ch.close();
  });

  it('says nothing once closed', async () => {
    const { ch, states, workers } = workflowOn();
    ch.submit(base);
    ch.close();
    ch.submit({ ...base, test: 0.3 });
    await new Promise((r) => setTimeout(r, 300));
    expect(states).toEqual([]);
    // The halves in flight were told to stop.
    for (const w of workers) expect(w.inbox.filter((m) => m.t === 'cancel')).toHaveLength(1);
  });
});

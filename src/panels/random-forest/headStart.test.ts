/**
 * Forests grown before the page asks (headStart.ts): the head start grows exactly the forest the
 * page will ask for at an address (the store's own reading of the link); the step ahead grows the
 * slider's next value as the store rounds it; a run taken over after any number of slices ends on
 * the fresh run's view to the bit (both parts); other requests get fresh runs and stop the growing.
 */
import { describe, expect, it } from 'vitest';
import { manual } from '../../lib/worker/gate.testutil';
import { createPanelStore } from '../../lib/params/store';
import { linkSearches, storeParams as storeParamsOf } from '../../lib/params/links.testutil';
import { defaults } from '../../lib/params/schema';
import { configKey, configOf, createForestRun, type ForestConfig, type ForestTarget, type ForestView } from './model';
import { createPermRun, type PermView } from './permPart';
import { createAhead, linkedRun, nextConfig } from './headStart';
import panel from './panel';
import { schema, type ForestParams } from './params';

const bits = (a: ArrayLike<number>) => Array.from(a, (x) => (Number.isNaN(x) ? 'NaN' : Object.is(x, -0) ? '-0' : x));

const storeParams = (search: string) => storeParamsOf(schema, search);

function finish<T>(run: { advance(t: T, deadline: number): boolean }, t: T) {
  while (!run.advance(t, Infinity));
}

function expectSameForest(got: ForestView, want: ForestView) {
  expect([got.key, got.trees, got.grown, got.picked?.index]).toEqual([want.key, want.trees, want.grown, want.picked?.index]);
  expect(bits(got.map)).toEqual(bits(want.map));
  expect(got.contour).toEqual(want.contour);
  expect(got.multiples.map((m) => bits(m.grid))).toEqual(want.multiples.map((m) => bits(m.grid)));
  for (const k of ['testError', 'oobError', 'oobCoverage', 'treeErrors', 'impurity', 'permMean', 'permSd'] as const) expect(bits(got.scores![k]), k).toEqual(bits(want.scores![k]));
}

function expectSamePerm(got: PermView, want: PermView) {
  expect([got.key, got.trees, got.grown, got.columns]).toEqual([want.key, want.trees, want.grown, want.columns]);
  expect(bits(got.mean)).toEqual(bits(want.mean));
  expect(bits(got.sd)).toEqual(bits(want.sd));
}

const SMALL = '?trees=12&n=90&tree=3';
const small = (over: Partial<ForestParams> = {}, part: 0 | 1 = 0): ForestConfig => ({ ...configOf({ ...defaults(schema), n: 90, ...over }), part });

describe('the head start reads the address as the page does', () => {
  const searches = linkSearches(schema, panel.experiments!, [
    '?v=1&trees=200&dataset=moons&jitter=0.35&n=300&noise=0&depth=13&features=sqrt&minSplit=2&criterion=gini&bootstrap=1&tree=1&seed=1',
    '?noise=10&features=1',
    '?dataset=xor&depth=1&trees=200&tree=250',
    '?n=7&jitter=9&noise=-3&features=nope&depth=1e9&criterion=%3Cb%3E&embed=1&note=hi',
  ]);
  for (const search of searches)
    it(`the same config and target as the store's first render: "${search}"`, () => {
      const p = storeParams(search);
      for (const part of [0, 1] as const) {
        const { config, target } = linkedRun({ part, search });
        expect(config).toEqual({ ...configOf(p), part });
        expect(configKey(config)).toBe(configKey(configOf(p)));
        expect(target).toEqual({ trees: p.trees, pick: p.tree });
      }
    });
});

describe('the next step of the slider last moved', () => {
  it('one step further the same way, rounded as the store rounds it; back at the end of the range', () => {
    expect(nextConfig(small({ n: 90 }), small({ n: 100 }))).toEqual(small({ n: 110 }));
    expect(nextConfig(small({ n: 100 }), small({ n: 90 }))).toEqual(small({ n: 80 }));
    expect(nextConfig(small({ jitter: 0.3 }), small({ jitter: 0.35 }))).toEqual(small({ jitter: 0.4 }));
    expect(nextConfig(small({ jitter: 0.1 }), small({ jitter: 0.05 }))).toEqual(small({ jitter: 0 }));
    expect(nextConfig(small({ noise: 9 }), small({ noise: 10 }))).toEqual(small({ noise: 9 }));
    expect(nextConfig(small({ minSplit: 3 }), small({ minSplit: 2 }))).toEqual(small({ minSplit: 3 }));
    expect(nextConfig(small({ depth: 12 }), small({ depth: 13 }))).toEqual(small({ depth: 12 }));
    expect(nextConfig(small({}, 1), small({ noise: 1 }, 1))).toEqual(small({ noise: 2 }, 1));
  });

  it('the value a slider step gives, for every step of every such slider', () => {
    // The store's value after a step from v is coerce(v ± step); walking the range from the
    // minimum, each prediction must be the next value exactly (float sums drift: 0.05 · 7).
    for (const name of ['n', 'noise', 'jitter', 'depth', 'minSplit'] as const) {
      const store = createPanelStore(schema);
      const spec = schema[name];
      const step = 'step' in spec ? spec.step : 1;
      store.getState().set(name, spec.min);
      let before = configOf(store.getState().params);
      store.getState().set(name, store.getState().params[name] + step);
      for (;;) {
        const now = configOf(store.getState().params);
        const v = store.getState().params[name];
        if (v + step > spec.max + 1e-9) break;
        store.getState().set(name, v + step);
        expect(nextConfig({ ...before, part: 0 }, { ...now, part: 0 }), `${name} after ${v}`).toEqual({ ...configOf(store.getState().params), part: 0 });
        before = now;
      }
    }
  });

  it('nothing when no slider or more than one setting moved, or a choice moved', () => {
    expect(nextConfig(null, small())).toBeNull();
    expect(nextConfig(small(), small())).toBeNull();
    expect(nextConfig(small({ n: 90, noise: 1 }), small({ n: 100, noise: 2 }))).toBeNull();
    expect(nextConfig(small({ dataset: 'moons' }), small({ dataset: 'xor' }))).toBeNull();
    expect(nextConfig(small({ seed: 1 }), small({ seed: 2 }))).toBeNull();
    expect(nextConfig(small({ n: 90 }, 0), small({ n: 100 }, 1))).toBeNull();
  });
});

describe('a run taken over ends where a fresh one ends, to the bit', () => {
  for (const slices of [0, 1, 5, 1000])
    it(`part 0 (the forest's view), head-started, taken after ${slices} slices`, async () => {
      const w = manual();
      const ahead = createAhead(createForestRun, w.nextTask, w.idle, 0);
      const { config, target } = linkedRun({ part: 0, search: SMALL });
      ahead.begin(config, target);
      await w.tick(slices);
      const run = ahead.run(config);
      expect(ahead.pending()).toBeNull(); // taken
      finish(run, target);
      const fresh = createForestRun(config);
      finish(fresh, target);
      expectSameForest(run.view(target), fresh.view(target));
    });

  for (const slices of [0, 3, 1000])
    it(`part 1 (its permutation columns), noise 3, head-started, taken after ${slices} slices`, async () => {
      const search = `${SMALL}&noise=3`;
      const w = manual();
      const ahead = createAhead(createPermRun, w.nextTask, w.idle, 0);
      const { config, target } = linkedRun({ part: 1, search });
      ahead.begin(config, { trees: target.trees });
      await w.tick(slices);
      const run = ahead.run(config);
      finish(run, { trees: target.trees });
      const fresh = createPermRun(config);
      finish(fresh, { trees: target.trees });
      expectSamePerm(run.view({ trees: target.trees }), fresh.view({ trees: target.trees }));
    });

  it('a step ahead: after n 90 → 100 is answered and the page idles, n 110 grows and is handed over', async () => {
    const w = manual();
    const ahead = createAhead(createForestRun, w.nextTask, w.idle, 0);
    const t: ForestTarget = { trees: 10, pick: 2 };
    for (const n of [90, 100]) finish(ahead.run(small({ n })), t);
    expect(ahead.pending()).toBeNull(); // waits for the page to draw
    await w.wake();
    expect(ahead.pending()).toBe(`0#${configKey(small({ n: 110 }))}`);
    await w.tick(7);
    const run = ahead.run(small({ n: 110 }));
    expect(run.progress()).toBeGreaterThan(0); // taken over, grown ahead
    finish(run, t);
    const fresh = createForestRun(small({ n: 110 }));
    finish(fresh, t);
    expectSameForest(run.view(t), fresh.view(t));
  });
});

describe('the end of a range', () => {
  it('the step back is kept by the run host, so the step ahead grows the one after it; a kept run asked again counts as a step', async () => {
    const w = manual();
    const ahead = createAhead(createForestRun, w.nextTask, w.idle, 0);
    const t: ForestTarget = { trees: 5, pick: 1 };
    const runs = new Map<number, ReturnType<typeof ahead.run>>();
    for (const n of [490, 500]) {
      runs.set(n, ahead.run(small({ n })));
      finish(runs.get(n)!, t);
    }
    await w.wake();
    expect(ahead.pending()).toBe(`0#${configKey(small({ n: 480 }))}`);
    // The page steps back to 490: the host advances the run it kept (no new run is asked for).
    // That slice stops the growing, and its answer resumes it.
    finish(runs.get(490)!, t);
    await w.tick(3);
    expect(w.waiting()).toBe(0);
    await w.wake();
    expect(ahead.pending()).toBe(`0#${configKey(small({ n: 480 }))}`);
    await w.tick(100);
    const run = ahead.run(small({ n: 480 }));
    expect(run.progress()).toBe(t.trees); // grown ahead, all of it
    finish(run, t);
    const fresh = createForestRun(small({ n: 480 }));
    finish(fresh, t);
    expectSameForest(run.view(t), fresh.view(t));
  });
});

describe('a run the host kept', () => {
  it('asked again, counts as a step of the slider: the step ahead follows it', async () => {
    const w = manual();
    const ahead = createAhead(createForestRun, w.nextTask, w.idle, 0);
    const t: ForestTarget = { trees: 3, pick: 1 };
    const runs = new Map<number, ReturnType<typeof ahead.run>>();
    for (const n of [300, 310]) {
      runs.set(n, ahead.run(small({ n })));
      finish(runs.get(n)!, t);
    }
    await w.wake();
    expect(ahead.pending()).toBe(`0#${configKey(small({ n: 320 }))}`);
    finish(runs.get(300)!, t); // back to 300, from the host's own runs
    await w.wake();
    expect(ahead.pending()).toBe(`0#${configKey(small({ n: 290 }))}`);
  });
});

describe('other requests get a fresh run, and stop the growing', () => {
  it('a request for other settings is not given the head start, and stops it', async () => {
    const w = manual();
    const ahead = createAhead(createForestRun, w.nextTask, w.idle, 0);
    const { config, target } = linkedRun({ part: 0, search: SMALL });
    ahead.begin(config, target);
    expect(w.waiting()).toBe(1); // one slice done, the next waits for a task
    await w.tick(2);
    const other = ahead.run({ ...config, data: { ...config.data, n: 100 } });
    expect(other.progress()).toBe(0);
    await w.tick(50);
    expect(w.waiting()).toBe(0); // stopped growing
    // A head start is kept for a later request (the page's first render may ask for other settings).
    const run = ahead.run(config);
    expect(run.progress()).toBe(3);
    expect(ahead.run(config).progress()).toBe(0); // taken once only
  });

  it('a step ahead stops growing at a request for other settings; a request while idle cancels the next', async () => {
    const w = manual();
    const ahead = createAhead(createForestRun, w.nextTask, w.idle, 0);
    const t: ForestTarget = { trees: 10, pick: 1 };
    for (const n of [90, 100]) finish(ahead.run(small({ n })), t);
    await w.wake();
    const grown = `0#${configKey(small({ n: 110 }))}`;
    expect(ahead.pending()).toBe(grown);
    finish(ahead.run(small({ n: 90 })), t); // the other way: not the one grown
    await w.tick(20);
    expect(w.waiting()).toBe(0); // no longer grown (kept until a newer step ahead replaces it)
    // Answered n 90 after n 100: the step ahead is n 80, but a request comes before the page is idle.
    ahead.run(small({ n: 70 }));
    await w.wake();
    expect(ahead.pending()).toBe(grown);
    // Answered n 70 after n 90 (down): n 60 replaces n 110.
    finish(ahead.run(small({ n: 70 })), t);
    await w.wake();
    expect(ahead.pending()).toBe(`0#${configKey(small({ n: 60 }))}`);
  });

  it('the other part, or the whole (no part), is never given a part-0 run; a head start begins only before any request', () => {
    const w = manual();
    const ahead = createAhead(createForestRun, w.nextTask, w.idle, 0);
    const { config, target } = linkedRun({ part: 0, search: SMALL });
    ahead.begin(config, target);
    expect(ahead.run({ ...config, part: 1 }).progress()).toBe(0);
    const whole: ForestConfig = { ...config };
    delete whole.part;
    expect(ahead.run(whole).progress()).toBe(0);
    // Still kept for its own part's request; a head start for another forest no longer begins.
    expect(ahead.pending()).toBe(`0#${configKey(config)}`);
    ahead.begin({ ...config, data: { ...config.data, n: 100 } }, target);
    expect(ahead.pending()).toBe(`0#${configKey(config)}`);
    expect(ahead.run(config).progress()).toBeGreaterThan(0);
  });
});

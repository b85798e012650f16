/**
 * Fits made before the page asks (headStart.ts): the head start computes exactly the half the
 * page will ask this worker for at an address (the store's own reading of the link); the step
 * ahead computes the slider's next value as the store rounds it, and only while the page is idle;
 * a worker that did either answers every request with a cold worker's bits.
 */
import { describe, expect, it } from 'vitest';
import { createPanelStore } from '../../lib/params/store';
import { linkSearches, storeParams as storeParamsOf } from '../../lib/params/links.testutil';
import { defaults } from '../../lib/params/schema';
import { createHalfComputer, type HalfInput, type Part } from './halves';
import { frameInput } from './keys';
import { createAhead, linkedHalf, nextHalf } from './headStart';
import { HEAD_START, type HeadStartMsg } from '../../lib/worker/headStart';
import panel from './panel';
import { schema, type BBParams } from './params';

/** A value with every number and typed array spelled out bit by bit (keys sorted). */
function bits(v: unknown): unknown {
  if (ArrayBuffer.isView(v)) return `${v.constructor.name}:${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : Buffer.from(new Float64Array([v]).buffer).toString('hex');
  if (Array.isArray(v)) return v.map(bits);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, bits((v as Record<string, unknown>)[k])]));
  return v;
}

const storeParams = (search: string) => storeParamsOf(schema, search);

const msg = (shard: 0 | 1, search: string): HeadStartMsg => ({ t: HEAD_START, shard, search });
const at = (over: Partial<BBParams>, shard: 0 | 1 = 0): HalfInput => ({ ...frameInput({ ...defaults(schema), ...over }), shard, shards: 2 });

/** A half computer that records what it was asked. */
function recording() {
  const asked: HalfInput[] = [];
  const real = createHalfComputer();
  return { asked, half: (h: HalfInput): Part => (asked.push(h), real(h)) };
}

/** An idle wait the test ends by hand. */
function manualIdle() {
  const waiting: (() => void)[] = [];
  return {
    idle: () => new Promise<void>((r) => waiting.push(r)),
    async wake() {
      waiting.splice(0).forEach((r) => r());
      for (let i = 0; i < 6; i++) await Promise.resolve();
    },
  };
}

describe('the head start reads the address as the page does', () => {
  const searches = linkSearches(schema, panel.experiments!, [
    '?v=1&dataset=circles&noise=0.2&n=80&depth=3&lr=0.3&bootstrap=1&seed=1&round=200',
    '?dataset=xor&noise=0.1&round=200',
    '?n=3&noise=9&depth=0&lr=x&round=-4&dataset=%3Cb%3E&embed=1&note=hi',
  ]);
  for (const search of searches)
    it(`the same half the page's first render asks for: "${search}"`, () => {
      const input = frameInput(storeParams(search));
      for (const shard of [0, 1] as const) expect(linkedHalf({ shard, search })).toEqual({ ...input, shard, shards: 2 });
    });

  it('computes that half once, and not after the page has asked', () => {
    const r = recording();
    const ahead = createAhead(r.half, manualIdle().idle);
    ahead.begin(msg(1, '?depth=2&round=30'));
    expect(r.asked).toEqual([linkedHalf({ shard: 1, search: '?depth=2&round=30' })]);
    ahead.answer(at({}, 1));
    ahead.begin(msg(1, '?depth=3'));
    expect(r.asked).toHaveLength(2);
  });
});

describe('the next step of the slider last moved', () => {
  it('one step further the same way, rounded as the store rounds it; back at the end of the range; the round kept', () => {
    expect(nextHalf(at({ noise: 0.3 }), at({ noise: 0.31, round: 7 }))).toEqual(at({ noise: 0.32, round: 7 }));
    expect(nextHalf(at({ noise: 0.02 }), at({ noise: 0.01 }))).toEqual(at({ noise: 0 }));
    expect(nextHalf(at({ noise: 0.59 }), at({ noise: 0.6 }))).toEqual(at({ noise: 0.59 }));
    expect(nextHalf(at({ n: 150 }, 1), at({ n: 160 }, 1))).toEqual(at({ n: 170 }, 1));
    expect(nextHalf(at({ depth: 2 }), at({ depth: 3 }))).toEqual(at({ depth: 2 }));
  });

  it('the value a slider step gives, over each such slider’s whole range', () => {
    for (const name of ['noise', 'n', 'depth'] as const) {
      const store = createPanelStore(schema);
      const spec = schema[name];
      const step = 'step' in spec ? spec.step : 1;
      const half = () => ({ ...frameInput(store.getState().params), shard: 0 as const, shards: 2 as const });
      store.getState().set(name, spec.min);
      let before = half();
      store.getState().set(name, store.getState().params[name] + step);
      while (store.getState().params[name] + step <= spec.max + 1e-9) {
        const now = half();
        store.getState().set(name, store.getState().params[name] + step);
        expect(nextHalf(before, now), `${name} after ${now[name]}`).toEqual(half());
        before = now;
      }
    }
  });

  it('nothing when no slider, more than one setting, a choice or the learning rate moved, or for the other half', () => {
    expect(nextHalf(null, at({}))).toBeNull();
    expect(nextHalf(at({}), at({ round: 40 }))).toBeNull();
    expect(nextHalf(at({ n: 150, noise: 0.3 }), at({ n: 160, noise: 0.31 }))).toBeNull();
    expect(nextHalf(at({ dataset: 'moons' }), at({ dataset: 'xor' }))).toBeNull();
    expect(nextHalf(at({ lr: 0.3 }), at({ lr: 0.34 }))).toBeNull();
    expect(nextHalf(at({ n: 150 }, 0), at({ n: 160 }, 1))).toBeNull();
  });

  it('computes the step ahead once the page is idle, unless a request came first', async () => {
    const r = recording();
    const w = manualIdle();
    const ahead = createAhead(r.half, w.idle);
    ahead.answer(at({ n: 150 }));
    ahead.answer(at({ n: 160 }));
    await w.wake();
    expect(r.asked.slice(2)).toEqual([at({ n: 170 })]);
    ahead.answer(at({ n: 170 }));
    ahead.answer(at({ n: 180 }));
    ahead.answer(at({ n: 180, round: 5 })); // the player moved: the same setting
    await w.wake();
    // Only after the last request: one step ahead, at its round.
    expect(r.asked.slice(6)).toEqual([at({ n: 190, round: 5 })]);
  });
});

describe('the end of a range', () => {
  it('the step back is still in the caches, so the step ahead computes the one after it', async () => {
    const r = recording();
    const w = manualIdle();
    const ahead = createAhead(r.half, w.idle);
    ahead.answer(at({ noise: 0.59 }));
    ahead.answer(at({ noise: 0.6 }));
    await w.wake();
    expect(r.asked.slice(2)).toEqual([at({ noise: 0.58 })]);
    ahead.answer(at({ noise: 0.59 })); // answered from the caches
    await w.wake();
    expect(r.asked.slice(4)).toEqual([at({ noise: 0.58 })]); // again: from the caches now, at once
  });
});

describe('after a head start or a step ahead the worker answers with a cold worker’s bits', () => {
  const links = ['', '?dataset=circles&noise=0.2&n=80&depth=3&round=200', '?noise=0.5&round=200&bootstrap=0'];
  for (const search of links)
    for (const shard of [0, 1] as const)
      it(`half ${shard} at "${search}", then steps of the noise slider, another round and another setting`, async () => {
        const w = manualIdle();
        const warm = createAhead(createHalfComputer(), w.idle);
        warm.begin(msg(shard, search));
        const cold = createHalfComputer();
        const first = linkedHalf({ shard, search });
        const up = (h: HalfInput, k: number) => ({ ...h, noise: Math.round((h.noise + 0.01 * k) * 100) / 100 });
        for (const h of [first, up(first, 1), up(first, 2), { ...up(first, 2), round: 3 }, { ...first, depth: first.depth === 1 ? 2 : 1 }, first]) {
          expect(bits(warm.answer(h))).toEqual(bits(cold(h)));
          await w.wake();
        }
      });
});

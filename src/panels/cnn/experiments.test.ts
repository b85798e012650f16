/**
 * Every number and claim a "Try this" text makes, checked against the model at that
 * experiment's state (lib/panel/quoted.ts): the kernel mode with model.ts (float64, what the page
 * computes), the network mode with TrainingRun on WASM (what the worker runs where there is no
 * GPU). Training claims quote only what survives float32 differences between backends: a step
 * bound with margin and orderings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { atMost, expectQuoted, type Fact } from '../../lib/panel/quoted';
import { useCpuBackend, useWasmBackend } from '../../lib/tf/testing';
import panel from './panel';
import { computeKernelView, grid, outSize, pool, receptiveField } from './model';
import { SIZE } from './modelDigits';
import { schema, type CnnParams } from './params';
import { inputImage } from './useInputImage';
import { TrainingRun } from './run';
import { netConfig, paramCount, TARGET_ACC } from './arch';

type Facts = Record<string, Fact>;

function kernel(p: CnnParams) {
  const image = grid(SIZE, SIZE, inputImage(p).pixels);
  return computeKernelView({ image, kernel: p.k, stride: p.stride, pad: p.pad, dil: p.dil, pos: p.pos, poolKind: p.pool, poolSize: p.psize, poolStride: p.pstride });
}
const maxAbs = (a: ArrayLike<number>) => Math.max(...Array.from(a, Math.abs));

/** One run per training config, advanced as far as asked (so the default run is trained once). */
const runs = new Map<string, TrainingRun>();
function trained(p: CnnParams) {
  const key = JSON.stringify(netConfig(p));
  let run = runs.get(key);
  if (!run) runs.set(key, (run = new TrainingRun(netConfig(p))));
  run.advance(p.train ? p.steps : 0);
  return run.view(inputImage(p).pixels);
}

const CHECKS: Record<string, (p: CnnParams) => Facts> = {
  'Find the vertical strokes of a 1': (p) => {
    const r = kernel(p);
    const { h, w, data } = r.out;
    const img = inputImage(p).pixels;
    // Blank paper: every window of zeros gives exactly 0.
    let blank = 0;
    for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) {
      let ink = 0;
      for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) ink += img[(i + a) * SIZE + j + b];
      if (ink === 0) {
        blank++;
        expect(data[i * w + j]).toBe(0);
      }
    }
    expect(blank).toBeGreaterThan(50);
    // Down the stem (rows 5–10 of the output): the largest positive value lies left of the most negative.
    for (let i = 5; i <= 10; i++) {
      const row = Array.from(data.subarray(i * w, (i + 1) * w));
      const jmax = row.indexOf(Math.max(...row)), jmin = row.indexOf(Math.min(...row));
      expect(row[jmax]).toBeGreaterThan(1);
      expect(row[jmin]).toBeLessThan(-1);
      expect(jmax).toBeLessThan(jmin);
    }
    return { '1': 'setting', '0': 'setting' };
  },
  'Stride 2 halves the map': (p) => {
    const r = kernel(p);
    expect(r.positions * 4).toBe(outSize(SIZE, 3, 1, p.pad, 1) ** 2);
    return { '2': p.stride, '1': p.pad, '8': r.out.w, '16': outSize(SIZE, 3, 1, p.pad, 1), '3': 'setting' };
  },
  'Dilation widens the view': (p) => {
    const r = kernel(p);
    expect(r.out.h).toBe(r.out.w);
    return { '5': receptiveField(3, p.dil), '2': p.pad, '16': r.out.w };
  },
  'Max versus average pooling': (p) => {
    const r = kernel(p);
    const maxed = pool(r.out, 'max', p.psize, p.pstride);
    expect(maxAbs(r.pooled.data)).toBeLessThan(maxAbs(r.out.data)); // paler
    expect(Math.max(...maxed.data)).toBeCloseTo(Math.max(...r.out.data), 12); // blue stays strong
    expect(-Math.min(...maxed.data)).toBeLessThan(-Math.min(...r.pooled.data)); // red fades
    return {};
  },
  'Train the network': (p) => {
    const v = trained(p);
    expect(v.step).toBe(p.steps);
    return { '90': 100 * TARGET_ACC, '100': atMost(100, v.reachedAt ?? Infinity) };
  },
  'Train with one filter in the first layer': (p) => {
    const v = trained(p);
    const d = trained({ ...p, f1: defaults(schema).f1, f2: defaults(schema).f2 });
    expect(v.eval.acc).toBeLessThan(d.eval.acc - 0.03);
    const at = (h: typeof v.history, s: number) => h.find((x) => x.step === s)!.acc;
    for (const s of [50, 100, p.steps]) expect(at(v.history, s)).toBeLessThan(at(d.history, s));
    return { '1': p.f1, '2': p.f2, '360': paramCount(p), '3,818': paramCount(defaults(schema)) };
  },
};

describe('cnn: the numbers and claims of the "Try this" texts', () => {
  beforeAll(async () => {
    expect(await useWasmBackend()).toBe(true);
  });
  afterAll(async () => {
    runs.forEach((r) => r.dispose());
    await useCpuBackend();
  });
  for (const ex of panel.experiments) {
    it(ex.title, () => {
      const p: CnnParams = { ...defaults(schema), ...ex.params };
      expectQuoted(`${ex.title}. ${ex.notice}`, CHECKS[ex.title]?.(p) ?? {});
    }, 60_000);
  }
});

/**
 * The race and the contour grid, to the bit, against digests taken from the code before stop 33's
 * change (commit 6bdb525: tf.grad of the summed loss, the logistic batch built by flatMap).
 * Any change to how the gradients or the grid are computed must leave every float32 gradient,
 * and so every path, loss, status and grid value, exactly as it was, on CPU and on WASM (the
 * backend the page's worker runs here). A digest covers every number as its float64 bits.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { useCpuBackend, useWasmBackend } from '../../lib/tf/testing';
import panel from './panel';
import { createComputer, type GDResult } from './compute';
import { schema, type GDParams } from './params';

const base = defaults(schema) as GDParams;
/** The default link, every "Try this" link, and cases the links miss (mini-batches, every optimizer, divergence). */
const CASES: [string, GDParams][] = [
  ['default', base],
  ...panel.experiments!.map((e, i) => [`experiment-${i}`, { ...base, ...e.params } as GDParams] as [string, GDParams]),
  ['logistic b10 all six', { ...base, surface: 'logistic', start: [-1.5, 2.5], batch: 10, seed: 7, optimizers: ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'], lr: 0.5, step: 150 } as GDParams],
  ['multimodal all six', { ...base, surface: 'multimodal', start: [2.5, -2.5], optimizers: ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'], step: 120 } as GDParams],
  ['rosenbrock diverging', { ...base, surface: 'rosenbrock', start: [-1.5, 2], optimizers: ['sgd', 'nesterov'], lr: 0.01, step: 60 } as GDParams],
];

const hex = (v: number) => Array.from(new Uint8Array(Float64Array.of(v).buffer), (b) => b.toString(16).padStart(2, '0')).join('');
const digest = (r: GDResult) =>
  createHash('sha256')
    .update(JSON.stringify([r.runs, r.ahead, Array.from(r.grid.values)], (_, v: unknown) => (typeof v === 'number' ? hex(v) : v)))
    .digest('hex')
    .slice(0, 16);

// Digests of the code before the change (computed there with this same file), per backend.
const OLD: Record<string, Record<string, string>> = {
  cpu: {
    default: '8640768ae3de08ca',
    'experiment-0': '8505cd3bead71eed',
    'experiment-1': 'f0ac4dceb8e356ae',
    'experiment-2': '80c0ce8d9993c424',
    'experiment-3': '37854065637fe56a',
    'experiment-4': 'feede94d0d38df3f',
    'experiment-5': '32abfe0f979dd153',
    'experiment-6': '8a5ee3023b902047',
    'logistic b10 all six': 'a0759dfa9f5b0197',
    'multimodal all six': 'd0fc1b64a8d9702c',
    'rosenbrock diverging': 'df6f5d7897c8d3c1',
  },
  wasm: {
    default: '8640768ae3de08ca',
    'experiment-0': '8505cd3bead71eed',
    'experiment-1': 'f0ac4dceb8e356ae',
    'experiment-2': '80c0ce8d9993c424',
    'experiment-3': '25adb3803693c6c9',
    'experiment-4': 'feede94d0d38df3f',
    'experiment-5': '6e8860b9db1fee6f',
    'experiment-6': '8a5ee3023b902047',
    'logistic b10 all six': '6d9d8368bf35bb20',
    'multimodal all six': 'c5b9289827ade68e',
    'rosenbrock diverging': 'df6f5d7897c8d3c1',
  },
};

const seen: Record<string, Record<string, string>> = {};
// GD_DIGESTS=<file> writes the digests seen (how OLD was made, on the old code).
afterAll(() => {
  if (process.env.GD_DIGESTS) writeFileSync(process.env.GD_DIGESTS, JSON.stringify(seen, null, 1));
});

describe.each([
  ['cpu', useCpuBackend],
  ['wasm', useWasmBackend],
] as const)('every frame on %s, bit for bit as before', (backend, use) => {
  it.each(CASES)('%s', async (name, p) => {
    await use();
    const d = digest(createComputer()(p));
    (seen[backend] ??= {})[name] = d;
    expect(d).toBe(OLD[backend]?.[name]);
  });
});

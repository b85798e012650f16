/* semiRun's per-iteration labels, shares, accuracy and points reached (model.ts, one pass into one
   block per run) against the way they were made before, kept here as the reference: the kit's run
   stepped by hand and the kit's labelsOf per iteration, each iteration in two fresh arrays. Equal
   to the bit (every share's Float32 bits, every accuracy's Float64 bits) over both methods, two
   and three classes, the ends of γ, the point count and the labels given. */
import { describe, expect, it } from 'vitest';
import { createLabelSpreading, labelsOf } from '../../lib/learn/labelSpreading';
import { defaults } from '../../lib/params/schema';
import { makeData, pickLabelled } from './data';
import { dataOf, semiRun, type SemiInput } from './model';
import { MAX_ITER, schema, type LpParams } from './params';

function reference(p: SemiInput) {
  const { X, y, K } = makeData(p);
  const labelled = pickLabelled(y, K, p.labelled, p.seed);
  const given = new Int32Array(X.n).fill(-1);
  for (const i of labelled) given[i] = y[i];
  const run = createLabelSpreading(X, given, K, { kind: p.method, gamma: p.gamma, alpha: p.alpha, maxIter: MAX_ITER });
  const hidden = X.n - labelled.length;
  const preds: Int8Array[] = [], conf: Float32Array[] = [], acc: number[] = [], reached: number[] = [];
  const snap = () => {
    const { labels, confidence } = labelsOf(run.F, K);
    const pr = new Int8Array(X.n), cf = new Float32Array(X.n);
    let right = 0, got = 0;
    for (let i = 0; i < X.n; i++) {
      pr[i] = confidence[i] > 0 ? labels[i] : -1;
      cf[i] = confidence[i];
      if (given[i] >= 0) continue;
      if (pr[i] >= 0) got++;
      if (pr[i] === y[i]) right++;
    }
    preds.push(pr);
    conf.push(cf);
    acc.push(hidden > 0 ? right / hidden : NaN);
    reached.push(got);
  };
  snap();
  while (run.step()) snap();
  return { preds, conf, acc, reached, nIter: run.iter };
}

/** Every iteration's arrays joined, as bytes: equal bytes, equal bits. */
const bytes = (parts: ArrayLike<number>[], Type: Int8ArrayConstructor | Float32ArrayConstructor) => {
  const n = parts.reduce((s, a) => s + a.length, 0);
  const all = new Type(n);
  let at = 0;
  for (const a of parts) {
    all.set(a, at);
    at += a.length;
  }
  return Array.from(new Uint8Array(all.buffer));
};

const D = defaults(schema);
const cases: Partial<LpParams>[] = [
  {},
  { n: 400 },
  { n: 30, labelled: 2 },
  { n: 250, gamma: 0.5 },
  { n: 300, gamma: 200, noise: 0.4 },
  { dataset: 'blobs', n: 240 },
  { dataset: 'circles', n: 180, labelled: 60 },
  { method: 'spreading', n: 260, alpha: 0.99 },
  { method: 'spreading', dataset: 'blobs', n: 150, alpha: 0.5, gamma: 5 },
  { n: 60, labelled: 60 },
];

describe('the run’s per-iteration figures, made in one pass, equal the kit’s labels iteration by iteration', () => {
  for (const o of cases) {
    it(JSON.stringify(o), () => {
      const p = { ...D, ...o };
      const c: SemiInput = { ...dataOf(p), labelled: p.labelled, method: p.method, gamma: p.gamma, alpha: p.alpha };
      const r = semiRun(c), ref = reference(c);
      expect(r.nIter).toBe(ref.nIter);
      expect(r.preds).toHaveLength(ref.preds.length);
      expect(bytes(r.preds, Int8Array)).toEqual(bytes(ref.preds, Int8Array));
      expect(bytes(r.conf, Float32Array)).toEqual(bytes(ref.conf, Float32Array));
      expect(Array.from(new Uint8Array(r.acc.buffer))).toEqual(Array.from(new Uint8Array(Float64Array.from(ref.acc).buffer)));
      expect(Array.from(r.reached)).toEqual(ref.reached);
    });
  }
});
